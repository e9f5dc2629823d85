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

export type SecretSlot = (typeof secretSlots)[number];

/** Secret values travelling beside a profile, never inside it. */
export type SecretValues = Partial<Record<SecretSlot, string>>;

export const secretStates = ['set', 'not-set'] as const;
export type SecretState = (typeof secretStates)[number];

export interface SecretRef {
  slot: SecretSlot;
  state: SecretState;
}

export function isSecretSlot(value: string): value is SecretSlot {
  return (secretSlots as readonly string[]).includes(value);
}
