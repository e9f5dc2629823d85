import { describe, expect, it } from 'vitest';
import { checkBootstrapAddress } from './bootstrap';
import { checkProfile } from './checks';
import { createProfileMigrator, migrateProfileDocument } from './migrate';
import { connectionProfileSchema, emptyProfileDraft, GSSAPI_UNSUPPORTED_MESSAGE, isActionAllowed, PROFILE_SCHEMA_VERSION, profileActions } from './profile-schema';
import { secretSlots } from './secret-slots';
import { joinSecrets, keychainAccount, KEYCHAIN_SERVICE, parseKeychainAccount, REDACTED_SECRET, redactedView, secretCatalogue, secretStatuses, splitSecrets, UNSET_SECRET } from './secrets';
import { testProfiles } from './test-profiles';
import { goSuiteToJavaName, goToOpenSslCipherSuites, parseTlsProfileName, tlsProfiles } from './tls-profiles';

describe('bootstrap addresses', () => {
  it.each(['broker-1.example.com:9092', 'localhost:9092', '10.0.0.1:9093', '[::1]:9092', '[2001:db8::1]:19092', 'kafka_internal:1'])('accepts %s', (address) => {
    expect(checkBootstrapAddress(address).ok).toBe(true);
  });
  it.each([
    ['broker', 'has no port'],
    ['::1:9092', 'put it in brackets'],
    ['https://x.example.com:443', 'is a URL'],
    ['host:0', 'a port is a number from 1 to 65535'],
    ['host:70000', 'a port is a number from 1 to 65535'],
    ['[10.0.0.1]:9092', 'brackets are only for IPv6'],
    ['bad host:9092', 'not a valid host name'],
    ['', 'empty'],
  ])('rejects %j: %s', (address, reason) => {
    const check = checkBootstrapAddress(address);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(reason);
  });
});

