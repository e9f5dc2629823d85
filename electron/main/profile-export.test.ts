// Exporting with secrets: only after the profile's name is typed, only into a file the user picked in a
// save dialog, written owner-only by main. The reply carries the path, never a secret.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { createAppHandlers } from './app-handlers';
import { createDispatcher, type Dispatcher, type Sender } from './ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from './platform/node-ports';
import { createMemorySecretStore } from './services/memory-secret-store';

const sender: Sender = { kind: 'bridge', session: 'test' };
const password = `planted-${randomUUID()}`;

describe('profiles:export-with-secrets', () => {
  let dataDir: string;
  let answers: string[];
  let dispatcher: Dispatcher;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'odradek-export-'));
    answers = [];
    const ports = { ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs(answers) };
    const { handlers, producers } = createAppHandlers(ports);
    dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    const draft = {
      ...emptyProfileDraft('orders', 'Orders prod'),
      bootstrapServers: ['kafka-1.example.internal:9093'],
      securityProtocol: 'SASL_SSL' as const,
      tls: { trust: { kind: 'system' as const }, identity: null, verifyHostname: true, profile: 'default' as const },
      sasl: { mechanism: 'scram-sha-512' as const, username: 'orders-app', password },
    };
    expect(await dispatcher.invoke('profiles:save', { draft }, sender)).toMatchObject({ ok: true });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the secrets in clear, owner-only, to the chosen file and replies with the path only', async () => {
    const target = join(dataDir, 'orders.properties');
    answers.push(target);
    const result = await dispatcher.invoke('profiles:export-with-secrets', { id: 'orders', format: 'java-properties', confirmation: 'Orders prod' }, sender);
    expect(result).toEqual({ ok: true, data: { path: target } });
    expect(JSON.stringify(result)).not.toContain(password);
    expect(readFileSync(target, 'utf8')).toContain(password);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('refuses without the typed name, and opens no dialog', async () => {
    answers.push(join(dataDir, 'never.properties'));
    const result = await dispatcher.invoke('profiles:export-with-secrets', { id: 'orders', format: 'librdkafka', confirmation: 'orders' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Type the profile's name, 'Orders prod'/) } });
    expect(answers).toHaveLength(1);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const result = await dispatcher.invoke('profiles:export-with-secrets', { id: 'orders', format: 'kafkajs', confirmation: 'Orders prod' }, sender);
    expect(result).toEqual({ ok: true, data: { path: null } });
    expect(existsSync(join(dataDir, 'orders.kafkajs.ts'))).toBe(false);
  });

  it('keeps the ordinary export redacted', async () => {
    const result = await dispatcher.invoke('profiles:export', { id: 'orders', format: 'java-properties' }, sender);
    expect(result).toMatchObject({ ok: true, data: { text: expect.stringContaining('<redacted: set in keychain>') } });
    expect(JSON.stringify(result)).not.toContain(password);
  });
});
