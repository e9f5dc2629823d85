// A PKCS12 keystore imported into the keychain, through main's real channels and profile file: its bytes
// go to the keychain as base64, the profile file only says the slot is set, and resolving the profile
// gives back the very same bytes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../shared/domain/decoders/binary';
import { emptyProfileDraft, type ProfileDraft } from '../../../shared/domain/profile/profile-schema';
import type { Result } from '../../../shared/ipc/result';
import { createAppHandlers } from '../app-handlers';
import { createDispatcher, type Sender } from '../ipc/dispatcher';
import { createProfileService } from '../services/profiles/profile-service';
import { createNodePorts } from './node-ports';
import { createMemorySecretStore } from '../services/memory-secret-store';

const sender: Sender = { kind: 'bridge', session: 'test' };

function mtlsDraft(identity: NonNullable<NonNullable<ProfileDraft['tls']>['identity']>): ProfileDraft {
  return {
    ...emptyProfileDraft('mtls', 'mTLS with an imported keystore'),
    bootstrapServers: ['kafka-1.example.internal:9093'],
    securityProtocol: 'SSL',
    tls: { trust: { kind: 'system' }, identity, verifyHostname: true, profile: 'default' },
  };
}

describe('a PKCS12 keystore imported into the keychain', () => {
  // Every byte value, so a lossy base64 round trip would show.
  const keystore = new Uint8Array([...Array.from({ length: 256 }, (_, index) => index), ...randomBytes(3001)]);
  const keystoreBase64 = bytesToBase64(keystore);
  let dataDir: string;
  let secrets: ReturnType<typeof createMemorySecretStore>;
  let ports: ReturnType<typeof createNodePorts>;
  let invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'odradek-keystore-'));
    secrets = createMemorySecretStore();
    ports = { ...createNodePorts({ dataDir }), secrets };
    const { handlers, producers } = createAppHandlers(ports);
    const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    invoke = (channel, input) => dispatcher.invoke(channel, input, sender);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const resolveSaved = () =>
    createProfileService({ repo: ports.profiles, secrets, readFile: () => Promise.reject(new Error('no file should be read')) }).resolveConnection('mtls');

  it('is saved to the keychain only and resolves to the same bytes', async () => {
    const saved = await invoke('profiles:save', { draft: mtlsDraft({ kind: 'pkcs12', source: 'keychain', store: keystoreBase64, password: 'keystore-pass' }) });
    expect(saved).toMatchObject({ ok: true, data: { tls: { identity: { kind: 'pkcs12', source: 'keychain', store: { slot: 'tls.keystore', state: 'set' } } } } });
    expect(JSON.stringify(saved)).not.toContain(keystoreBase64);
    expect(secrets.values.get('mtls/tls.keystore')).toBe(keystoreBase64);
    expect(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).not.toContain(keystoreBase64.slice(0, 64));

    const settings = await resolveSaved();
    expect(settings.tls?.identity).toEqual({ kind: 'pkcs12', data: keystore, password: 'keystore-pass' });
  });

  it('keeps the stored keystore when the form does not send it again, and drops it when the profile goes back to a path', async () => {
    await invoke('profiles:save', { draft: mtlsDraft({ kind: 'pkcs12', source: 'keychain', store: keystoreBase64, password: 'keystore-pass' }) });
    await invoke('profiles:save', { draft: { ...mtlsDraft({ kind: 'pkcs12', source: 'keychain' }), name: 'Renamed' } });
    expect((await resolveSaved()).tls?.identity).toMatchObject({ kind: 'pkcs12', data: keystore });

    await invoke('profiles:save', { draft: mtlsDraft({ kind: 'pkcs12', path: '/certs/client.p12' }) });
    expect(secrets.values.has('mtls/tls.keystore')).toBe(false);
    expect(secrets.values.get('mtls/tls.keystorePassword')).toBe('keystore-pass');
  });

  it('a keychain keystore that was never given is refused with its name', async () => {
    await invoke('profiles:save', { draft: mtlsDraft({ kind: 'pkcs12', source: 'keychain', password: 'keystore-pass' }) });
    await expect(resolveSaved()).rejects.toThrow(/no imported keystore set/);
  });
});
