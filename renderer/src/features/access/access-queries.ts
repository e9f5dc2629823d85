// The Access screen's server data over the contract: ACLs, a principal's rights, client quotas.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { isActionAllowed } from '../../../../shared/domain/profile/profile-schema';
import { api, unwrap } from '../../lib/api';
import { useStoredProfile } from '../profiles/queries';

export const accessKeys = {
  acls: (profileId: string) => ['acls:list', profileId] as const,
  principal: (profileId: string, principal: string, host: string) => ['acls:principal', profileId, principal, host] as const,
  quotas: (profileId: string) => ['quotas:list', profileId] as const,
};

export function useAclList(profileId: string) {
  return useQuery({ queryKey: accessKeys.acls(profileId), queryFn: () => unwrap(api.invoke['acls:list']({ profileId })), retry: false });
}

export function usePrincipalView(profileId: string, principal: string | null, host: string) {
  return useQuery({
    queryKey: accessKeys.principal(profileId, principal ?? '', host),
    queryFn: () => unwrap(api.invoke['acls:principal']({ profileId, principal: principal!, host })),
    enabled: principal !== null,
    retry: false,
  });
}

export function useQuotaList(profileId: string) {
  return useQuery({ queryKey: accessKeys.quotas(profileId), queryFn: () => unwrap(api.invoke['quotas:list']({ profileId })), retry: false });
}

/** Every ACL change refreshes the list and any principal view. */
function useAclMutation<I, O>(run: (input: I) => Promise<O>, profileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: accessKeys.acls(profileId) });
      void client.invalidateQueries({ queryKey: ['acls:principal', profileId] });
    },
  });
}

export const useCreateAcls = (profileId: string) => useAclMutation((input: ChannelInput<'acls:create'>) => unwrap(api.invoke['acls:create'](input)), profileId);
export const useDeletePreview = () => useMutation({ mutationFn: (input: ChannelInput<'acls:delete-preview'>) => unwrap(api.invoke['acls:delete-preview'](input)) });
export const useDeleteAcls = (profileId: string) => useAclMutation((input: ChannelInput<'acls:delete'>) => unwrap(api.invoke['acls:delete'](input)), profileId);
export const useCopyPreview = () => useMutation({ mutationFn: (input: ChannelInput<'acls:copy-preview'>) => unwrap(api.invoke['acls:copy-preview'](input)) });
export const useCopyAcls = (profileId: string) => useAclMutation((input: ChannelInput<'acls:copy'>) => unwrap(api.invoke['acls:copy'](input)), profileId);

function useQuotaMutation<I, O>(run: (input: I) => Promise<O>, profileId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => void client.invalidateQueries({ queryKey: accessKeys.quotas(profileId) }) });
}
export const useSetQuota = (profileId: string) => useQuotaMutation((input: ChannelInput<'quotas:set'>) => unwrap(api.invoke['quotas:set'](input)), profileId);
export const useDeleteQuota = (profileId: string) => useQuotaMutation((input: ChannelInput<'quotas:delete'>) => unwrap(api.invoke['quotas:delete'](input)), profileId);

/** Null when the profile lets the user edit ACLs, else why not. */
export function useEditRefusal(profileId: string, action: 'edit-acls' | 'edit-quotas'): string | null {
  const profile = useStoredProfile(profileId).data;
  if (!profile) return 'Loading the profile…';
  if (isActionAllowed(profile, action)) return null;
  return profile.safety.readOnly ? `Profile '${profile.name}' is read-only.` : `Profile '${profile.name}' does not allow '${action}'; change its safety settings to allow it.`;
}
