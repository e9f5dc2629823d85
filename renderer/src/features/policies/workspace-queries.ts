// The workspace's calls to main: file dialogs, policy open/save and snapshot loading. Preview and diff
// never come here: they run on the shared tenancy code in the renderer.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

export function useChoosePolicyFile() {
  return useMutation({ mutationFn: (input: ChannelInput<'policies:choose-file'>) => unwrap(api.invoke['policies:choose-file'](input)) });
}

export function useOpenPolicy() {
  return useMutation({ mutationFn: (path: string) => unwrap(api.invoke['policies:open']({ path })) });
}

export function useSavePolicy() {
  return useMutation({ mutationFn: (input: ChannelInput<'policies:save'>) => unwrap(api.invoke['policies:save'](input)) });
}

export function useChooseSnapshotFile() {
  return useMutation({ mutationFn: () => unwrap(api.invoke['snapshots:choose-file'](undefined)) });
}

/** A snapshot file does not change under the workspace's feet unless reopened, so it never goes stale. */
export function useSnapshot(path: string | null) {
  return useQuery({
    queryKey: ['snapshots:open', path],
    queryFn: () => unwrap(api.invoke['snapshots:open']({ path: path ?? '' })),
    enabled: path !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // Comparing 100,000 topics with the previous result to share structure costs seconds and saves nothing.
    structuralSharing: false,
  });
}

/** The stable code main put on a failed call (CONFLICT, NOT_ALLOWED, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}
