// Issue 13: Kafka Connect through main's real dispatcher, handlers and REST client, against real
// distributed workers from the bed (testbed/connect.ts): FileStream source → topic → sink with records
// flowing, validation errors before anything is sent, pause/resume/stop/restart of a connector whose task
// fails (a sink writing into a missing directory), offsets read and reset on a stopped connector,
// fail-over from a dead REST URL, a MirrorSourceConnector with its task, Basic auth, the profile's and
// the cluster's read-only settings, and a tenant restricted to `["connect", "*", "connector", "tx<run>-*"]`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConnectList, ConnectorDetail, ValidationResult, WorkerInfo } from '../../shared/domain/connect/connect-schemas';
import { emptyProfileDraft, profileActions } from '../../shared/domain/profile/profile-schema';
import type { TenancyState } from '../../shared/ipc/contract';
import { runCli } from '../../electron/cli/index';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { diagnoseConnection } from '../../electron/main/services/kafka/connection-diagnostics';
import { systemClock } from '../../electron/main/services/ports';
import { connectForTests, type TestConnect } from '../../testbed/connect-for-tests';
import { countMessages, createTopic } from '../../testbed/helpers';
import { dispatcherCalls } from './support/dispatcher-calls';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'connect-channels' };
const run = `c${Date.now().toString(36)}`;
const tx = (name: string) => `tx${run}-${name}`;
const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
const MIRROR = 'org.apache.kafka.connect.mirror.MirrorSourceConnector';

const policyText = `
policies:
  - actions: [CONNECT_ALTER_STATE]
    effect: Allow
    resource: ["connect", "*", "connector", "tx${run}-*"]
    role: ops
  - actions: [CONNECT_DELETE]
    effect: Deny
    resource: ["connect", "*", "connector", "tx${run}-*"]
    role: ops
tenants:
  - name: Transfers
    presentation_mode: HIDE_RESOURCES
    resources:
      - include: ["cluster", "*", "topic", "tx${run}-*"]
      - include: ["connect", "*", "connector", "tx${run}-*"]
    roles: [ops]
  - name: Topics only
    presentation_mode: HIDE_RESOURCES
    resources:
      - include: ["cluster", "*", "topic", "ot${run}-*"]
    roles: [topics]
`;

