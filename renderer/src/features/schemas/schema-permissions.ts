// Why a schema action is unavailable, for disabled buttons and their tooltips: the profile's
// `edit-schemas` action, the rule that the global level is not a tenant's to change, then the tenant's
// SCHEMA_* policy decision when main reported one. Main checks all of it again on every call (see the
// schemas:* guards in channel-guards.ts); this only spares the user a refused request.
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { topicPermissions } from '../topics/topic-permissions';

export type SchemaAction = 'register-subject' | 'register-version' | 'change-compatibility' | 'change-global-compatibility' | 'change-mode' | 'change-global-mode' | 'delete';

/** The tenant policy action each schema action needs, as main's guards ask for it. */
export const tenantActionOf: Record<SchemaAction, SchemaPolicyAction> = {
  'register-subject': 'SCHEMA_CREATE',
  'register-version': 'SCHEMA_CREATE',
  'change-compatibility': 'SCHEMA_VERSION_EDIT',
  'change-global-compatibility': 'SCHEMA_VERSION_EDIT',
  // Kpow has no mode action: main's guard decides a subject's mode like its compatibility.
  'change-mode': 'SCHEMA_VERSION_EDIT',
  'change-global-mode': 'SCHEMA_VERSION_EDIT',
  delete: 'SCHEMA_DELETE',
};

type SchemaPolicyAction = 'SCHEMA_CREATE' | 'SCHEMA_VERSION_EDIT' | 'SCHEMA_DELETE';

/** The request main's guards decide each SCHEMA_* action on, per subject. */
export const schemaRequestOf: Record<SchemaPolicyAction, string> = {
  SCHEMA_CREATE: 'schemas:register',
  SCHEMA_VERSION_EDIT: 'schemas:set-compatibility',
  SCHEMA_DELETE: 'schemas:delete',
};

/** What is asked ahead for one subject (tenancy:decisions): each answer's id is its SCHEMA_* action. */
export function schemaAsks(subject: string): Array<{ id: SchemaPolicyAction; request: string; input: Record<string, unknown> }> {
  return (Object.keys(schemaRequestOf) as SchemaPolicyAction[]).map((id) => ({ id, request: schemaRequestOf[id], input: { subject } }));
}

/** Main's answers to schemaAsks, as the decisions schemaPermissions reads. */
export function schemaDecisionsOf(decisions: (id: string) => string | null): TenantSchemaDecisions {
  return Object.fromEntries((Object.keys(schemaRequestOf) as SchemaPolicyAction[]).map((id) => [id, decisions(id)]));
}

/** Per SCHEMA_* action: null when allowed, or the reason it is not. */
export type TenantSchemaDecisions = Partial<Record<SchemaPolicyAction, string | null>>;

export type SchemaPermissions = (action: SchemaAction) => string | null;

export interface SchemaPermissionContext {
  profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined;
  /** The tenant entered, or null for the whole cluster. */
  tenant: string | null;
  decisions?: TenantSchemaDecisions;
}

export function schemaPermissions({ profile, tenant, decisions }: SchemaPermissionContext): SchemaPermissions {
  const profileReason = topicPermissions(profile);
  return (action) => {
    const reason = profileReason('edit-schemas');
    if (reason) return reason;
    if (action === 'change-global-compatibility' && tenant !== null) return `Inside tenant '${tenant}' the global level cannot be changed: it applies to every subject of the registry, not only the tenant's.`;
    if (action === 'change-global-mode' && tenant !== null) return `Inside tenant '${tenant}' the global mode cannot be changed: it applies to every subject of the registry, not only the tenant's.`;
    return decisions?.[tenantActionOf[action]] ?? null;
  };
}
