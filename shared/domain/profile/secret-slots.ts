// Every secret a profile can hold, named by a stable slot. The stored profile keeps only the slot and
// whether it is set; values live in the OS keychain under `profileId/slot`.

export const secretSlots = [
  'sasl.password',
  'sasl.clientSecret',
  'sasl.secretAccessKey',
  'sasl.sessionToken',
  'tls.truststorePassword',
  'tls.keystorePassword',
  'tls.keyPassword',
  'tls.privateKey',
  'tls.truststore',
  'tls.keystore',
  'schemaRegistry.password',
  'schemaRegistry.token',
  'schemaRegistry.tls.truststorePassword',
  'schemaRegistry.tls.keystorePassword',
  'schemaRegistry.tls.keyPassword',
  'schemaRegistry.tls.privateKey',
  'schemaRegistry.tls.truststore',
  'schemaRegistry.tls.keystore',
  // The profile's failover cluster has its own credentials (Confluent Cloud API keys are per cluster).
  'failover.sasl.password',
  'failover.sasl.clientSecret',
  'failover.sasl.secretAccessKey',
  'failover.sasl.sessionToken',
  'failover.tls.truststorePassword',
  'failover.tls.keystorePassword',
  'failover.tls.keyPassword',
  'failover.tls.privateKey',
  'failover.tls.truststore',
  'failover.tls.keystore',
] as const;

/**
 * A Connect cluster's secrets: a profile holds zero or more Connect clusters, so their slots carry the
 * cluster's id (`connect.<id>.password`). The id is stable across renames, like the profile id.
 */
export const connectSecretKinds = ['password', 'token', 'tls.keyPassword'] as const;
export type ConnectSecretKind = (typeof connectSecretKinds)[number];
export type ConnectSecretSlot = `connect.${string}.${ConnectSecretKind}`;
export const CONNECT_CLUSTER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const connectSlotPattern = /^connect\.([a-z0-9][a-z0-9-]{0,62})\.(password|token|tls\.keyPassword)$/;

export function connectSecretSlot(clusterId: string, kind: ConnectSecretKind): ConnectSecretSlot {
  return `connect.${clusterId}.${kind}`;
}

export function parseConnectSecretSlot(slot: string): { clusterId: string; kind: ConnectSecretKind } | null {
  const match = connectSlotPattern.exec(slot);
  return match ? { clusterId: match[1]!, kind: match[2] as ConnectSecretKind } : null;
}

export type SecretSlot = (typeof secretSlots)[number] | ConnectSecretSlot;

/** Secret values travelling beside a profile, never inside it. */
export type SecretValues = Partial<Record<SecretSlot, string>>;

export const secretStates = ['set', 'not-set'] as const;
export type SecretState = (typeof secretStates)[number];

export interface SecretRef {
  slot: SecretSlot;
  state: SecretState;
}

export function isSecretSlot(value: string): value is SecretSlot {
  return (secretSlots as readonly string[]).includes(value) || parseConnectSecretSlot(value) !== null;
}
