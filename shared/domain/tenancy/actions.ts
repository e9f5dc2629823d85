// Kpow user actions as named in RBAC policies (docs.factorhouse.io/kpow-ee/authorization/overview).
// Policy files in the wild use older names too, so each legacy name maps to the action(s) that
// replaced it; a policy naming a legacy action applies to its replacements.

export const kpowActions = [
  'TOPIC_DATA_QUERY',
  'TOPIC_DATA_DOWNLOAD',
  'TOPIC_PRODUCE',
  'TOPIC_CREATE',
  'TOPIC_EDIT',
  'TOPIC_DELETE',
  'TOPIC_TRUNCATE',
  'TOPIC_ELECT_LEADER',
  'TOPIC_ALTER_REASSIGNMENTS',
  'GROUP_EDIT',
  'GROUP_DELETE',
  'BROKER_EDIT',
  'BROKER_UNREGISTER',
  'ACL_EDIT',
  'PRODUCER_EDIT',
  'QUOTA_EDIT',
  'ADMIN',
  'BULK_ACTION',
  'SCHEMA_CREATE',
  'SCHEMA_VERSION_EDIT',
  'SCHEMA_DELETE',
  'CONNECT_CREATE',
  'CONNECT_ALTER_STATE',
  'CONNECT_EDIT_CONFIG',
  'CONNECT_DELETE',
  'CONNECT_INSPECT',
  'KSQLDB_QUERY',
  'KSQLDB_EXECUTE',
  'KSQLDB_TERMINATE_QUERY',
  'KSQLDB_INSERT',
] as const;

export type KpowAction = (typeof kpowActions)[number];

/** Older action names and what they mean today. */
export const legacyActionNames: Readonly<Record<string, readonly KpowAction[]>> = {
  TOPIC_INSPECT: ['TOPIC_DATA_QUERY'],
  TOPIC_ALTER_REPLICAS: ['TOPIC_ALTER_REASSIGNMENTS'],
  SCHEMA_EDIT: ['SCHEMA_VERSION_EDIT'],
  CONNECT_EDIT: ['CONNECT_ALTER_STATE', 'CONNECT_EDIT_CONFIG'],
  KPOW_ADMIN: ['ADMIN'],
};

const currentNames: ReadonlySet<string> = new Set(kpowActions);

/** The current actions a name stands for; null when the name is neither current nor legacy. */
export function resolveActionName(name: string): readonly KpowAction[] | null {
  if (currentNames.has(name)) return [name as KpowAction];
  return legacyActionNames[name] ?? null;
}

export function isKnownActionName(name: string): boolean {
  return resolveActionName(name) !== null;
}
