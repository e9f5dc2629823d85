import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import { createAppHandlers } from '../app-handlers';
import { createDispatcher, type Sender } from '../ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../platform/node-ports';

const policyText = `tenants:
  - name: "Transactions"
    resources:
      - include: ["cluster", "*", "topic", "tx-*"]
    roles: [tx-team]
`;

const snapshotText = JSON.stringify({
  version: 1,
  capturedAt: '2026-11-23T12:00:00Z',
  clusters: [{ id: 'c1', name: 'dev', brokers: [{ id: 1 }], topics: [{ name: 'tx-a', partitions: 1, replicaBytes: 10, writesPerSecond: 1, internal: false }], groups: [], principals: [] }],
});

const window: Sender = { kind: 'window', webContentsId: 1, frameUrl: 'file:///app/index.html' };

describe('policy workspace channels', () => {
  let dir: string;
  let policyPath: string;
  let snapshotPath: string;
  let answers: string[];
  let invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'odradek-workspace-'));
    policyPath = join(dir, 'rbac.yaml');
    snapshotPath = join(dir, 'snapshot.json');
    await writeFile(policyPath, policyText);
    await writeFile(snapshotPath, snapshotText);
    answers = [];
    const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir: join(dir, 'data') }), dialogs: createQueuedDialogs(answers) });
    const dispatcher = createDispatcher({ handlers, producers, isTrustedSender: (sender) => sender.kind === 'window' });
    invoke = (channel, input) => dispatcher.invoke(channel, input, window);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function chooseAndOpen(): Promise<{ path: string; text: string; version: { hash: string; mtimeMs: number } }> {
    answers.push(policyPath);
    const chosen = await invoke('policies:choose-file', { mode: 'open' });
    expect(chosen).toEqual({ ok: true, data: { path: policyPath } });
    const opened = await invoke('policies:open', { path: policyPath });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.data as { path: string; text: string; version: { hash: string; mtimeMs: number } };
  }

  it('refuses to open or save a path the user did not choose in a dialog', async () => {
    const open = await invoke('policies:open', { path: policyPath });
    expect(open).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('choose them in a file dialog') } });
    const save = await invoke('policies:save', { path: policyPath, text: 'tenants: []', baseVersion: null, force: true });
    expect(save).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await readFile(policyPath, 'utf8')).toBe(policyText);
  });

  it('refuses relative paths and paths granted for another kind of file, and accepts another spelling of a granted path', async () => {
    answers.push(snapshotPath);
    await invoke('snapshots:choose-file', undefined);
    expect(await invoke('policies:open', { path: snapshotPath })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await invoke('snapshots:open', { path: 'snapshot.json' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await invoke('snapshots:open', { path: join(dir, 'sub', '..', 'snapshot.json') })).toMatchObject({ ok: true });
  });

  it('answers null and grants nothing when the dialog is cancelled', async () => {
    expect(await invoke('policies:choose-file', { mode: 'open' })).toEqual({ ok: true, data: { path: null } });
    expect(await invoke('snapshots:choose-file', undefined)).toEqual({ ok: true, data: { path: null } });
  });

  it('opens a chosen file with its version and saves it atomically with a backup', async () => {
    const opened = await chooseAndOpen();
    expect(opened.text).toBe(policyText);
    expect(opened.version.hash).toMatch(/^[0-9a-f]{64}$/);
    const edited = policyText.replace('tx-*', 'tx-orders');
    const saved = await invoke('policies:save', { path: policyPath, text: edited, baseVersion: opened.version });
    expect(saved).toMatchObject({ ok: true, data: { backupPath: `${policyPath}.bak` } });
    expect(await readFile(policyPath, 'utf8')).toBe(edited);
    expect(await readFile(`${policyPath}.bak`, 'utf8')).toBe(policyText);
  });

  it('answers CONFLICT when the file changed on disk since it was opened, and overwrites when forced', async () => {
    const opened = await chooseAndOpen();
    await writeFile(policyPath, `${policyText}# edited elsewhere\n`);
    const conflict = await invoke('policies:save', { path: policyPath, text: 'tenants: []\n', baseVersion: opened.version });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'rbac.yaml changed on disk since you opened it; reload it or overwrite it.' } });
    const forced = await invoke('policies:save', { path: policyPath, text: 'tenants: []\n', baseVersion: opened.version, force: true });
    expect(forced.ok).toBe(true);
    expect(await readFile(policyPath, 'utf8')).toBe('tenants: []\n');
  });

  it('creates a new file chosen with Save As, without a backup', async () => {
    const target = join(dir, 'new.yaml');
    answers.push(target);
    expect(await invoke('policies:choose-file', { mode: 'save-as', suggestedName: 'new.yaml' })).toEqual({ ok: true, data: { path: target } });
    const saved = await invoke('policies:save', { path: target, text: policyText, baseVersion: null });
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.data).not.toHaveProperty('backupPath');
    expect(await readFile(target, 'utf8')).toBe(policyText);
  });

  it('returns a validated snapshot, and names the JSON path of each problem in an invalid one', async () => {
    answers.push(snapshotPath);
    await invoke('snapshots:choose-file', undefined);
    const opened = await invoke('snapshots:open', { path: snapshotPath });
    expect(opened).toMatchObject({ ok: true, data: { path: snapshotPath, snapshot: { clusters: [{ id: 'c1' }], schemaRegistries: [] } } });

    await writeFile(snapshotPath, snapshotText.replace('"partitions":1', '"partitions":-1'));
    const invalid = await invoke('snapshots:open', { path: snapshotPath });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('clusters[0].topics[0].partitions'), details: [{ path: 'clusters[0].topics[0].partitions' }] },
    });
  });

  it('reports a chosen file that has since disappeared as NOT_FOUND', async () => {
    answers.push(snapshotPath);
    await invoke('snapshots:choose-file', undefined);
    await rm(snapshotPath);
    expect(await invoke('snapshots:open', { path: snapshotPath })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
