// Tenancy over the contract. Main keeps the active tenant and enforces it; after any change the
// renderer takes main's new state and drops every cached answer that depended on the old view.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput, TenancyState } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';
import { topicAsks, type TopicDecisions } from '../topics/topic-permissions';
import { ASKS_PER_CALL, decisionLookup, type DecisionAsk, type Decisions } from './decisions';
import { clusterReadable, dependsOnTenant, tenancyViewKey, visibleSections } from './tenancy-view';

export const tenancyKeys = {
  state: (profileId: string) => ['tenancy:state', profileId] as const,
  /** Keyed by the tenant view too, so figures cached for one tenant never show in another. */
  overview: (profileId: string, view: string) => ['cluster:overview', profileId, view] as const,
};

export function useTenancyState(profileId: string | null) {
  return useQuery({
    queryKey: tenancyKeys.state(profileId ?? ''),
    queryFn: () => unwrap(api.invoke['tenancy:state']({ profileId: profileId ?? '' })),
    enabled: profileId !== null,
  });
}

/** `state` is main's answer for one profile; without it (attach, detach) every profile's state is refetched, as an app-wide file applies to all of them. */
async function afterTenancyChange(client: QueryClient, state?: TenancyState): Promise<void> {
  if (state) client.setQueryData(tenancyKeys.state(state.profileId), state);
  else await client.invalidateQueries({ queryKey: ['tenancy:state'] });
  await client.invalidateQueries({ predicate: (query) => dependsOnTenant(query.queryKey) });
}

export function useEnterTenant(profileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tenant: string) => unwrap(api.invoke['tenancy:enter']({ profileId, tenant })),
    onSuccess: (state) => afterTenancyChange(client, state),
  });
}

export function useSelectRoles(profileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (roles: string[]) => unwrap(api.invoke['tenancy:select-roles']({ profileId, roles })),
    onSuccess: (state) => afterTenancyChange(client, state),
  });
}

type PolicyScope = ChannelInput<'tenancy:attach-policy'>;

export function useAttachPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scope: PolicyScope) => unwrap(api.invoke['tenancy:attach-policy'](scope)),
    onSuccess: () => afterTenancyChange(client),
  });
}

export function useDetachPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scope: PolicyScope) => unwrap(api.invoke['tenancy:detach-policy'](scope)),
    onSuccess: () => afterTenancyChange(client),
  });
}

export function useClusterOverview(profileId: string, tenancy: TenancyState | undefined) {
  return useQuery({
    queryKey: tenancyKeys.overview(profileId, tenancyViewKey(tenancy)),
    queryFn: () => unwrap(api.invoke['cluster:overview']({ profileId })),
    enabled: clusterReadable(tenancy),
  });
}

export function useCaptureSnapshot(profileId: string) {
  return useMutation({ mutationFn: () => unwrap(api.invoke['snapshots:capture']({ profileId })) });
}

/** The cluster sections the profile's active tenant shows, in navigation order (Alt+N follows it). */
export function useVisibleSections(profileId: string | null) {
  const tenancy = useTenancyState(profileId);
  return visibleSections(tenancy.data?.navigation);
}

/**
 * What main's tenancy guards would answer to requests not made yet, asked ahead (tenancy:decisions),
 * so buttons are disabled with main's own reason. Keyed by the tenant view: a switch asks again.
 */
export function useRequestDecisions(profileId: string, asks: readonly DecisionAsk[] | null): Decisions {
  const tenancy = useTenancyState(profileId);
  const list = asks ?? [];
  const decisions = useQuery({
    queryKey: ['tenancy:decisions', profileId, tenancyViewKey(tenancy.data), list.map((ask) => [ask.request, ask.input])],
    queryFn: async () => {
      const chunks = [];
      for (let start = 0; start < list.length; start += ASKS_PER_CALL) chunks.push(list.slice(start, start + ASKS_PER_CALL));
      const answers = await Promise.all(chunks.map((chunk) => unwrap(api.invoke['tenancy:decisions']({ profileId, asks: chunk.map(({ request, input }) => ({ request, input })) }))));
      return answers.flat();
    },
    // Without a policy file the guards allow everything; there is nothing to ask.
    enabled: list.length > 0 && tenancy.data !== undefined && tenancy.data.status !== 'none',
  });
  return decisionLookup(list, decisions.data);
}

/** The topic panel's requests on one topic (see topicAsks). */
export function useTopicDecisions(profileId: string, topic: string | null): TopicDecisions {
  const decisions = useRequestDecisions(profileId, topic === null ? null : topicAsks(topic));
  return (request) => decisions(request);
}
