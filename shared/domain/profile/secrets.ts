// Separating secrets from the profile. The catalogue says where each slot lives in the profile; the
// functions below walk it, so stored profiles, keychain accounts and redacted views cannot disagree.
import type { ConnectionProfile, ProfileDraft } from './profile-schema';
import { connectSecretSlot, isSecretSlot, parseConnectSecretSlot, type SecretRef, type SecretSlot, type SecretValues } from './secret-slots';

/** The keychain service name; accounts are `profileId/slot`. */
export const KEYCHAIN_SERVICE = 'odradek';

/** Shown (and exported) in place of a secret that is stored in the keychain. */
export const REDACTED_SECRET = '<redacted: set in keychain>';
/** Shown in place of a secret that has no value yet. */
export const UNSET_SECRET = '<not set>';

type Parent = Record<string, unknown>;

export interface SecretSlotInfo {
  slot: SecretSlot;
  /** How to name the secret to a user. */
  label: string;
  /** Property path inside the profile. */
  path: readonly string[];
  /** Whether the object holding the last path segment has this secret (it depends on the variant). */
  applies: (parent: Parent) => boolean;
}

const kindIs =
  (...kinds: string[]) =>
  (parent: Parent): boolean =>
    kinds.includes(String(parent['kind']));

/** A PKCS12 or JKS store imported into the keychain rather than referred to by path. */
const heldInKeychain = (parent: Parent): boolean => kindIs('pkcs12', 'jks')(parent) && parent['source'] === 'keychain';

function tlsSlots(prefix: 'tls' | 'schemaRegistry.tls' | 'failover.tls', base: readonly string[], what: string): SecretSlotInfo[] {
  return [
    { slot: `${prefix}.truststorePassword`, label: `${what} truststore password`, path: [...base, 'trust', 'password'], applies: kindIs('pkcs12', 'jks') },
    { slot: `${prefix}.keystorePassword`, label: `${what} keystore password`, path: [...base, 'identity', 'password'], applies: kindIs('pkcs12', 'jks') },
    { slot: `${prefix}.keyPassword`, label: `${what} private key passphrase`, path: [...base, 'identity', 'keyPassword'], applies: kindIs('pem', 'jks') },
    { slot: `${prefix}.privateKey`, label: `${what} private key (PEM text)`, path: [...base, 'identity', 'key', 'pem'], applies: (parent) => parent['source'] === 'text' },
    { slot: `${prefix}.truststore`, label: `${what} truststore (imported)`, path: [...base, 'trust', 'store'], applies: heldInKeychain },
    { slot: `${prefix}.keystore`, label: `${what} keystore (imported)`, path: [...base, 'identity', 'store'], applies: heldInKeychain },
  ];
}

function saslSlots(prefix: '' | 'failover.', base: readonly string[], what: string): SecretSlotInfo[] {
  return [
    {
      slot: `${prefix}sasl.password`,
      label: `${what}SASL password`,
      path: [...base, 'sasl', 'password'],
      applies: (parent) => ['plain', 'scram-sha-256', 'scram-sha-512'].includes(String(parent['mechanism'])),
    },
    { slot: `${prefix}sasl.clientSecret`, label: `${what}OAuth client secret`, path: [...base, 'sasl', 'clientSecret'], applies: (parent) => parent['mechanism'] === 'oauthbearer' },
    { slot: `${prefix}sasl.secretAccessKey`, label: `${what}AWS secret access key`, path: [...base, 'sasl', 'credentials', 'secretAccessKey'], applies: (parent) => parent['source'] === 'static' },
    { slot: `${prefix}sasl.sessionToken`, label: `${what}AWS session token`, path: [...base, 'sasl', 'credentials', 'sessionToken'], applies: (parent) => parent['source'] === 'static' },
  ];
}

export const secretCatalogue: readonly SecretSlotInfo[] = [
  ...saslSlots('', [], ''),
  ...tlsSlots('tls', ['tls'], 'Kafka TLS'),
  { slot: 'schemaRegistry.password', label: 'Schema Registry password', path: ['schemaRegistry', 'auth', 'password'], applies: kindIs('basic') },
  { slot: 'schemaRegistry.token', label: 'Schema Registry bearer token', path: ['schemaRegistry', 'auth', 'token'], applies: kindIs('bearer') },
  ...tlsSlots('schemaRegistry.tls', ['schemaRegistry', 'tls'], 'Schema Registry TLS'),
  ...saslSlots('failover.', ['failover'], 'Failover cluster '),
  ...tlsSlots('failover.tls', ['failover', 'tls'], 'Failover cluster TLS'),
];

const connectLabels = { password: 'REST password', token: 'REST bearer token', 'tls.keyPassword': 'TLS private key passphrase' } as const;

