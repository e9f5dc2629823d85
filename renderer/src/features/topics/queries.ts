// Topic detail and actions over the contract. Actions refresh the detail they change; the list is
// refreshed by the screen (it is a stream, not a query).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

export const topicKeys = {
  detail: (profileId: string, topic: string) => ['topics:detail', profileId, topic] as const,
};

export function useTopicDetail(profileId: string, topic: string | null) {
  return useQuery({
    queryKey: topicKeys.detail(profileId, topic ?? ''),
    queryFn: () => unwrap(api.invoke['topics:detail']({ profileId, topic: topic ?? '' })),
    enabled: topic !== null,
  });
}

type TopicAction = 'topics:create' | 'topics:delete' | 'topics:add-partitions' | 'topics:alter-config' | 'topics:purge' | 'topics:clone';

export function useTopicAction<C extends TopicAction>(channel: C, onChanged: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => unwrap(api.invoke[channel](input)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['topics:detail'] });
      onChanged();
    },
  });
}
