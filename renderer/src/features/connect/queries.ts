// Kafka Connect data over the contract, keyed by profile (and dropped with the tenant view like every
// `connect:` key); every action drops the cached Connect answers so list and detail show the cluster now.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

const isConnectQuery = (key: readonly unknown[]) => typeof key[0] === 'string' && key[0].startsWith('connect:');

export function useConnectors(profileId: string) {
  return useQuery({
    queryKey: ['connect:list', profileId],
    queryFn: () => unwrap(api.invoke['connect:list']({ profileId, clusterId: null, topics: true })),
    // Connector states change on their own (a task fails): keep the list fresh while it is open.
    refetchInterval: 10_000,
  });
}

export function useConnectorDetail(ref: { profileId: string; clusterId: string; connector: string } | null) {
  return useQuery({
    enabled: ref !== null,
    queryKey: ['connect:detail', ref?.profileId, ref?.clusterId, ref?.connector],
    queryFn: () => unwrap(api.invoke['connect:detail'](ref!)),
    refetchInterval: 5_000,
  });
}

export function useConnectorOffsets(ref: { profileId: string; clusterId: string; connector: string } | null) {
  return useQuery({ enabled: ref !== null, queryKey: ['connect:offsets', ref?.profileId, ref?.clusterId, ref?.connector], queryFn: () => unwrap(api.invoke['connect:offsets'](ref!)) });
}

export function usePlugins(profileId: string, clusterId: string | null) {
  return useQuery({ enabled: clusterId !== null, queryKey: ['connect:plugins', profileId, clusterId], queryFn: () => unwrap(api.invoke['connect:plugins']({ profileId, clusterId: clusterId! })), staleTime: 300_000 });
}

export function useWorker(profileId: string, clusterId: string | null) {
  return useQuery({ enabled: clusterId !== null, queryKey: ['connect:worker', profileId, clusterId], queryFn: () => unwrap(api.invoke['connect:worker']({ profileId, clusterId: clusterId! })), staleTime: 300_000 });
}

function useConnectChange<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ predicate: (query) => isConnectQuery(query.queryKey) && query.queryKey[0] !== 'connect:plugins' }) });
}

export const useConnectorAction = () => useConnectChange((input: ChannelInput<'connect:action'>) => unwrap(api.invoke['connect:action'](input)));
export const useSaveConnector = () => useConnectChange((input: ChannelInput<'connect:save'>) => unwrap(api.invoke['connect:save'](input)));
export const useChangeOffsets = () => useConnectChange((input: ChannelInput<'connect:change-offsets'>) => unwrap(api.invoke['connect:change-offsets'](input)));
export const useValidateConnector = () => useMutation({ mutationFn: (input: ChannelInput<'connect:validate'>) => unwrap(api.invoke['connect:validate'](input)) });
