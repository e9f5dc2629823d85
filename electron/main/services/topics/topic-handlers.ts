// The topic channels and the `topics:list` stream, kept beside the service so app-handlers.ts wires
// them with one line.
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import { describeKafkaFailure, principalOf } from './kafka-error-words';
import { streamTopicList } from './topic-list';
import { createTopicService, type TopicServiceDeps } from './topic-service';

type TopicChannel = 'topics:detail' | 'topics:create' | 'topics:delete' | 'topics:add-partitions' | 'topics:alter-config' | 'topics:purge' | 'topics:clone';

export function createTopicHandlers(deps: TopicServiceDeps): { handlers: Pick<ChannelHandlers, TopicChannel>; producers: Pick<StreamProducers, 'topics:list'> } {
  const topics = createTopicService(deps);
  return {
    handlers: {
      'topics:detail': ({ profileId, topic }) => topics.detail(profileId, topic),
      'topics:create': (request) => topics.create(request),
      'topics:delete': (request) => topics.delete(request),
      'topics:add-partitions': (request) => topics.addPartitions(request),
      'topics:alter-config': (request) => topics.alterConfig(request),
      'topics:purge': (request) => topics.purge(request),
      'topics:clone': (request) => topics.clone(request),
    },
    producers: {
      'topics:list': async (request, sink) => {
        const settings = await deps.profiles.resolveConnection(request.profileId);
        try {
          return await streamTopicList(settings, request, sink, { clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) });
        } catch (error) {
          if (sink.signal.aborted) throw error;
          throw describeKafkaFailure(error, 'Listing topics', principalOf(settings));
        }
      },
    },
  };
}
