// mTLS against the real test bed with the client keystore and the truststore imported into the keychain:
// saved through `profiles:save`, tested through `profiles:test`, with no path to any store left in the
// profile. The real keychain is used when a Secret Service is reachable (as under `npm test`), an
// in-memory one otherwise.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Sender } from '../../electron/main/ipc/dispatcher';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import type { SecretStore } from '../../electron/main/services/ports';
import type { DiagnosticResult, DiagnosticSummary } from '../../shared/domain/connection-diagnostics';
import { bytesToBase64 } from '../../shared/domain/decoders/binary';
import { emptyProfileDraft, type ProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';

const bed = inject('testbed');
const sender: Sender = { kind: 'bridge', session: 'test' };
const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) || process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';

const stores: { name: string; secrets: SecretStore }[] = [
  { name: 'an in-memory keychain', secrets: createMemorySecretStore() },
  ...(keychainAvailable ? [{ name: 'the real OS keychain', secrets: createKeytarSecretStore(`odradek-test-${randomUUID()}`) }] : []),
];

const imported = (path: string) => bytesToBase64(new Uint8Array(readFileSync(path)));

function importedStoresDraft(): ProfileDraft {
  return {
    ...emptyProfileDraft('bed-mtls-imported', 'Test bed mTLS, stores in the keychain'),
    bootstrapServers: bed.listeners.ssl.split(','),
    securityProtocol: 'SSL',
    tls: {
      trust: { kind: 'pkcs12', source: 'keychain', store: imported(bed.tls.ca.truststoreP12), password: bed.tls.password },
      identity: { kind: 'pkcs12', source: 'keychain', store: imported(bed.tls.client.keystoreP12), password: bed.tls.password },
      verifyHostname: true,
      profile: 'default',
    },
  };
}

describe.each(stores)('mTLS with stores imported into $name', ({ secrets }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'odradek-mtls-imported-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets });
  const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function testConnection(request: unknown) {
    const frames: StreamFrame<DiagnosticResult, unknown, DiagnosticSummary>[] = [];
    await dispatcher.openStream(
      { name: 'profiles:test', request, credits: 20 },
      { post: (frame) => void frames.push(frame as (typeof frames)[number]), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
      sender,
    );
    const results = frames.flatMap((frame) => (frame.type === 'batch' ? frame.items : []));
    return { last: frames.at(-1), results };
  }

  it('connects through profiles:save then profiles:test, reading no store file', async () => {
    const saved = await dispatcher.invoke('profiles:save', { draft: importedStoresDraft() }, sender);
    expect(saved).toMatchObject({ ok: true, data: { tls: { trust: { source: 'keychain', store: { state: 'set' } }, identity: { source: 'keychain', store: { state: 'set' } } } } });
    expect(JSON.stringify(saved)).not.toContain(bed.tls.dir);

    const { last, results } = await testConnection({ kind: 'saved', id: 'bed-mtls-imported' });
    expect(last, JSON.stringify(results)).toMatchObject({ type: 'done', summary: { ok: true, failedStage: null } });
    expect(results.find((result) => result.stage === 'tls')?.status).toBe('passed');
  });

  it('uses the keystore from the keychain: a draft that clears it cannot connect', async () => {
    const draft = importedStoresDraft();
    const withoutStores = { ...draft, tls: { ...draft.tls!, identity: { kind: 'pkcs12' as const, source: 'keychain' as const } } };
    const { last } = await testConnection({ kind: 'draft', draft: withoutStores, clearSecrets: ['tls.keystore'] });
    expect(last).toMatchObject({ type: 'error', error: { code: 'INVALID_INPUT', message: expect.stringMatching(/no imported keystore set/) } });
  });
});
