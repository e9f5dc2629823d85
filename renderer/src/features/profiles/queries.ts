// Server data for the profiles feature: TanStack Query over the contract. Mutations invalidate what they
// change, so the sidebar, the editor and the keychain badge never show stale copies.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ProfileExportFormat } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

export const profileKeys = {
  list: ['profiles:list'] as const,
  one: (id: string) => ['profiles:get', id] as const,
  keychain: ['keychain:status'] as const,
  importPreview: (input: ChannelInput<'profiles:import-preview'>) => ['profiles:import-preview', input] as const,
};

export function useProfileList() {
  return useQuery({ queryKey: profileKeys.list, queryFn: () => unwrap(api.invoke['profiles:list'](undefined)) });
}

export function useStoredProfile(id: string | null) {
  return useQuery({
    queryKey: profileKeys.one(id ?? ''),
    queryFn: () => unwrap(api.invoke['profiles:get']({ id: id ?? '' })),
    enabled: id !== null,
  });
}

export function useKeychainStatus() {
  return useQuery({ queryKey: profileKeys.keychain, queryFn: () => unwrap(api.invoke['keychain:status'](undefined)) });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'profiles:save'>) => unwrap(api.invoke['profiles:save'](input)),
    onSuccess: (profile) => {
      client.setQueryData(profileKeys.one(profile.id), profile);
      return client.invalidateQueries({ queryKey: profileKeys.list });
    },
  });
}

export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.invoke['profiles:delete']({ id })),
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: profileKeys.one(id) });
      return client.invalidateQueries({ queryKey: profileKeys.list });
    },
  });
}

export function useImportPreview(input: ChannelInput<'profiles:import-preview'>) {
  return useQuery({
    queryKey: profileKeys.importPreview(input),
    queryFn: () => unwrap(api.invoke['profiles:import-preview'](input)),
    enabled: input.text.trim() !== '',
    // Previews of the same text are identical; keep the last one on screen while the next loads.
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
}

export function useProfileExport(id: string | null, format: ProfileExportFormat) {
  return useQuery({
    queryKey: ['profiles:export', id, format],
    queryFn: () => unwrap(api.invoke['profiles:export']({ id: id ?? '', format })),
    enabled: id !== null,
  });
}

export function useImportSave() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'profiles:import-save'>) => unwrap(api.invoke['profiles:import-save'](input)),
    onSuccess: (profile) => {
      client.setQueryData(profileKeys.one(profile.id), profile);
      client.removeQueries({ queryKey: ['profiles:import-preview'] });
      return client.invalidateQueries({ queryKey: profileKeys.list });
    },
  });
}