let connect: TestConnect;
let dataDir: string;
let dispatcher: Dispatcher;
const answers: string[] = [];
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
const ref = (connector: string, clusterId = 'plain', profileId = 'cn-edit') => ({ profileId, clusterId, connector });

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (caught) {
      error = caught;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)} ${error instanceof Error ? error.message : ''}`);
}
const detail = (connector: string, clusterId = 'plain') => call<ConnectorDetail>('connect:detail', ref(connector, clusterId));

beforeAll(async () => {
  connect = await connectForTests(bed);
  if (connect.timings['total']) console.log(`[connect] workers ready in ${connect.timings['total']} ms, RSS ${connect.info.rssMiB.join('/')} MiB`);
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-connect-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs(answers) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  const basic = connect.info.basic!.basic!;
  const clusters = (options: { plainReadOnly?: boolean; password?: string } = {}) => [
    // The dead URL first: every first request fails over to the live worker.
    { id: 'plain', name: 'Plain', urls: [connect.info.deadUrl, connect.info.plain.urls[0]!], auth: { kind: 'none' }, tls: null, readOnly: options.plainReadOnly ?? false },
    { id: 'basic', name: 'Basic', urls: connect.info.basic!.urls, auth: { kind: 'basic', username: basic.username, password: options.password ?? basic.password }, tls: null, readOnly: false },
  ];
  const bootstrapServers = bed.listeners.plaintext.split(',');
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-edit', 'connect-edit'), bootstrapServers, connect: clusters() } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-ro', 'connect-cluster-ro'), bootstrapServers, connect: clusters({ plainReadOnly: true }) } });
  await call('profiles:save', {
    draft: { ...emptyProfileDraft('cn-view', 'connect-view'), bootstrapServers, connect: clusters(), safety: { readOnly: false, allowedActions: profileActions.filter((action) => action !== 'operate-connectors' && action !== 'edit-connectors') } },
  });
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-badauth', 'connect-bad-auth'), bootstrapServers, connect: clusters({ password: 'wrong' }) } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-tenant', 'connect-tenant'), bootstrapServers, connect: clusters() } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-none', 'no-connect'), bootstrapServers } });
  // For the CLI, which reads the same profile file but the real keychain: only the cluster without secrets.
  await call('profiles:save', { draft: { ...emptyProfileDraft('cn-cli', 'connect-cli'), bootstrapServers, connect: clusters().slice(0, 1) } });
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
}, 300_000);

afterAll(async () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await connect?.stop();
});

describe('Connect without a tenant', () => {
  const input = () => join(connect.info.filesDir, `${run}-in.txt`);
  const output = () => join(connect.info.filesDir, `${run}-out.txt`);

  it('worker info through a dead URL first (fail-over) and the plugins, transforms included', async () => {
    const worker = await call<WorkerInfo>('connect:worker', { profileId: 'cn-edit', clusterId: 'plain' });
    expect(worker).toMatchObject({ version: connect.info.version, url: connect.info.plain.urls[0], kafkaClusterId: bed.clusterId });
    expect(worker.commit).toMatch(/^[0-9a-f]+$/);
    const plugins = await call<{ className: string; type: string }[]>('connect:plugins', { profileId: 'cn-edit', clusterId: 'plain' });
    expect(plugins.map((plugin) => plugin.className)).toEqual(expect.arrayContaining([SOURCE, SINK, MIRROR]));
    expect(plugins.some((plugin) => plugin.type === 'transformation')).toBe(true);
  });

  it('validation errors come back per field and nothing is created', async () => {
    const result = await call<ValidationResult>('connect:validate', { profileId: 'cn-edit', clusterId: 'plain', className: SOURCE, config: { 'tasks.max': 'many', file: input() } });
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.fields.find((field) => field.name === 'tasks.max')?.errors.join(' ')).toMatch(/tasks\.max|integer|Invalid value/i);
    const refused = await refusal('connect:save', { ...ref(tx('bad')), mode: 'create', config: { 'connector.class': SOURCE, 'tasks.max': 'many', file: input(), topic: tx('flow') } });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('did not pass validation') });
    expect((await call<ConnectList>('connect:list', { profileId: 'cn-edit', clusterId: 'plain' })).connectors.map((row) => row.name)).not.toContain(tx('bad'));
  });

  it('a FileStream source and sink move records through a topic; the list has type, class, state, tasks, workers and topics', async () => {
    writeFileSync(input(), ['alpha', 'beta', 'gamma', ''].join('\n'));
    await createTopic(bed, { topic: tx('flow'), partitions: 1 });
    await call('connect:save', { ...ref(tx('source')), mode: 'create', config: { 'connector.class': SOURCE, 'tasks.max': '1', file: input(), topic: tx('flow') } });
    await call('connect:save', { ...ref(tx('sink')), mode: 'create', config: { 'connector.class': SINK, 'tasks.max': '1', file: output(), topics: tx('flow') } });
    await until('records in the sink file', async () => (existsSync(output()) ? readFileSync(output(), 'utf8') : ''), (text) => text.includes('gamma'));
    expect(readFileSync(output(), 'utf8').split('\n').filter(Boolean)).toEqual(['alpha', 'beta', 'gamma']);
    expect(await countMessages(bed, tx('flow'))).toBe(3);
    const list = await until('both running with their topics', () => call<ConnectList>('connect:list', { profileId: 'cn-edit', clusterId: null }), (value) =>
      [tx('source'), tx('sink')].every((name) => value.connectors.find((row) => row.name === name)?.state === 'RUNNING' && (value.connectors.find((row) => row.name === name)?.topics?.length ?? 0) > 0),
    );
    expect(list.clusters.map((cluster) => [cluster.id, cluster.error])).toEqual([['plain', null], ['basic', null]]);
    expect(list.clusters[0]!.url).toBe(connect.info.plain.urls[0]);
    expect(list.connectors.find((row) => row.name === tx('source'))).toMatchObject({
      clusterId: 'plain',
      type: 'source',
      className: SOURCE,
      tasks: { total: 1, running: 1, failed: 0 },
      taskWorkers: [expect.stringContaining('127.0.0.1:')],
      topics: [tx('flow')],
    });
    expect(list.connectors.find((row) => row.name === tx('sink'))).toMatchObject({ type: 'sink', topics: [tx('flow')] });
    // Creating an existing name is refused, not silently an update.
    expect(await refusal('connect:save', { ...ref(tx('source')), mode: 'create', config: { 'connector.class': SOURCE, file: input(), topic: tx('flow') } })).toMatchObject({ code: 'CONFLICT' });
  });

  it('detail masks secrets and keeps provider references; editing with the mask keeps the stored value', async () => {
    await call('connect:save', {
      ...ref(tx('source')),
      mode: 'update',
      config: { 'connector.class': SOURCE, 'tasks.max': '1', file: input(), topic: tx('flow'), 'custom.password': 'hunter2', 'custom.token': '${env:ODRADEK_TOKEN}' },
    });
    const shown = await detail(tx('source'));
    expect(shown.config).toMatchObject({ 'custom.password': '********', 'custom.token': '${env:ODRADEK_TOKEN}', file: input() });
    expect(shown.maskedKeys).toEqual(['custom.password']);
    await call('connect:save', { ...ref(tx('source')), mode: 'update', config: { ...shown.config, 'tasks.max': '1' } });
    const raw = (await fetch(`${connect.info.plain.urls[0]}/connectors/${tx('source')}/config`).then((response) => response.json())) as Record<string, string>;
    expect(raw['custom.password']).toBe('hunter2');
  });

  it('a sink with an unwritable path fails its task with a trace; restart, pause, resume and stop work on it', async () => {
    const broken = tx('broken');
    await call('connect:save', { ...ref(broken), mode: 'create', config: { 'connector.class': SINK, 'tasks.max': '1', file: join(connect.info.filesDir, 'no-such-dir', 'out.txt'), topics: tx('flow') } });
    const failed = await until('the task to fail', () => detail(broken), (value) => value.tasks[0]?.state === 'FAILED');
    expect(failed.tasks[0]!.trace).toMatch(/no-such-dir/);
    const row = (await call<ConnectList>('connect:list', { profileId: 'cn-edit', clusterId: 'plain', topics: false })).connectors.find((entry) => entry.name === broken);
    expect(row).toMatchObject({ state: 'RUNNING', tasks: { total: 1, running: 0, failed: 1 }, topics: null });

    expect(await call('connect:action', { ...ref(broken), action: 'restart', includeTasks: true, onlyFailed: true })).toMatchObject({ message: expect.stringContaining('failed tasks') });
    await until('the task to fail again after the restart', () => detail(broken), (value) => value.tasks[0]?.state === 'FAILED');
    await call('connect:action', { ...ref(broken), action: 'restart', task: 0 });
    await call('connect:action', { ...ref(broken), action: 'pause' });
    await until('paused', () => detail(broken), (value) => value.state === 'PAUSED');
    await call('connect:action', { ...ref(broken), action: 'resume' });
    await until('running again', () => detail(broken), (value) => value.state === 'RUNNING');
    await call('connect:action', { ...ref(broken), action: 'stop' });
    await until('stopped, without tasks', () => detail(broken), (value) => value.state === 'STOPPED' && value.tasks.length === 0);
    expect(await refusal('connect:action', { ...ref(broken), action: 'delete', confirmation: 'nope' })).toMatchObject({ code: 'INVALID_INPUT', message: `Type '${broken}' to confirm deleting connector '${broken}'.` });
    await call('connect:action', { ...ref(broken), action: 'delete', confirmation: broken });
    expect(await refusal('connect:detail', ref(broken))).toMatchObject({ code: 'NOT_FOUND', message: `Connect cluster 'Plain' has no connector '${broken}'.`, details: { connect: { kind: 'connector-not-found', status: 404 } } });
  });

  it("offsets of a stopped source are read and reset; a running one's are refused", async () => {
    const source = tx('source');
    expect(await refusal('connect:change-offsets', { ...ref(source), offsets: null, confirmation: source })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('stop it first') });
    await call('connect:action', { ...ref(source), action: 'stop' });
    await until('stopped', () => detail(source), (value) => value.state === 'STOPPED');
    const offsets = await until('the offset of the file', () => call<{ offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[]; state: string }>('connect:offsets', ref(source)), (value) => value.offsets.length > 0);
    expect(offsets.state).toBe('STOPPED');
    expect(offsets.offsets[0]).toMatchObject({ partition: { filename: input() }, offset: { position: expect.any(Number) } });
    expect(await refusal('connect:change-offsets', { ...ref(source), offsets: null, confirmation: 'x' })).toMatchObject({ code: 'INVALID_INPUT' });
    // Alter (PATCH): the file's position moved back to the second line.
    const altered = [{ partition: { filename: input() }, offset: { position: 6 } }];
    expect(await call('connect:change-offsets', { ...ref(source), offsets: altered, confirmation: source })).toMatchObject({ message: expect.stringMatching(/altered/i) });
    expect((await call<{ offsets: unknown[] }>('connect:offsets', ref(source))).offsets).toEqual(altered);
    expect(await call('connect:change-offsets', { ...ref(source), offsets: null, confirmation: source })).toMatchObject({ message: expect.stringMatching(/reset/i) });
    // A reset leaves no offset (a partition the worker knows may stay listed with `offset: null`).
    const afterReset = await call<{ offsets: { offset: unknown }[] }>('connect:offsets', ref(source));
    expect(afterReset.offsets.every((entry) => entry.offset === null)).toBe(true);
    // Resuming a stopped source after the reset reads the file from the start again.
    await call('connect:action', { ...ref(source), action: 'resume' });
    await until('the records again', () => countMessages(bed, tx('flow')), (count) => count === 6);
  });

  it('a MirrorSourceConnector is listed with its task on the Basic-auth cluster', async () => {
    await createTopic(bed, { topic: tx('mirrored'), partitions: 1 });
    await call('connect:save', {
      ...ref(tx('mirror'), 'basic'),
      mode: 'create',
      config: {
        'connector.class': MIRROR,
        'tasks.max': '1',
        'source.cluster.alias': 'src',
        'target.cluster.alias': 'dst',
        'source.cluster.bootstrap.servers': bed.listeners.plaintext,
        'target.cluster.bootstrap.servers': bed.listeners.plaintext,
        topics: tx('mirrored'),
        'refresh.topics.interval.seconds': '1',
        'sync.topic.acls.enabled': 'false',
        'emit.offset-syncs.enabled': 'false',
        'replication.factor': '1',
      },
    });
    const list = await until('the mirror task', () => call<ConnectList>('connect:list', { profileId: 'cn-edit', clusterId: 'basic', topics: false }), (value) => (value.connectors.find((row) => row.name === tx('mirror'))?.tasks.running ?? 0) >= 1, 90_000);
    expect(list.connectors.find((row) => row.name === tx('mirror'))).toMatchObject({ clusterId: 'basic', type: 'source', className: MIRROR, tasks: { total: 1, running: 1, failed: 0 } });
  });

  it('Basic auth: a wrong password is a 401 in words; the other cluster is still listed', async () => {
    expect(await refusal('connect:worker', { profileId: 'cn-badauth', clusterId: 'basic' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("Connect cluster 'Basic' refused the credentials (401"), details: { connect: { kind: 'unauthorized', status: 401 } } });
    const list = await call<ConnectList>('connect:list', { profileId: 'cn-badauth', clusterId: null, topics: false });
    expect(list.clusters.find((cluster) => cluster.id === 'basic')).toMatchObject({ url: null, error: expect.stringContaining('401') });
    expect(list.clusters.find((cluster) => cluster.id === 'plain')).toMatchObject({ error: null });
  });

  it("the profile's actions and a read-only cluster are enforced in main; a profile without Connect says so", async () => {
    expect(await refusal('connect:action', { ...ref(tx('sink'), 'plain', 'cn-ro'), action: 'pause' })).toMatchObject({ code: 'NOT_ALLOWED', message: `Pausing connector '${tx('sink')}' is not allowed: Connect cluster 'Plain' is read-only in profile 'connect-cluster-ro'.` });
    expect(await call('connect:action', { ...ref(tx('mirror'), 'basic', 'cn-ro'), action: 'pause' })).toMatchObject({ message: expect.any(String) });
    await call('connect:action', { ...ref(tx('mirror'), 'basic', 'cn-ro'), action: 'resume' });
    expect(await refusal('connect:action', { ...ref(tx('sink'), 'plain', 'cn-view'), action: 'restart' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("does not allow the 'operate-connectors' action") });
    expect(await refusal('connect:save', { ...ref(tx('x'), 'plain', 'cn-view'), mode: 'create', config: { 'connector.class': SINK } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("'edit-connectors'") });
    expect(await refusal('connect:list', { profileId: 'cn-none', clusterId: 'plain' })).toMatchObject({ code: 'NOT_FOUND', message: "Profile 'no-connect' has no Kafka Connect cluster: add one in the profile's Connect settings." });
  });
});

async function cli(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { dataDir, out: (text) => stdout.push(text), err: (text) => stderr.push(text), readInput: () => Promise.resolve('') });
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

describe('odradek connect', () => {
  it('list, status of a failing connector (exit 1 with the trace), pause and resume; --json is the channel shape', async () => {
    const failing = tx('cli-broken');
    await call('connect:save', { ...ref(failing), mode: 'create', config: { 'connector.class': SINK, 'tasks.max': '1', file: join(connect.info.filesDir, 'absent-dir', 'x.txt'), topics: tx('flow') } });
    await until('the task to fail', () => detail(failing), (value) => value.tasks[0]?.state === 'FAILED');
    const list = await cli(['connect', 'list', '--profile', 'connect-cli']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`Plain \\(plain\\) at ${connect.info.plain.urls[0]}: \\d+ connectors`));
    expect(list.out).toMatch(new RegExp(`plain\\s+${failing}\\s+sink\\s+RUNNING\\s+0/1 running, 1 failed`));
    const json = JSON.parse((await cli(['connect', 'list', '--profile', 'connect-cli', '--json'])).out) as ConnectList;
    expect(json.connectors.find((row) => row.name === tx('source'))).toMatchObject({ clusterId: 'plain', type: 'source', className: SOURCE });
    const status = await cli(['connect', 'status', '--profile', 'connect-cli', '--connector', failing]);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/task 0: FAILED/);
    expect(status.out).toMatch(/absent-dir/);
    expect(await cli(['connect', 'pause', '--profile', 'connect-cli', '--cluster', 'Plain', '--connector', failing, '--json'])).toMatchObject({ code: 0, out: expect.stringContaining('"message"') });
    await until('paused', () => detail(failing), (value) => value.state === 'PAUSED');
    expect((await cli(['connect', 'resume', '--profile', 'connect-cli', '--connector', failing])).code).toBe(0);
    expect((await cli(['connect', 'restart', '--profile', 'connect-cli', '--connector', failing, '--tasks', '--only-failed'])).out).toContain('with its failed tasks');
    expect(await cli(['connect', 'status', '--profile', 'connect-cli', '--connector', `${run}-none`])).toMatchObject({ code: 3, err: expect.stringContaining(`has no connector '${run}-none'`) });
    expect(await cli(['connect', 'list', '--profile', 'connect-cli', '--cluster', 'nope'])).toMatchObject({ code: 3, err: expect.stringContaining("has no Connect cluster 'nope'") });
    expect((await cli(['connect', 'pause', '--profile', 'connect-cli'])).code).toBe(2);
    await call('connect:action', { ...ref(failing), action: 'delete', confirmation: failing });
  });
});

describe('the staged connection test', () => {
  it('checks every Connect cluster after Kafka: fail-over noted, a wrong password fails the Connect stage with its reason', async () => {
    const basic = connect.info.basic!.basic!;
    const base = { name: 'diagnose', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };
    const plain = { id: 'plain', name: 'Plain', urls: [connect.info.deadUrl, connect.info.plain.urls[0]!], auth: { kind: 'none' as const }, tls: null, readOnly: false };
    const factory = createKafkaClientFactory(systemClock);
    const good = await diagnoseConnection({ ...base, connect: [plain, { id: 'basic', name: 'Basic', urls: connect.info.basic!.urls, auth: { kind: 'basic', ...basic }, tls: null, readOnly: false }] }, { factory, clock: systemClock });
    const stage = good.results.find((result) => result.stage === 'connect')!;
    expect(stage).toMatchObject({ status: 'passed', message: expect.stringContaining(`Plain: Connect ${connect.info.version}`), facts: { 'Plain first URL': 'did not answer', 'Basic URL': connect.info.basic!.urls[0] } });
    const bad = await diagnoseConnection({ ...base, connect: [plain, { id: 'basic', name: 'Basic', urls: connect.info.basic!.urls, auth: { kind: 'basic', username: basic.username, password: 'wrong' }, tls: null, readOnly: false }] }, { factory, clock: systemClock });
    expect(bad.results.find((result) => result.stage === 'connect')).toMatchObject({ status: 'failed', message: expect.stringContaining("Connect cluster 'Basic' refused the credentials (401"), remedy: expect.stringContaining('REST user and password') });
    expect(bad.summary).toMatchObject({ failedStage: 'connect' });
  });
});

describe('Connect inside a tenant', () => {
  const otherName = `ot${run}-sink`;
  beforeAll(async () => {
    await call('connect:save', { ...ref(otherName), mode: 'create', config: { 'connector.class': SINK, 'tasks.max': '1', file: join(connect.info.filesDir, `${run}-other.txt`), topics: tx('flow') } });
    answers.push(join(dataDir, 'rbac.yaml'));
    await call('tenancy:attach-policy', { scope: 'profile', profileId: 'cn-tenant' });
  });

  it('HIDE_RESOURCES hides Connect from a tenant without connector rules', async () => {
    expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'cn-tenant', roles: ['topics'] })).toMatchObject({ activeTenant: 'Topics only', navigation: { connect: false } });
    expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'cn-tenant', roles: ['ops'] })).toMatchObject({ activeTenant: 'Transfers', navigation: { connect: true } });
  });

  it("lists only the tenant's connectors, refuses others, and applies CONNECT_* policies", async () => {
    const list = await call<ConnectList>('connect:list', { profileId: 'cn-tenant', clusterId: null, topics: false });
    const names = list.connectors.map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining([tx('source'), tx('sink'), tx('mirror')]));
    expect(names.every((name) => name.startsWith(`tx${run}-`))).toBe(true);
    expect(list.clusters.find((cluster) => cluster.id === 'plain')!.connectors).toBe(names.filter((name) => name !== tx('mirror')).length);
    const hidden = { code: 'NOT_ALLOWED', message: `Connector '${otherName}' is not part of tenant 'Transfers'.` };
    expect(await refusal('connect:detail', ref(otherName, 'plain', 'cn-tenant'))).toMatchObject(hidden);
    expect(await refusal('connect:action', { ...ref(otherName, 'plain', 'cn-tenant'), action: 'pause' })).toMatchObject(hidden);
    expect(await refusal('connect:offsets', ref(otherName, 'plain', 'cn-tenant'))).toMatchObject(hidden);
    expect(await refusal('connect:save', { ...ref(`ot${run}-new`, 'plain', 'cn-tenant'), mode: 'create', config: { 'connector.class': SINK } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining(`does not include the connector name 'ot${run}-new'`) });
    expect(await call('connect:action', { ...ref(tx('sink'), 'plain', 'cn-tenant'), action: 'pause' })).toMatchObject({ message: expect.any(String) });
    await call('connect:action', { ...ref(tx('sink'), 'plain', 'cn-tenant'), action: 'resume' });
    expect(await refusal('connect:action', { ...ref(tx('sink'), 'plain', 'cn-tenant'), action: 'delete', confirmation: tx('sink') })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining(`CONNECT_DELETE on connector '${tx('sink')}' is denied by the policy file's policy`) });
    // Nothing happened behind the refusals.
    expect((await detail(otherName)).name).toBe(otherName);
  });

  it("a snapshot inside the tenant records the Connect clusters with only the tenant's connectors", async () => {
    const file = join(dataDir, 'tenant-snapshot.json');
    answers.push(file);
    await call('snapshots:capture', { profileId: 'cn-tenant' });
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { connectClusters: Array<{ id: string; name: string; connectors: string[] }> };
    expect(snapshot.connectClusters.map((cluster) => cluster.id).sort()).toEqual(['basic', 'plain']);
    const plain = snapshot.connectClusters.find((cluster) => cluster.id === 'plain')!;
    expect(plain.connectors).toEqual(expect.arrayContaining([tx('source'), tx('sink')]));
    expect(plain.connectors).not.toContain(otherName);
  });
});
