// Consumer groups against the real one-node bed: every group type Kafka 4 has (classic, KIP-848
// consumer, share, a simple group that only committed offsets), live members with their assignments
// and epochs, lag against known offsets, a group the restricted principal may not describe (its row
// says why, the rest load), and a list of many groups — through the same handlers main registers.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GroupDetail, GroupListItem, GroupListProgress, GroupRow } from '../../shared/domain/groups/group-schemas';
import { channels, streams } from '../../shared/ipc/contract';
import type { StreamSink } from '../../shared/ipc/stream';
import { createGroupHandlers } from '../../electron/main/services/groups/group-handlers';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { createTopicHandlers } from '../../electron/main/services/topics/topic-handlers';
import type { TopicListItem } from '../../shared/domain/topics/topic-schemas';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { useArchiveOptions } from '../../testbed/cds';
import { commitGroupOffsets } from '../../testbed/groups';
import { createConsumerGroup, createTopics, grantAcl, produceWithKafkajs, revokeAcl, startConsoleConsumer, type AclGrant } from '../../testbed/helpers';
import { jvmOptions, log4jOptions } from '../../testbed/testbed';

const bed = inject('testbed');
const run = `g${Date.now().toString(36)}`;
const orders = `${run}-orders`;
const live = `${run}-live`;
const group = {
  simple: `${run}-simple`,
  classic: `${run}-classic`,
  kip848: `${run}-kip848`,
  liveClassic: `${run}-live-classic`,
  live848: `${run}-live-848`,
  share: `${run}-share`,
  secret: `secret-${run}`,
};
const MANY = 150;

const plaintext: KafkaConnectionSettings = { name: 'groups-test', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };
const restricted: KafkaConnectionSettings = {
  name: 'groups-restricted',
  bootstrapServers: bed.listeners.saslPlaintext.split(','),
  tls: null,
  sasl: { mechanism: 'scram-sha-512', username: bed.users.restricted.username, password: bed.users.restricted.password },
};
const settingsOf: Record<string, KafkaConnectionSettings> = { full: plaintext, restricted };
const { handlers, producers } = createGroupHandlers({ profiles: { resolveConnection: async (id) => settingsOf[id]! }, clock: systemClock });
const context = { sender: { kind: 'window' as const, webContentsId: 1, frameUrl: 'file:///' } };

async function describeGroup(groupId: string, profileId = 'full', rateSampleMs = 0): Promise<GroupDetail> {
  const input = channels['groups:describe'].input.parse({ profileId, groupId, rateSampleMs });
  return channels['groups:describe'].output.parse(await handlers['groups:describe'](input, context));
}

async function listGroups(profileId = 'full') {
  const frames: ({ type: 'batch'; items: GroupListItem[] } | { type: 'phase'; phase: string } | { type: 'progress'; progress: GroupListProgress })[] = [];
  const sink: StreamSink<GroupListItem, GroupListProgress> = {
    signal: new AbortController().signal,
    batch: async (items) => void frames.push({ type: 'batch', items: items.map((item) => streams['groups:list'].item.parse(item)) }),
    progress: (progress) => void frames.push({ type: 'progress', progress }),
    phase: (phase) => void frames.push({ type: 'phase', phase }),
  };
  const summary = streams['groups:list'].summary.parse(await producers['groups:list'](streams['groups:list'].request.parse({ profileId }), sink));
  const rows = new Map<string, GroupRow>();
  for (const frame of frames) if (frame.type === 'batch') for (const item of frame.items) rows.set(item.groupId, { ...rows.get(item.groupId), ...item } as GroupRow);
  return { frames, rows, summary };
}

