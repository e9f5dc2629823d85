// The import and export channels through main's dispatcher with the real profile file (Conf) and an in-memory
// keychain: the preview names secrets without their values, the save re-parses the text and puts the
// secrets in the keychain only, and an import with errors saves nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED_SECRET } from '../../shared/domain/profile/secrets';
import { importPreviewSchema, type ImportPreviewView } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { createAppHandlers } from './app-handlers';
import { createDispatcher, type Sender } from './ipc/dispatcher';
import { createNodePorts } from './platform/node-ports';
import { createMemorySecretStore } from './services/memory-secret-store';

const sender: Sender = { kind: 'bridge', session: 'test' };
const planted = { password: `planted-pw-${randomUUID()}`, truststore: `planted-ts-${randomUUID()}` };

const kpowEnv = [
  'ENVIRONMENT_NAME=Orders staging',
  'BOOTSTRAP=kafka-1.example.internal:9093',
  'SECURITY_PROTOCOL=SASL_SSL',
  'SASL_MECHANISM=PLAIN',
  `SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders-app" password="${planted.password}";`,
  'SSL_TRUSTSTORE_LOCATION=/etc/kafka/truststore.p12',
  `SSL_TRUSTSTORE_PASSWORD=${planted.truststore}`,
  'SSL_TRUSTSTORE_TYPE=PKCS12',
  'KPOW_LICENSE_ID=abc',
].join('\n');

