/// <reference types="vite/client" />
// Every snippet style from the vendor guides users paste (test/fixtures/imports, copied verbatim from the
// WarpStream/Kpow guide and the Conduktor Gateway docs) imports into the expected profile.
import { describe, expect, it } from 'vitest';
import { importProfile } from './import-profile';

// Loaded through Vite (shared/ may not touch the file system, even in tests).
const fixtures: Record<string, string> = import.meta.glob('../../../../test/fixtures/imports/*', { query: '?raw', import: 'default', eager: true });
const fixture = (name: string) => {
  const text = fixtures[`../../../../test/fixtures/imports/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return text;
};
const load = (name: string) => importProfile(fixture(name));
const codes = (preview: ReturnType<typeof importProfile>) => preview.issues.map((issue) => issue.code);

describe('WarpStream guide (Kpow variables)', () => {
  it('SASL/PLAIN: SASL_SSL with PLAIN, the placeholder password is not imported', () => {
    const preview = load('warpstream-kpow-sasl-plain.env');
    expect(preview.format).toBe('kpow-env');
    expect(preview.profile.securityProtocol).toBe('SASL_SSL');
    expect(preview.profile.sasl).toEqual({ mechanism: 'plain', username: '<SASL_USERNAME>', password: { slot: 'sasl.password', state: 'not-set' } });
    expect(preview.profile.tls).toMatchObject({ trust: { kind: 'system' }, verifyHostname: true });
    expect(preview.secrets).toEqual({});
    const passwordIssue = preview.issues.find((issue) => issue.code === 'input.secret-placeholder');
    expect(passwordIssue).toMatchObject({ severity: 'warning', line: 3 });
    expect(passwordIssue?.message).toMatch(/Line 3, column \d+ \(SASL_JAAS_CONFIG\).*<SASL_PASSWORD>.*Enter the real SASL password/);
    expect(codes(preview)).toContain('input.no-bootstrap');
  });

  it('SASL/SCRAM: the comment line between variables is skipped', () => {
    const preview = load('warpstream-kpow-sasl-scram.env');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'scram-sha-256', username: '<SCRAM_USERNAME>' });
    expect(preview.issues.find((issue) => issue.code === 'input.unknown-line')).toBeUndefined();
  });

  it('SASL/OAUTHBEARER: JAAS continued over lines with the oauth.* spelling', () => {
    const preview = load('warpstream-kpow-oauthbearer.env');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'oauthbearer', clientId: '<OAUTH_CLIENT_ID>', tokenEndpoint: '<OAUTH_TOKEN_ENDPOINT_URL>', clientSecret: { state: 'not-set' } });
    expect(preview.ignored).toContainEqual(expect.objectContaining({ key: 'SASL_LOGIN_CALLBACK_HANDLER_CLASS', line: 3 }));
    const clientId = preview.issues.find((issue) => issue.code === 'input.placeholder' && issue.message.includes('client id'));
    expect(clientId).toMatchObject({ line: 5 });
    const endpoint = preview.issues.find((issue) => issue.message.includes('token endpoint'));
    expect(endpoint).toMatchObject({ line: 7 });
  });

  it('SASL/OAUTHBEARER with oauth.scope and oauth.audience continued lines: still detected as Kpow variables', () => {
    const preview = load('warpstream-kpow-oauthbearer-scope.env');
    expect(preview.format).toBe('kpow-env');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'oauthbearer', scope: '<YOUR_SCOPE>', audience: '<EXPECTED_AUDIENCE>' });
    expect(codes(preview)).not.toContain('input.no-bootstrap-servers');
    expect(preview.issues.find((issue) => issue.message.includes('scope'))).toMatchObject({ line: 8 });
  });

  it('mTLS: PKCS12 key and trust stores as file references, passwords as (unset) secrets', () => {
    const preview = load('warpstream-kpow-mtls.env');
    expect(preview.profile.securityProtocol).toBe('SSL');
    expect(preview.profile.tls).toMatchObject({
      trust: { kind: 'pkcs12', path: '/path/to/truststore.jks', password: { slot: 'tls.truststorePassword', state: 'not-set' } },
      identity: { kind: 'pkcs12', path: '/path/to/keystore.jks', password: { slot: 'tls.keystorePassword', state: 'not-set' } },
    });
    expect(codes(preview)).toContain('tls.type-differs-from-name');
    expect(preview.ignored).toContainEqual(expect.objectContaining({ key: 'SSL_KEY_PASSWORD', line: 4 }));
  });

  it('docker run quickstart: everything understood, licence keys ignored with the reason', () => {
    const preview = load('warpstream-kpow-docker-run.sh');
    expect(preview.format).toBe('kpow-env');
    expect(preview.profile).toMatchObject({
      name: 'WarpStream Kafka',
      id: 'warpstream-kafka',
      bootstrapServers: ['<WARPSTREAM_VIRTUAL_CLUSTER_BOOTSTRAP_URL>'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'plain', username: '<SASL_USERNAME>' },
      vendor: { preset: 'warpstream' },
      topicDefaults: { replicationFactor: 1, partitions: 1 },
      schemaRegistry: {
        name: 'WarpStream Schema Registry',
        urls: ['<SCHEMA_REGISTRY_URL>'],
        auth: { kind: 'basic', username: '<SCHEMA_USERNAME>', password: { slot: 'schemaRegistry.password', state: 'not-set' } },
        observation: 'v1',
      },
    });
    const licence = preview.ignored.filter((entry) => entry.key.startsWith('LICENSE'));
    expect(licence.map((entry) => entry.key)).toEqual(['LICENSE_ID', 'LICENSE_CODE', 'LICENSEE', 'LICENSE_EXPIRY', 'LICENSE_SIGNATURE']);
    expect(licence[0]?.reason).toBe('Kpow licence keys are not connection settings.');
    expect(preview.issues.find((issue) => issue.code === 'input.placeholder' && issue.key === 'BOOTSTRAP')?.line).toBe(3);
    expect(preview.ok).toBe(false);
  });
});

describe('Conduktor Gateway backing-cluster variables (KAFKA_*)', () => {
  it.each([
    ['gateway-env-plaintext.yaml', 'PLAINTEXT', null],
    ['gateway-env-sasl-plaintext-plain.yaml', 'SASL_PLAINTEXT', 'plain'],
    ['gateway-env-sasl-plaintext-scram.yaml', 'SASL_PLAINTEXT', 'scram-sha-256'],
    ['gateway-env-sasl-plaintext-oauthbearer.yaml', 'SASL_PLAINTEXT', 'oauthbearer'],
    ['gateway-env-confluent-cloud.yaml', 'SASL_SSL', 'plain'],
    ['gateway-env-sasl-ssl-scram.yaml', 'SASL_SSL', 'scram-sha-256'],
    ['gateway-env-sasl-ssl-oauthbearer.yaml', 'SASL_SSL', 'oauthbearer'],
    ['gateway-env-kerberos.yaml', 'SASL_SSL', 'gssapi'],
    ['gateway-env-msk-iam.yaml', 'SASL_SSL', 'aws-msk-iam'],
    ['gateway-env-mtls.yaml', 'SSL', null],
    ['gateway-env-ssl-sasl-plain.yaml', 'SSL', null],
  ])('%s → %s / %s', (name, protocol, mechanism) => {
    const preview = load(name);
    expect(preview.format).toBe('gateway-env');
    expect(preview.profile.securityProtocol).toBe(protocol);
    expect(preview.profile.sasl?.mechanism ?? null).toBe(mechanism);
    expect(codes(preview)).toContain('gateway.backing-cluster');
    if (name !== 'gateway-env-plaintext.yaml') {
      expect(preview.ignored).toContainEqual(expect.objectContaining({ key: 'GATEWAY_SECURITY_PROTOCOL', line: 1 }));
    }
  });

  it('reads the OAuth example with typographic quotes, naming line and column of the first one', () => {
    const preview = load('gateway-env-sasl-plaintext-oauthbearer.yaml');
    const quote = preview.issues.find((issue) => issue.code === 'jaas.typographic-quote');
    expect(quote).toMatchObject({ severity: 'error', line: 7, column: 111 });
    expect(quote?.message).toContain('Replace “ ” ‘ ’ with straight double quotes');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'oauthbearer', clientId: '<>', scope: '.default', tokenEndpoint: '<https://myidp.example.com/oauth2/default/v1/token>' });
    expect(preview.issues.find((issue) => issue.code === 'input.secret-placeholder')?.message).toContain("'<>'");
  });

  it('unwraps <JKS> placeholders around valid store types, with a warning', () => {
    const preview = load('gateway-env-sasl-ssl-scram.yaml');
    expect(preview.profile.tls?.trust).toMatchObject({ kind: 'jks', path: '</path/to/truststore.jks>' });
    expect(preview.issues.find((issue) => issue.code === 'input.placeholder-choice')).toMatchObject({ severity: 'warning', line: 6 });
  });

  it('mTLS with real-looking values stores the three passwords as secrets', () => {
    const preview = load('gateway-env-mtls.yaml');
    expect(preview.profile.tls).toMatchObject({ trust: { kind: 'jks', path: '/security/truststore.jks' }, identity: { kind: 'jks', path: '/security/kafka.gw.keystore.jks' } });
    expect(preview.secrets).toEqual({ 'tls.truststorePassword': 'conduktor', 'tls.keystorePassword': 'conduktor', 'tls.keyPassword': 'conduktor' });
    expect(preview.secretFields.map((field) => [field.slot, field.key, field.line])).toEqual([
      ['tls.truststorePassword', 'KAFKA_SSL_TRUSTSTORE_PASSWORD', 5],
      ['tls.keystorePassword', 'KAFKA_SSL_KEYSTORE_PASSWORD', 7],
      ['tls.keyPassword', 'KAFKA_SSL_KEY_PASSWORD', 8],
    ]);
  });

  it('Kerberos is recognised and refused with the clear message', () => {
    const preview = load('gateway-env-kerberos.yaml');
    const gssapi = preview.issues.filter((issue) => issue.code === 'sasl.gssapi-unsupported');
    expect(gssapi).toHaveLength(1);
    expect(gssapi[0]).toMatchObject({ severity: 'error', line: 4 });
    expect(gssapi[0]?.message).toContain('Kerberos (GSSAPI) is not supported: kafkajs has no GSSAPI implementation; use SCRAM, OAUTHBEARER or mTLS if your cluster offers it');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'gssapi', serviceName: '<kafka>' });
  });

  it('MSK IAM: region from the broker host, static keys, the vendor detected', () => {
    const preview = load('gateway-env-msk-iam.yaml');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'aws-msk-iam', region: 'eu-west-1', credentials: { source: 'static', accessKeyId: '<access-key-id>', secretAccessKey: { state: 'not-set' } } });
    expect(preview.profile.vendor.preset).toBe('amazon-msk');
    expect(preview.ignored).toContainEqual(expect.objectContaining({ key: 'KAFKA_SASL_CLIENT_CALLBACK_HANDLER_CLASS', line: 6 }));
  });

  it('Confluent Cloud: detected from the host name', () => {
    expect(load('gateway-env-confluent-cloud.yaml').profile.vendor.preset).toBe('confluent-cloud');
  });

  it('SSL with SASL variables: the SASL ones are reported as unused', () => {
    const preview = load('gateway-env-ssl-sasl-plain.yaml');
    const unused = preview.issues.find((issue) => issue.code === 'input.settings-unused-by-protocol');
    expect(unused?.message).toContain('KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG are ignored');
    expect(unused?.line).toBe(3);
  });

  it('failover variables: one profile, the KAFKA_FAILOVER_* cluster becomes its failover cluster', () => {
    const preview = load('gateway-env-failover.env');
    expect(preview.format).toBe('gateway-env');
    expect(preview.profile.bootstrapServers).toEqual(['<primary bootstrap address>:9092']);
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'plain', username: '<primary-api-key>' });
    expect(preview.profile.failover).toMatchObject({
      bootstrapServers: ['<secondary bootstrap address>:9092'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'plain', username: '<secondary-api-key>', password: { slot: 'failover.sasl.password', state: 'not-set' } },
      tls: { trust: { kind: 'system' } },
    });
    const role = preview.ignored.find((entry) => entry.key === 'KAFKA_FAILOVER_GATEWAY_ROLES');
    expect(role?.reason).toMatch(/failover cluster/);
    expect(codes(preview)).not.toContain('input.duplicate');
    // Both placeholders are reported, the failover one saying whose it is.
    expect(preview.issues.filter((issue) => issue.code === 'input.placeholder').map((issue) => issue.line)).toEqual([1, 4, 5, 8]);
    expect(preview.issues.find((issue) => issue.line === 5)?.message).toContain("failover cluster 'failover'");
    expect(preview.issues.find((issue) => issue.line === 1)?.message).not.toContain('failover');
  });

  it('failover variables with real values: secrets go to the failover slots', () => {
    const text = [
      'KAFKA_MAIN_BOOTSTRAP_SERVERS=main.example.com:9092',
      'KAFKA_MAIN_SECURITY_PROTOCOL=SASL_SSL',
      'KAFKA_MAIN_SASL_MECHANISM=PLAIN',
      'KAFKA_MAIN_SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="k1" password="s1";',
      'KAFKA_DR_BOOTSTRAP_SERVERS=dr.example.com:9092',
      'KAFKA_DR_SECURITY_PROTOCOL=SASL_SSL',
      'KAFKA_DR_SASL_MECHANISM=PLAIN',
      'KAFKA_DR_SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="k2" password="s2";',
      'KAFKA_DR_GATEWAY_ROLES=failover',
    ].join('\n');
    const preview = importProfile(text);
    expect(preview.ok).toBe(true);
    expect(preview.profile.bootstrapServers).toEqual(['main.example.com:9092']);
    expect(preview.profile.failover?.bootstrapServers).toEqual(['dr.example.com:9092']);
    expect(preview.secrets).toEqual({ 'sasl.password': 's1', 'failover.sasl.password': 's2' });
    expect(preview.secretFields.map((field) => field.slot)).toEqual(['sasl.password', 'failover.sasl.password']);
  });

  it('cluster-config YAML as the docs print it (indentation lost): one profile with a failover cluster', () => {
    const preview = load('gateway-cluster-config.yaml');
    expect(preview.format).toBe('gateway-cluster-config');
    expect(codes(preview)).not.toContain('input.duplicate');
    expect(preview.profile.bootstrapServers).toEqual(['<primary bootstrap address>:9092']);
    expect(preview.profile.sasl).toMatchObject({ username: '<primary-api-key>' });
    expect(preview.profile.failover).toMatchObject({ bootstrapServers: ['<secondary bootstrap address>:9092'], sasl: { username: '<secondary-api-key>' } });
  });

  it('cluster-config YAML indented, with gateway.roles: failover', () => {
    const preview = load('gateway-cluster-config-indented.yaml');
    expect(preview.format).toBe('gateway-cluster-config');
    expect(preview.profile.failover).toMatchObject({ securityProtocol: 'SASL_SSL', sasl: { mechanism: 'plain', username: '<secondary-api-key>' } });
    expect(preview.ignored.find((entry) => entry.key === 'gateway.roles')).toMatchObject({ line: 12, reason: expect.stringContaining('failover cluster') });
    expect(preview.issues.find((issue) => issue.code === 'gateway.backing-cluster')?.message).toContain("failover cluster ('failover')");
  });

  it('cluster-config YAML: a third cluster block is ignored with the reason', () => {
    const text = 'config:\n  main:\n    bootstrap.servers: a:9092\n  failover:\n    bootstrap.servers: b:9092\n  other:\n    bootstrap.servers: c:9092\n';
    const preview = importProfile(text);
    expect(preview.profile.bootstrapServers).toEqual(['a:9092']);
    expect(preview.profile.failover?.bootstrapServers).toEqual(['b:9092']);
    expect(preview.ignored.find((entry) => entry.line === 7)?.reason).toContain("'other'");
  });
});

describe('Conduktor Gateway client properties', () => {
  it('PLAINTEXT', () => {
    const preview = load('gateway-client-plaintext.properties');
    expect(preview.format).toBe('properties');
    expect(preview.profile).toMatchObject({ bootstrapServers: ['your.gateway.hostname:9092'], securityProtocol: 'PLAINTEXT', sasl: null, tls: null });
    expect(preview.ok).toBe(true);
  });

  it('SSL with a JKS truststore; ssl.protocol=TLSv1.3 chooses the modern (TLS 1.3) profile', () => {
    const preview = load('gateway-client-ssl.properties');
    expect(preview.profile.tls).toMatchObject({ trust: { kind: 'jks', path: '/path/to/your/truststore.jks', password: { state: 'set' } }, identity: null, profile: 'modern' });
    expect(preview.secrets).toEqual({ 'tls.truststorePassword': 'yourTruststorePassword' });
    expect(preview.ignored.find((entry) => entry.key === 'ssl.protocol')).toBeUndefined();
    expect(preview.issues.find((issue) => issue.code === 'tls.protocol-profile')).toMatchObject({ severity: 'info', line: 5 });
  });

  it('ssl.protocol: TLSv1.2 → intermediate; TLS → default with the reason; with ssl.enabled.protocols it is ignored with the reason', () => {
    const base = 'bootstrap.servers=h:9093\nsecurity.protocol=SSL\n';
    expect(importProfile(`${base}ssl.protocol=TLSv1.2\n`).profile.tls?.profile).toBe('intermediate');
    const generic = importProfile(`${base}ssl.protocol=TLS\n`);
    expect(generic.profile.tls?.profile).toBe('default');
    expect(generic.ignored.find((entry) => entry.key === 'ssl.protocol')?.reason).toMatch(/any version/);
    const both = importProfile(`${base}ssl.protocol=TLSv1.3\nssl.enabled.protocols=TLSv1.2,TLSv1.3\n`);
    expect(both.profile.tls?.profile).toBe('intermediate');
    expect(both.ignored.find((entry) => entry.key === 'ssl.protocol')?.reason).toMatch(/ssl.enabled.protocols/);
    expect(importProfile(`${base}ssl.protocol=TLSv9\n`).issues.map((issue) => issue.code)).toContain('tls.unknown-protocol');
  });

  it('every ignored setting of every seed example says why', () => {
    for (const name of Object.keys(fixtures)) {
      const preview = importProfile(fixtures[name] ?? '');
      for (const entry of preview.ignored) expect(entry.reason, `${name} ${entry.key}`).toMatch(/\w{3,}.*\./);
    }
  });

  it('mTLS with PEM files', () => {
    const preview = load('gateway-client-mtls-pem.properties');
    expect(preview.profile.tls).toMatchObject({
      trust: { kind: 'pem-file', path: '/path/to/your/ca.crt' },
      identity: { kind: 'pem', certificate: { source: 'file', path: '/path/to/your/client.crt' }, key: { source: 'file', path: '/path/to/your/client.key' } },
    });
    expect(preview.ignored).toContainEqual(expect.objectContaining({ key: 'ssl.client.auth', line: 9 }));
    expect(preview.ok).toBe(true);
  });

  it.each([
    ['gateway-client-sasl-plaintext-plain.properties', 'SASL_PLAINTEXT', { mechanism: 'plain', username: 'yourUsername' }, { 'sasl.password': 'yourToken' }],
    ['gateway-client-sasl-ssl-plain.properties', 'SASL_SSL', { mechanism: 'plain', username: 'yourUsername' }, { 'sasl.password': 'yourToken', 'tls.truststorePassword': 'yourTruststorePassword' }],
    ['gateway-client-delegated-sasl-plaintext.properties', 'SASL_PLAINTEXT', { mechanism: 'plain', username: 'yourKafkaUser' }, { 'sasl.password': 'yourKafkaPassword' }],
    ['gateway-client-delegated-sasl-ssl.properties', 'SASL_SSL', { mechanism: 'plain', username: 'yourKafkaUser' }, { 'sasl.password': 'yourKafkaPassword', 'tls.truststorePassword': 'yourTruststorePassword' }],
    [
      'gateway-client-sasl-plaintext-oauthbearer.properties',
      'SASL_PLAINTEXT',
      { mechanism: 'oauthbearer', clientId: 'yourClientID', scope: '.default', tokenEndpoint: 'https://login.microsoftonline.com/xxxxxxxx-df00-48cd-805b-1ebe914e8b11/oauth2/token' },
      { 'sasl.clientSecret': 'yourClientSecret' },
    ],
    ['gateway-client-sasl-ssl-oauthbearer.properties', 'SASL_SSL', { mechanism: 'oauthbearer', clientId: 'yourClientID' }, { 'sasl.clientSecret': 'yourClientSecret', 'tls.truststorePassword': 'yourTruststorePassword' }],
  ])('%s', (name, protocol, sasl, secrets) => {
    const preview = load(name);
    expect(preview.profile.securityProtocol).toBe(protocol);
    expect(preview.profile.sasl).toMatchObject(sasl);
    expect(preview.secrets).toEqual(secrets);
    expect(preview.ok).toBe(true);
  });
});
