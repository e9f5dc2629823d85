// Secret-leak sweep: distinctive secrets planted in the secret fields of four profiles (SASL password,
// OAuth client secret, keystore and truststore passwords, Schema Registry basic-auth password) through
// main's real dispatcher and the real OS keychain, then the app is driven through connection tests (a
// wrong password, a refused client secret, unusable stores), topic list, browse, message export, profile
// export and snapshot capture. Everything that went back to the "renderer" (results, every stream frame),
// everything written to the console or stdout/stderr (main has no log port: that is where its logs go),
// and every file under the data dir and the export/snapshot dir is searched: zero hits. The sweep can
// fail: the same search finds every planted secret in the keychain.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { bytesToBase64 } from '../../shared/domain/decoders/binary';
import { emptyProfileDraft, type ProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'secret-leaks' };
const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) || process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';
const tag = randomBytes(6).toString('hex');
const SECRETS = {
  sasl: `LEAK-${tag}-sasl`,
  oauth: `LEAK-${tag}-oauth`,
  keystore: `LEAK-${tag}-keystore`,
  truststore: `LEAK-${tag}-truststore`,
  registry: `LEAK-${tag}-registry`,
};
const planted = Object.values(SECRETS);
const imported = (path: string) => bytesToBase64(new Uint8Array(readFileSync(path)));

const drafts: ProfileDraft[] = [
  {
    // Works (PLAINTEXT); its secret is the registry's basic-auth password (the registry is not there).
    ...emptyProfileDraft('leak-plain', 'Leak sweep plain'),
    bootstrapServers: bed.listeners.plaintext.split(','),
    schemaRegistry: { urls: ['http://127.0.0.1:1'], auth: { kind: 'basic', username: 'sr-user', password: SECRETS.registry }, tls: null, observation: 'auto' },
  },
  {
    ...emptyProfileDraft('leak-scram', 'Leak sweep wrong password'),
    bootstrapServers: bed.listeners.saslPlaintext.split(','),
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: { mechanism: 'scram-sha-512', username: bed.users.restricted.username, password: SECRETS.sasl },
  },
  {
    ...emptyProfileDraft('leak-oauth', 'Leak sweep refused client secret'),
    bootstrapServers: bed.listeners.oauth.split(','),
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: { mechanism: 'oauthbearer', tokenEndpoint: bed.oauth.tokenEndpoint, clientId: bed.oauth.clientId, clientSecret: SECRETS.oauth, scope: bed.oauth.scope, extraParameters: {} },
  },
  {
    // Real stores with wrong passwords, to a broker that is not there.
    ...emptyProfileDraft('leak-tls', 'Leak sweep stores unreachable'),
    bootstrapServers: ['127.0.0.1:9'],
    securityProtocol: 'SSL',
    tls: {
      trust: { kind: 'pkcs12', source: 'keychain', store: imported(bed.tls.ca.truststoreP12), password: SECRETS.truststore },
      identity: { kind: 'pkcs12', source: 'keychain', store: imported(bed.tls.client.keystoreP12), password: SECRETS.keystore },
      verifyHostname: true,
      profile: 'default',
    },
  },
];

