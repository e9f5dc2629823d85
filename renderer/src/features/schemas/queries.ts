// Schema Registry data over the contract. Every answer is keyed by profile (and the tenant view, via
// dependsOnTenant: these keys are dropped when the tenant changes); every change drops the cached
// schema answers so the list and the detail show the registry as it is now.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

export const schemaKeys = {
  list: (profileId: string, includeDeleted: boolean) => ['schemas:list', profileId, includeDeleted] as const,
  subject: (profileId: string, subject: string, includeDeleted: boolean) => ['schemas:subject', profileId, subject, includeDeleted] as const,
  version: (profileId: string, subject: string, version: number | 'latest', includeDeleted: boolean) => ['schemas:version', profileId, subject, version, includeDeleted] as const,
};

const isSchemaQuery = (key: readonly unknown[]) => typeof key[0] === 'string' && key[0].startsWith('schemas:');

export function useSubjects(profileId: string, includeDeleted: boolean, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: schemaKeys.list(profileId, includeDeleted),
    queryFn: () => unwrap(api.invoke['schemas:list']({ profileId, includeDeleted })),
    // Listing a large registry in v1 mode is one request per subject: do not repeat it on every focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Lists again past main's cache (the Refresh button); the answer replaces the cached one. */
export function useRefreshSubjects(profileId: string, includeDeleted: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.invoke['schemas:list']({ profileId, includeDeleted, refresh: true })),
    onSuccess: async (data) => {
      client.setQueryData(schemaKeys.list(profileId, includeDeleted), data);
      await client.invalidateQueries({ predicate: (query) => isSchemaQuery(query.queryKey) && query.queryKey[0] !== 'schemas:list' });
    },
  });
}

export function useSubjectDetail(profileId: string, subject: string, includeDeleted: boolean) {
  return useQuery({
    queryKey: schemaKeys.subject(profileId, subject, includeDeleted),
    queryFn: () => unwrap(api.invoke['schemas:subject']({ profileId, subject, includeDeleted })),
  });
}

export function useSchemaVersion(profileId: string, subject: string, version: number | 'latest' | null, includeDeleted: boolean) {
  return useQuery({
    queryKey: schemaKeys.version(profileId, subject, version ?? 'latest', includeDeleted),
    queryFn: () => unwrap(api.invoke['schemas:version']({ profileId, subject, version: version ?? 'latest', includeDeleted })),
    enabled: version !== null,
    // A subject/version's schema never changes (only its deleted flag), so keep it for the session.
    staleTime: Infinity,
  });
}

export function useCheckCompatibility() {
  return useMutation({ mutationFn: (input: ChannelInput<'schemas:check'>) => unwrap(api.invoke['schemas:check'](input)) });
}

type SchemaChange = 'schemas:register' | 'schemas:set-compatibility' | 'schemas:delete-compatibility' | 'schemas:set-mode' | 'schemas:delete';

export function useSchemaChange<C extends SchemaChange>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => unwrap(api.invoke[channel](input)),
    onSuccess: () => client.invalidateQueries({ predicate: (query) => isSchemaQuery(query.queryKey) }),
  });
}
