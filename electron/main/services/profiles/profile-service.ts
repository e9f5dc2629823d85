// Connection profiles: non-secret fields in the profile repo, every secret in the keychain. Secrets are
// written before the profile that refers to them, and an unavailable keychain refuses the whole save.
// Values of secrets never leave main: callers get profiles with `{slot, state}` references only.
import { base64ToBytes } from '../../../../shared/domain/decoders/binary';
import { checkProfile } from '../../../../shared/domain/profile/checks';
import { withGatewayToken } from '../../../../shared/domain/profile/gateway-token';
import { hasErrors } from '../../../../shared/domain/profile/issues';
import { proxyOfVendor } from '../../../../shared/domain/proxy/proxy-features';
import { activeClusterDraft, type ClusterRole, type ConnectionProfile, type ProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import { parseConnectSecretSlot, type SecretSlot, type SecretValues } from '../../../../shared/domain/profile/secret-slots';
import { joinSecrets, keychainAccount, parseKeychainAccount, secretStatuses, splitSecrets } from '../../../../shared/domain/profile/secrets';
import { AppFailure } from '../../../../shared/ipc/result';
import { schemaRegistryIdOf } from '../../../../shared/domain/schemas/schema-schemas';
import type { ConnectClusterSettings, KafkaConnectionSettings, SaslSettings, SchemaRegistrySettings, TlsIdentity, TlsSettings, TlsTrust } from '../kafka/connection-settings';
import { SecretStoreUnavailableError, type ProfileRepo, type SecretStore, type StoredProfiles } from '../ports';

export interface ProfileServiceDeps {
  repo: ProfileRepo;
  secrets: SecretStore;
  /** Reads a certificate, key or keystore file a profile refers to by path. */
  readFile(path: string): Promise<Uint8Array>;
}

export interface SaveProfileRequest {
  draft: ProfileDraft;
  /** Slots to remove from the keychain; a slot that is neither given nor cleared keeps its stored value. */
  clearSecrets?: SecretSlot[];
}

export type ProfileService = ReturnType<typeof createProfileService>;

export function createProfileService({ repo, secrets, readFile }: ProfileServiceDeps) {
  const keychain = async <T>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError) {
        throw new AppFailure('KEYCHAIN_UNAVAILABLE', `${error.message}. Nothing was saved: Odradek keeps secrets only in the OS keychain. Unlock or start it (GNOME Keyring, KWallet, macOS Keychain) and try again.`);
      }
      throw error;
    }
  };

  const find = async (id: string): Promise<ConnectionProfile> => {
    const profile = (await repo.load()).profiles.find((candidate) => candidate.id === id);
    if (!profile) throw new AppFailure('NOT_FOUND', `There is no connection profile '${id}'.`);
    return profile;
  };

  const missingMessage = (profile: ConnectionProfile, slot: SecretSlot) => `The ${slot} of profile '${profile.name}' is missing from the OS keychain. Enter it again in the profile.`;

  /**
   * The profile's secrets from the keychain. `lenient`: a missing Schema Registry or Connect secret is
   * listed instead of thrown, so the Kafka cluster stays usable and only that part fails, in words.
   */
  const storedSecrets = async (profile: ConnectionProfile, lenient = false): Promise<{ values: SecretValues; missing: MissingSecret[] }> => {
    const values: SecretValues = {};
    const missing: MissingSecret[] = [];
    for (const { slot, state } of secretStatuses(profile)) {
      if (state !== 'set') continue;
      const value = await keychain(() => secrets.get(keychainAccount(profile.id, slot)));
      if (value === null) {
        const part = lenient ? httpPartOf(slot) : null;
        if (part === null) throw new AppFailure('KEYCHAIN_UNAVAILABLE', missingMessage(profile, slot));
        missing.push({ part, message: missingMessage(profile, slot) });
        continue;
      }
      values[slot] = value;
    }
    return { values, missing };
  };

  return {
    list: (): Promise<StoredProfiles> => repo.load(),

    get: find,

    async save({ draft, clearSecrets = [] }: SaveProfileRequest): Promise<ConnectionProfile> {
      const errors = checkProfile(draft).filter((issue) => issue.severity === 'error');
      if (hasErrors(errors)) throw new AppFailure('INVALID_INPUT', errors.map((issue) => issue.message).join(' '), errors);

      const existing = (await repo.load()).profiles.find((profile) => profile.id === draft.id) ?? null;
      const { profile: given, secrets: provided } = splitSecrets(draft);
      // Secrets the form did not touch keep their stored value; their references must stay "set".
      const kept: SecretValues = {};
      for (const { slot } of secretStatuses(given)) {
        if (provided[slot] !== undefined || clearSecrets.includes(slot) || !existing) continue;
        const value = await keychain(() => secrets.get(keychainAccount(existing.id, slot)));
        if (value !== null) kept[slot] = value;
      }
      // A Gateway token password: its user, virtual cluster and expiry are kept beside it (never the token).
      const { profile } = splitSecrets(withGatewayToken(joinSecrets(given, { ...kept, ...provided })));

      const inUse = new Set(secretStatuses(profile).filter((status) => status.state === 'set').map((status) => status.slot));
      const hadSecrets = existing !== null && secretStatuses(existing).some((status) => status.state === 'set');
      // A profile with no secrets, old or new, needs no keychain: PLAINTEXT and mTLS-by-file work without one.
      if (Object.keys(provided).length > 0 || hadSecrets) await keychain(async () => {
        for (const [slot, value] of Object.entries(provided) as [SecretSlot, string][]) {
          await secrets.set(keychainAccount(profile.id, slot), value);
        }
        // Remove what the profile no longer uses (a cleared secret, or a switch from SCRAM to mTLS).
        for (const account of await secrets.list()) {
          const parsed = parseKeychainAccount(account);
          if (parsed?.profileId === profile.id && !inUse.has(parsed.slot)) await secrets.delete(account);
        }
      });
      await repo.save(profile);
      return profile;
    },

    async delete(id: string): Promise<{ deleted: boolean }> {
      const profile = await find(id);
      // Secrets first: if the keychain refuses, the profile stays and can be deleted later, rather than
      // leaving secrets behind that nothing refers to.
      await keychain(async () => {
        for (const account of await secrets.list()) {
          if (parseKeychainAccount(account)?.profileId === profile.id) await secrets.delete(account);
        }
      });
      return { deleted: await repo.delete(profile.id) };
    },

    /**
     * Points the profile at its main or failover cluster, only when asked: connections made from now on
     * use that cluster's bootstrap, security and credentials. Secrets are untouched.
     */
    async switchCluster(id: string, to: ClusterRole): Promise<ConnectionProfile> {
      const profile = await find(id);
      if (to === 'failover' && !profile.failover) throw new AppFailure('INVALID_INPUT', `Profile '${profile.name}' has no failover cluster; add one to the profile before switching to it.`);
      const switched: ConnectionProfile = { ...profile, activeCluster: to };
      await repo.save(switched);
      return switched;
    },

    /** The stored profile and its secret values, for an export the user confirmed. Main-only. */
    async withSecrets(id: string): Promise<{ profile: ConnectionProfile; secrets: SecretValues }> {
      const profile = await find(id);
      return { profile, secrets: (await storedSecrets(profile)).values };
    },

    /** The profile with its secrets and files, ready for the Kafka client factory. Main-only. */
    async resolveConnection(id: string): Promise<KafkaConnectionSettings> {
      const profile = await find(id);
      const { values, missing } = await storedSecrets(profile, true);
      return resolveDraft(joinSecrets(profile, values), readFile, missing);
    },

    /**
     * The same for a form that has not been saved yet: secrets come inline or, when untouched, from the
     * keychain; a secret the form clears is not used even though the keychain still holds it.
     */
    async resolveDraft(draft: ProfileDraft, clearSecrets: readonly SecretSlot[] = []): Promise<KafkaConnectionSettings> {
      const existing = (await repo.load()).profiles.find((profile) => profile.id === draft.id);
      if (!existing) return resolveDraft(draft, readFile);
      const { profile, secrets: provided } = splitSecrets(draft);
      const { values: stored, missing } = await storedSecrets(existing, true);
      for (const slot of clearSecrets) delete stored[slot];
      // A secret the form gives again is no longer missing.
      const stillMissing = missing.filter((entry) => !Object.keys(provided).some((slot) => httpPartOf(slot as SecretSlot) === entry.part));
      return resolveDraft(joinSecrets(profile, { ...stored, ...provided }), readFile, stillMissing);
    },
  };
}