/** Every file under `dir`, recursively, as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'latin1') }];
  });
}
const hits = (where: string, text: string) => planted.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`);

describe.skipIf(!keychainAvailable)('secrets never leave the keychain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'odradek-leaks-'));
  const outDir = mkdtempSync(join(tmpdir(), 'odradek-leaks-out-'));
  const secrets = createKeytarSecretStore(`odradek-test-${randomUUID()}`);
  const answers: string[] = [];
  const sent: unknown[] = [];
  const logged: string[] = [];
  const restore: (() => void)[] = [];
  let dispatcher: Dispatcher;
  const topic = uniqueTopic('leaks');

  async function call(channel: string, input: unknown) {
    const result = await dispatcher.invoke(channel, input, sender);
    sent.push(result);
    return result;
  }
  async function stream(name: string, request: unknown) {
    const frames: StreamFrame[] = [];
    await dispatcher.openStream(
      { name, request, credits: 4096 },
      { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
      sender,
    );
    sent.push(...frames);
    return frames.at(-1);
  }

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => void logged.push(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      restore.push(() => (console[method] = original));
    }
    for (const out of [process.stdout, process.stderr]) {
      const original = out.write.bind(out);
      out.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1'));
        return original(chunk, ...rest);
      }) as typeof out.write;
      restore.push(() => (out.write = original));
    }
    const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets, dialogs: createQueuedDialogs(answers) });
    dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    await createTopic(bed, { topic, partitions: 2 });
    await produceWithKafkajs(bed, topic, Array.from({ length: 20 }, (_, index) => ({ key: `k${index}`, value: JSON.stringify({ index }) })));
  });
  afterAll(async () => {
    for (const undo of restore) undo();
    for (const account of await secrets.list()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('saves, tests, lists, browses, exports and captures without a planted secret in any reply, log or file', async () => {
    for (const draft of drafts) expect(await call('profiles:save', { draft }), draft.id).toMatchObject({ ok: true });

    const tests = Object.fromEntries(await Promise.all(drafts.map(async (draft) => [draft.id, await stream('profiles:test', { kind: 'saved', id: draft.id })] as const)));
    // The plain profile reaches Kafka; its registry stage fails (nothing listens there), so no profile passes.
    expect(tests['leak-plain']).toMatchObject({ type: 'done', summary: { ok: false, failedStage: expect.stringMatching(/registry/i) } });
    for (const id of ['leak-scram', 'leak-oauth', 'leak-tls']) expect(tests[id], id).toMatchObject({ type: 'done', summary: { ok: false } });
    // Drafts too (the secret inline, as the form sends it), and an unreachable broker.
    expect(await stream('profiles:test', { kind: 'draft', draft: { ...drafts[1]!, id: 'leak-draft' } })).toMatchObject({ type: 'done', summary: { ok: false } });
    expect(await stream('profiles:test', { kind: 'draft', draft: { ...drafts[1]!, id: 'leak-draft2', bootstrapServers: ['127.0.0.1:9'] } })).toMatchObject({ type: 'done', summary: { ok: false } });

    expect(await stream('topics:list', { profileId: 'leak-plain', rateSampleMs: 0 })).toMatchObject({ type: 'done' });
    expect(await stream('topics:list', { profileId: 'leak-scram', rateSampleMs: 0 })).toMatchObject({ type: 'error' });
    expect(await stream('messages:browse', { profileId: 'leak-plain', topic })).toMatchObject({ type: 'done' });
    expect(await stream('messages:browse', { profileId: 'leak-oauth', topic })).toMatchObject({ type: 'error' });

    answers.push(join(outDir, 'export.jsonl'));
    expect(await stream('messages:export', { profileId: 'leak-plain', topic, format: 'jsonl' })).toMatchObject({ type: 'done' });
    for (const draft of drafts) for (const format of ['java-properties', 'librdkafka', 'kafkajs']) expect(await call('profiles:export', { id: draft.id, format }), `${draft.id} ${format}`).toMatchObject({ ok: true });
    answers.push(join(outDir, 'snapshot.json'));
    expect(await call('snapshots:capture', { profileId: 'leak-plain' })).toMatchObject({ ok: true, data: { path: join(outDir, 'snapshot.json') } });
    for (const draft of drafts) expect(await call('profiles:get', { id: draft.id })).toMatchObject({ ok: true });
    expect(await call('profiles:list', undefined)).toMatchObject({ ok: true });

    const files = [...filesUnder(dataDir), ...filesUnder(outDir)];
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining([expect.stringMatching(/profiles\.json$/), join(outDir, 'export.jsonl'), join(outDir, 'snapshot.json')]));
    const found = [
      ...sent.flatMap((value, index) => hits(`renderer message ${index}`, JSON.stringify(value))),
      ...logged.flatMap((line, index) => hits(`log line ${index}`, line)),
      ...files.flatMap((file) => hits(file.path, file.text)),
    ];
    expect(found).toEqual([]);
    expect(sent.length).toBeGreaterThan(20);
  });

  it('the sweep can fail: the keychain holds every planted secret, and the search finds them there', async () => {
    const stored = await Promise.all((await secrets.list()).map((account) => secrets.get(account)));
    const found = hits('the keychain', stored.join('\n'));
    expect(found).toHaveLength(planted.length);
  });

  it('the sweep can fail: the one export that carries secrets on purpose (typed confirmation, a file main writes) is found by the same file search', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'odradek-leaks-clear-'));
    try {
      answers.push(join(dir, 'scram.properties'));
      expect(await call('profiles:export-with-secrets', { id: 'leak-scram', format: 'java-properties', confirmation: 'Leak sweep wrong password' })).toMatchObject({ ok: true });
      expect(filesUnder(dir).flatMap((file) => hits(file.path, file.text))).toEqual([`${SECRETS.sasl} in ${join(dir, 'scram.properties')}`]);
      // Its reply to the renderer is the path only.
      expect(hits('reply', JSON.stringify(sent.at(-1)))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
