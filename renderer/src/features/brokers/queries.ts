// Brokers over the contract. The list is re-read every few seconds while the screen is open, so a
// stopped broker shows as fenced soon after; configs and log dirs are read when a broker is opened.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

export const BROKER_LIST_REFRESH_MS = 3_000;

export function useBrokerList(profileId: string) {
  return useQuery({
    queryKey: ['brokers:list', profileId],
    queryFn: () => unwrap(api.invoke['brokers:list']({ profileId })),
    refetchInterval: BROKER_LIST_REFRESH_MS,
    retry: false,
  });
}

export function useBrokerConfigs(profileId: string, brokerId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['brokers:configs', profileId, brokerId],
    queryFn: () => unwrap(api.invoke['brokers:configs']({ profileId, brokerId })),
    enabled,
    retry: false,
  });
}

export function useBrokerLogDirs(profileId: string, brokerId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['brokers:log-dirs', profileId, brokerId],
    queryFn: () => unwrap(api.invoke['brokers:log-dirs']({ profileId, brokerId })),
    enabled,
    retry: false,
  });
}

export function useReassignments(profileId: string, topic: string | null) {
  return useQuery({
    queryKey: ['brokers:reassignments', profileId, topic],
    queryFn: () => unwrap(api.invoke['brokers:reassignments']({ profileId, ...(topic ? { topic } : {}) })),
    enabled: topic !== null,
    refetchInterval: 2_000,
    retry: false,
  });
}

type BrokerAction = 'brokers:config-preview' | 'brokers:alter-config' | 'brokers:elect-leaders' | 'brokers:reassignment-plan' | 'brokers:reassign' | 'brokers:cancel-reassignment';

export function useBrokerAction<C extends BrokerAction>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => unwrap(api.invoke[channel](input)),
    onSuccess: async () => {
      if (channel === 'brokers:config-preview' || channel === 'brokers:reassignment-plan') return;
      await Promise.all([client.invalidateQueries({ queryKey: ['brokers:configs'] }), client.invalidateQueries({ queryKey: ['brokers:list'] }), client.invalidateQueries({ queryKey: ['brokers:reassignments'] })]);
    },
  });
}
