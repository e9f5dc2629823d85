// The `connect:*` channels: thin handlers over the Connect service.
import { connectorConfirmationText } from '../../../../shared/domain/connect/connect-schemas';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ChannelHandlers } from '../../ipc/dispatcher';
import type { ConnectService } from './connect-service';

export type ConnectChannel =
  | 'connect:clusters'
  | 'connect:list'
  | 'connect:detail'
  | 'connect:action'
  | 'connect:plugins'
  | 'connect:validate'
  | 'connect:save'
  | 'connect:offsets'
  | 'connect:change-offsets'
  | 'connect:worker';

function confirm(connector: string, typed: string | undefined, what: string): void {
  const expected = connectorConfirmationText(connector);
  if (typed !== expected) throw new AppFailure('INVALID_INPUT', `Type '${expected}' to confirm ${what}.`);
}

export function createConnectHandlers(service: ConnectService): Pick<ChannelHandlers, ConnectChannel> {
  return {
    'connect:clusters': ({ profileId }) => service.clusters(profileId),
    'connect:list': ({ profileId, clusterId, topics }) => service.list(profileId, clusterId, { topics }),
    'connect:detail': (input) => service.detail(input),
    'connect:action': async (input) => {
      const ref = { profileId: input.profileId, clusterId: input.clusterId, connector: input.connector };
      switch (input.action) {
        case 'pause':
          await service.pause(ref);
          return { message: `Connector '${input.connector}' is being paused.` };
        case 'resume':
          await service.resume(ref);
          return { message: `Connector '${input.connector}' is being resumed.` };
        case 'stop':
          await service.stop(ref);
          return { message: `Connector '${input.connector}' is stopped.` };
        case 'restart':
          await service.restart(ref, { includeTasks: input.includeTasks, onlyFailed: input.onlyFailed, task: input.task });
          return { message: input.task !== undefined ? `Task ${input.task} of '${input.connector}' is restarting.` : `Connector '${input.connector}' is restarting${input.includeTasks ? (input.onlyFailed ? ' with its failed tasks' : ' with its tasks') : ''}.` };
        case 'delete':
          confirm(input.connector, input.confirmation, `deleting connector '${input.connector}'`);
          await service.delete(ref);
          return { message: `Connector '${input.connector}' was deleted.` };
      }
    },
    'connect:plugins': (input) => service.plugins(input),
    'connect:validate': ({ profileId, clusterId, connector, className, config }) => service.validate({ profileId, clusterId, connector }, className, config),
    'connect:save': ({ profileId, clusterId, connector, config, mode }) => service.save({ profileId, clusterId, connector }, config, mode),
    'connect:offsets': (input) => service.offsets(input),
    'connect:change-offsets': ({ profileId, clusterId, connector, offsets, confirmation }) => {
      confirm(connector, confirmation, offsets === null ? `resetting the offsets of '${connector}'` : `altering the offsets of '${connector}'`);
      return service.changeOffsets({ profileId, clusterId, connector }, offsets);
    },
    'connect:worker': (input) => service.worker(input),
  };
}
