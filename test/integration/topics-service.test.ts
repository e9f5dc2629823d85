// Topic management against the real bed: the streamed list's phases and numbers, the detail view with
// a group's lag, every action, the profile's safety refusals and Kafka's refusals in plain words.
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft, type ConnectionProfile, type ProfileAction } from '../../shared/domain/profile/profile-schema';
import type { TopicListItem } from '../../shared/domain/topics/topic-schemas';
import { channels, streams } from '../../shared/ipc/contract';
import type { StreamSink } from '../../shared/ipc/stream';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { createTopicHandlers } from '../../electron/main/services/topics/topic-handlers';
import type { TopicListProgress } from '../../electron/main/services/topics/topic-list';
import { adminClient, createTopics, kafkaConfig, produceWithKafkajs } from '../../testbed/helpers';

const bed = inject('testbed');
const run = `r${Date.now().toString(36)}`;
const topicName = (name: string) => `topics-${name}-${run}`;

const plaintext: KafkaConnectionSettings = { name: 'topics-test', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };
const restricted: KafkaConnectionSettings = {
  name: 'topics-restricted',
  bootstrapServers: bed.listeners.saslPlaintext.split(','),
  tls: null,
  sasl: { mechanism: 'scram-sha-512', username: bed.users.restricted.username, password: bed.users.restricted.password },
};

function profile(id: string, safety: Partial<ConnectionProfile['safety']> = {}): ConnectionProfile {
  const draft = emptyProfileDraft(id, id);
  return { ...draft, bootstrapServers: plaintext.bootstrapServers, safety: { ...draft.safety, ...safety } } as ConnectionProfile;
}
const profiles: Record<string, { profile: ConnectionProfile; settings: KafkaConnectionSettings }> = {
  full: { profile: profile('full'), settings: plaintext },
  'read-only': { profile: profile('read-only', { readOnly: true }), settings: plaintext },
  'no-delete': { profile: profile('no-delete', { allowedActions: ['create-topics', 'edit-topics'] satisfies ProfileAction[] }), settings: plaintext },
  restricted: { profile: profile('restricted'), settings: restricted },
};

const { handlers, producers } = createTopicHandlers({
  profiles: {
    get: async (id) => profiles[id]!.profile,
    resolveConnection: async (id) => profiles[id]!.settings,
  },
  factory: createKafkaClientFactory(systemClock),
  clock: systemClock,
});
const context = { sender: { kind: 'window' as const, webContentsId: 1, frameUrl: 'file:///' } };

/** Calls a handler and checks its reply against the contract, as the dispatcher does. */
async function call<C extends keyof typeof handlers>(channel: C, input: unknown) {
  const parsed = channels[channel].input.parse(input);
  const output = await (handlers[channel] as (input: unknown, ctx: typeof context) => Promise<unknown>)(parsed, context);
  return channels[channel].output.parse(output) as Awaited<ReturnType<(typeof handlers)[C]>>;
}
async function failureOf(channel: keyof typeof handlers, input: unknown) {
  const error = await call(channel, input).then(
    () => undefined,
    (failure: unknown) => failure as { code: string; message: string },
  );
  expect(error, `${channel} should have failed`).toBeDefined();
  return error!;
}

async function listTopics(rateSampleMs: number) {
  const frames: ({ type: 'batch'; items: TopicListItem[] } | { type: 'phase'; phase: string } | { type: 'progress'; progress: TopicListProgress })[] = [];
  const sink: StreamSink<TopicListItem, TopicListProgress> = {
    signal: new AbortController().signal,
    batch: async (items) => void frames.push({ type: 'batch', items }),
    progress: (progress) => void frames.push({ type: 'progress', progress }),
    phase: (phase) => void frames.push({ type: 'phase', phase }),
  };
  const request = streams['topics:list'].request.parse({ profileId: 'full', rateSampleMs });
  const summary = streams['topics:list'].summary.parse(await producers['topics:list'](request, sink));
  for (const frame of frames) if (frame.type === 'batch') for (const item of frame.items) streams['topics:list'].item.parse(item);
  const rows = new Map<string, TopicListItem>();
  for (const frame of frames) if (frame.type === 'batch') for (const item of frame.items) rows.set(item.name, { ...rows.get(item.name), ...item });
  return { frames, rows, summary };
}

