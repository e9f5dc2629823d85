// The broker channels on the single-node bed through main's real dispatcher: the list with the KRaft
// quorum and disk use, configs with sources and masked sensitive values, a per-broker and a
// cluster-default edit previewed, applied and reverted, log dirs, a (not needed) preferred election,
// a plan; the profile actions; tenancy on every broker channel; and `odradek brokers`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { brokerConfigsSchema, brokerListSchema, type BrokerConfigPreview, type BrokerConfigs, type BrokerList, type BrokerLogDirs, type ElectLeadersResult, type ReassignmentPlan } from '../../shared/domain/brokers/broker-schemas';
import { emptyProfileDraft, profileActions } from '../../shared/domain/profile/profile-schema';
import type { ClusterOverview, TenancyState } from '../../shared/ipc/contract';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';
import { cliServices } from '../../electron/cli/services';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { createTopics, produceWithKafkajs } from '../../testbed/helpers';
import { dispatcherCalls } from './support/dispatcher-calls';

const bed = inject('testbed');
const brokerId = bed.nodes[0]?.id ?? 1;
const sender = { kind: 'bridge' as const, session: 'brokers-channels' };
const run = `bk${Date.now().toString(36)}`;
const topic = { pay: `pay${run}-ledger`, other: `oth${run}-events` };
const backoff = 'message.max.bytes';

const policyText = `
policies:
  - actions: [BROKER_EDIT]
    effect: Allow
    resource: ["cluster", "*"]
    role: ops
tenants:
  - name: Ops
    resources:
      - include: ["cluster", "*"]
    roles: [ops]
  - name: Payments
    resources:
      - include: ["cluster", "*", "topic", "pay${run}-*"]
    roles: [payments]
  - name: Broker one
    resources:
      - include: ["cluster", "*", "topic", "pay${run}-*"]
      - include: ["cluster", "*", "broker", "${brokerId}"]
    roles: [brokers]
`;

