// Staged diagnostics against the real test bed: every listener passes, and each classic failure stops
// at the right stage with the right message, inside the time bound.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DiagnosticResult } from '../../shared/domain/connection-diagnostics';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { diagnoseConnection } from '../../electron/main/services/kafka/connection-diagnostics';
import type { KafkaConnectionSettings, SaslSettings, TlsSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { pauseNode, resumeNode } from '../../testbed/helpers';

const bed = inject('testbed');
const factory = createKafkaClientFactory(systemClock);
const read = (path: string) => readFileSync(path, 'utf8');
const admin = bed.users.admin;
const caTrust: TlsSettings['trust'] = { kind: 'pem', pem: read(bed.tls.ca.cert) };
const tls = (overrides: Partial<TlsSettings> = {}): TlsSettings => ({ trust: caTrust, identity: null, verifyHostname: true, profile: 'default', ...overrides });
const scram = (password = admin.password): SaslSettings => ({ mechanism: 'scram-sha-512', username: admin.username, password });
const settings = (bootstrap: string, tlsSettings: TlsSettings | null, sasl: SaslSettings | null): KafkaConnectionSettings => ({
  name: 'diagnostics-test',
  bootstrapServers: bootstrap.split(','),
  tls: tlsSettings,
  sasl,
});
const clientPem = () => ({ kind: 'pem' as const, certificatePem: read(bed.tls.client.cert), keyPem: read(bed.tls.client.key) });

async function diagnose(connection: KafkaConnectionSettings) {
  const started = Date.now();
  const streamed: DiagnosticResult[] = [];
  const report = await diagnoseConnection(connection, { factory, clock: systemClock }, { onResult: (result) => streamed.push(result) });
  const elapsed = Date.now() - started;
  expect(streamed).toEqual(report.results);
  expect(report.results.map((result) => result.stage)).toEqual(['dns', 'tcp', 'tls', 'sasl', 'metadata', 'authorization', 'schema-registry', 'connect']);
  expect(elapsed).toBeLessThan(11_000);
  const byStage = Object.fromEntries(report.results.map((result) => [result.stage, result]));
  return { ...report, byStage, elapsed };
}

function expectFailureAt(report: Awaited<ReturnType<typeof diagnose>>, stage: DiagnosticResult['stage'], message: RegExp) {
  expect(report.summary.failedStage, JSON.stringify(report.results, null, 1)).toBe(stage);
  expect(report.byStage[stage]!.message).toMatch(message);
  expect(report.byStage[stage]!.remedy).toBeTruthy();
  const later = report.results.slice(report.results.findIndex((result) => result.stage === stage) + 1);
  expect(later.every((result) => result.status === 'skipped')).toBe(true);
}

describe('connection diagnostics on every listener', () => {
  it.each([
    ['PLAINTEXT', () => settings(bed.listeners.plaintext, null, null)],
    ['SASL_PLAINTEXT PLAIN', () => settings(bed.listeners.saslPlaintext, null, { mechanism: 'plain', ...admin })],
    ['SASL_PLAINTEXT SCRAM-SHA-256', () => settings(bed.listeners.saslPlaintext, null, { mechanism: 'scram-sha-256', ...admin })],
    ['SASL_PLAINTEXT SCRAM-SHA-512', () => settings(bed.listeners.saslPlaintext, null, scram())],
    ['SSL mTLS (PEM)', () => settings(bed.listeners.ssl, tls({ identity: clientPem() }), null)],
    ['SSL mTLS (encrypted PEM key)', () => settings(bed.listeners.ssl, tls({ identity: { kind: 'pem', certificatePem: read(bed.tls.client.cert), keyPem: read(bed.tls.client.encryptedKey), passphrase: bed.tls.password } }), null)],
    ['SSL mTLS (PKCS12 keystore, JKS truststore)', () => settings(bed.listeners.ssl, tls({ trust: { kind: 'jks', data: readFileSync(bed.tls.ca.truststoreJks), password: bed.tls.password }, identity: { kind: 'pkcs12', data: readFileSync(bed.tls.client.keystoreP12), password: bed.tls.password } }), null)],
    ['SSL mTLS (JKS keystore, PKCS12 truststore)', () => settings(bed.listeners.ssl, tls({ trust: { kind: 'pkcs12', data: readFileSync(bed.tls.ca.truststoreP12), password: bed.tls.password }, identity: { kind: 'jks', data: readFileSync(bed.tls.client.keystoreJks), password: bed.tls.password } }), null)],
    ['SASL_SSL SCRAM (modern TLS profile)', () => settings(bed.listeners.saslSsl, tls({ profile: 'modern' }), scram())],
    ['SASL_SSL PLAIN (intermediate TLS profile)', () => settings(bed.listeners.saslSsl, tls({ profile: 'intermediate' }), { mechanism: 'plain', ...admin })],
    ['SASL OAUTHBEARER (client credentials)', () => settings(bed.listeners.oauth, null, { mechanism: 'oauthbearer', tokenEndpoint: bed.oauth.tokenEndpoint, clientId: bed.oauth.clientId, clientSecret: bed.oauth.clientSecret, scope: bed.oauth.scope })],
  ])('%s passes every stage', async (_name, connection) => {
    const report = await diagnose(connection());
    expect(report.summary, JSON.stringify(report.results, null, 1)).toMatchObject({ ok: true, failedStage: null });
    expect(report.byStage['metadata']!.facts['cluster id']).toBe(bed.clusterId);
  });

  it('reports the negotiated TLS protocol and cipher', async () => {
    const report = await diagnose(settings(bed.listeners.saslSsl, tls({ profile: 'modern' }), scram()));
    expect(report.byStage['tls']!.facts['protocol']).toBe('TLSv1.3');
    expect(String(report.byStage['tls']!.facts['cipher'])).toMatch(/^TLS_/);
  });
});

describe('connection diagnostics failures', () => {
  let closedPort: number;
  let silent: Server;
  let silentPort: number;
  beforeAll(async () => {
    // A port nobody listens on, and a port that accepts connections but never answers.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(() => silent.close());

  it('a PLAINTEXT profile against a SASL listener fails at SASL: the listener wants SASL (issue 17)', async () => {
    for (const listener of [bed.listeners.saslPlaintext, bed.listeners.oauth]) {
      const report = await diagnose(settings(listener, null, null));
      expectFailureAt(report, 'sasl', /^This listener wants SASL: set the mechanism\./);
      expect(report.byStage['sasl']!.remedy).toMatch(/SASL_PLAINTEXT/);
    }
    const tlsWithoutSasl = await diagnose(settings(bed.listeners.saslSsl, tls(), null));
    expectFailureAt(tlsWithoutSasl, 'sasl', /^This listener wants SASL: set the mechanism\./);
    expect(tlsWithoutSasl.byStage['sasl']!.remedy).toMatch(/SASL_SSL/);
  });

  it('wrong password fails at SASL', async () => {
    expectFailureAt(await diagnose(settings(bed.listeners.saslPlaintext, null, scram('not-the-password'))), 'sasl', /rejected the SCRAM-SHA-512 credentials/);
  });

  it('wrong mechanism fails at SASL', async () => {
    const report = await diagnose(settings(bed.listeners.oauth, null, scram()));
    expectFailureAt(report, 'sasl', /does not accept SASL SCRAM-SHA-512/);
  });

  it('wrong OAuth client secret fails at SASL, naming the token endpoint', async () => {
    const report = await diagnose(settings(bed.listeners.oauth, null, { mechanism: 'oauthbearer', tokenEndpoint: bed.oauth.tokenEndpoint, clientId: bed.oauth.clientId, clientSecret: 'wrong' }));
    expectFailureAt(report, 'sasl', /token endpoint refused the client credentials: HTTP 401/);
  });

  it('untrusted CA fails at TLS', async () => {
    expectFailureAt(await diagnose(settings(bed.listeners.saslSsl, tls({ trust: { kind: 'system' } }), scram())), 'tls', /not signed by a CA this profile trusts/);
  });

  it('wrong host name fails at TLS, and passes with a warning when verification is off', async () => {
    expectFailureAt(await diagnose(settings(bed.listeners.sslWrongHost, tls(), null)), 'tls', /does not name 127\.0\.0\.1/);
    const relaxed = await diagnose(settings(bed.listeners.sslWrongHost, tls({ verifyHostname: false }), null));
    expect(relaxed.byStage['tls']).toMatchObject({ status: 'warning', message: expect.stringMatching(/Host-name verification is off/) });
    expect(relaxed.summary).toMatchObject({ ok: true, warnings: ['tls'] });
  });

  it('expired client certificate fails at TLS', async () => {
    const expired = { kind: 'pem' as const, certificatePem: read(bed.tls.expiredClient.cert), keyPem: read(bed.tls.expiredClient.key) };
    expectFailureAt(await diagnose(settings(bed.listeners.ssl, tls({ identity: expired }), null)), 'tls', /client's certificate expired/);
  });

  it('missing client certificate on an mTLS listener fails at TLS', async () => {
    expectFailureAt(await diagnose(settings(bed.listeners.ssl, tls(), null)), 'tls', /requires a client certificate|closed the connection|rejected this client's certificate/);
  });

  it('TLS spoken to a plaintext port fails at TLS', async () => {
    expectFailureAt(await diagnose(settings(bed.listeners.plaintext, tls(), null)), 'tls', /does not speak TLS/);
  });

  it('a closed port fails at TCP', async () => {
    expectFailureAt(await diagnose(settings(`127.0.0.1:${closedPort}`, null, null)), 'tcp', /Nothing listens on 127\.0\.0\.1:\d+/);
  });

  it('an unresolvable host fails at DNS', async () => {
    expectFailureAt(await diagnose(settings('kafka.odradek-test.invalid:9092', null, null)), 'dns', /None of the bootstrap hosts resolves/);
  });

  it('a silent endpoint fails at TCP within the bound', async () => {
    expectFailureAt(await diagnose(settings(`127.0.0.1:${silentPort}`, null, null)), 'tcp', /did not answer a Kafka request within/);
  });

  it('a paused (hung) broker fails within the bound, and passes again once resumed', async () => {
    const node = bed.nodes[0]!.id;
    pauseNode(bed, node);
    try {
      const report = await diagnose(settings(bed.listeners.plaintext, null, null));
      expectFailureAt(report, 'tcp', /did not answer a Kafka request within/);
    } finally {
      resumeNode(bed, node);
    }
    // A resumed JVM first works off what queued up while it was stopped; allow it a few seconds.
    await expect.poll(async () => (await diagnose(settings(bed.listeners.plaintext, null, null))).summary.ok, { timeout: 30_000, interval: 1_000 }).toBe(true);
  });
});
