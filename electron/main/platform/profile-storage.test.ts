// Profiles and their secrets through main's real channels, the real profile file (Conf, electron-store's
// engine) and the real OS keychain (gnome-keyring under `npm test`). Planted secret values must appear
// nowhere but the keychain.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProfileDraft, type ProfileDraft } from '../../../shared/domain/profile/profile-schema';
import type { Result } from '../../../shared/ipc/result';
import type { StreamFrame } from '../../../shared/ipc/stream';
import { createAppHandlers } from '../app-handlers';
import { createDispatcher, type Dispatcher, type Sender } from '../ipc/dispatcher';
import { SecretStoreUnavailableError, type SecretStore } from '../services/ports';
import { createKeytarSecretStore } from './keytar-secret-store';
import { createMemorySecretStore } from '../services/memory-secret-store';
import { createNodePorts } from './node-ports';

const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) || process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';
const sender: Sender = { kind: 'bridge', session: 'test' };
const service = `odradek-test-${randomUUID()}`;
const planted = { password: `planted-pw-${randomUUID()}`, clientSecret: `planted-cs-${randomUUID()}` };

function scramDraft(id: string, password?: string): ProfileDraft {
  const draft = emptyProfileDraft(id, `Orders ${id}`);
  return {
    ...draft,
    bootstrapServers: ['kafka-1.example.internal:9093'],
    securityProtocol: 'SASL_SSL',
    tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'intermediate' },
    sasl: { mechanism: 'scram-sha-512', username: 'orders-app', ...(password === undefined ? {} : { password }) },
  };
}

function oauthDraft(id: string, clientSecret: string): ProfileDraft {
  return {
    ...emptyProfileDraft(id, `Payments ${id}`),
    bootstrapServers: ['127.0.0.1:9'],
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: { mechanism: 'oauthbearer', tokenEndpoint: 'http://127.0.0.1:9/token', clientId: 'payments', clientSecret, extraParameters: {} },
  };
}

function setup(secrets: SecretStore) {
  const dataDir = mkdtempSync(join(tmpdir(), 'odradek-profiles-'));
  const ports = { ...createNodePorts({ dataDir }), secrets };
  const { handlers, producers } = createAppHandlers(ports);
  const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  return { dataDir, dispatcher, storeFile: join(dataDir, 'profiles.json') };
}

/** Every reply main sends, recorded so the test can search it for secrets. */
function recording(dispatcher: Dispatcher, sent: unknown[]) {
  return async <T>(channel: string, input: unknown): Promise<Result<T>> => {
    const result = (await dispatcher.invoke(channel, input, sender)) as Result<T>;
    sent.push(result);
    return result;
  };
}