const configOf = async (topic: string) => {
  const detail = await call('topics:detail', { profileId: 'full', topic });
  return new Map(detail.configs.map((entry) => [entry.name, entry]));
};

describe('topics:list', () => {
  const counted = topicName('counted');
  const busy = topicName('busy');
  beforeAll(async () => {
    await createTopics(bed, [
      { topic: counted, partitions: 3 },
      { topic: busy, partitions: 2 },
    ]);
    await produceWithKafkajs(bed, counted, Array.from({ length: 150 }, (_, index) => ({ value: `record ${index}`, partition: index % 3 })));
    // A fresh bed creates __consumer_offsets only when a group first commits.
    const admin = await adminClient(bed);
    await admin.setOffsets({ groupId: `list-${run}`, topic: counted, partitions: [{ partition: 0, offset: '1' }] }).finally(() => admin.disconnect());
  });

  it('sends full rows from metadata first, then sizes, counts and rates as patches, with the right numbers', async () => {
    const producer = new Kafka(kafkaConfig(bed, 'plaintext')).producer();
    await producer.connect();
    let producing = true;
    const writes = (async () => {
      while (producing) {
        await producer.send({ topic: busy, messages: Array.from({ length: 20 }, (_, index) => ({ value: `busy ${index}` })) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      const { frames, rows, summary } = await listTopics(1_000);
      expect(frames.filter((frame) => frame.type === 'phase').map((frame) => (frame as { phase: string }).phase)).toEqual(['metadata', 'sizes', 'offsets', 'lag', 'rates']);
      const firstBatch = frames.find((frame) => frame.type === 'batch') as { items: TopicListItem[] };
      expect(firstBatch.items.find((item) => item.name === counted)).toEqual({
        name: counted,
        internal: false,
        partitions: 3,
        replicationFactor: 1,
        underReplicated: 0,
        offline: 0,
        sizeBytes: null,
        messages: null,
        writeRate: null,
      });
      expect(rows.get(counted)).toMatchObject({ messages: 150, writeRate: 0 });
      expect(rows.get(counted)!.sizeBytes).toBeGreaterThan(0);
      expect(rows.get(busy)!.writeRate).toBeGreaterThan(0);
      expect(rows.get('__consumer_offsets')?.internal).toBe(true);
      expect(summary.warnings).toEqual([]);
      expect(Object.keys(summary.phaseMs)).toEqual(['metadata', 'sizes', 'offsets', 'lag', 'rates']);
    } finally {
      producing = false;
      await writes;
      await producer.disconnect();
    }
  });
});

describe('topic actions', () => {
  it('creates a topic with partitions, replication factor and configs, and refuses a second one by the same name', async () => {
    const name = topicName('created');
    expect(await call('topics:create', { profileId: 'full', name, partitions: 4, replicationFactor: 1, configs: { 'retention.ms': '3600000' } })).toEqual({
      name,
      partitions: 4,
      replicationFactor: 1,
      warnings: [],
    });
    const detail = await call('topics:detail', { profileId: 'full', topic: name });
    expect(detail.partitions.map((partition) => partition.replicas.length)).toEqual([1, 1, 1, 1]);
    expect(detail.configs.find((entry) => entry.name === 'retention.ms')).toMatchObject({ value: '3600000', isOverride: true, source: 'topic' });
    expect(detail.configs.find((entry) => entry.name === 'segment.bytes')).toMatchObject({ isOverride: false, source: 'default' });

    const again = await failureOf('topics:create', { profileId: 'full', name, configs: {} });
    expect(again).toMatchObject({ code: 'CONFLICT', message: `Creating topic '${name}' failed: topic already exists.` });
  });

  it('refuses illegal names in the contract and a replication factor above the broker count in plain words', async () => {
    expect(() => channels['topics:create'].input.parse({ profileId: 'full', name: 'bad/name' })).toThrow(/letters, digits/);
    const tooMany = await failureOf('topics:create', { profileId: 'full', name: topicName('rf3'), partitions: 1, replicationFactor: 3 });
    expect(tooMany.code).toBe('INVALID_INPUT');
    expect(tooMany.message).toMatch(/invalid replication factor/);
  });

  it('adds partitions, and explains that a count can only grow', async () => {
    const name = topicName('grow');
    await createTopics(bed, [{ topic: name, partitions: 2 }]);
    expect(await call('topics:add-partitions', { profileId: 'full', topic: name, totalPartitions: 5 })).toEqual({ partitions: 5 });
    expect((await call('topics:detail', { profileId: 'full', topic: name })).partitions).toHaveLength(5);
    const shrink = await failureOf('topics:add-partitions', { profileId: 'full', topic: name, totalPartitions: 3 });
    expect(shrink.message).toMatch(/has 5 partitions and Kafka can only add partitions/);
  });

  it('changes configuration incrementally: other overrides stay untouched', async () => {
    const name = topicName('config');
    await createTopics(bed, [{ topic: name, partitions: 1, configs: { 'retention.ms': '7200000', 'cleanup.policy': 'compact', 'max.message.bytes': '200000' } }]);
    expect(await call('topics:alter-config', { profileId: 'full', topic: name, set: { 'max.message.bytes': '300000' }, reset: ['retention.ms'] })).toEqual({
      changed: ['max.message.bytes', 'retention.ms'],
    });
    const config = await configOf(name);
    expect(config.get('max.message.bytes')).toMatchObject({ value: '300000', isOverride: true });
    expect(config.get('cleanup.policy')).toMatchObject({ value: 'compact', isOverride: true });
    expect(config.get('retention.ms')).toMatchObject({ value: '604800000', isOverride: false });
    const invalid = await failureOf('topics:alter-config', { profileId: 'full', topic: name, set: { 'cleanup.policy': 'shred' } });
    expect(invalid.message).toMatch(/invalid configuration/);
  });

  it('purges records up to an offset, then all of them', async () => {
    const name = topicName('purge');
    await createTopics(bed, [{ topic: name, partitions: 2 }]);
    await produceWithKafkajs(bed, name, Array.from({ length: 40 }, (_, index) => ({ value: `p ${index}`, partition: index % 2 })));
    expect(await call('topics:purge', { profileId: 'full', topic: name, upTo: { kind: 'offsets', offsets: [{ partition: 0, offset: 5 }] } })).toEqual({
      partitions: [{ partition: 0, startBefore: 0, startAfter: 5 }],
    });
    // Compared with the end offsets rather than 20 each: a producer retry under load may duplicate a batch.
    const ends = (await call('topics:detail', { profileId: 'full', topic: name })).partitions.map((partition) => partition.endOffset);
    const all = await call('topics:purge', { profileId: 'full', topic: name, upTo: { kind: 'all' } });
    expect(all.partitions.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 0, startBefore: 5, startAfter: ends[0] },
      { partition: 1, startBefore: 0, startAfter: ends[1] },
    ]);
  });

  it("clones a topic's overrides, partition count and replication factor into a new topic", async () => {
    const source = topicName('clone-src');
    const target = topicName('clone-dst');
    await createTopics(bed, [{ topic: source, partitions: 3, configs: { 'retention.bytes': '1048576', 'compression.type': 'lz4' } }]);
    expect(await call('topics:clone', { profileId: 'full', source, target })).toEqual({ name: target, partitions: 3, replicationFactor: 1, warnings: [] });
    const config = await configOf(target);
    expect(config.get('retention.bytes')).toMatchObject({ value: '1048576', isOverride: true });
    expect(config.get('compression.type')).toMatchObject({ value: 'lz4', isOverride: true });
    expect((await call('topics:detail', { profileId: 'full', topic: target })).partitions).toHaveLength(3);
  });

  it('deletes only with the typed name as confirmation', async () => {
    const name = topicName('doomed');
    await createTopics(bed, [{ topic: name, partitions: 1 }]);
    const wrong = await failureOf('topics:delete', { profileId: 'full', topic: name, confirmation: 'doomed' });
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Type the topic name .* exactly/) });
    expect(await call('topics:delete', { profileId: 'full', topic: name, confirmation: name })).toEqual({ deleted: true });
    const admin = await adminClient(bed);
    try {
      expect(await admin.listTopics()).not.toContain(name);
    } finally {
      await admin.disconnect();
    }
  });
});

