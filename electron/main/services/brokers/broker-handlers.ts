// The broker channels, kept beside the service so app-handlers.ts wires them with one line.
import type { ChannelHandlers } from '../../ipc/dispatcher';
import { createBrokerService, type BrokerServiceDeps } from './broker-service';

type BrokerChannel =
  | 'brokers:list'
  | 'brokers:configs'
  | 'brokers:config-preview'
  | 'brokers:alter-config'
  | 'brokers:log-dirs'
  | 'brokers:elect-leaders'
  | 'brokers:reassignment-plan'
  | 'brokers:reassign'
  | 'brokers:reassignments'
  | 'brokers:cancel-reassignment';

export function createBrokerHandlers(deps: BrokerServiceDeps): { handlers: Pick<ChannelHandlers, BrokerChannel> } {
  const brokers = createBrokerService(deps);
  return {
    handlers: {
      'brokers:list': ({ profileId }) => brokers.list(profileId),
      'brokers:configs': ({ profileId, brokerId }) => brokers.configs(profileId, brokerId),
      'brokers:config-preview': (request) => brokers.previewConfig(request),
      'brokers:alter-config': (request) => brokers.alterConfig(request),
      'brokers:log-dirs': ({ profileId, brokerId }) => brokers.logDirs(profileId, brokerId),
      'brokers:elect-leaders': (request) => brokers.electLeaders(request),
      'brokers:reassignment-plan': (request) => brokers.planReassignment(request),
      'brokers:reassign': (request) => brokers.reassign(request),
      'brokers:reassignments': ({ profileId, topic }) => brokers.reassignments(profileId, topic),
      'brokers:cancel-reassignment': (request) => brokers.cancelReassignment(request),
    },
  };
}
