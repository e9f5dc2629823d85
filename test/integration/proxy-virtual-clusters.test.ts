// Through a real proxy: Kroxylicious 0.12.0 with its MultiTenant filter in front of the bed, virtual
// clusters alpha and beta on their own ports. Profiles whose bootstrap is a virtual cluster work like any
// cluster through main's real dispatcher (topics, producing, browsing, groups, offsets), each sees only
// its own topics and groups under their virtual names, and what the proxy does not support is refused
// naming the feature. One proxy for the file (or the kafka:up one, TESTBED_PROXY=1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GroupDetail, GroupListItem } from '../../shared/domain/groups/group-schemas';
import { emptyProfileDraft, type ProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { TopicDetail, TopicListItem } from '../../shared/domain/topics/topic-schemas';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { backingName, namesInVirtualCluster } from '../../shared/domain/proxy/virtual-clusters';
import { proxyForTests, type TestProxy } from '../../testbed/proxy-for-tests';
import { dispatcherCalls } from './support/dispatcher-calls';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'proxy-virtual-clusters' };
const run = `px${Date.now().toString(36)}`;

let proxy: TestProxy;
let dataDir: string;
let dispatcher: Dispatcher;
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);

async function openStream(name: string, request: unknown): Promise<StreamFrame[]> {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream(
    { name, request, credits: 100_000 },
    { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
    sender,
  );
  return frames;
}
async function items<T>(name: string, request: unknown): Promise<{ rows: T[]; end: StreamFrame | undefined }> {
  const frames = await openStream(name, request);
  return { rows: frames.flatMap((frame) => (frame.type === 'batch' ? (frame.items as T[]) : [])), end: frames.at(-1) };
}
async function topicNames(profileId: string): Promise<string[]> {
  const { rows, end } = await items<TopicListItem>('topics:list', { profileId, rateSampleMs: 0 });
  expect(end?.type, JSON.stringify(end)).toBe('done');
  return [...new Set(rows.map((row) => row.name))].filter((name) => name.includes(run)).sort();
}
async function groups(profileId: string): Promise<Map<string, GroupListItem>> {
  const { rows, end } = await items<GroupListItem>('groups:list', { profileId });
  expect(end?.type, JSON.stringify(end)).toBe('done');
  const merged = new Map<string, GroupListItem>();
  for (const row of rows) if (row.groupId.includes(run)) merged.set(row.groupId, { ...merged.get(row.groupId), ...row });
  return merged;
}

const virtual = (name: string) => proxy.info.virtualClusters.find((cluster) => cluster.name === name)!;
const profileFor = (id: string, bootstrap: string, vendor: ProfileDraft['vendor'] = { preset: 'kroxylicious' }): ProfileDraft => ({ ...emptyProfileDraft(id, `proxy ${id}`), bootstrapServers: [bootstrap], vendor });

/** A classic consumer group through the proxy that reads `count` records and commits. */
async function consumeThroughProxy(bootstrap: string, topic: string, groupId: string, count: number): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], clientId: 'proxy-test', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await consumer.run({ autoCommit: true, autoCommitThreshold: 1, eachMessage: async () => void (seen += 1) });
  const deadline = Date.now() + 30_000;
  while (seen < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await consumer.disconnect();
  expect(seen).toBe(count);
}

const orders = `${run}-orders`;
const payments = `${run}-payments`;
const reader = `${run}-reader`;

