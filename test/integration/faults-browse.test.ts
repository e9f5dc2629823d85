// Faults on the three-node bed (issue 15), one bed for the whole file: a broker killed during a browse
// (rows stay continuous per partition), a broker killed during a bulk produce with acks=all and
// idempotence (every acknowledged record on the topic exactly once), and a hung broker (SIGSTOP) under a
// metadata request (ends at its bound in words while main's event loop stays free). Each test restores
// the bed before it ends. Figures are printed at the end and recorded in docs/resilience.md.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import kafkajs from 'kafkajs';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseRequestSchema, type BrowseProgress, type BrowseRow } from '../../shared/domain/messages/browse-request';
import type { ProduceFileProgress } from '../../shared/domain/messages/produce-request';
import { emptyProfileDraft, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { streams } from '../../shared/ipc/contract';
import { StreamCancelledError, type StreamSink } from '../../shared/ipc/stream';
import { withAdminClient } from '../../electron/main/services/kafka/admin-session';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { openTopicsSession } from '../../electron/main/services/kafka/protocol/topics-batch';
import { browseMessages } from '../../electron/main/services/messages/browse-messages';
import { createProduceHandlers } from '../../electron/main/services/messages/produce-messages';
import { systemClock } from '../../electron/main/services/ports';
import { createTopic, kafkaConfig, killNode, pauseNode, produceMessages, resumeNode, startNode, uniqueTopic } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';

const { Kafka } = kafkajs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const figures: string[] = [];
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

let bed: Testbed;
let admin: Admin;
let settings: KafkaConnectionSettings;
let tempDir: string;

const leaderOf = async (topic: string, partition: number) =>
  (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader ?? -1;

/** Waits until every partition of the topic has all three replicas in sync again. */
async function waitFullIsr(topic: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const partitions = await admin.fetchTopicMetadata({ topics: [topic] }).then(
      (metadata) => metadata.topics[0]?.partitions ?? [],
      () => [],
    );
    if (partitions.length > 0 && partitions.every((p) => p.isr.length === 3 && p.leader >= 0)) return;
    if (Date.now() > deadline) throw new Error(`'${topic}' did not get its three in-sync replicas back`);
    await sleep(300);
  }
}

/** Every row's (partition, offset) once, and each partition's offsets contiguous from `from`. */
function checkContinuity(rows: BrowseRow[], from = 0): Map<number, number> {
  const perPartition = new Map<number, number[]>();
  for (const row of rows) perPartition.set(row.partition, [...(perPartition.get(row.partition) ?? []), Number(row.offset)]);
  const counts = new Map<number, number>();
  for (const [partition, offsets] of perPartition) {
    offsets.sort((a, b) => a - b);
    expect(new Set(offsets).size, `duplicate offsets in partition ${partition}`).toBe(offsets.length);
    expect(offsets[0], `partition ${partition} starts at ${from}`).toBe(from);
    expect(offsets.at(-1), `no missing offsets in partition ${partition}`).toBe(from + offsets.length - 1);
    counts.set(partition, offsets.length);
  }
  return counts;
}

async function browseAll(topic: string): Promise<BrowseRow[]> {
  const rows: BrowseRow[] = [];
  const sink: StreamSink<BrowseRow, BrowseProgress> = { signal: new AbortController().signal, batch: async (items) => void rows.push(...items), progress: () => undefined, phase: () => undefined };
  await browseMessages(settings, browseRequestSchema.parse({ profileId: 'faults', topic, limit: 100_000 }), sink, { clock: systemClock });
  return rows;
}

describe('faults on the three-node bed', () => {
  beforeAll(async () => {
    bed = await startTestbed({ nodes: 3 });
    console.log(`[testbed] 3-node Kafka ${bed.info.kafkaVersion} up in ${bed.timings.total} ms`);
    settings = { name: 'faults', bootstrapServers: bed.info.listeners.plaintext.split(','), tls: null, sasl: null };
    admin = new Kafka({ ...kafkaConfig(bed.info, 'plaintext'), retry: { retries: 10, maxRetryTime: 2000 } }).admin();
    await admin.connect();
    tempDir = await mkdtemp(path.join(tmpdir(), 'odradek-faults-'));
  }, 180_000);

  afterAll(async () => {
    console.log(`fault figures:\n${figures.join('\n')}`);
    await admin?.disconnect();
    await bed?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it('kill -9 of a partition leader during a browse: the browse resumes or ends in words; rows have no duplicate and no missing offset per partition', async () => {
    const topic = uniqueTopic('fault-browse');
    const total = 30_000;
    await createTopic(bed.info, { topic, partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    await produceMessages(bed.info, { topic, count: total, size: 100, acks: 'all' });
    // ProducerPerformance has no keys (sticky partitioning): kill the leader of the fullest partition.
    const ends = await admin.fetchTopicOffsets(topic);
    const fullest = ends.reduce((best, entry) => (Number(entry.high) > Number(best.high) ? entry : best)).partition;
    const victim = await leaderOf(topic, fullest);
    expect([1, 2, 3]).toContain(victim);

    const rows: BrowseRow[] = [];
    let killed = false;
    const abort = new AbortController();
    // A slow renderer: 50-row batches 15 ms apart keep the browse running for several seconds.
    const sink: StreamSink<BrowseRow, BrowseProgress> = {
      signal: abort.signal,
      async batch(items) {
        if (abort.signal.aborted) throw new StreamCancelledError();
        rows.push(...items);
        if (!killed && rows.length >= 3_000) {
          killed = true;
          await killNode(bed.info, victim);
        }
        await sleep(15);
      },
      progress: () => undefined,
      phase: () => undefined,
    };
    const started = Date.now();
    try {
      const outcome = await browseMessages(settings, browseRequestSchema.parse({ profileId: 'faults', topic, start: { kind: 'beginning' }, limit: 100_000 }), sink, {
        clock: systemClock,
        tuning: { batchMaxRows: 50 },
      }).then(
        (summary) => ({ ok: true as const, summary }),
        (error: Error) => ({ ok: false as const, error }),
      );
      const took = Date.now() - started;
      expect(killed).toBe(true);
      const counts = checkContinuity(rows);
      if (outcome.ok) {
        expect(outcome.summary.reason).toBe('end-of-range');
        expect(rows).toHaveLength(total);
        figures.push(`browse, leader of p${fullest} (node ${victim}) killed after 3,000 rows: resumed, ${rows.length} rows in ${took} ms, per partition ${JSON.stringify([...counts])}, 0 duplicated, 0 missing`);
      } else {
        // Ending is allowed only with words that say what is wrong.
        expect(outcome.error.message).toMatch(/leader|unreachable|broker|partition/i);
        figures.push(`browse, leader of p${fullest} (node ${victim}) killed: ended in ${took} ms with "${outcome.error.message}"; ${rows.length} rows returned, 0 duplicated, 0 missing within them`);
      }
    } finally {
      await startNode(bed.info, victim);
    }
    await waitFullIsr(topic);
  }, 240_000);

  it('kill -9 of a broker during a bulk produce (acks=all, idempotent): every acknowledged record is on the topic exactly once', async () => {
    const topic = uniqueTopic('fault-produce');
    const total = 20_000;
    await createTopic(bed.info, { topic, partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const file = path.join(tempDir, 'bulk.jsonl');
    await writeFile(file, Array.from({ length: total }, (_, index) => JSON.stringify({ key: `k-${index}`, value: `v-${index}-${'x'.repeat(80)}` })).join('\n') + '\n');
    const victim = await leaderOf(topic, 1);

    const draft = emptyProfileDraft('faults', 'faults');
    const profile = { ...draft, bootstrapServers: settings.bootstrapServers } as ConnectionProfile;
    const { producers } = createProduceHandlers({
      profiles: { get: async () => profile, resolveConnection: async () => settings },
      factory: createKafkaClientFactory(systemClock),
      clock: systemClock,
      dialogs: { chooseOpenPath: async () => file },
    });
    let killed: Promise<void> | undefined;
    let acknowledged = 0;
    const sink: StreamSink<never, ProduceFileProgress> = {
      signal: new AbortController().signal,
      batch: async () => undefined,
      progress: (frame) => {
        acknowledged = Math.max(acknowledged, frame.produced);
        if (!killed && frame.produced >= 2_000) killed = killNode(bed.info, victim);
      },
      phase: () => undefined,
    };
    const started = Date.now();
    let rows: BrowseRow[];
    try {
      const outcome = await producers['messages:produce-file'](streams['messages:produce-file'].request.parse({ profileId: 'faults', topic, acks: 'all', idempotent: true }), sink).then(
        (summary) => ({ ok: true as const, summary }),
        (error: Error) => ({ ok: false as const, error }),
      );
      const took = Date.now() - started;
      expect(killed).toBeDefined();
      await killed;
      await startNode(bed.info, victim);
      await waitFullIsr(topic);
      rows = await browseAll(topic);
      const offsets = await admin.fetchTopicOffsets(topic);
      const perPartition = [0, 1, 2].map((partition) => rows.filter((row) => row.partition === partition).length);
      console.log(`bulk produce diagnostics: end offsets ${JSON.stringify(offsets.map((entry) => [entry.partition, entry.low, entry.high]))}, rows per partition ${JSON.stringify(perPartition)}`);
      const keys = rows.map((row) => row.key?.text ?? '');
      const distinct = new Set(keys);
      const duplicated = keys.length - distinct.size;
      expect(duplicated, 'records on the topic twice').toBe(0);
      if (outcome.ok) {
        expect(outcome.summary).toMatchObject({ produced: total, failed: 0 });
        const lost = Array.from({ length: total }, (_, index) => `k-${index}`).filter((key) => !distinct.has(key));
        figures.push(
          `bulk produce of ${total} (acks=all, idempotent), node ${victim} (leader of p1) killed after 2,000: completed in ${took} ms, reported ${outcome.summary.produced} produced; on topic ${rows.length}, ${lost.length} lost${lost.length > 0 ? ` (first ${lost.slice(0, 3).join(', ')})` : ''}, 0 duplicated`,
        );
        // Before one send per partition (produce-messages.ts, byPartition) 698 of these were lost.
        expect(lost).toEqual([]);
      } else {
        expect(outcome.error.message).toMatch(/records were produced before this/);
        expect(distinct.size, 'every acknowledged record is on the topic').toBeGreaterThanOrEqual(acknowledged);
        figures.push(`bulk produce of ${total}, node ${victim} killed after 2,000: ended in ${took} ms with "${outcome.error.message.slice(0, 200)}"; acknowledged ${acknowledged}, on topic ${rows.length}, 0 duplicated`);
      }
      checkContinuity(rows);
    } finally {
      if (killed) await killed.catch(() => undefined);
      await startNode(bed.info, victim).catch(() => undefined);
    }
  }, 240_000);

  it('SIGSTOP of a broker: metadata requests end at their bound in words, main stays free (event loop never blocked; p99 reported), SIGCONT recovers', async () => {
    const hung = bed.info.nodes[1]!;
    const timeouts = { connectionTimeoutMs: 1_500, authenticationTimeoutMs: 1_500, requestTimeoutMs: 2_000, retries: 0 };
    const base = createKafkaClientFactory(systemClock);
    const factory = { create: (given: KafkaConnectionSettings) => base.create(given, timeouts) };
    const onlyHung: KafkaConnectionSettings = { ...settings, bootstrapServers: hung.listeners.plaintext.split(',') };
    const paths = {
      /** The topic list's protocol module, bootstrapping from the hung broker. */
      topicList: async () => {
        const session = await openTopicsSession(onlyHung, systemClock, timeouts);
        try {
          return session.metadata.topics.length;
        } finally {
          await session.close().catch(() => undefined);
        }
      },
      /** Main's admin round (kafkajs) asking the hung broker for metadata. */
      admin: () => withAdminClient(factory, onlyHung, 'Reading topic metadata', async (client) => (await client.fetchTopicMetadata()).topics.length),
    };
    expect(await paths.topicList()).toBeGreaterThanOrEqual(0);

    pauseNode(bed.info, hung.id);
    let outcomes: string[];
    let took: number;
    let p99: number;
    let max: number;
    try {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const started = Date.now();
      outcomes = await Promise.all(
        Object.values(paths).map((run) =>
          run().then(
            (count) => `answered ${count}`,
            (error: Error) => `${error.name}: ${error.message}`,
          ),
        ),
      );
      took = Date.now() - started;
      delay.disable();
      p99 = delay.percentile(99) / 1e6;
      max = delay.max / 1e6;
    } finally {
      resumeNode(bed.info, hung.id);
    }
    figures.push(`SIGSTOP of node ${hung.id}: topic list + admin metadata at once ended in ${took} ms; event-loop delay p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; ${outcomes.map((outcome) => outcome.slice(0, 140)).join(' | ')}`);
    for (const outcome of outcomes) expect(outcome).toMatch(/timed out|timeout/i);
    expect(took).toBeLessThan(12_000);
    // The goal (p99 < 50 ms) is a figure, reported above and in docs/resilience.md, not a timed test: a GC
    // pause on a loaded 2-core CI machine can cross it. A loop that the fault blocks shows seconds.
    expect(p99).toBeLessThan(500);

    // SIGCONT: the same requests answer again.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        expect(await paths.topicList()).toBeGreaterThanOrEqual(0);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(300);
      }
    }
  }, 120_000);

  it('no unhandled rejection in the process', () => {
    expect(unhandled).toEqual([]);
  });
});