/** ConsoleShareConsumer in the background: a share group with a live member while it runs. */
function startShareConsumer(groupId: string, topic: string): { stop(): Promise<void> } {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [
      ...jvmOptions('fast-start'), ...useArchiveOptions(bed.kafkaVersion), ...log4jOptions(bed.dataDir, 'tool'), '-cp', bed.classpath,
      'org.apache.kafka.tools.consumer.ConsoleShareConsumer', '--bootstrap-server', bed.listeners.plaintext, '--topic', topic, '--group', groupId,
    ],
    { stdio: 'ignore' },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const grants: AclGrant[] = [
  // Describing the cluster lets ListGroups name every group; DESCRIBE per group decides what else can be read.
  { resourceType: 'CLUSTER', resourceName: 'kafka-cluster', operations: ['DESCRIBE'] },
  { resourceType: 'GROUP', resourceName: `${run}-`, patternType: 'PREFIXED', operations: ['DESCRIBE'] },
  { resourceType: 'TOPIC', resourceName: `${run}-`, patternType: 'PREFIXED', operations: ['DESCRIBE'] },
];
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  await createTopics(bed, [
    { topic: orders, partitions: 3 },
    { topic: live, partitions: 2 },
  ]);
  // 10 records per partition of orders, 5 per partition of live.
  await produceWithKafkajs(bed, orders, Array.from({ length: 30 }, (_, index) => ({ key: `k${index}`, value: `v${index}`, partition: index % 3 })));
  await produceWithKafkajs(bed, live, Array.from({ length: 10 }, (_, index) => ({ value: `v${index}`, partition: index % 2 })));
  await commitGroupOffsets(bed, [
    { groupId: group.simple, offsets: [{ topic: orders, partition: 0, offset: 5 }, { topic: orders, partition: 1, offset: 2 }] },
    { groupId: group.secret, offsets: [{ topic: orders, partition: 2, offset: 1 }] },
    ...Array.from({ length: MANY }, (_, index) => ({ groupId: `${run}-many-${String(index).padStart(3, '0')}`, offsets: [{ topic: orders, partition: index % 3, offset: index % 10 }] })),
  ]);
  await Promise.all([
    createConsumerGroup(bed, { groupId: group.classic, topic: orders, consume: 4 }),
    createConsumerGroup(bed, { groupId: group.kip848, topic: orders, consume: 6, protocol: 'consumer' }),
  ]);
  running.push(
    startConsoleConsumer(bed, { groupId: group.liveClassic, topic: live }),
    startConsoleConsumer(bed, { groupId: group.live848, topic: live, protocol: 'consumer' }),
    startShareConsumer(group.share, live),
  );
  for (const grant of grants) await grantAcl(bed, grant);
}, 240_000);

afterAll(async () => {
  await Promise.all(running.map((consumer) => consumer.stop()));
  for (const grant of grants) await revokeAcl(bed, grant).catch(() => undefined);
});

describe('groups:list on the bed', () => {
  it('lists every type with its lag: classic, KIP-848 consumer, share, simple, many', async () => {
    await expect
      .poll(async () => {
        const { rows } = await listGroups();
        return [rows.get(group.liveClassic)?.members, rows.get(group.live848)?.members, rows.get(group.share)?.members];
      }, { timeout: 90_000, interval: 1_000 })
      .toEqual([1, 1, 1]);
    const { rows, summary, frames } = await listGroups();

    expect(rows.get(group.classic)).toMatchObject({ type: 'classic', brokerType: 'classic', protocolType: 'consumer', state: 'Empty', members: 0, topics: [orders], totalLag: 26, coordinator: 1, error: null });
    expect(rows.get(group.kip848)).toMatchObject({ type: 'consumer', brokerType: 'consumer', state: 'Empty', members: 0, topics: [orders], totalLag: 24, protocol: 'uniform', error: null });
    // OffsetCommit with generation −1 and no member: a group without protocol type or members.
    expect(rows.get(group.simple)).toMatchObject({ type: 'simple', protocolType: '', state: 'Empty', members: 0, topics: [orders], partitions: 2, totalLag: 13, maxLag: 8, error: null });
    expect(rows.get(group.liveClassic)).toMatchObject({ type: 'classic', state: 'Stable', members: 1, topics: [live], error: null });
    expect(rows.get(group.liveClassic)!.protocol).toMatch(/range|cooperative-sticky/);
    expect(rows.get(group.live848)).toMatchObject({ type: 'consumer', state: 'Stable', members: 1, topics: [live], error: null });
    expect(rows.get(group.share)).toMatchObject({ type: 'share', brokerType: 'share', protocolType: 'share', members: 1, topics: [live], error: null });
    for (let index = 0; index < MANY; index++) {
      expect(rows.get(`${run}-many-${String(index).padStart(3, '0')}`)).toMatchObject({ type: 'simple', partitions: 1, totalLag: 10 - (index % 10), maxLag: 10 - (index % 10) });
    }
    expect(summary.groups).toBe(rows.size);
    expect(summary.errors).toBe(0);

    // Rows first (type and state, no lag yet), then patches keyed by group id.
    const batches = frames.filter((frame) => frame.type === 'batch');
    const first = batches[0]!.items.find((item) => item.groupId === group.classic)!;
    expect(first).toMatchObject({ type: 'classic', totalLag: null, members: null });
    const phases = frames.filter((frame) => frame.type === 'phase').map((frame) => frame.phase);
    expect(phases).toEqual(['list', 'describe', 'offsets']);
  }, 120_000);

  it('gives a group the principal may not describe a row that says why, and loads the rest', async () => {
    let result: Awaited<ReturnType<typeof listGroups>> | undefined;
    await expect
      .poll(async () => {
        result = await listGroups('restricted');
        return result.rows.get(group.secret)?.error?.code;
      }, { timeout: 20_000, interval: 1_000 })
      .toBe('GROUP_AUTHORIZATION_FAILED');
    const { rows, summary } = result!;
    expect(rows.get(group.secret)!.error!.message).toBe(`User:restricted may not describe group '${group.secret}': it needs DESCRIBE on the group.`);
    expect(rows.get(group.secret)).toMatchObject({ members: null, totalLag: null });
    expect(rows.get(group.simple)).toMatchObject({ type: 'simple', totalLag: 13, error: null });
    expect(rows.get(group.classic)).toMatchObject({ totalLag: 26, error: null });
    expect(summary.errors).toBeGreaterThanOrEqual(1);

    const refusal = await describeGroup(group.secret, 'restricted').then(
      () => undefined,
      (error: { code: string; message: string }) => error,
    );
    expect(refusal).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(refusal!.message).toContain(`User:restricted may not describe group '${group.secret}'`);
  }, 60_000);
});