describe('profile import channels', () => {
  let dataDir: string;
  let secrets: ReturnType<typeof createMemorySecretStore>;
  let sent: unknown[];
  let call: <T>(channel: string, input: unknown) => Promise<Result<T>>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'odradek-import-'));
    secrets = createMemorySecretStore();
    const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets });
    const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    sent = [];
    call = async <T,>(channel: string, input: unknown) => {
      const result = (await dispatcher.invoke(channel, input, sender)) as Result<T>;
      sent.push(result);
      return result;
    };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('previews what was understood, lists the secrets with their source lines and saves nothing', async () => {
    const preview = await call<ImportPreviewView>('profiles:import-preview', { text: kpowEnv });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data).toMatchObject({
      format: 'kpow-env',
      ok: true,
      replaces: false,
      profile: {
        name: 'Orders staging',
        bootstrapServers: ['kafka-1.example.internal:9093'],
        securityProtocol: 'SASL_SSL',
        sasl: { mechanism: 'plain', username: 'orders-app', password: { slot: 'sasl.password', state: 'set' } },
        tls: { trust: { kind: 'pkcs12', path: '/etc/kafka/truststore.p12', password: { slot: 'tls.truststorePassword', state: 'set' } } },
      },
    });
    expect(preview.data.secrets).toEqual([
      { slot: 'sasl.password', label: 'SASL password', key: 'SASL_JAAS_CONFIG', line: 5 },
      { slot: 'tls.truststorePassword', label: 'Kafka TLS truststore password', key: 'SSL_TRUSTSTORE_PASSWORD', line: 7 },
    ]);
    expect(preview.data.ignored).toContainEqual(expect.objectContaining({ key: 'KPOW_LICENSE_ID', line: 9 }));

    expect(secrets.values.size).toBe(0);
    expect(await call('profiles:list', undefined)).toMatchObject({ ok: true, data: { profiles: [] } });
    expect(JSON.stringify(sent)).not.toContain(planted.password);
    expect(JSON.stringify(sent)).not.toContain(planted.truststore);
  });

  it('saves by parsing the text again: secrets to the keychain only, references in the file and the reply', async () => {
    const saved = await call<{ id: string }>('profiles:import-save', { text: kpowEnv, format: 'kpow-env' });
    expect(saved).toMatchObject({ ok: true, data: { id: 'orders-staging', sasl: { password: { slot: 'sasl.password', state: 'set' } } } });
    expect(Object.fromEntries(secrets.values)).toEqual({
      'orders-staging/sasl.password': planted.password,
      'orders-staging/tls.truststorePassword': planted.truststore,
    });
    const file = readFileSync(join(dataDir, 'profiles.json'), 'utf8');
    expect(file).toContain('orders-app');
    for (const value of Object.values(planted)) {
      expect(file).not.toContain(value);
      expect(JSON.stringify(sent)).not.toContain(value);
    }
  });

  it('never replaces a stored profile unless the id is given, and says when it would', async () => {
    await call('profiles:import-save', { text: kpowEnv });
    const again = await call<ImportPreviewView>('profiles:import-preview', { text: kpowEnv });
    expect(again).toMatchObject({ ok: true, data: { replaces: false, profile: { id: 'orders-staging-2' } } });
    expect(await call('profiles:import-save', { text: kpowEnv })).toMatchObject({ ok: true, data: { id: 'orders-staging-2' } });

    const replacing = await call<ImportPreviewView>('profiles:import-preview', { text: kpowEnv, id: 'orders-staging', name: 'Orders (replaced)' });
    expect(replacing).toMatchObject({ ok: true, data: { replaces: true, profile: { id: 'orders-staging', name: 'Orders (replaced)' } } });
    // The replacement has no truststore password: the stored one must not survive it.
    const withoutTruststorePassword = kpowEnv.replace(/^SSL_TRUSTSTORE_PASSWORD=.*$/m, '');
    expect(await call('profiles:import-save', { text: withoutTruststorePassword, id: 'orders-staging' })).toMatchObject({
      ok: true,
      data: { tls: { trust: { password: { state: 'not-set' } } } },
    });
    expect(secrets.values.has('orders-staging/tls.truststorePassword')).toBe(false);
    expect(secrets.values.get('orders-staging/sasl.password')).toBe(planted.password);
  });

  it('refuses to save an import with errors and writes nothing', async () => {
    const text = `security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="a" password="${planted.password}";`;
    const preview = await call<ImportPreviewView>('profiles:import-preview', { text, format: 'properties' });
    expect(preview).toMatchObject({ ok: true, data: { ok: false } });
    if (!preview.ok) return;
    expect(preview.data.issues.some((issue) => issue.severity === 'error' && /bootstrap/i.test(issue.message))).toBe(true);

    const saved = await call('profiles:import-save', { text, format: 'properties' });
    expect(saved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nothing was saved/) } });
    expect(secrets.values.size).toBe(0);
    expect(await call('profiles:list', undefined)).toMatchObject({ ok: true, data: { profiles: [] } });
    expect(JSON.stringify(sent)).not.toContain(planted.password);
  });

  it('rejects text over 1 MB and unknown formats before parsing', async () => {
    expect(await call('profiles:import-preview', { text: 'x'.repeat(1024 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('profiles:import-preview', { text: 'a=b', format: 'yaml' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('exports a stored profile for other tools with every secret redacted', async () => {
    await call('profiles:import-save', { text: kpowEnv });
    for (const format of ['java-properties', 'librdkafka', 'kafkajs'] as const) {
      const exported = await call<{ text: string }>('profiles:export', { id: 'orders-staging', format });
      expect(exported).toMatchObject({ ok: true, data: { format } });
      if (!exported.ok) continue;
      expect(exported.data.text).toContain('kafka-1.example.internal:9093');
      expect(exported.data.text).toContain(REDACTED_SECRET);
    }
    expect(await call('profiles:export', { id: 'nope', format: 'kafkajs' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const value of Object.values(planted)) expect(JSON.stringify(sent)).not.toContain(value);
  });

  it('the contract itself refuses a preview that carries a secret value', () => {
    const profile = { sasl: { mechanism: 'plain', username: 'orders-app', password: planted.password } };
    expect(importPreviewSchema.shape.profile.safeParse(profile).success).toBe(false);
    expect(importPreviewSchema.shape.profile.safeParse({ sasl: { ...profile.sasl, password: { slot: 'sasl.password', state: 'set' } } }).success).toBe(true);
  });
});
