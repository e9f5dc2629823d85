// The group channels and the `groups:list` stream, kept beside the service so app-handlers.ts wires
// them with one line.
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import { describeKafkaFailure, principalOf } from '../topics/kafka-error-words';
import { streamGroupList } from './group-list';
import { createGroupService, type GroupServiceDeps } from './group-service';

export function createGroupHandlers(deps: GroupServiceDeps): { handlers: Pick<ChannelHandlers, 'groups:describe'>; producers: Pick<StreamProducers, 'groups:list'> } {
  const groups = createGroupService(deps);
  return {
    handlers: {
      'groups:describe': ({ profileId, groupId, rateSampleMs }) => groups.describe(profileId, groupId, rateSampleMs),
    },
    producers: {
      'groups:list': async (request, sink) => {
        const settings = await deps.profiles.resolveConnection(request.profileId);
        try {
          return await streamGroupList(settings, sink, { clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) });
        } catch (error) {
          if (sink.signal.aborted) throw error;
          throw describeKafkaFailure(error, 'Listing consumer groups', principalOf(settings));
        }
      },
    },
  };
}
