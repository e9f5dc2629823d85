// Lag over time on the real bed: main's sampler (short interval, small window) watching four real
// consumers — one that catches up, one that falls behind, one that stalls (paused, still a member) and
// one that stops (left the group) — and the verdicts the health rules give on what it sampled. Also:
// sampling stops as soon as nobody watches. RECORD_LAG_SEQUENCES=1 prints the sampled sequences in the
// shape of shared/domain/groups/lag-health.fixtures.ts.
import { Kafka, type Consumer, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GroupLagFrame, LagWatchItem } from '../../shared/domain/groups/lag-history';
import { lagWatchItemSchema, lagWatchRequestSchema } from '../../shared/domain/groups/lag-history';
import type { LagHealthVerdict } from '../../shared/domain/groups/group-schemas';
import { createLagHistory, type LagSnapshotReader } from '../../electron/main/services/groups/group-lag-history';
import { createLagSnapshotReader } from '../../electron/main/services/groups/group-lag-reader';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { createTopics, kafkaConfig, produceWithKafkajs } from '../../testbed/helpers';

const bed = inject('testbed');
const run = `l${Date.now().toString(36)}`;
const settings: KafkaConnectionSettings = { name: 'groups-lag', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };
const scenarios = ['catches-up', 'falls-behind', 'stalls', 'stops'] as const;
type Scenario = (typeof scenarios)[number];
const topicOf = (scenario: Scenario) => `lag${run}-${scenario}`;
const groupOf = (scenario: Scenario) => `lag${run}-${scenario}-group`;
const expected: Record<Scenario, LagHealthVerdict> = { 'catches-up': 'ok', 'falls-behind': 'warning', stalls: 'stall', stops: 'stopped' };

const INTERVAL_MS = 300;
const WINDOW = 6;
const kafka = new Kafka(kafkaConfig(bed, 'plaintext', { clientId: 'groups-lag-test' }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let reads = 0;
const baseReader = createLagSnapshotReader({ profiles: { resolveConnection: async () => settings }, clock: systemClock });
const reader: LagSnapshotReader = { read: (profileId, groupIds) => ((reads += 1), baseReader.read(profileId, groupIds)) };
const history = createLagHistory({ reader, clock: systemClock });

const consumers = new Map<Scenario, Consumer>();
let producer: Producer;
let writing = true;
let writer: Promise<void>;

/** A consumer that sleeps `perMessageMs` per record and commits every 100 ms. */
async function startConsumer(scenario: Scenario, perMessageMs: number): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: groupOf(scenario), sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: topicOf(scenario), fromBeginning: true });
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => void (perMessageMs > 0 ? await sleep(perMessageMs) : undefined) });
  consumers.set(scenario, consumer);
  return consumer;
}

beforeAll(async () => {
  await createTopics(bed, scenarios.map((scenario) => ({ topic: topicOf(scenario), partitions: 1 })));
  await produceWithKafkajs(bed, topicOf('catches-up'), Array.from({ length: 1_500 }, (_, index) => ({ value: `c${index}` })));
  for (const scenario of ['stalls', 'stops'] as const) await produceWithKafkajs(bed, topicOf(scenario), Array.from({ length: 10 }, (_, index) => ({ value: `s${index}` })));
  producer = kafka.producer();
  await producer.connect();
});

afterAll(async () => {
  writing = false;
  await writer?.catch(() => undefined);
  await producer?.disconnect();
  await Promise.all([...consumers.values()].map((consumer) => consumer.disconnect().catch(() => undefined)));
});