describe('profile schema', () => {
  it('a new profile allows every action; read-only forbids them all', () => {
    const draft = emptyProfileDraft('p', 'Prod EU');
    expect(draft.environment.tag).toBe('prod');
    expect(draft.safety.allowedActions).toEqual(profileActions);
    expect(isActionAllowed(draft, 'delete-topics')).toBe(true);
    expect(isActionAllowed({ safety: { readOnly: true, allowedActions: [...profileActions] } }, 'produce')).toBe(false);
    expect(isActionAllowed({ safety: { readOnly: false, allowedActions: ['produce'] } }, 'delete-topics')).toBe(false);
  });

  it('every test profile is valid once its secrets are split out', () => {
    for (const { draft } of testProfiles) {
      const { profile } = splitSecrets(draft);
      expect(connectionProfileSchema.safeParse(profile).success, draft.id).toBe(true);
      expect(checkProfile(profile, { stored: true }).filter((issue) => issue.severity === 'error'), draft.id).toEqual([]);
    }
  });

  it('rejects protocol/SASL/TLS combinations that do not fit', () => {
    const plain = { ...emptyProfileDraft('p', 'x'), bootstrapServers: ['b:9092'] };
    expect(checkProfile({ ...plain, securityProtocol: 'SASL_SSL' }).map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['sasl: SASL_SSL needs SASL settings.', 'tls: SASL_SSL needs TLS settings.']),
    );
    expect(checkProfile({ ...plain, tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' } })[0]?.message).toContain('TLS settings need security protocol SSL or SASL_SSL');
  });

  it('Kerberos is a clear error wherever it is checked', () => {
    const profile = { ...emptyProfileDraft('p', 'x'), bootstrapServers: ['b:9092'], securityProtocol: 'SASL_PLAINTEXT' as const, sasl: { mechanism: 'gssapi' as const } };
    const issue = checkProfile(profile).find((candidate) => candidate.code === 'sasl.gssapi-unsupported');
    expect(issue?.message).toContain(GSSAPI_UNSUPPORTED_MESSAGE);
    expect(issue?.severity).toBe('error');
  });

  it('warns when host-name verification is off', () => {
    const profile = { ...emptyProfileDraft('p', 'x'), bootstrapServers: ['b:9093'], securityProtocol: 'SSL' as const, tls: { trust: { kind: 'system' as const }, identity: null, verifyHostname: false, profile: 'default' as const } };
    expect(checkProfile(profile).find((issue) => issue.code === 'tls.hostname-verification-off')?.severity).toBe('warning');
  });
});

describe('secrets', () => {
  it('the catalogue names each slot once, and splitSecrets moves every value out', () => {
    expect(secretCatalogue.map((entry) => entry.slot).sort()).toEqual([...secretSlots].sort());
    for (const { draft } of testProfiles) {
      const { profile, secrets } = splitSecrets(draft);
      expect(JSON.stringify(profile), draft.id).not.toContain('PLANTED');
      expect(JSON.stringify(redactedView(profile)), draft.id).not.toContain('PLANTED');
      expect(JSON.stringify(redactedView(draft)), draft.id).not.toContain('PLANTED');
      expect(joinSecrets(profile, secrets), draft.id).toEqual(JSON.parse(JSON.stringify(draft)));
      for (const value of Object.values(secrets)) expect(JSON.stringify(draft)).toContain(JSON.stringify(value).slice(1, -1));
    }
  });

  it('records each secret as {slot, state} and lists the statuses', () => {
    const { profile, secrets } = splitSecrets(testProfiles[1]!.draft);
    expect(profile.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'svc', password: { slot: 'sasl.password', state: 'set' } });
    expect(Object.keys(secrets).sort()).toEqual(['sasl.password', 'tls.keyPassword', 'tls.keystorePassword', 'tls.truststorePassword']);
    expect(secretStatuses(profile).map((status) => `${status.slot}:${status.state}`)).toEqual([
      'sasl.password:set',
      'tls.truststorePassword:set',
      'tls.keystorePassword:set',
      'tls.keyPassword:set',
    ]);
  });

  it('a missing value is a not-set slot, and the redacted view says so', () => {
    const draft = { ...testProfiles[0]!.draft, sasl: { mechanism: 'plain' as const, username: 'u' } };
    const { profile, secrets } = splitSecrets(draft);
    expect(secrets['sasl.password']).toBeUndefined();
    expect(profile.sasl).toMatchObject({ password: { slot: 'sasl.password', state: 'not-set' } });
    expect((redactedView(profile) as { sasl: { password: string } }).sasl.password).toBe(UNSET_SECRET);
    expect((redactedView(testProfiles[0]!.draft) as { sasl: { password: string } }).sasl.password).toBe(REDACTED_SECRET);
  });

  it('keychain accounts are profileId/slot under the odradek service', () => {
    expect(KEYCHAIN_SERVICE).toBe('odradek');
    expect(keychainAccount('prod-eu', 'sasl.password')).toBe('prod-eu/sasl.password');
    expect(parseKeychainAccount('prod-eu/schemaRegistry.tls.keyPassword')).toEqual({ profileId: 'prod-eu', slot: 'schemaRegistry.tls.keyPassword' });
    expect(parseKeychainAccount('prod-eu/not-a-slot')).toBeNull();
    expect(parseKeychainAccount('no-slash')).toBeNull();
  });
});

describe('TLS profiles (WarpStream agent, Mozilla-based)', () => {
  it('maps each profile to protocol bounds and OpenSSL suites', () => {
    expect(tlsProfiles.modern).toEqual({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    expect(tlsProfiles.default).toEqual({});
    expect(tlsProfiles.intermediate.minVersion).toBe('TLSv1.2');
    expect(tlsProfiles.intermediate.openSslCiphers).toBe(
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
    );
    expect(tlsProfiles.old.minVersion).toBe('TLSv1');
    expect(tlsProfiles.old.goCipherSuites).toHaveLength(18);
    expect(tlsProfiles.old.openSslCiphers?.split(':').at(-1)).toBe('DES-CBC3-SHA');
    // Node needs the TLS 1.3 suites named or it stops offering TLS 1.3.
    expect(tlsProfiles.intermediate.nodeCiphers).toBe(`${tlsProfiles.intermediate.openSslCiphers}:TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256`);
    expect(tlsProfiles.old.nodeCiphers?.endsWith(':TLS_CHACHA20_POLY1305_SHA256:@SECLEVEL=0')).toBe(true);
  });

  it('translates Go suite names to OpenSSL and Java names', () => {
    expect(goToOpenSslCipherSuites.TLS_RSA_WITH_AES_128_CBC_SHA256).toBe('AES128-SHA256');
    expect(goToOpenSslCipherSuites.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA).toBe('ECDHE-RSA-AES256-SHA');
    expect(goSuiteToJavaName('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305')).toBe('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    expect(goSuiteToJavaName('TLS_RSA_WITH_AES_128_GCM_SHA256')).toBe('TLS_RSA_WITH_AES_128_GCM_SHA256');
    expect(Object.values(goToOpenSslCipherSuites).every((name) => /^[A-Z0-9-]+$/.test(name))).toBe(true);
  });

  it('reads the WarpStream names, including golang-default', () => {
    expect(parseTlsProfileName('golang-default')).toBe('default');
    expect(parseTlsProfileName(' Modern ')).toBe('modern');
    expect(parseTlsProfileName('ancient')).toBeUndefined();
  });
});

describe('profile documents and migration', () => {
  const stored = splitSecrets(testProfiles[0]!.draft).profile;

  it('accepts a current document unchanged', () => {
    expect(migrateProfileDocument(JSON.parse(JSON.stringify(stored)))).toEqual({ ok: true, profile: stored, migratedFrom: null });
  });

  it('refuses newer, unversioned and invalid documents with a reason', () => {
    expect(migrateProfileDocument({ ...stored, schemaVersion: PROFILE_SCHEMA_VERSION + 1 })).toMatchObject({ ok: false, message: expect.stringContaining('newer Odradek') });
    expect(migrateProfileDocument({ name: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('schemaVersion') });
    expect(migrateProfileDocument('nope')).toMatchObject({ ok: false });
    expect(migrateProfileDocument({ ...stored, bootstrapServers: ['no-port'] })).toMatchObject({ ok: false, message: expect.stringContaining('bootstrapServers.0') });
  });

  it('upgrades an older document step by step (fake version 0: a flat `brokers` string and `readOnly`)', () => {
    const { safety, bootstrapServers, schemaVersion: _current, ...rest } = stored;
    const versionZero = { ...rest, schemaVersion: 0, brokers: bootstrapServers.join(','), readOnly: safety.readOnly, allowed: safety.allowedActions };
    const migrate = createProfileMigrator(connectionProfileSchema, 1, {
      0: ({ brokers, readOnly, allowed, ...document }) => ({ ...document, bootstrapServers: String(brokers).split(','), safety: { readOnly, allowedActions: allowed } }),
    });
    expect(migrate(versionZero)).toEqual({ ok: true, profile: stored, migratedFrom: 0 });
    expect(createProfileMigrator(connectionProfileSchema, 1, {})(versionZero)).toMatchObject({ ok: false, message: 'No upgrade from profile schema 0 to 1.' });
  });
});

describe('PKCS12 and JKS stores imported into the keychain', () => {
  const keystoreBase64 = 'UExBTlRFRC1rZXlzdG9yZS1ieXRlcw==';
  const truststoreBase64 = 'UExBTlRFRC10cnVzdHN0b3JlLWJ5dGVz';
  const draft = {
    ...emptyProfileDraft('mtls-imported', 'mTLS imported'),
    bootstrapServers: ['b:9093'],
    securityProtocol: 'SSL' as const,
    tls: {
      trust: { kind: 'jks' as const, source: 'keychain' as const, store: truststoreBase64, password: 'PLANTED-trust' },
      identity: { kind: 'pkcs12' as const, source: 'keychain' as const, store: keystoreBase64, password: 'PLANTED-key' },
      verifyHostname: true,
      profile: 'default' as const,
    },
  };

  it('moves the store bytes into their own slot and back, and never shows them', () => {
    const { profile, secrets } = splitSecrets(draft);
    expect(connectionProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile.tls?.identity).toEqual({ kind: 'pkcs12', source: 'keychain', store: { slot: 'tls.keystore', state: 'set' }, password: { slot: 'tls.keystorePassword', state: 'set' } });
    expect(secrets).toMatchObject({ 'tls.keystore': keystoreBase64, 'tls.truststore': truststoreBase64 });
    expect(joinSecrets(profile, secrets)).toEqual(draft);
    for (const view of [profile, redactedView(profile), redactedView(draft)]) {
      expect(JSON.stringify(view)).not.toContain(keystoreBase64);
      expect(JSON.stringify(view)).not.toContain(truststoreBase64);
      expect(JSON.stringify(view)).not.toContain('PLANTED');
    }
    expect((redactedView(profile) as { tls: { identity: { store: string } } }).tls.identity.store).toBe(REDACTED_SECRET);
    expect(secretStatuses(profile).map((status) => `${status.label}:${status.state}`)).toEqual([
      'Kafka TLS truststore password:set',
      'Kafka TLS keystore password:set',
      'Kafka TLS truststore (imported):set',
      'Kafka TLS keystore (imported):set',
    ]);
  });

  it('uses the Schema Registry slots for its own TLS', () => {
    const registryDraft = {
      ...draft,
      schemaRegistry: {
        urls: ['https://sr.example.com'],
        auth: { kind: 'none' as const },
        tls: { trust: { kind: 'system' as const }, identity: { kind: 'pkcs12' as const, source: 'keychain' as const, store: keystoreBase64 }, verifyHostname: true },
        observation: 'auto' as const,
      },
    };
    const { profile, secrets } = splitSecrets(registryDraft);
    expect(secrets['schemaRegistry.tls.keystore']).toBe(keystoreBase64);
    expect(secretStatuses(profile).find((status) => status.slot === 'schemaRegistry.tls.keystore')).toEqual({ slot: 'schemaRegistry.tls.keystore', label: 'Schema Registry TLS keystore (imported)', state: 'set' });
  });

  it('a store without bytes is a not-set slot, and a store by path has no such slot', () => {
    const { profile } = splitSecrets({ ...draft, tls: { ...draft.tls, identity: { kind: 'pkcs12', source: 'keychain' } } });
    expect(secretStatuses(profile).find((status) => status.slot === 'tls.keystore')?.state).toBe('not-set');
    const byPath = splitSecrets({ ...draft, tls: { ...draft.tls, identity: { kind: 'pkcs12', path: '/certs/client.p12' } } }).profile;
    expect(secretStatuses(byPath).map((status) => status.slot)).not.toContain('tls.keystore');
  });

  it('keeps loading stored version-1 profiles that refer to stores by path, with no source', () => {
    const stored = splitSecrets({ ...draft, tls: { ...draft.tls, trust: { kind: 'jks', path: '/certs/trust.jks', password: 'x' }, identity: { kind: 'pkcs12', path: '/certs/client.p12', password: 'y' } } }).profile;
    expect(stored.tls?.identity).not.toHaveProperty('source');
    const loaded = migrateProfileDocument(JSON.parse(JSON.stringify(stored)));
    expect(loaded).toEqual({ ok: true, profile: stored, migratedFrom: null });
  });

  it('refuses a keychain store with a path-less file source', () => {
    const { profile } = splitSecrets(draft);
    const document = JSON.parse(JSON.stringify(profile)) as { tls: { identity: Record<string, unknown> } };
    document.tls.identity['source'] = 'file';
    expect(migrateProfileDocument(document).ok).toBe(false);
  });
});
