// A Schema Registry or Connect secret gone from the keychain (deleted by the user, another tool, a keychain
// reset) fails only that part of the profile, in words naming the secret; the Kafka cluster stays usable and
// nothing is sent to the registry or the Connect cluster without its secret. Real OS keychain under `npm test`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Sender } from '../../electron/main/ipc/dispatcher';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { keychainAccount } from '../../shared/domain/profile/secrets';
import { emptyProfileDraft, type ProfileDraft } from '../../shared/domain/profile/profile-schema';

const bed = inject('testbed');
const sender: Sender = { kind: 'bridge', session: 'test' };
const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) || process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';
const secrets = keychainAvailable ? createKeytarSecretStore(`odradek-test-${randomUUID()}`) : createMemorySecretStore();

describe(`a registry or Connect secret missing from ${keychainAvailable ? 'the real OS keychain' : 'an in-memory keychain'}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'odradek-missing-secret-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets });
  const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  // Stands in for the registry and the Connect worker: it only counts what reaches it.
  let requests = 0;
  let endpoint: Server;
  let url = '';

  beforeAll(async () => {
    endpoint = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((listening) => endpoint.listen(0, '127.0.0.1', listening));
    url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
    await new Promise((closed) => endpoint.close(closed));
  });

  const draft = (): ProfileDraft => ({
    ...emptyProfileDraft('bed-missing-secret', 'Bed missing secret'),
    bootstrapServers: bed.listeners.plaintext.split(','),
    schemaRegistry: { name: 'Registry', urls: [url], auth: { kind: 'basic', username: 'reader', password: 'registry-secret' }, tls: null, observation: 'auto' },
    connect: [{ id: 'ops', name: 'Ops Connect', urls: [url], auth: { kind: 'basic', username: 'connector', password: 'connect-secret' }, tls: null, readOnly: false }],
  });

  it('saves the profile with both secrets in the keychain', async () => {
    const saved = await dispatcher.invoke('profiles:save', { draft: draft() }, sender);
    expect(saved).toMatchObject({ ok: true });
    expect(await secrets.get(keychainAccount('bed-missing-secret', 'schemaRegistry.password'))).toBe('registry-secret');
  });

  it('with the registry password gone: the cluster still answers, the registry says which secret is missing and gets no request', async () => {
    await secrets.delete(keychainAccount('bed-missing-secret', 'schemaRegistry.password'));
    const before = requests;
    const overview = await dispatcher.invoke('cluster:overview', { profileId: 'bed-missing-secret' }, sender);
    expect(overview).toMatchObject({ ok: true });
    const subjects = await dispatcher.invoke('schemas:list', { profileId: 'bed-missing-secret' }, sender);
    expect(subjects).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(JSON.stringify(subjects)).toContain("The schemaRegistry.password of profile 'Bed missing secret' is missing from the OS keychain");
    expect(requests).toBe(before);
  });

  it('with the Connect password gone too: that Connect cluster fails in words, nothing is sent to it', async () => {
    await secrets.delete(keychainAccount('bed-missing-secret', 'connect.ops.password'));
    const before = requests;
    const listed = await dispatcher.invoke('connect:list', { profileId: 'bed-missing-secret', clusterId: 'ops' }, sender);
    expect(JSON.stringify(listed)).toContain("The connect.ops.password of profile 'Bed missing secret' is missing from the OS keychain");
    expect(requests).toBe(before);
    expect(await dispatcher.invoke('cluster:overview', { profileId: 'bed-missing-secret' }, sender)).toMatchObject({ ok: true });
  });

  it('entering the registry password again in the profile makes the registry usable again', async () => {
    const resaved = await dispatcher.invoke('profiles:save', { draft: { ...draft(), connect: [] } }, sender);
    expect(resaved).toMatchObject({ ok: true });
    const subjects = await dispatcher.invoke('schemas:list', { profileId: 'bed-missing-secret' }, sender);
    expect(requests).toBeGreaterThan(0);
    expect(JSON.stringify(subjects)).not.toContain('missing from the OS keychain');
  });
});