describe('topics:detail', () => {
  it('shows partitions with offsets and sizes, and the groups reading the topic with their lag', async () => {
    const name = topicName('lagging');
    const groupId = `group-${run}`;
    await createTopics(bed, [{ topic: name, partitions: 2 }]);
    await produceWithKafkajs(bed, name, Array.from({ length: 30 }, (_, index) => ({ value: `l ${index}`, partition: index % 2 })));
    const admin = await adminClient(bed);
    try {
      await admin.setOffsets({ groupId, topic: name, partitions: [{ partition: 0, offset: '5' }, { partition: 1, offset: '15' }] });
    } finally {
      await admin.disconnect();
    }
    const detail = await call('topics:detail', { profileId: 'full', topic: name });
    expect(detail.partitions.map(({ partition, startOffset, endOffset, leader }) => ({ partition, startOffset, endOffset, leader }))).toEqual([
      { partition: 0, startOffset: 0, endOffset: 15, leader: bed.nodes[0]!.id },
      { partition: 1, startOffset: 0, endOffset: 15, leader: bed.nodes[0]!.id },
    ]);
    expect(detail.partitions.every((partition) => (partition.sizeBytes ?? 0) > 0)).toBe(true);
    expect(detail.groups).toEqual([
      {
        groupId,
        state: 'Empty',
        members: 0,
        lag: 10,
        partitions: [
          { partition: 0, committed: 5, end: 15, lag: 10 },
          { partition: 1, committed: 15, end: 15, lag: 0 },
        ],
      },
    ]);
  });
});