describe('the topic list and topic detail read groups through the same service', () => {
  const topics = createTopicHandlers({
    profiles: { get: async () => ({}) as never, resolveConnection: async () => plaintext },
    factory: createKafkaClientFactory(systemClock),
    clock: systemClock,
  });

  it("topics:list's lag phase sums every group's lag on the topic", async () => {
    const rows = new Map<string, TopicListItem>();
    const phases: string[] = [];
    const summary = await topics.producers['topics:list'](streams['topics:list'].request.parse({ profileId: 'full', rateSampleMs: 0 }), {
      signal: new AbortController().signal,
      batch: async (items) => {
        for (const item of items) rows.set(item.name, { ...rows.get(item.name), ...streams['topics:list'].item.parse(item) });
      },
      progress: () => undefined,
      phase: (phase) => void phases.push(phase),
    });
    expect(phases).toEqual(['metadata', 'sizes', 'offsets', 'lag']);
    // classic 26 + KIP-848 24 + simple 13 + the secret group 9 + the many groups 15 × (10 + 9 + … + 1).
    expect(rows.get(orders)!.consumerLag).toBe(26 + 24 + 13 + 9 + 15 * 55);
    expect(summary.phaseMs.lag).toBeGreaterThan(0);
  });

  it("topics:detail's consuming groups carry the same lag as the groups list", async () => {
    const detail = await topics.handlers['topics:detail']({ profileId: 'full', topic: orders }, context);
    const byId = new Map(detail.groups.map((entry) => [entry.groupId, entry]));
    expect(byId.get(group.classic)).toMatchObject({ state: 'Empty', members: 0, lag: 26 });
    expect(byId.get(group.kip848)).toMatchObject({ lag: 24 });
    expect(byId.get(group.simple)!.partitions).toEqual([
      { partition: 0, committed: 5, end: 10, lag: 5 },
      { partition: 1, committed: 2, end: 10, lag: 8 },
    ]);
    expect(detail.groups.filter((entry) => entry.groupId.startsWith(`${run}-many-`))).toHaveLength(MANY);
  });
});

