// One group's detail over the contract. The list is a stream (use-group-list.ts); the detail is a query
// refetched on a timer while it is open, each read sampling the committed offsets twice for the rates.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const groupKeys = {
  detail: (profileId: string, groupId: string) => ['groups:describe', profileId, groupId] as const,
};

/** Gap between the two reads of committed offsets behind the consumption rate. */
const RATE_SAMPLE_MS = 1_000;
const REFRESH_MS = 5_000;

export function useGroupDetail(profileId: string, groupId: string) {
  return useQuery({
    queryKey: groupKeys.detail(profileId, groupId),
    queryFn: () => unwrap(api.invoke['groups:describe']({ profileId, groupId, rateSampleMs: RATE_SAMPLE_MS })),
    refetchInterval: REFRESH_MS,
    // A refused or failed describe is shown as it is, not retried behind the user's back.
    retry: false,
  });
}
