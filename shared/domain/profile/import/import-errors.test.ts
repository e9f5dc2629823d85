// Malformed input: each mistake gets a specific issue naming the line (and column) and the fix.
import { describe, expect, it } from 'vitest';
import { detectImportFormat } from './detect';
import { importProfile, MAX_IMPORT_LENGTH, type ImportOptions } from './import-profile';

const issue = (text: string, code: string, format?: ImportOptions['format']) => {
  const preview = importProfile(text, format ? { format } : {});
  const found = preview.issues.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} in ${JSON.stringify(preview.issues, null, 1)}`);
  return found;
};

describe('import errors and warnings', () => {
  it('typographic quotes in a properties file, on a continuation line', () => {
    const text = ['bootstrap.servers=b:9092', 'security.protocol=SASL_SSL', 'sasl.mechanism=PLAIN', 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\', '  username=“alice” password="x";'].join('\n');
    expect(issue(text, 'jaas.typographic-quote')).toMatchObject({ line: 5, column: 12 });
  });

  it('an unknown login module names the line', () => {
    const found = issue('BOOTSTRAP=b:9092\nSECURITY_PROTOCOL=SASL_SSL\nSASL_MECHANISM=PLAIN\nSASL_JAAS_CONFIG=com.acme.Login required username="a";', 'jaas.unknown-login-module');
    expect(found.message).toMatch(/^Line 4, column 18 \(SASL_JAAS_CONFIG\): unknown JAAS login module 'com.acme.Login'/);
  });

  it('a mechanism that does not match the login module', () => {
    const found = issue('bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b";', 'sasl.jaas-mismatch');
    expect(found).toMatchObject({ severity: 'error', line: 4 });
    expect(found.message).toContain('sasl.mechanism is SCRAM-SHA-512 but the JAAS config uses PlainLoginModule');
  });

  it('a missing sasl.mechanism is inferred from the JAAS module, with a warning', () => {
    const preview = importProfile('bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b";');
    expect(preview.profile.sasl?.mechanism).toBe('plain');
    expect(preview.issues.find((candidate) => candidate.code === 'sasl.no-mechanism')).toMatchObject({ severity: 'warning', line: 3 });
  });

  it('placeholders: <SASL_PASSWORD> is a warning (secret not stored), <> in a username is an error', () => {
    const text = 'bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="<>" password="<SASL_PASSWORD>";';
    const preview = importProfile(text);
    expect(preview.secrets).toEqual({});
    expect(preview.issues.find((candidate) => candidate.code === 'input.secret-placeholder')).toMatchObject({ severity: 'warning', line: 4, column: 107 });
    expect(preview.issues.find((candidate) => candidate.code === 'input.placeholder')?.message).toBe(
      "Line 4, column 93 (sasl.jaas.config): SASL username is still the placeholder '<>'. Replace it with the real SASL username.",
    );
  });

  it('unclosed quotes in env values and YAML scalars', () => {
    expect(issue('BOOTSTRAP="b:9092\nSECURITY_PROTOCOL=PLAINTEXT', 'syntax.unclosed-quote')).toMatchObject({ line: 1, column: 11 });
    expect(issue('KAFKA_BOOTSTRAP_SERVERS: "b:9092', 'syntax.unclosed-quote')).toMatchObject({ line: 1, column: 26 });
    expect(issue('docker run --env BOOTSTRAP="b:9092 kpow', 'syntax.unclosed-quote')).toMatchObject({ line: 1, column: 28 });
  });

  it('bad bootstrap addresses say what is wrong', () => {
    expect(issue('bootstrap.servers=https://console.warpstream.com', 'input.bad-bootstrap').message).toContain('is a URL; bootstrap servers are host:port without a scheme');
    expect(issue('bootstrap.servers=broker-1', 'input.bad-bootstrap').message).toContain('has no port');
    expect(issue('bootstrap.servers=::1:9092', 'input.bad-bootstrap').message).toContain('put it in brackets');
  });

  it('a Gateway listener protocol used as a client protocol', () => {
    const found = issue('bootstrap.servers=gw:9092\nsecurity.protocol=DELEGATED_SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";', 'input.gateway-protocol');
    expect(found).toMatchObject({ line: 2 });
    expect(found.message).toContain('Clients connect with SASL_SSL');
  });

  it('unknown protocol and mechanism values list what is allowed', () => {
    expect(issue('bootstrap.servers=b:9092\nsecurity.protocol=TLS', 'input.invalid-choice').message).toContain('Use one of: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL.');
    expect(issue('bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=KERBEROS', 'input.invalid-choice').message).toContain('Use one of: PLAIN, SCRAM-SHA-256');
  });

  it('a missing or unusable protocol is guessed from the SASL/TLS settings present', () => {
    const sasl = 'sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";';
    const missing = importProfile(`bootstrap.servers=b:9092\n${sasl}`);
    expect(missing.profile.securityProtocol).toBe('SASL_SSL');
    expect(missing.issues.map((candidate) => candidate.code)).toContain('input.no-security-protocol');
    const invalid = importProfile(`bootstrap.servers=b:9092\nsecurity.protocol=SASL_TLS\n${sasl}`);
    expect(invalid.profile.sasl?.mechanism).toBe('plain');
    expect(invalid.issues.map((candidate) => candidate.code)).toEqual(expect.arrayContaining(['input.invalid-choice']));
    expect(invalid.issues.map((candidate) => candidate.code)).not.toContain('input.no-security-protocol');
  });

  it('lines that are not settings are skipped with a warning naming them', () => {
    expect(issue('BOOTSTRAP=b:9092\nthis is not a setting', 'input.unknown-line')).toMatchObject({ line: 2 });
  });

  it('duplicate settings: the last wins, with a warning', () => {
    const preview = importProfile('bootstrap.servers=a:9092\nbootstrap.servers=b:9092');
    expect(preview.profile.bootstrapServers).toEqual(['b:9092']);
    expect(preview.issues.find((candidate) => candidate.code === 'input.duplicate')?.message).toContain('first on line 1');
  });

  it('no bootstrap at all', () => {
    expect(issue('security.protocol=PLAINTEXT', 'input.no-bootstrap').severity).toBe('error');
  });

  it('over-long input is cut with an error', () => {
    expect(issue(`bootstrap.servers=b:9092\n${'#'.repeat(MAX_IMPORT_LENGTH)}`, 'input.too-long').severity).toBe('error');
  });

  it('host-name verification off produces a warning', () => {
    const preview = importProfile('bootstrap.servers=b:9093\nsecurity.protocol=SSL\nssl.endpoint.identification.algorithm=');
    expect(preview.profile.tls?.verifyHostname).toBe(false);
    expect(preview.issues.find((candidate) => candidate.code === 'tls.hostname-verification-off')?.severity).toBe('warning');
  });
});

describe('format detection', () => {
  it.each([
    ['bootstrap.servers=b:9092\nsecurity.protocol=SSL', 'properties'],
    ['bootstrap.servers: b:9092', 'properties'],
    ['bootstrap.servers b:9092\nsasl.mechanism PLAIN', 'properties'],
    ['bootstrap.servers=b:9092\nsasl.mechanisms=PLAIN\nsasl.username=u', 'librdkafka'],
    ['BOOTSTRAP=b:9092', 'kpow-env'],
    ['docker run -e BOOTSTRAP=b:9092 factorhouse/kpow', 'kpow-env'],
    ['KAFKA_BOOTSTRAP_SERVERS: b:9092\nGATEWAY_SECURITY_PROTOCOL: PLAINTEXT', 'gateway-env'],
    ['  - KAFKA_BOOTSTRAP_SERVERS=b:9092', 'gateway-env'],
    ['kcat -b b:9092 -X security.protocol=SSL -L', 'librdkafka'],
  ])('%j → %s', (text, format) => {
    expect(detectImportFormat(text).format).toBe(format);
  });
});

describe('secret values never reach the preview’s profile, issues or ignored list', () => {
  it.each([
    ['unquoted password with a blank', 'bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password=PLANTED-a PLANTED-b;'],
    ['typographic quotes', 'bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=“u” password=“PLANTED-c”;'],
    ['unclosed quote in docker run', 'docker run --env BOOTSTRAP=b:9092 --env SECURITY_PROTOCOL=SASL_SSL --env SASL_MECHANISM=PLAIN --env SASL_JAAS_CONFIG=\'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="PLANTED-d";'],
    ['a stray line', 'BOOTSTRAP=b:9092\nPLANTED-e is not a setting'],
    ['Schema Registry user info', 'bootstrap.servers=b:9092\nschema.registry.url=https://sr\nbasic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=user:PLANTED-f'],
    ['SASL settings under PLAINTEXT', 'bootstrap.servers=b:9092\nsecurity.protocol=PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="PLANTED-g";'],
    ['unknown login module', 'bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=com.acme.Login required password="PLANTED-h";'],
    ['PKCS12 key password', 'bootstrap.servers=b:9093\nsecurity.protocol=SSL\nssl.keystore.location=/k.p12\nssl.keystore.password=PLANTED-i\nssl.key.password=PLANTED-j'],
  ])('%s', (_name, text) => {
    const preview = importProfile(text);
    expect(JSON.stringify({ profile: preview.profile, issues: preview.issues, ignored: preview.ignored, secretFields: preview.secretFields })).not.toContain('PLANTED');
  });
});
