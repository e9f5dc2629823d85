// P2: the topic list at 10,000 topics / 20,000 partitions through the app's `topics:list` path (the
// same producer the IPC stream runs), against `kcat -L` fetching the full metadata, on a bed of its
// own. Topics that already exist are not created again. BENCH_P2_TOPICS scales it down;
// BENCH_P2_BOOTSTRAP=host:port,... measures a cluster that is already up instead (its topics are left).
import { spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { emptyProfileDraft, type ConnectionProfile } from '../shared/domain/profile/profile-schema';
import type { TopicListItem } from '../shared/domain/topics/topic-schemas';
import { streams } from '../shared/ipc/contract';
import type { StreamSink } from '../shared/ipc/stream';
import { createKafkaClientFactory } from '../electron/main/services/kafka/client-factory';
import { openTopicsSession } from '../electron/main/services/kafka/protocol/topics-batch';
import type { KafkaConnectionSettings } from '../electron/main/services/kafka/connection-settings';
import { systemClock } from '../electron/main/services/ports';
import { createTopicHandlers } from '../electron/main/services/topics/topic-handlers';
import type { TopicListProgress } from '../electron/main/services/topics/topic-list';
import { startTestbed } from '../testbed/testbed';
import type { Benchmark, BenchRow } from './types';

const TOPICS = Number(process.env['BENCH_P2_TOPICS'] ?? 10_000);
const PARTITIONS_PER_TOPIC = 2;
const CREATE_BATCH = 500;
const WRITTEN_EVERY = 10;
const RUNS = 3;
const topicName = (index: number) => `p2-topic-${String(index).padStart(5, '0')}`;

async function ensureTopics(bootstrap: string, log: (message: string) => void): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-p2', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, requestTimeout: 120_000 }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Array.from({ length: TOPICS }, (_, index) => topicName(index)).filter((name) => !existing.has(name));
    if (missing.length === 0) return log(`${TOPICS} topics already exist`);
    const started = performance.now();
    for (let start = 0; start < missing.length; start += CREATE_BATCH) {
      await admin.createTopics({
        waitForLeaders: false,
        timeout: 120_000,
        topics: missing.slice(start, start + CREATE_BATCH).map((topic) => ({ topic, numPartitions: PARTITIONS_PER_TOPIC, replicationFactor: 1 })),
      });
    }
    log(`created ${missing.length} topics in ${Math.round(performance.now() - started)} ms`);
    // The controller acknowledges creation before every broker's metadata cache has the topics.
    const deadline = Date.now() + 300_000;
    for (;;) {
      const visible = (await admin.listTopics()).filter((name) => name.startsWith('p2-topic-')).length;
      if (visible >= TOPICS) break;
      if (Date.now() > deadline) throw new Error(`only ${visible} of ${TOPICS} topics are visible after 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    log(`all ${TOPICS} topics visible after ${Math.round(performance.now() - started)} ms`);
    await waitForLeaders(bootstrap, deadline);
    log(`every partition's leader answers after ${Math.round(performance.now() - started)} ms`);
    // One in ten topics gets a record, so sizes, counts and earliest offsets are not all trivially empty.
    const producer = new Kafka({ clientId: 'bench-p2', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer
      .sendBatch({ topicMessages: Array.from({ length: Math.ceil(TOPICS / WRITTEN_EVERY) }, (_, index) => ({ topic: topicName(index * WRITTEN_EVERY), messages: [{ value: 'p2' }] })) })
      .finally(() => producer.disconnect());
  } finally {
    await admin.disconnect();
  }
}

/** Visible in metadata is not yet led: wait until every partition's leader answers ListOffsets. */
async function waitForLeaders(bootstrap: string, deadline: number): Promise<void> {
  const settings: KafkaConnectionSettings = { name: 'bench-p2', bootstrapServers: bootstrap.split(','), tls: null, sasl: null };
  for (;;) {
    const session = await openTopicsSession(settings, systemClock);
    try {
      const partitions = session.metadata.topics.flatMap((topic) => topic.partitions.map(({ partition, leader }) => ({ topic: topic.name, partition, leader })));
      const { failed } = await session.listOffsets(partitions, 'latest');
      if (failed.length === 0) return;
      if (Date.now() > deadline) throw new Error(`${failed.length} partitions still have no answering leader`);
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

interface ListTiming {
  firstRowsMs: number;
  metadataMs: number;
  sizesMs: number;
  doneMs: number;
  topics: number;
  partitions: number;
}

async function timeTopicList(settings: KafkaConnectionSettings): Promise<ListTiming> {
  const profile = { ...emptyProfileDraft('bench', 'bench'), bootstrapServers: settings.bootstrapServers } as ConnectionProfile;
  const { producers } = createTopicHandlers({ profiles: { get: async () => profile, resolveConnection: async () => settings }, factory: createKafkaClientFactory(systemClock), clock: systemClock });
  const started = performance.now();
  let firstRowsMs = -1;
  const sink: StreamSink<TopicListItem, TopicListProgress> = {
    signal: new AbortController().signal,
    async batch() {
      if (firstRowsMs < 0) firstRowsMs = performance.now() - started;
    },
    progress() {},
    phase() {},
  };
  // rateSampleMs 0: the rate phase is a deliberate wait for a second sample, not list latency.
  const summary = await producers['topics:list'](streams['topics:list'].request.parse({ profileId: 'bench', rateSampleMs: 0 }), sink);
  return { firstRowsMs, metadataMs: summary.phaseMs.metadata ?? -1, sizesMs: summary.phaseMs.sizes ?? -1, doneMs: performance.now() - started, topics: summary.topics, partitions: summary.partitions };
}

function timeKcat(bootstrap: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-L', '-b', bootstrap], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`kcat -L exited with ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const benchmark: Benchmark = async (ctx) => {
  const bootstrap = process.env['BENCH_P2_BOOTSTRAP'];
  if (bootstrap) return measure(bootstrap, ctx.log);
  // Its own three-node bed: one broker process cannot open 20,000 partitions' logs within a 20,000
  // file-descriptor limit, and stopping the bed afterwards removes the topics from everyone's way.
  const bed = await startTestbed({ nodes: 3, jvm: 'throughput' });
  ctx.log(`three-node bed up in ${bed.timings['total']} ms`);
  try {
    return await measure(bed.info.listeners.plaintext, ctx.log);
  } finally {
    await bed.stop();
  }
};

async function measure(bootstrap: string, log: (message: string) => void): Promise<BenchRow[]> {
  await ensureTopics(bootstrap, log);
  const settings: KafkaConnectionSettings = { name: 'bench-p2', bootstrapServers: bootstrap.split(','), tls: null, sasl: null };

  // One warm-up of each (JIT, broker caches), then the median of RUNS.
  await timeTopicList(settings);
  await timeKcat(bootstrap);
  const lists: ListTiming[] = [];
  const kcats: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    lists.push(await timeTopicList(settings));
    kcats.push(await timeKcat(bootstrap));
  }
  const listed = lists[0]!;
  if (listed.topics < TOPICS) throw new Error(`topics:list saw ${listed.topics} topics, expected at least ${TOPICS}`);
  const firstRows = median(lists.map((timing) => timing.firstRowsMs));
  const metadata = median(lists.map((timing) => timing.metadataMs));
  const full = median(lists.map((timing) => timing.doneMs));
  const kcat = median(kcats);
  log(`runs: ${JSON.stringify(lists.map((timing) => ({ first: Math.round(timing.firstRowsMs), metadata: Math.round(timing.metadataMs), sizes: Math.round(timing.sizesMs), full: Math.round(timing.doneMs) })))}, kcat ${kcats.map(Math.round).join('/')} ms`);
  const scale = `${listed.topics} topics / ${listed.partitions} partitions`;
  const peer = { name: 'kcat -L (full metadata)', value: kcat };
  const rows: BenchRow[] = [
    { id: 'P2 metadata', metric: `first rows, ${scale}`, unit: 'ms', odradek: firstRows, peer: null, ratio: null, target: '<= 1000 ms', met: firstRows <= 1_000 },
    { id: 'P2 metadata', metric: `full list, metadata phase, ${scale}`, unit: 'ms', odradek: metadata, peer, ratio: kcat / metadata, target: '<= 2000 ms and <= 2x kcat', met: metadata <= 2_000 && metadata <= 2 * kcat },
    {
      id: 'P2 metadata',
      metric: `full list with sizes and offsets, ${scale}`,
      unit: 'ms',
      odradek: full,
      peer,
      ratio: kcat / full,
      target: '<= 2000 ms and <= 2x kcat',
      met: full <= 2_000 && full <= 2 * kcat,
      notes: `DescribeLogDirs once per broker, ListOffsets batched per leader (latest for all partitions, earliest for those with records: every ${WRITTEN_EVERY}th topic has one)`,
    },
  ];
  return rows;
}

export default benchmark;
