// Issue 4's "exactly the code path the app uses": a profile per listener and mechanism is saved through
// `profiles:save` (secrets to the keychain, files by path) and tested through the `profiles:test` stream,
// all via main's real dispatcher and handlers, against the real test bed.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DiagnosticResult, DiagnosticSummary } from '../../shared/domain/connection-diagnostics';
import { emptyProfileDraft, type ProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import type { SecretStore } from '../../electron/main/services/ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';

const bed = inject('testbed');
const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) || process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';
const sender = { kind: 'bridge' as const, session: 'profile-paths' };

const tls = bed.tls;
const admin = bed.users.admin;
const servers = (listener: keyof typeof bed.listeners) => bed.listeners[listener].split(',');
const base = (id: string, name: string, listener: keyof typeof bed.listeners): ProfileDraft => ({
  ...emptyProfileDraft(id, name),
  bootstrapServers: servers(listener),
});
const tlsWith = (trust: NonNullable<ProfileDraft['tls']>['trust'], identity: NonNullable<ProfileDraft['tls']>['identity'] = null, profile: 'default' | 'modern' | 'intermediate' = 'default') => ({
  trust,
  identity,
  verifyHostname: true,
  profile,
});

const cases: Array<[string, () => ProfileDraft]> = [
  ['PLAINTEXT', () => base('plaintext', 'Plaintext', 'plaintext')],
  ...(['plain', 'scram-sha-256', 'scram-sha-512'] as const).map((mechanism): [string, () => ProfileDraft] => [
    `SASL_PLAINTEXT ${mechanism}`,
    () => ({ ...base(`sasl-${mechanism}`, `SASL ${mechanism}`, 'saslPlaintext'), securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism, username: admin.username, password: admin.password } }),
  ]),
  [
    'SASL_SSL SCRAM-SHA-512, CA from a PEM file, modern TLS',
    () => ({
      ...base('sasl-ssl-scram', 'SASL_SSL SCRAM', 'saslSsl'),
      securityProtocol: 'SASL_SSL',
      tls: tlsWith({ kind: 'pem-file', path: tls.ca.cert }, null, 'modern'),
      sasl: { mechanism: 'scram-sha-512', username: admin.username, password: admin.password },
    }),
  ],
  [
    'SASL_SSL PLAIN, PKCS12 truststore',
    () => ({
      ...base('sasl-ssl-plain', 'SASL_SSL PLAIN', 'saslSsl'),
      securityProtocol: 'SASL_SSL',
      tls: tlsWith({ kind: 'pkcs12', path: tls.ca.truststoreP12, password: tls.password }, null, 'intermediate'),
      sasl: { mechanism: 'plain', username: admin.username, password: admin.password },
    }),
  ],
  [
    'SSL mTLS, PEM certificate and key files',
    () => ({
      ...base('mtls-pem', 'mTLS PEM', 'ssl'),
      securityProtocol: 'SSL',
      tls: tlsWith({ kind: 'pem-file', path: tls.ca.cert }, { kind: 'pem', certificate: { source: 'file', path: tls.client.cert }, key: { source: 'file', path: tls.client.key } }),
    }),
  ],
  [
    'SSL mTLS, encrypted PEM key pasted as text with its passphrase',
    () => ({
      ...base('mtls-encrypted', 'mTLS encrypted key', 'ssl'),
      securityProtocol: 'SSL',
      tls: tlsWith(
        { kind: 'pem-text', pem: readFileSync(tls.ca.cert, 'utf8') },
        { kind: 'pem', certificate: { source: 'text', pem: readFileSync(tls.client.cert, 'utf8') }, key: { source: 'text', pem: readFileSync(tls.client.encryptedKey, 'utf8') }, keyPassword: tls.password },
      ),
    }),
  ],
  [
    'SSL mTLS, PKCS12 keystore and JKS truststore',
    () => ({
      ...base('mtls-p12', 'mTLS PKCS12', 'ssl'),
      securityProtocol: 'SSL',
      tls: tlsWith({ kind: 'jks', path: tls.ca.truststoreJks, password: tls.password }, { kind: 'pkcs12', path: tls.client.keystoreP12, password: tls.password }),
    }),
  ],
  [
    'SSL mTLS, JKS keystore',
    () => ({
      ...base('mtls-jks', 'mTLS JKS', 'ssl'),
      securityProtocol: 'SSL',
      tls: tlsWith({ kind: 'pem-file', path: tls.ca.cert }, { kind: 'jks', path: tls.client.keystoreJks, password: tls.password }),
    }),
  ],
  [
    'SASL OAUTHBEARER, client credentials from the token endpoint',
    () => ({
      ...base('oauth', 'OAuth', 'oauth'),
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'oauthbearer', tokenEndpoint: bed.oauth.tokenEndpoint, clientId: bed.oauth.clientId, clientSecret: bed.oauth.clientSecret, scope: bed.oauth.scope, extraParameters: {} },
    }),
  ],
];

async function testSaved(dispatcher: Dispatcher, id: string) {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream(
    { name: 'profiles:test', request: { kind: 'saved', id }, credits: 16 },
    { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
    sender,
  );
  const stages = frames.flatMap((frame) => (frame.type === 'batch' ? (frame.items as DiagnosticResult[]) : []));
  const end = frames.at(-1);
  return { stages, summary: end?.type === 'done' ? (end.summary as DiagnosticSummary) : null, end };
}

describe('profiles through the app path, one per listener and mechanism', () => {
  let dataDir: string;
  let dispatcher: Dispatcher;
  let secrets: SecretStore;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'odradek-profile-paths-'));
    secrets = keychainAvailable ? createKeytarSecretStore(`odradek-test-${randomUUID()}`) : createMemorySecretStore();
    const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets });
    dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  });
  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(cases)('%s: saved, then every stage passes', async (_name, draft) => {
    const profile = draft();
    const saved = await dispatcher.invoke('profiles:save', { draft: profile }, sender);
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const { stages, summary, end } = await testSaved(dispatcher, profile.id);
    expect(summary, JSON.stringify(end ?? stages, null, 1)).toMatchObject({ ok: true, failedStage: null });
    expect(stages.find((stage) => stage.stage === 'metadata')?.facts['cluster id']).toBe(bed.clusterId);
    // The stored profile holds references only; the secrets came back from the keychain for the test.
    const stored = readFileSync(join(dataDir, 'profiles.json'), 'utf8');
    for (const secret of [admin.password, tls.password, bed.oauth.clientSecret]) expect(stored).not.toContain(secret);
  });
});