describe('lag health on real sequences', () => {
  it('a consumer that catches up is OK with a catch-up estimate; one that falls behind is WARNING; paused is STALL; gone is STOPPED', async () => {
    await startConsumer('falls-behind', 25);
    const stalls = await startConsumer('stalls', 0);
    const stops = await startConsumer('stops', 0);
    // Both read their first records (lag 0) before the one pauses and the other leaves.
    const committedAll = async (scenario: Scenario) => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        return Number((await admin.fetchOffsets({ groupId: groupOf(scenario), topics: [topicOf(scenario)] }))[0]?.partitions[0]?.offset ?? -1) === 10;
      } finally {
        await admin.disconnect();
      }
    };
    await expect.poll(() => committedAll('stalls'), { timeout: 30_000, interval: 200 }).toBe(true);
    await expect.poll(() => committedAll('stops'), { timeout: 30_000, interval: 200 }).toBe(true);
    stalls.pause([{ topic: topicOf('stalls') }]);
    await stops.disconnect();
    consumers.delete('stops');

    writer = (async () => {
      for (let round = 0; writing; round++) {
        await producer.send({ topic: topicOf('falls-behind'), messages: Array.from({ length: 40 }, (_, index) => ({ value: `f${round}-${index}` })) });
        for (const scenario of ['stalls', 'stops'] as const) await producer.send({ topic: topicOf(scenario), messages: [{ value: `w${round}` }, { value: `x${round}` }] });
        await sleep(200);
      }
    })();

    const frames: GroupLagFrame[][] = [];
    const request = lagWatchRequestSchema.parse({ profileId: 'lag', groupIds: scenarios.map(groupOf), intervalMs: INTERVAL_MS, windowSamples: WINDOW, detail: true });
    const seen = new Map<Scenario, GroupLagFrame>();
    const watch = history.watch(request, (item: LagWatchItem) => {
      lagWatchItemSchema.parse(item);
      if (item.kind !== 'sample') return;
      frames.push(item.groups);
      for (const scenario of scenarios) {
        const frame = item.groups.find((group) => group.groupId === groupOf(scenario))!;
        // The first verdict of the expected kind (catching up: while lag is still above zero).
        if (!seen.has(scenario) && frame.health.verdict === expected[scenario] && (scenario !== 'catches-up' || (frame.lag ?? 0) > 0)) seen.set(scenario, frame);
      }
    });
    // Started once the sampler runs, so its whole catch-up (about 1,500 records at a few ms each) is sampled.
    await startConsumer('catches-up', 3);
    try {
      await expect.poll(() => scenarios.filter((scenario) => seen.has(scenario)), { timeout: 45_000, interval: 250 }).toEqual([...scenarios]);
    } finally {
      watch.stop();
    }

    const catches = seen.get('catches-up')!;
    expect(catches.health.reason).toMatch(/^All 1 partition OK; total lag [\d,]+\.$/);
    expect(catches.partitions![0]!.reason).toMatch(/^Consuming: lag is falling/);
    expect(catches.health.catchUpSeconds).toBeGreaterThan(0);
    expect(seen.get('falls-behind')!.partitions![0]!.reason).toMatch(/^Falling behind: lag grew from [\d,]+ to [\d,]+ over .+ at every commit, although [\d,]+ records were committed\.$/);
    expect(seen.get('falls-behind')!.health.catchUpSeconds).toBeNull();
    expect(seen.get('stalls')!.health.reason).toMatch(new RegExp(`^1 of 1 partition stalled \\(${topicOf('stalls')}-0\\)\\. .*The group has a member, but the committed offset stayed at 10 for .+ while lag is [\\d,]+\\.$`));
    expect(seen.get('stalls')!.members).toBe(1);
    expect(seen.get('stops')!.health.reason).toMatch(/No commits for .+ \(the whole window\) and lag is [\d,]+; no member is consuming\.$/);
    expect(seen.get('stops')!.members).toBe(0);

    // The group's history: one point per sample, rates from the offsets' deltas.
    const behind = history.history('lag', groupOf('falls-behind'));
    expect(behind.points.length).toBeGreaterThanOrEqual(WINDOW);
    expect(behind.topics.map((topic) => topic.topic)).toEqual([topicOf('falls-behind')]);
    const rated = behind.points.filter((point) => point.writeRate !== null && point.consumptionRate !== null);
    expect(rated.length).toBeGreaterThan(2);
    expect(Math.max(...rated.map((point) => point.writeRate!))).toBeGreaterThan(Math.max(...rated.map((point) => point.consumptionRate!)));

    if (process.env['RECORD_LAG_SEQUENCES'] === '1') {
      const recorded = scenarios.map((scenario) => {
        const frame = seen.get(scenario)!;
        const upTo = frames.findIndex((groups) => groups.includes(frame));
        const samples = frames
          .slice(0, upTo + 1)
          .map((groups) => groups.find((group) => group.groupId === groupOf(scenario))!)
          .filter((group) => group.partitions?.[0]?.committed !== null && group.partitions?.[0] !== undefined)
          .slice(-WINDOW)
          .map((group) => ({ at: group.at, committed: group.partitions![0]!.committed, end: group.partitions![0]!.end! }));
        return { name: scenario, members: frame.members ?? 0, expected: expected[scenario], partitions: [{ topic: scenario, partition: 0, samples }] };
      });
      console.log(JSON.stringify(recorded));
    }
  });

  it('samples only while someone watches', async () => {
    const request = lagWatchRequestSchema.parse({ profileId: 'idle', groupIds: [groupOf('stops')], intervalMs: 200 });
    const first = history.watch(request, () => undefined);
    const second = history.watch({ ...request, intervalMs: 250 }, () => undefined);
    await expect.poll(() => history.sampling()).toEqual(['idle']);
    first.stop();
    expect(history.sampling()).toEqual(['idle']);
    second.stop();
    expect(history.sampling()).toEqual([]);
    // Let a read that was already under way finish, then no further reads happen.
    await sleep(400);
    const after = reads;
    await sleep(1_000);
    expect(reads).toBe(after);
    expect(history.history('idle', groupOf('stops'))).toMatchObject({ sampling: false });
  });
});
