// The acls:* and quotas:* channels: thin over the access service. Profile actions (`edit-acls`,
// `edit-quotas`) are checked here; tenancy by the guard table before these run.
import { authorizationWords, deleteAclsConfirmation, entityKey, quotaKeys } from '../../../../shared/domain/acls';
import { quotaDeleteConfirmation } from '../../../../shared/domain/acls/access-schemas';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ChannelHandlers } from '../../ipc/dispatcher';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { assertActionAllowed } from '../topics/topic-service';
import type { AccessService } from './access-service';

interface AccessHandlerDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  access: AccessService;
}

type AccessChannel = 'acls:list' | 'acls:create' | 'acls:delete-preview' | 'acls:delete' | 'acls:copy-preview' | 'acls:copy' | 'acls:principal' | 'quotas:list' | 'quotas:set' | 'quotas:delete';

export function createAccessHandlers({ profiles, access }: AccessHandlerDeps): Pick<ChannelHandlers, AccessChannel> {
  const editing = async (profileId: string, action: 'edit-acls' | 'edit-quotas') => {
    assertActionAllowed(await profiles.get(profileId), action);
    return profiles.resolveConnection(profileId);
  };
  return {
    'acls:list': async ({ profileId }) => access.list(await profiles.resolveConnection(profileId)),
    'acls:create': async ({ profileId, bindings }) => access.create(await editing(profileId, 'edit-acls'), bindings),
    'acls:delete-preview': async ({ profileId, filter }) => {
      const matched = await access.matching(await profiles.resolveConnection(profileId), filter);
      return { matched, confirmation: deleteAclsConfirmation(matched) };
    },
    'acls:delete': async ({ profileId, bindings, confirmation }) => {
      const expected = deleteAclsConfirmation(bindings);
      if (confirmation !== expected) throw new AppFailure('INVALID_INPUT', `Type '${expected}' to delete ${bindings.length === 1 ? 'this ACL' : `these ${bindings.length} ACLs`}; nothing was deleted.`);
      return access.deleteExact(await editing(profileId, 'edit-acls'), bindings);
    },
    'acls:copy-preview': async ({ profileId, from, to }) => access.copyPreview(await profiles.resolveConnection(profileId), from, to),
    'acls:copy': async ({ profileId, from, to, confirmation }) => {
      if (confirmation !== to) throw new AppFailure('INVALID_INPUT', `Type '${to}' to copy ${from}'s ACLs to it; nothing was created.`);
      return access.copy(await editing(profileId, 'edit-acls'), from, to);
    },
    'acls:principal': async ({ profileId, principal, host }) => {
      const view = await access.principal(await profiles.resolveConnection(profileId), principal, host ?? '*');
      return { ...view, rows: view.rows.map((row) => ({ ...row, operations: row.operations.map(({ binding: _binding, ...operation }) => ({ ...operation, text: authorizationWords({ ...operation, ...(_binding ? { binding: _binding } : {}) }) })) })) };
    },
    'quotas:list': async ({ profileId }) => ({ entries: await access.listQuotas(await profiles.resolveConnection(profileId)) }),
    'quotas:set': async ({ profileId, entity, set, remove }) => ({ entry: await access.alterQuotas(await editing(profileId, 'edit-quotas'), entity, set ?? {}, remove ?? []) }),
    'quotas:delete': async ({ profileId, entity, confirmation }) => {
      const expected = quotaDeleteConfirmation(entity);
      if (confirmation !== expected) throw new AppFailure('INVALID_INPUT', `Type '${expected}' to remove every quota of it; nothing was changed.`);
      const settings = await editing(profileId, 'edit-quotas');
      const current = (await access.listQuotas(settings)).find((entry) => entityKey(entry.entity) === entityKey(entity));
      const removed = quotaKeys.filter((key) => current?.values[key] !== undefined);
      if (removed.length === 0) throw new AppFailure('NOT_FOUND', `${quotaDeleteConfirmation(entity)} has no quotas to remove.`);
      await access.alterQuotas(settings, entity, {}, removed);
      return { removed };
    },
  };
}