describe('safety and authorization', () => {
  const name = topicName('guarded');
  beforeAll(() => createTopics(bed, [{ topic: name, partitions: 1 }]));
  afterAll(async () => {
    const admin = await adminClient(bed);
    await admin.deleteTopics({ topics: [name] }).finally(() => admin.disconnect());
  });

  it.each([
    ['topics:create', { name: topicName('never'), configs: {} }],
    ['topics:delete', { topic: name, confirmation: name }],
    ['topics:add-partitions', { topic: name, totalPartitions: 2 }],
    ['topics:alter-config', { topic: name, set: { 'retention.ms': '1000' } }],
    ['topics:purge', { topic: name, upTo: { kind: 'all' } }],
    ['topics:clone', { source: name, target: topicName('never-clone') }],
  ] as const)('a read-only profile refuses %s in main', async (channel, input) => {
    const refusal = await failureOf(channel, { profileId: 'read-only', ...input });
    expect(refusal).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/^Profile 'read-only' is read-only, so Odradek will not/) });
  });

  it('a profile without delete-topics refuses delete and purge but allows edits', async () => {
    for (const [channel, input] of [
      ['topics:delete', { topic: name, confirmation: name }],
      ['topics:purge', { topic: name, upTo: { kind: 'all' } }],
    ] as const) {
      expect(await failureOf(channel, { profileId: 'no-delete', ...input })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/does not allow the 'delete-topics' action/) });
    }
    expect(await call('topics:alter-config', { profileId: 'no-delete', topic: name, set: { 'retention.ms': '86400000' } })).toEqual({ changed: ['retention.ms'] });
  });

  it("reports the broker's authorization refusal with the principal", async () => {
    const refusal = await failureOf('topics:create', { profileId: 'restricted', name: topicName('unauthorized'), partitions: 1, replicationFactor: 1 });
    expect(refusal.message).toBe(`Creating topic '${topicName('unauthorized')}' failed: not authorized: TOPIC_AUTHORIZATION_FAILED for User:restricted.`);
  });
});