/** A secret missing from the keychain, by the HTTP part of the profile it belongs to. */
interface MissingSecret {
  /** 'registry', or `connect:<cluster id>`. */
  part: string;
  message: string;
}

/** The HTTP part a secret slot belongs to ('registry' or `connect:<id>`); null for the Kafka cluster's own. */
function httpPartOf(slot: SecretSlot): string | null {
  if (slot.startsWith('schemaRegistry.')) return 'registry';
  const connect = parseConnectSecretSlot(slot);
  return connect ? `connect:${connect.clusterId}` : null;
}

async function resolveDraft(profileDraft: ProfileDraft, readFile: (path: string) => Promise<Uint8Array>, missing: readonly MissingSecret[] = []): Promise<KafkaConnectionSettings> {
  const unavailableIn = (part: string) => missing.find((entry) => entry.part === part)?.message;
  // A profile switched to its failover cluster connects with that cluster's bootstrap, security and credentials.
  const draft = activeClusterDraft(profileDraft);
  const read = async (path: string, what: string) => {
    try {
      return await readFile(path);
    } catch (error) {
      throw new AppFailure('INVALID_INPUT', `The ${what} file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  };
  const text = async (path: string, what: string) => new TextDecoder().decode(await read(path, what));
  const required = (value: string | undefined, what: string): string => {
    if (value === undefined || value === '') throw new AppFailure('INVALID_INPUT', `The profile '${draft.name}' has no ${what} set.`);
    return value;
  };

  /** The bytes of a PKCS12 or JKS store, from its file or from the keychain, where it is kept as base64. */
  const storeBytes = async (store: { source: 'keychain'; store?: string } | { source?: 'file'; path: string }, what: 'truststore' | 'keystore') =>
    store.source === 'keychain' ? base64ToBytes(required(store.store, `imported ${what}`)) : await read(store.path, what);

  type TlsSpec = Pick<NonNullable<ProfileDraft['tls']>, 'trust' | 'identity' | 'verifyHostname'>;
  const resolveTls = async (spec: TlsSpec, profile: TlsSettings['profile']): Promise<TlsSettings> => {
    const trustSpec = spec.trust;
    const trust: TlsTrust =
      trustSpec.kind === 'system'
        ? { kind: 'system' }
        : trustSpec.kind === 'pem-text'
          ? { kind: 'pem', pem: trustSpec.pem }
          : trustSpec.kind === 'pem-file'
            ? { kind: 'pem', pem: await text(trustSpec.path, 'CA certificate') }
            : { kind: trustSpec.kind, data: await storeBytes(trustSpec, 'truststore'), password: required(trustSpec.password, 'truststore password') };
    const identitySpec = spec.identity;
    let identity: TlsIdentity | null = null;
    if (identitySpec?.kind === 'pem') {
      const certificatePem = identitySpec.certificate.source === 'file' ? await text(identitySpec.certificate.path, 'client certificate') : identitySpec.certificate.pem;
      const keyPem = identitySpec.key.source === 'file' ? await text(identitySpec.key.path, 'private key') : required(identitySpec.key.pem, 'private key');
      identity = { kind: 'pem', certificatePem, keyPem, ...(identitySpec.keyPassword ? { passphrase: identitySpec.keyPassword } : {}) };
    } else if (identitySpec?.kind === 'pkcs12') {
      identity = { kind: 'pkcs12', data: await storeBytes(identitySpec, 'keystore'), password: required(identitySpec.password, 'keystore password') };
    } else if (identitySpec?.kind === 'jks') {
      identity = {
        kind: 'jks',
        data: await storeBytes(identitySpec, 'keystore'),
        password: required(identitySpec.password, 'keystore password'),
        ...(identitySpec.keyPassword ? { keyPassword: identitySpec.keyPassword } : {}),
      };
    }
    return { trust, identity, verifyHostname: spec.verifyHostname, profile };
  };

  const tls: TlsSettings | null = draft.tls ? await resolveTls(draft.tls, draft.tls.profile) : null;

  let schemaRegistry: SchemaRegistrySettings | null = null;
  const registry = draft.schemaRegistry;
  const registryUnavailable = unavailableIn('registry');
  if (registry && registryUnavailable) {
    // Every request to it fails with this; nothing goes out without the secret.
    schemaRegistry = { id: schemaRegistryIdOf(registry), name: registry.name?.trim() || schemaRegistryIdOf({ urls: registry.urls }), urls: registry.urls, auth: { kind: 'none' }, tls: null, observation: registry.observation, unavailable: registryUnavailable };
  } else if (registry) {
    const auth = registry.auth;
    schemaRegistry = {
      id: schemaRegistryIdOf(registry),
      name: registry.name?.trim() || schemaRegistryIdOf({ urls: registry.urls }),
      urls: registry.urls,
      auth:
        auth.kind === 'basic'
          ? { kind: 'basic', username: auth.username, password: required(auth.password, 'Schema Registry password') }
          : auth.kind === 'bearer'
            ? { kind: 'bearer', token: required(auth.token, 'Schema Registry bearer token') }
            : { kind: 'none' },
      tls: registry.tls ? await resolveTls(registry.tls, 'default') : null,
      observation: registry.observation,
    };
  }

  const connect: ConnectClusterSettings[] = [];
  for (const cluster of draft.connect) {
    const clusterUnavailable = unavailableIn(`connect:${cluster.id}`);
    if (clusterUnavailable) {
      connect.push({ id: cluster.id, name: cluster.name, urls: cluster.urls, auth: { kind: 'none' }, tls: null, readOnly: cluster.readOnly, unavailable: clusterUnavailable });
      continue;
    }
    const auth = cluster.auth;
    const spec = cluster.tls;
    connect.push({
      id: cluster.id,
      name: cluster.name,
      urls: cluster.urls,
      auth:
        auth.kind === 'basic'
          ? { kind: 'basic', username: auth.username, password: required(auth.password, `Connect ${cluster.name} REST password`) }
          : auth.kind === 'bearer'
            ? { kind: 'bearer', token: required(auth.token, `Connect ${cluster.name} bearer token`) }
            : { kind: 'none' },
      tls: spec
        ? await resolveTls(
            {
              trust: spec.caFile ? { kind: 'pem-file', path: spec.caFile } : { kind: 'system' },
              identity:
                spec.clientCertFile && spec.clientKeyFile
                  ? { kind: 'pem', certificate: { source: 'file', path: spec.clientCertFile }, key: { source: 'file', path: spec.clientKeyFile }, keyPassword: spec.keyPassword }
                  : null,
              verifyHostname: spec.verifyHostname,
            },
            'default',
          )
        : null,
      readOnly: cluster.readOnly,
    });
  }

  let sasl: SaslSettings | null = null;
  const saslSpec = draft.sasl;
  if (saslSpec?.mechanism === 'gssapi') {
    throw new AppFailure('UNSUPPORTED', 'Kerberos (GSSAPI) is not supported: kafkajs has no GSSAPI implementation; use SCRAM, OAUTHBEARER or mTLS if your cluster offers it.');
  } else if (saslSpec?.mechanism === 'oauthbearer') {
    sasl = {
      mechanism: 'oauthbearer',
      tokenEndpoint: saslSpec.tokenEndpoint,
      clientId: saslSpec.clientId,
      clientSecret: required(saslSpec.clientSecret, 'OAuth client secret'),
      ...(saslSpec.scope ? { scope: saslSpec.scope } : {}),
      ...(saslSpec.audience ? { audience: saslSpec.audience } : {}),
      extraParameters: saslSpec.extraParameters,
    };
  } else if (saslSpec?.mechanism === 'aws-msk-iam') {
    const credentials = saslSpec.credentials;
    sasl = {
      mechanism: 'aws-msk-iam',
      region: saslSpec.region,
      credentials:
        credentials.source === 'static'
          ? {
              source: 'static',
              accessKeyId: credentials.accessKeyId,
              secretAccessKey: required(credentials.secretAccessKey, 'AWS secret access key'),
              ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
            }
          : credentials,
    };
  } else if (saslSpec) {
    sasl = { mechanism: saslSpec.mechanism, username: saslSpec.username, password: required(saslSpec.password, 'SASL password') };
  }

  const proxy = proxyOfVendor(draft.vendor.preset);
  return { name: draft.name, bootstrapServers: draft.bootstrapServers, tls, sasl, schemaRegistry, connect, ...(proxy ? { proxy } : {}) };
}