let dataDir: string;
let dispatcher: Dispatcher;
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
const entry = (configs: BrokerConfigs, name: string) => configs.entries.find((candidate) => candidate.name === name);
/** A broker applies a config record when it reaches it through the metadata log: read until it has (or 5 s passed). */
async function brokerEntryOnce(id: number | null, name: string, done: (found: BrokerConfigs['entries'][number] | undefined) => boolean) {
  let found;
  for (let attempt = 0; attempt < 20; attempt++) {
    found = entry(await call<BrokerConfigs>('brokers:configs', { profileId: 'prod', brokerId: id }), name);
    if (done(found)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return found;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-brokers-'));
  await createTopics(bed, [
    { topic: topic.pay, partitions: 2 },
    { topic: topic.other, partitions: 1 },
  ]);
  await produceWithKafkajs(bed, topic.pay, [{ value: 'a'.repeat(500) }, { value: 'b'.repeat(500) }]);
  await produceWithKafkajs(bed, topic.other, [{ value: 'c' }]);
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([join(dataDir, 'rbac.yaml')]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  const bootstrapServers = bed.listeners.plaintext.split(',');
  await call('profiles:save', { draft: { ...emptyProfileDraft('prod', 'brokers-prod'), bootstrapServers } });
  const cautious = emptyProfileDraft('cautious', 'brokers-cautious');
  await call('profiles:save', { draft: { ...cautious, bootstrapServers, safety: { readOnly: false, allowedActions: profileActions.filter((action) => action !== 'edit-brokers' && action !== 'reassign-partitions') } } });
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('broker channels without a tenant', () => {
  it('lists the broker with its partitions, disk use and the one-voter quorum', async () => {
    const list = brokerListSchema.parse(await call<BrokerList>('brokers:list', { profileId: 'prod' }));
    expect(list.tenant).toBeNull();
    expect(list.listsFenced).toBe(true);
    expect(list.clusterId).not.toBe('');
    expect(list.controllerId).toBe(brokerId);
    expect(list.brokers).toHaveLength(1);
    const [broker] = list.brokers;
    expect(broker).toMatchObject({ id: brokerId, status: 'alive', isController: true, underReplicatedLed: 0, offlineReplicas: 0, failedLogDirs: 0 });
    expect(broker!.leaderPartitions).toBe(broker!.replicas);
    expect(broker!.leaderPartitions).toBeGreaterThanOrEqual(3);
    expect(broker!.diskBytes).toBeGreaterThan(1000);
    expect(list.quorum).toMatchObject({ leaderId: brokerId, voters: [{ id: brokerId, isLeader: true, lag: 0 }], observers: [] });
    expect(list.quorum!.highWatermark).toBeGreaterThan(0);
  });

  it('describes every config with its source and synonyms; sensitive values never cross', async () => {
    const configs = brokerConfigsSchema.parse(await call('brokers:configs', { profileId: 'prod', brokerId }));
    expect(entry(configs, 'node.id')).toMatchObject({ value: String(brokerId), source: 'static', readOnly: true });
    expect(entry(configs, backoff)).toMatchObject({ value: '1048588', source: 'default', readOnly: false });
    const sensitive = configs.entries.filter((candidate) => candidate.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const secret of sensitive) {
      expect(secret.value).toBeNull();
      for (const synonym of secret.synonyms) expect(synonym.value).toBeNull();
    }
  });

  it('previews a change with the broker verdict, applies it on one broker and reverts it', async () => {
    const preview = await call<BrokerConfigPreview>('brokers:config-preview', { profileId: 'prod', brokerId, set: { [backoff]: '2000000' } });
    expect(preview).toEqual({ brokerId, rejected: null, rows: [{ name: backoff, operation: 'set', before: '1048588', beforeSource: 'default', beforeKey: backoff, after: '2000000', afterSource: 'dynamic-broker', afterKey: backoff, sensitive: false, problem: null }] });
    const readOnly = await call<BrokerConfigPreview>('brokers:config-preview', { profileId: 'prod', brokerId, set: { 'node.id': '7' } });
    expect(readOnly.rows[0]!.problem).toMatch(/read-only/);
    expect(readOnly.rejected).not.toBeNull();
    expect(await refusal('brokers:alter-config', { profileId: 'prod', brokerId, set: { 'node.id': '7' } })).toMatchObject({ code: 'INVALID_INPUT' });

    expect(await refusal('brokers:alter-config', { profileId: 'cautious', brokerId, set: { [backoff]: '2000000' } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("'edit-brokers'") });
    expect(await call('brokers:alter-config', { profileId: 'prod', brokerId, set: { [backoff]: '2000000' } })).toEqual({ changed: [backoff] });
    const changed = await brokerEntryOnce(brokerId, backoff, (found) => found?.value === '2000000' && found.synonyms.length === 2);
    expect(changed).toMatchObject({ value: '2000000', source: 'dynamic-broker' });
    expect(changed!.synonyms.map((synonym) => [synonym.source, synonym.value])).toEqual([
      ['dynamic-broker', '2000000'],
      ['default', '1048588'],
    ]);

    const revert = await call<BrokerConfigPreview>('brokers:config-preview', { profileId: 'prod', brokerId, reset: [backoff] });
    expect(revert.rows[0]).toMatchObject({ operation: 'reset', before: '2000000', after: '1048588', afterSource: 'default', problem: null });
    await call('brokers:alter-config', { profileId: 'prod', brokerId, reset: [backoff] });
    expect(await brokerEntryOnce(brokerId, backoff, (found) => found?.source === 'default' && found.value === '1048588')).toMatchObject({ value: '1048588', source: 'default' });
  });

  it('sets and resets the cluster-wide default, which the broker then reports as its source', async () => {
    await call('brokers:alter-config', { profileId: 'prod', brokerId: null, set: { [backoff]: '1500000' } });
    try {
      expect(entry(await call<BrokerConfigs>('brokers:configs', { profileId: 'prod', brokerId: null }), backoff)).toMatchObject({ value: '1500000', source: 'dynamic-default' });
      expect(await brokerEntryOnce(brokerId, backoff, (found) => found?.source === 'dynamic-default' && found.value === '1500000')).toMatchObject({ value: '1500000', source: 'dynamic-default' });
      const revert = await call<BrokerConfigPreview>('brokers:config-preview', { profileId: 'prod', brokerId: null, reset: [backoff] });
      expect(revert.rows[0]).toMatchObject({ before: '1500000', beforeSource: 'dynamic-default', after: '1048588', afterSource: 'default', problem: null });
    } finally {
      await call('brokers:alter-config', { profileId: 'prod', brokerId: null, reset: [backoff] });
    }
    await brokerEntryOnce(brokerId, backoff, (found) => found?.source === 'default' && found.value === '1048588');
    expect(await refusal('brokers:alter-config', { profileId: 'prod', brokerId: null, reset: [backoff] })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no cluster-wide default') });
  });

  it('lists log dirs with sizes per partition', async () => {
    const logDirs = await call<BrokerLogDirs>('brokers:log-dirs', { profileId: 'prod', brokerId });
    expect(logDirs.dirs.length).toBeGreaterThanOrEqual(1);
    const [dir] = logDirs.dirs;
    expect(dir!.error).toBeNull();
    const pay = dir!.partitions.filter((partition) => partition.topic === topic.pay);
    expect(pay.map((partition) => partition.partition)).toEqual([0, 1]);
    expect(pay.reduce((sum, partition) => sum + partition.sizeBytes, 0)).toBeGreaterThan(1000);
    expect(dir!.totalBytes).toBeGreaterThanOrEqual(pay.reduce((sum, partition) => sum + partition.sizeBytes, 0));
    expect(await refusal('brokers:log-dirs', { profileId: 'prod', brokerId: 99 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks for the typed confirmation and the profile action before an election; one leader already preferred', async () => {
    const partitions = [{ topic: topic.pay, partition: 0 }];
    expect(await refusal('brokers:elect-leaders', { profileId: 'prod', partitions, confirmation: 'yes' })).toMatchObject({ code: 'INVALID_INPUT', message: `Type '${topic.pay}' exactly to confirm the election; nothing was elected.` });
    expect(await refusal('brokers:elect-leaders', { profileId: 'cautious', partitions, confirmation: topic.pay })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await call<ElectLeadersResult>('brokers:elect-leaders', { profileId: 'prod', partitions, confirmation: topic.pay })).toEqual({ results: [{ topic: topic.pay, partition: 0, outcome: 'already-preferred', message: null }] });
  });

  it('plans a reassignment that moves nothing on one broker and refuses brokers that are not alive', async () => {
    expect(await call<ReassignmentPlan>('brokers:reassignment-plan', { profileId: 'prod', topic: topic.pay, brokerIds: [brokerId] })).toEqual({
      topic: topic.pay,
      movedReplicas: 0,
      partitions: [
        { partition: 0, current: [brokerId], proposed: [brokerId] },
        { partition: 1, current: [brokerId], proposed: [brokerId] },
      ],
    });
    expect(await refusal('brokers:reassignment-plan', { profileId: 'prod', topic: topic.pay, brokerIds: [42] })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Broker 42 is not alive') });
    expect(await call('brokers:reassignments', { profileId: 'prod', topic: topic.pay })).toEqual({ reassignments: [] });
  });
});

describe('broker channels inside tenants', () => {
  beforeAll(async () => {
    await call('tenancy:attach-policy', { scope: 'profile', profileId: 'prod' });
  });
  // Acting in one role: the policies then apply to that role only (no role chosen means every role in the file).
  const roleOf: Record<string, string> = { Ops: 'ops', Payments: 'payments', 'Broker one': 'brokers' };
  const enter = async (tenant: string) => expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'prod', roles: [roleOf[tenant]!] })).toMatchObject({ status: 'active', activeTenant: tenant });

  it('a tenant without brokers sees no broker, no quorum and no broker figures, and every broker channel refuses', async () => {
    await enter('Payments');
    const list = await call<BrokerList>('brokers:list', { profileId: 'prod' });
    expect(list).toMatchObject({ tenant: 'Payments', brokers: [], quorum: null, controllerId: null });
    expect(list.quorumNote).toMatch(/Payments/);
    expect(await call<ClusterOverview>('cluster:overview', { profileId: 'prod' })).toMatchObject({ brokers: 0, controllerId: null });
    const notPart = { code: 'NOT_ALLOWED', message: `Broker '${brokerId}' is not part of tenant 'Payments'.` };
    expect(await refusal('brokers:configs', { profileId: 'prod', brokerId })).toMatchObject(notPart);
    expect(await refusal('brokers:config-preview', { profileId: 'prod', brokerId, set: { [backoff]: '1' } })).toMatchObject(notPart);
    expect(await refusal('brokers:alter-config', { profileId: 'prod', brokerId, set: { [backoff]: '1' } })).toMatchObject(notPart);
    expect(await refusal('brokers:log-dirs', { profileId: 'prod', brokerId })).toMatchObject(notPart);
    expect(await refusal('brokers:configs', { profileId: 'prod', brokerId: null })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('cluster-wide broker default applies to every broker') });
    expect(await refusal('brokers:reassignment-plan', { profileId: 'prod', topic: topic.pay, brokerIds: [brokerId] })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal('brokers:reassign', { profileId: 'prod', topic: topic.pay, partitions: [{ partition: 0, replicas: [brokerId] }], confirmation: topic.pay })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal('brokers:elect-leaders', { profileId: 'prod', partitions: null, confirmation: 'elect all partitions' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('every partition') });
    // The tenant's own topic: no policy allows TOPIC_ELECT_LEADER, so the file's policies deny it.
    expect(await refusal('brokers:elect-leaders', { profileId: 'prod', partitions: [{ topic: topic.pay, partition: 0 }], confirmation: topic.pay })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('TOPIC_ELECT_LEADER') });
    expect(await refusal('brokers:elect-leaders', { profileId: 'prod', partitions: [{ topic: topic.other, partition: 0 }], confirmation: topic.other })).toMatchObject({ code: 'NOT_ALLOWED', message: `Topic '${topic.other}' is not part of tenant 'Payments'.` });
    expect(await refusal('brokers:cancel-reassignment', { profileId: 'prod', topic: topic.other, partitions: null, confirmation: topic.other })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await call('brokers:reassignments', { profileId: 'prod' })).toEqual({ reassignments: [] });
    const [decision] = await call<{ allowed: boolean; reason: string | null }[]>('tenancy:decisions', { profileId: 'prod', asks: [{ request: 'brokers:alter-config', input: { brokerId } }] });
    expect(decision).toMatchObject({ allowed: false, reason: notPart.message });
  });

  it("a tenant with one broker sees it, only its topics' partitions in the log dirs, and needs BROKER_EDIT to change it", async () => {
    await enter('Broker one');
    const list = await call<BrokerList>('brokers:list', { profileId: 'prod' });
    expect(list.brokers.map((broker) => broker.id)).toEqual([brokerId]);
    expect(list.quorum?.voters.map((voter) => voter.id)).toEqual([brokerId]);
    expect(entry(await call<BrokerConfigs>('brokers:configs', { profileId: 'prod', brokerId }), backoff)).toBeDefined();
    const logDirs = await call<BrokerLogDirs>('brokers:log-dirs', { profileId: 'prod', brokerId });
    const topics = new Set(logDirs.dirs.flatMap((dir) => dir.partitions.map((partition) => partition.topic)));
    expect([...topics]).toEqual([topic.pay]);
    expect(logDirs.dirs.reduce((sum, dir) => sum + dir.hiddenPartitions, 0)).toBeGreaterThan(0);
    expect(await refusal('brokers:alter-config', { profileId: 'prod', brokerId, set: { [backoff]: '2000000' } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('BROKER_EDIT') });
  });

  it('a tenant of the whole cluster may edit a broker (its policy allows BROKER_EDIT) but not the cluster-wide default', async () => {
    await enter('Ops');
    expect((await call<BrokerList>('brokers:list', { profileId: 'prod' })).brokers).toHaveLength(1);
    expect((await call<BrokerConfigPreview>('brokers:config-preview', { profileId: 'prod', brokerId, set: { [backoff]: '2000000' } })).rejected).toBeNull();
    expect(await refusal('brokers:alter-config', { profileId: 'prod', brokerId: null, set: { [backoff]: '2000000' } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('cluster-wide broker default') });
    await call('tenancy:detach-policy', { scope: 'profile', profileId: 'prod' });
  });
});

describe('odradek brokers', () => {
  function capturingIo() {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (text) => void out.push(text), err: (text) => void err.push(text), readInput: async (path) => readFileSync(path, 'utf8'), dataDir };
    return { io, out, err };
  }
  beforeAll(async () => {
    await cliServices(capturingIo().io).profiles.save({ draft: { ...emptyProfileDraft('cli', 'Brokers CLI'), bootstrapServers: bed.listeners.plaintext.split(',') } });
  });

  it('list --json is the brokers:list shape; the table has one row per broker and the quorum', async () => {
    const json = capturingIo();
    expect(await runCli(['brokers', 'list', '--profile', 'Brokers CLI', '--json'], json.io), json.err.join('\n')).toBe(0);
    const list = brokerListSchema.parse(JSON.parse(json.out.join('\n')));
    expect(list.brokers.map((broker) => broker.id)).toEqual([brokerId]);
    const text = capturingIo();
    expect(await runCli(['brokers', 'list', '--profile', 'Brokers CLI'], text.io)).toBe(0);
    expect(text.out.join('\n')).toMatch(new RegExp(`^${brokerId} +127\\.0\\.0\\.1:\\d+ +- +alive +yes `, 'm'));
    expect(text.out.join('\n')).toMatch(new RegExp(`^${brokerId} +leader +\\d+ +0 `, 'm'));
  });

  it('configs --json lists the entries; --changed leaves out defaults; bad flags exit 2', async () => {
    const json = capturingIo();
    expect(await runCli(['brokers', 'configs', '--profile', 'Brokers CLI', '--broker', String(brokerId), '--changed', '--json'], json.io), json.err.join('\n')).toBe(0);
    const configs = brokerConfigsSchema.parse(JSON.parse(json.out.join('\n')));
    expect(configs.entries.some((candidate) => candidate.name === 'node.id')).toBe(true);
    expect(configs.entries.every((candidate) => candidate.source !== 'default')).toBe(true);
    const bad = capturingIo();
    expect(await runCli(['brokers', 'configs', '--profile', 'Brokers CLI', '--broker', 'one'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--broker takes a broker id/);
    expect(await runCli(['brokers', 'configs', '--profile', 'Brokers CLI'], capturingIo().io)).toBe(2);
  });
});
