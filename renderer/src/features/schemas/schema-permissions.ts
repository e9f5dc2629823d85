// Why a schema action is unavailable, for disabled buttons and their tooltips: the profile's
// `edit-schemas` action first, then the tenant's SCHEMA_* policy decision when main reported one.
// Main checks both again on every call; this only spares the user a refused request.
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { topicPermissions } from '../topics/topic-permissions';

export type SchemaAction = 'register-subject' | 'register-version' | 'change-compatibility' | 'delete';

/** The tenant policy action each schema action needs (Kpow's names). */
export const tenantActionOf: Record<SchemaAction, 'SCHEMA_CREATE' | 'SCHEMA_VERSION_EDIT' | 'SCHEMA_DELETE'> = {
  'register-subject': 'SCHEMA_CREATE',
  'register-version': 'SCHEMA_VERSION_EDIT',
  'change-compatibility': 'SCHEMA_VERSION_EDIT',
  delete: 'SCHEMA_DELETE',
};

/** Main's answer for a subject: per SCHEMA_* action, null when allowed or the reason it is not. */
export type TenantSchemaDecisions = Partial<Record<'SCHEMA_CREATE' | 'SCHEMA_VERSION_EDIT' | 'SCHEMA_DELETE', string | null>>;

export type SchemaPermissions = (action: SchemaAction) => string | null;

export function schemaPermissions(profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined, tenant: TenantSchemaDecisions | undefined): SchemaPermissions {
  const profileReason = topicPermissions(profile);
  return (action) => profileReason('edit-schemas') ?? tenant?.[tenantActionOf[action]] ?? null;
}