beforeAll(async () => {
  proxy = await proxyForTests(bed);
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-proxy-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  await call('profiles:save', { draft: profileFor('alpha', virtual('alpha').bootstrap) });
  await call('profiles:save', { draft: profileFor('beta', virtual('beta').bootstrap) });
  await call('profiles:save', { draft: profileFor('backing', bed.listeners.plaintext, { preset: 'apache-kafka' }) });
}, 120_000);
afterAll(async () => {
  await proxy?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('through Kroxylicious, each virtual cluster is a cluster of its own', () => {
  it('creates topics under virtual names; each lists only its own, the backing cluster has them prefixed', async () => {
    await call('topics:create', { profileId: 'alpha', name: orders, partitions: 2, configs: {} });
    await call('topics:create', { profileId: 'beta', name: orders, partitions: 1, configs: {} });
    await call('topics:create', { profileId: 'beta', name: payments, partitions: 1, configs: {} });
    expect(await topicNames('alpha')).toEqual([orders]);
    expect(await topicNames('beta')).toEqual([orders, payments].sort());
    expect(await topicNames('backing')).toEqual([`alpha-${orders}`, `beta-${orders}`, `beta-${payments}`].sort());
  });

  it('produces and browses through the proxy; the records land in the prefixed topic', async () => {
    for (const value of ['one', 'two', 'three']) await call('messages:produce', { profileId: 'alpha', topic: orders, key: value, value, partition: 0 });
    const { rows } = await items<{ value: { text?: string } | null; offset: string; partition: number }>('messages:browse', { profileId: 'alpha', topic: orders, limit: 10 });
    expect(rows.map((row) => row.offset)).toEqual(['0', '1', '2']);
    const backing = await items<{ offset: string }>('messages:browse', { profileId: 'backing', topic: `alpha-${orders}`, limit: 10 });
    expect(backing.rows).toHaveLength(3);
    const beta = await items<unknown>('messages:browse', { profileId: 'beta', topic: orders, limit: 10 });
    expect(beta.rows).toHaveLength(0);
  });

  it('topic detail: partitions and end offsets under the virtual name', async () => {
    const detail = await call<TopicDetail>('topics:detail', { profileId: 'alpha', topic: orders });
    expect(detail.name).toBe(orders);
    expect(detail.partitions.map((partition) => partition.partition)).toEqual([0, 1]);
  });

  it('groups: each virtual cluster lists only its own, with lag; offsets can be reset', async () => {
    await consumeThroughProxy(virtual('alpha').bootstrap, orders, reader, 3);
    const alpha = await groups('alpha');
    expect([...alpha.keys()]).toEqual([reader]);
    expect((await groups('beta')).size).toBe(0);
    expect([...(await groups('backing')).keys()]).toEqual([`alpha-${reader}`]);
    const detail = await call<GroupDetail>('groups:describe', { profileId: 'alpha', groupId: reader, rateSampleMs: 0 });
    expect(detail.totalLag).toBe(0);
    const request = { profileId: 'alpha', groupId: reader, scope: { kind: 'topic', topic: orders }, target: { kind: 'earliest' } };
    const preview = await call<{ fingerprint: string; rows: unknown[] }>('groups:reset-preview', request);
    await call('groups:reset-apply', { ...request, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: reader });
    expect((await call<GroupDetail>('groups:describe', { profileId: 'alpha', groupId: reader, rateSampleMs: 0 })).totalLag).toBe(3);
  });
});

describe('the backing cluster seen by virtual cluster (naming rules only; the switcher scope is not built)', () => {
  it('prefix + separator maps the backing names, offsets and group lag to exactly what the proxy client sees', async () => {
    const backingTopics = await items<TopicListItem>('topics:list', { profileId: 'backing', rateSampleMs: 0 });
    const backingNames = [...new Set(backingTopics.rows.map((row) => row.name))];
    for (const name of ['alpha', 'beta']) {
      const naming = { name, separator: proxy.info.separator };
      expect(namesInVirtualCluster(naming, backingNames).filter((topic) => topic.includes(run))).toEqual(await topicNames(name));
    }
    const naming = { name: 'alpha', separator: proxy.info.separator };
    const through = await call<TopicDetail>('topics:detail', { profileId: 'alpha', topic: orders });
    const direct = await call<TopicDetail>('topics:detail', { profileId: 'backing', topic: backingName(naming, orders) });
    expect(direct.partitions.map((partition) => [partition.startOffset, partition.endOffset])).toEqual(through.partitions.map((partition) => [partition.startOffset, partition.endOffset]));
    const lagThrough = (await call<GroupDetail>('groups:describe', { profileId: 'alpha', groupId: reader, rateSampleMs: 0 })).totalLag;
    const lagDirect = (await call<GroupDetail>('groups:describe', { profileId: 'backing', groupId: backingName(naming, reader), rateSampleMs: 0 })).totalLag;
    expect(lagDirect).toBe(lagThrough);
    expect(direct.groups.map((group) => group.groupId)).toEqual(through.groups.map((group) => backingName(naming, group.groupId)));
  });
});

describe('what the proxy does not carry is refused by name, never shown wrong', () => {
  it('topic list: no sizes (the log dirs name backing topics), the reason in the warnings', async () => {
    const { rows, end } = await items<TopicListItem>('topics:list', { profileId: 'alpha', rateSampleMs: 0 });
    expect(rows.filter((row) => row.name === orders && row.sizeBytes !== undefined && row.sizeBytes !== null)).toEqual([]);
    expect(end).toMatchObject({ type: 'done', summary: { warnings: [expect.stringMatching(/^Sizes on disk is unavailable behind this proxy \(Kroxylicious\): DescribeLogDirs/)] } });
  });

  it('topic detail: offsets and groups, configuration and sizes left out with the reason', async () => {
    const detail = await call<TopicDetail>('topics:detail', { profileId: 'alpha', topic: orders });
    expect(detail.partitions.map((partition) => [partition.startOffset, partition.endOffset, partition.sizeBytes])).toEqual([[0, 3, null], [0, 0, null]]);
    expect(detail.configs).toEqual([]);
    expect(detail.warnings).toEqual([
      'Sizes on disk is unavailable behind this proxy (Kroxylicious): DescribeLogDirs through it lists every virtual cluster’s partitions under their backing names.',
      'Topic configuration is unavailable behind this proxy (Kroxylicious): its MultiTenant filter passes DescribeConfigs to the cluster without the virtual cluster prefix.',
    ]);
  });

  it('config changes, partitions, purge, clone and group delete are refused before any request', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['topics:alter-config', { profileId: 'alpha', topic: orders, set: { 'retention.ms': '1000' }, reset: [] }, /^Changing topic configuration is unavailable behind this proxy/],
      ['topics:add-partitions', { profileId: 'alpha', topic: orders, totalPartitions: 3 }, /^Adding partitions is unavailable behind this proxy/],
      ['topics:purge', { profileId: 'alpha', topic: orders, upTo: { kind: 'all' }, confirmation: orders }, /^Purging records is unavailable behind this proxy/],
      ['topics:clone', { profileId: 'alpha', source: orders, target: `${orders}-copy`, confirmation: orders }, /^Topic configuration is unavailable behind this proxy/],
      ['groups:delete', { profileId: 'alpha', groupId: reader, confirmation: reader }, /^Deleting consumer groups is unavailable behind this proxy/],
    ];
    for (const [channel, input, message] of cases) {
      const error = await refusal(channel, input);
      expect(error.message, channel).toMatch(message);
      expect(error.code, channel).toBe('UNSUPPORTED');
    }
    // Nothing reached the backing cluster: the beta topic is untouched and alpha's partition count stands.
    expect((await call<TopicDetail>('topics:detail', { profileId: 'backing', topic: `alpha-${orders}` })).partitions).toHaveLength(2);
    expect(await topicNames('alpha')).toEqual([orders]);
  });
});