/** The secret positions of the profile's Connect clusters (their slots carry each cluster's id). */
function connectCatalogue(root: unknown): SecretSlotInfo[] {
  const clusters = root !== null && typeof root === 'object' ? (root as Parent)['connect'] : undefined;
  if (!Array.isArray(clusters)) return [];
  return clusters.flatMap((cluster: unknown, index) => {
    const id = cluster !== null && typeof cluster === 'object' ? (cluster as Parent)['id'] : undefined;
    if (typeof id !== 'string' || !isSecretSlot(connectSecretSlot(id, 'password'))) return [];
    const base = ['connect', String(index)];
    return [
      { slot: connectSecretSlot(id, 'password'), label: `Connect ${id} ${connectLabels.password}`, path: [...base, 'auth', 'password'], applies: kindIs('basic') },
      { slot: connectSecretSlot(id, 'token'), label: `Connect ${id} ${connectLabels.token}`, path: [...base, 'auth', 'token'], applies: kindIs('bearer') },
      { slot: connectSecretSlot(id, 'tls.keyPassword'), label: `Connect ${id} ${connectLabels['tls.keyPassword']}`, path: [...base, 'tls', 'keyPassword'], applies: () => true },
    ];
  });
}

/** Every secret position of this profile: the fixed catalogue and its Connect clusters'. */
export function catalogueFor(root: unknown): readonly SecretSlotInfo[] {
  return [...secretCatalogue, ...connectCatalogue(root)];
}

export function secretSlotInfo(slot: SecretSlot, profile?: unknown): SecretSlotInfo {
  const info = (profile === undefined ? secretCatalogue : catalogueFor(profile)).find((entry) => entry.slot === slot);
  if (info) return info;
  const connect = parseConnectSecretSlot(slot);
  // Without the profile the position is unknown; the label is still right (imports, CLI listings).
  if (connect) return { slot, label: `Connect ${connect.clusterId} ${connectLabels[connect.kind]}`, path: [], applies: () => false };
  throw new Error(`Unknown secret slot ${slot}`);
}

function parentOf(root: unknown, path: readonly string[]): Parent | undefined {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Parent)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Parent) : undefined;
}

/** Visits every secret position that exists in this profile's variant. */
function forEachSecretPosition(root: unknown, visit: (info: SecretSlotInfo, parent: Parent, key: string) => void): void {
  for (const info of catalogueFor(root)) {
    const parent = parentOf(root, info.path);
    const key = info.path[info.path.length - 1] ?? '';
    if (parent && info.applies(parent)) visit(info, parent, key);
  }
}

/** Moves every secret value out of a draft: the profile keeps `{slot, state}`, the values come back separately. */
export function splitSecrets(draft: ProfileDraft): { profile: ConnectionProfile; secrets: SecretValues } {
  const profile = structuredClone(draft) as unknown;
  const secrets: SecretValues = {};
  forEachSecretPosition(profile, (info, parent, key) => {
    const value = parent[key];
    const hasValue = typeof value === 'string' && value !== '';
    if (hasValue) secrets[info.slot] = value;
    parent[key] = { slot: info.slot, state: hasValue ? 'set' : 'not-set' } satisfies SecretRef;
  });
  return { profile: profile as ConnectionProfile, secrets };
}

/** The inverse of splitSecrets: fills the values in (for connecting, or an export the user confirmed). */
export function joinSecrets(profile: ConnectionProfile, secrets: SecretValues): ProfileDraft {
  const draft = structuredClone(profile) as unknown;
  forEachSecretPosition(draft, (info, parent, key) => {
    const value = secrets[info.slot];
    if (value === undefined) delete parent[key];
    else parent[key] = value;
  });
  return draft as ProfileDraft;
}

export interface SecretStatus {
  slot: SecretSlot;
  label: string;
  state: SecretRef['state'];
}

/** The secrets this profile uses and whether each is set: what a form or a CLI shows. */
export function secretStatuses(profile: ConnectionProfile): SecretStatus[] {
  const statuses: SecretStatus[] = [];
  forEachSecretPosition(profile, (info, parent, key) => {
    const ref = parent[key] as Partial<SecretRef> | undefined;
    statuses.push({ slot: info.slot, label: info.label, state: ref?.state === 'set' ? 'set' : 'not-set' });
  });
  return statuses;
}

/**
 * A JSON-safe view for display and export: every secret leaf becomes REDACTED_SECRET or UNSET_SECRET.
 * Accepts a draft too, so values that have not been split yet can never leak through it.
 */
export function redactedView(profile: ConnectionProfile | ProfileDraft): unknown {
  const view = structuredClone(profile) as unknown;
  forEachSecretPosition(view, (_info, parent, key) => {
    const leaf = parent[key];
    const isSet = typeof leaf === 'string' ? leaf !== '' : (leaf as Partial<SecretRef> | undefined)?.state === 'set';
    parent[key] = isSet ? REDACTED_SECRET : UNSET_SECRET;
  });
  return view;
}

export function keychainAccount(profileId: string, slot: SecretSlot): string {
  return `${profileId}/${slot}`;
}

/** Reads back an account name from `SecretStore.list()`; null for accounts that are not ours. */
export function parseKeychainAccount(account: string): { profileId: string; slot: SecretSlot } | null {
  const separator = account.indexOf('/');
  if (separator <= 0) return null;
  const slot = account.slice(separator + 1);
  return isSecretSlot(slot) ? { profileId: account.slice(0, separator), slot } : null;
}