describe.runIf(keychainAvailable)('profiles with the real keychain', () => {
  const secrets = createKeytarSecretStore(service);
  let context: ReturnType<typeof setup>;
  beforeEach(() => (context = setup(secrets)));
  afterEach(() => rmSync(context.dataDir, { recursive: true, force: true }));
  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
  });

  it('round-trips: secrets to the keychain, references to the file, kept when untouched, removed when cleared or unused', async () => {
    const sent: unknown[] = [];
    const call = recording(context.dispatcher, sent);

    const saved = await call<{ sasl: { password: unknown } }>('profiles:save', { draft: scramDraft('orders', planted.password) });
    expect(saved).toMatchObject({ ok: true, data: { sasl: { password: { slot: 'sasl.password', state: 'set' } } } });
    expect(await secrets.get('orders/sasl.password')).toBe(planted.password);

    // Saved again without the password: it stays.
    await call('profiles:save', { draft: { ...scramDraft('orders'), name: 'Orders (renamed)' } });
    expect(await secrets.get('orders/sasl.password')).toBe(planted.password);
    expect(await call('profiles:get', { id: 'orders' })).toMatchObject({ ok: true, data: { name: 'Orders (renamed)', sasl: { password: { state: 'set' } } } });

    // Cleared explicitly: gone from the keychain, reference not set.
    await call('profiles:save', { draft: scramDraft('orders'), clearSecrets: ['sasl.password'] });
    expect(await secrets.get('orders/sasl.password')).toBeNull();
    expect(await call('profiles:get', { id: 'orders' })).toMatchObject({ ok: true, data: { sasl: { password: { state: 'not-set' } } } });

    // Switching away from SASL removes the secret nothing refers to any more.
    await call('profiles:save', { draft: scramDraft('orders', planted.password) });
    await call('profiles:save', { draft: { ...scramDraft('orders'), securityProtocol: 'SSL', sasl: null } });
    expect(await secrets.get('orders/sasl.password')).toBeNull();

    expect(JSON.stringify(sent)).not.toContain(planted.password);
  });

  it('deleting a profile deletes its secrets and leaves other profiles alone', async () => {
    const call = recording(context.dispatcher, []);
    await call('profiles:save', { draft: oauthDraft('payments', planted.clientSecret) });
    await call('profiles:save', { draft: scramDraft('orders', planted.password) });
    expect(await call('profiles:delete', { id: 'payments' })).toEqual({ ok: true, data: { deleted: true } });
    expect(await secrets.get('payments/sasl.clientSecret')).toBeNull();
    expect(await secrets.get('orders/sasl.password')).toBe(planted.password);
    const listed = await call<{ profiles: { id: string }[] }>('profiles:list', undefined);
    expect(listed.ok && listed.data.profiles.map((profile) => profile.id)).toEqual(['orders']);
    expect(await call('profiles:delete', { id: 'payments' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('planted secrets appear nowhere: not in the profile file, logs, replies or stream frames', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (logged.push(String(chunk)), true));
    try {
      const sent: unknown[] = [];
      const call = recording(context.dispatcher, sent);
      await call('profiles:save', { draft: scramDraft('orders', planted.password) });
      await call('profiles:save', { draft: oauthDraft('payments', planted.clientSecret) });
      await call('profiles:list', undefined);
      await call('profiles:get', { id: 'orders' });
      await call('profiles:get', { id: 'payments' });
      await call('keychain:status', undefined);
      // A failing connection test still resolves the secrets in main; its frames must not carry them.
      const frames: StreamFrame[] = [];
      await context.dispatcher.openStream(
        { name: 'profiles:test', request: { kind: 'saved', id: 'payments' }, credits: 10 },
        { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
        sender,
      );
      expect(frames.at(-1)?.type).toBe('done');
      sent.push(frames);

      const files = readdirSync(context.dataDir).map((name) => readFileSync(join(context.dataDir, name), 'utf8'));
      for (const secret of Object.values(planted)) {
        for (const file of files) expect(file).not.toContain(secret);
        expect(JSON.stringify(sent)).not.toContain(secret);
        expect(logged.join('\n')).not.toContain(secret);
      }
      expect(files.join('')).toContain('orders-app');
    } finally {
      spies.forEach((spy) => spy.mockRestore());
      stdout.mockRestore();
    }
  });
});

describe('profile storage without a usable keychain or file', () => {
  const unavailable: SecretStore = {
    get: () => Promise.reject(new SecretStoreUnavailableError('The OS keychain could not read a secret: locked')),
    set: () => Promise.reject(new SecretStoreUnavailableError('The OS keychain could not store a secret: locked')),
    delete: () => Promise.reject(new SecretStoreUnavailableError('The OS keychain could not delete a secret: locked')),
    list: () => Promise.reject(new SecretStoreUnavailableError('The OS keychain could not list secrets: locked')),
  };

  it('refuses to save when the keychain is unavailable, and writes nothing', async () => {
    const { dispatcher, dataDir, storeFile } = setup(unavailable);
    const result = await dispatcher.invoke('profiles:save', { draft: scramDraft('orders', planted.password) }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/Nothing was saved/) } });
    expect(() => readFileSync(storeFile, 'utf8')).toThrow();
    expect(await dispatcher.invoke('keychain:status', undefined, sender)).toMatchObject({ ok: true, data: { available: false } });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves an unreadable profile file aside, reports it, and keeps working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'odradek-profiles-'));
    writeFileSync(join(dataDir, 'profiles.json'), '{"profiles": [ {"id": "half-writ');
    const ports = { ...createNodePorts({ dataDir }), secrets: unavailable };
    const { handlers, producers } = createAppHandlers(ports);
    const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    const listed = (await dispatcher.invoke('profiles:list', undefined, sender)) as Result<{ profiles: unknown[]; problems: { kind: string; backupPath: string }[] }>;
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect(listed.data.profiles).toEqual([]);
    expect(listed.data.problems).toMatchObject([{ kind: 'unreadable-file', message: expect.stringMatching(/moved to .*profiles\.unreadable-.*\.json/) }]);
    expect(readFileSync(listed.data.problems[0]!.backupPath, 'utf8')).toBe('{"profiles": [ {"id": "half-writ');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports an invalid stored profile and keeps it in the file when others are saved', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'odradek-profiles-'));
    const broken = { schemaVersion: 1, id: 'legacy', name: 'Legacy', bootstrapServers: 'not-a-list' };
    const newer = { schemaVersion: 99, id: 'future', name: 'From the future' };
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ profiles: [broken, newer] }));
    const ports = { ...createNodePorts({ dataDir }), secrets: createMemorySecretStore() };
    const { handlers, producers } = createAppHandlers(ports);
    const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    const listed = (await dispatcher.invoke('profiles:list', undefined, sender)) as Result<{ problems: { kind: string; message: string; profileId?: string }[] }>;
    expect(listed.ok && listed.data.problems).toMatchObject([
      { kind: 'invalid-profile', profileId: 'legacy', message: expect.stringMatching(/^Profile 'Legacy' cannot be used: The stored profile is invalid at \w+: .+\. It is kept in the file unchanged\.$/) },
      { kind: 'invalid-profile', profileId: 'future', message: expect.stringMatching(/newer Odradek/) },
    ]);
    await dispatcher.invoke('profiles:save', { draft: scramDraft('orders', 'x') }, sender);
    const stored = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as { profiles: { id: string }[] };
    expect(stored.profiles.map((profile) => profile.id)).toEqual(['legacy', 'future', 'orders']);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