describe('groups:describe on the bed', () => {
  it('a classic group with a live member: client, host, assignment, committed offsets per partition', async () => {
    const detail = await describeGroup(group.liveClassic);
    expect(detail).toMatchObject({ type: 'classic', state: 'Stable', coordinator: 1, groupEpoch: null });
    expect(detail.members).toHaveLength(1);
    const [member] = detail.members;
    expect(member).toMatchObject({ instanceId: null, memberEpoch: null, subscribedTopics: [live], assignment: [{ topic: live, partitions: [0, 1] }], targetAssignment: null });
    expect(member!.clientId).toMatch(/console-consumer/);
    expect(member!.host).toMatch(/127\.0\.0\.1/);
  });

  it('a KIP-848 consumer group: member epoch, assignment and target assignment, group and assignment epochs', async () => {
    const detail = await describeGroup(group.live848);
    expect(detail).toMatchObject({ type: 'consumer', protocolType: 'consumer', protocol: 'uniform', state: 'Stable' });
    expect(detail.groupEpoch).toBeGreaterThan(0);
    expect(detail.assignmentEpoch).toBe(detail.groupEpoch);
    const [member] = detail.members;
    expect(member!.memberEpoch).toBe(detail.groupEpoch);
    expect(member!.subscribedTopics).toEqual([live]);
    expect(member!.assignment).toEqual([{ topic: live, partitions: [0, 1] }]);
    expect(member!.targetAssignment).toEqual(member!.assignment);
    // Every assigned partition shows, with its owner, committed or not yet.
    expect(detail.offsets.map(({ topic, partition, owner }) => ({ topic, partition, owner }))).toEqual([
      { topic: live, partition: 0, owner: member!.memberId },
      { topic: live, partition: 1, owner: member!.memberId },
    ]);
  });

  it('a share group (KIP-932, enabled on 4.3 by the finalized share.version feature): its member, assignment and share-partition start offsets', async () => {
    // The coordinator assigns a share member its partitions a heartbeat after it joins.
    await expect.poll(async () => (await describeGroup(group.share)).members[0]?.assignment.length, { timeout: 30_000, interval: 500 }).toBe(1);
    const joined = await describeGroup(group.share);
    expect(joined).toMatchObject({ type: 'share', protocolType: 'share', state: 'Stable' });
    expect(joined.members[0]!.assignment).toEqual([{ topic: live, partitions: [0, 1] }]);
    expect(joined.members[0]!.memberEpoch).toBeGreaterThan(0);
    expect(joined.warnings).toContain("A share group commits no offsets: 'committed' is each share partition's start offset, below which every record is acknowledged.");
    // The share consumer starts at the end (share.auto.offset.reset=latest), so each share partition
    // starts at 5; records written now are delivered and acknowledged, and the start offset moves up to
    // 7 once the share coordinator records it. Either way lag is the end offset minus the start offset.
    await produceWithKafkajs(bed, live, Array.from({ length: 4 }, (_, index) => ({ value: `share ${index}`, partition: index % 2 })));
    let detail = joined;
    await expect
      .poll(async () => (detail = await describeGroup(group.share)).offsets.map(({ partition, end, owner }) => ({ partition, end, owner })), { timeout: 30_000, interval: 500 })
      .toEqual([0, 1].map((partition) => ({ partition, end: 7, owner: joined.members[0]!.memberId })));
    await expect.poll(async () => (detail = await describeGroup(group.share)).offsets.every((entry) => entry.committed !== null), { timeout: 30_000, interval: 500 }).toBe(true);
    for (const entry of detail.offsets) {
      expect(entry.committed).toBeGreaterThanOrEqual(5);
      expect(entry.committed).toBeLessThanOrEqual(7);
      expect(entry.lag).toBe(7 - entry.committed!);
    }
    expect(detail.totalLag).toBe(detail.offsets.reduce((sum, entry) => sum + entry.lag!, 0));
    const { rows } = await listGroups();
    expect(rows.get(group.share)).toMatchObject({ type: 'share', partitions: 2, topics: [live] });
    expect(rows.get(group.share)!.totalLag).toBeLessThanOrEqual(4);
  });

  it('committed offset, end offset, lag, metadata and leader epoch per partition; a rate from two reads', async () => {
    const detail = await describeGroup(group.kip848, 'full', 300);
    expect(detail.members).toEqual([]);
    expect(detail.offsets.map(({ partition, end, lag }) => ({ partition, end, lag }))).toEqual([
      { partition: 0, end: 10, lag: 10 - (detail.offsets[0]!.committed ?? 0) },
      { partition: 1, end: 10, lag: 10 - (detail.offsets[1]!.committed ?? 0) },
      { partition: 2, end: 10, lag: 10 - (detail.offsets[2]!.committed ?? 0) },
    ]);
    expect(detail.offsets.reduce((sum, entry) => sum + (entry.committed ?? 0), 0)).toBe(6);
    expect(detail.totalLag).toBe(24);
    // Nothing consumes between the two reads.
    for (const entry of detail.offsets) expect(entry.consumptionRate).toBe(0);
    // The Java consumer commits the leader epoch it read at; the bed's topic never changed leader.
    expect(detail.offsets.filter((entry) => entry.committed! > 0).every((entry) => entry.leaderEpoch === 0)).toBe(true);
    expect(detail.offsets.every((entry) => entry.metadata === '')).toBe(true);

    const simple = await describeGroup(group.simple);
    expect(simple).toMatchObject({ type: 'simple', protocolType: '', members: [], totalLag: 13, maxLag: 8 });
    expect(simple.offsets.map(({ partition, committed, lag }) => ({ partition, committed, lag }))).toEqual([
      { partition: 0, committed: 5, lag: 5 },
      { partition: 1, committed: 2, lag: 8 },
    ]);
  });

  it('says a missing group does not exist', async () => {
    await expect(describeGroup(`${run}-nobody`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
