// P3: the groups list at 2,000 groups with committed offsets over 200 topics, a few hundred of them
// with live members (classic kafkajs consumers and KIP-848 members, in a child process), through the
// app's `groups:list` producer: first rows and the full list with lag, against Kafka's own
// `kafka-consumer-groups --describe --all-groups` (ConsumerGroupCommand from the bed's jars; its JVM
// start measured apart with `--version`). P3b: one group over 1,000 partitions, groups:describe with lag.
// BENCH_P3_GROUPS / BENCH_P3_LIVE scale it down.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import type { GroupListItem, GroupListProgress } from '../shared/domain/groups/group-schemas';
import { channels, streams } from '../shared/ipc/contract';
import type { StreamSink } from '../shared/ipc/stream';
import { createGroupHandlers } from '../electron/main/services/groups/group-handlers';
import type { KafkaConnectionSettings } from '../electron/main/services/kafka/connection-settings';
import { systemClock } from '../electron/main/services/ports';
import { commitGroupOffsets, type GroupCommit } from '../testbed/groups';
import { createTopics, runKafkaTool } from '../testbed/helpers';
import type { TestbedInfo } from '../testbed/types';
import type { Benchmark, BenchRow } from './types';

const GROUPS = Number(process.env['BENCH_P3_GROUPS'] ?? 2_000);
/** Live members per protocol (classic and KIP-848). */
const LIVE = Number(process.env['BENCH_P3_LIVE'] ?? 150);
const TOPICS = 200;
const PARTITIONS = 2;
const RECORDS_PER_PARTITION = 100;
const WIDE_PARTITIONS = 1_000;
const RUNS = 3;
const topicName = (index: number) => `p3-topic-${String(index).padStart(3, '0')}`;
const groupName = (index: number) => `p3-group-${String(index).padStart(4, '0')}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function seed(info: TestbedInfo, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  await createTopics(info, [...Array.from({ length: TOPICS }, (_, index) => ({ topic: topicName(index), partitions: PARTITIONS })), { topic: 'p3b-wide', partitions: WIDE_PARTITIONS }], 300_000);
  const producer = new Kafka({ clientId: 'bench-p3', brokers: info.listeners.plaintext.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    const value = Buffer.alloc(100, 1);
    for (let topic = 0; topic < TOPICS; topic += 20) {
      await producer.sendBatch({
        topicMessages: Array.from({ length: 20 }, (_, offset) => ({
          topic: topicName(topic + offset),
          messages: Array.from({ length: RECORDS_PER_PARTITION * PARTITIONS }, (_, index) => ({ value, partition: index % PARTITIONS })),
        })),
      });
    }
    await producer.sendBatch({ topicMessages: [{ topic: 'p3b-wide', messages: Array.from({ length: WIDE_PARTITIONS * 10 }, (_, index) => ({ value, partition: index % WIDE_PARTITIONS })) }] });
  } finally {
    await producer.disconnect();
  }
  log(`200 topics and p3b-wide filled in ${Math.round(performance.now() - started)} ms`);
  // Every group reads two topics, both partitions, at offsets between 0 and 99.
  const commits: GroupCommit[] = Array.from({ length: GROUPS }, (_, index) => ({
    groupId: groupName(index),
    offsets: [topicName(index % TOPICS), topicName((index * 7 + 3) % TOPICS)].flatMap((topic, which) =>
      Array.from({ length: PARTITIONS }, (_, partition) => ({ topic, partition, offset: (index * 13 + which * 31 + partition * 17) % RECORDS_PER_PARTITION })),
    ),
  }));
  commits.push({ groupId: 'p3b-wide-reader', offsets: Array.from({ length: WIDE_PARTITIONS }, (_, partition) => ({ topic: 'p3b-wide', partition, offset: partition % 10 })) });
  await commitGroupOffsets(info, commits, 32);
  log(`${commits.length} groups committed in ${Math.round(performance.now() - started)} ms`);
}

/** The first LIVE groups get a classic member, the next LIVE a KIP-848 member (both on the group's first topic). */
async function startLiveMembers(info: TestbedInfo, log: (message: string) => void): Promise<ChildProcess> {
  const plan = {
    bootstrap: info.listeners.plaintext,
    classic: Array.from({ length: LIVE }, (_, index) => ({ groupId: groupName(index), topic: topicName(index % TOPICS) })),
    consumer: Array.from({ length: LIVE }, (_, index) => ({ groupId: groupName(LIVE + index), topic: topicName((LIVE + index) % TOPICS) })),
  };
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'p3-live-members.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, P3_MEMBERS: JSON.stringify(plan) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`live members exited with ${code} before they were ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  log(`${LIVE} classic and ${LIVE} KIP-848 members in after ${Math.round(performance.now() - started)} ms`);
  return child;
}

const benchmark: Benchmark = async (ctx) => {
  const info = await ctx.requireTestbed();
  await seed(info, ctx.log);
  const members = await startLiveMembers(info, ctx.log);
  try {
    return await measure(info, ctx.log);
  } finally {
    members.kill('SIGTERM');
  }
};

async function measure(info: TestbedInfo, log: (message: string) => void): Promise<BenchRow[]> {
  const settings: KafkaConnectionSettings = { name: 'bench-p3', bootstrapServers: info.listeners.plaintext.split(','), tls: null, sasl: null };
  const { handlers, producers } = createGroupHandlers({ profiles: { resolveConnection: async () => settings }, clock: systemClock });

  const timeList = async () => {
    const started = performance.now();
    let firstRowsMs = -1;
    const rows = new Map<string, GroupListItem>();
    const sink: StreamSink<GroupListItem, GroupListProgress> = {
      signal: new AbortController().signal,
      async batch(items) {
        if (firstRowsMs < 0) firstRowsMs = performance.now() - started;
        for (const item of items) rows.set(item.groupId, { ...rows.get(item.groupId), ...item });
      },
      progress() {},
      phase() {},
    };
    const summary = await producers['groups:list'](streams['groups:list'].request.parse({ profileId: 'bench' }), sink);
    return { firstRowsMs, doneMs: performance.now() - started, summary, rows, rss: process.memoryUsage().rss };
  };
  const timeTool = async (args: string[]) => (await runKafkaTool(info, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', info.listeners.plaintext, ...args], { timeoutMs: 600_000 })).ms;

  await timeList();
  const lists: Awaited<ReturnType<typeof timeList>>[] = [];
  const tools: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    lists.push(await timeList());
    tools.push(await timeTool(['--describe', '--all-groups']));
  }
  const jvmStart = median([await timeTool(['--version']), await timeTool(['--version']), await timeTool(['--version'])]);
  const last = lists.at(-1)!;
  const p3Rows = [...last.rows.values()].filter((row) => row.groupId.startsWith('p3-group-'));
  const live = p3Rows.filter((row) => (row.members ?? 0) > 0);
  const withLag = p3Rows.filter((row) => row.totalLag !== null && row.totalLag !== undefined);
  if (p3Rows.length < GROUPS || withLag.length < GROUPS) throw new Error(`groups:list saw ${p3Rows.length} P3 groups, ${withLag.length} with lag; expected ${GROUPS}`);
  const kinds = { classic: live.filter((row) => row.type === 'classic').length, consumer: live.filter((row) => row.type === 'consumer').length };
  const full = median(lists.map((list) => list.doneMs));
  const firstRows = median(lists.map((list) => list.firstRowsMs));
  const tool = median(tools);
  const rssMb = Math.round(Math.max(...lists.map((list) => list.rss)) / 2 ** 20);
  log(`runs: ${JSON.stringify(lists.map((list) => ({ first: Math.round(list.firstRowsMs), full: Math.round(list.doneMs), phases: list.summary.phaseMs })))}; ConsumerGroupCommand ${tools.map(Math.round).join('/')} ms, JVM start (--version) ${Math.round(jvmStart)} ms`);

  // P3b: one group over 1,000 partitions.
  const describe = async () => {
    const started = performance.now();
    const detail = channels['groups:describe'].output.parse(await handlers['groups:describe']({ profileId: 'bench', groupId: 'p3b-wide-reader', rateSampleMs: 0 }, undefined as never));
    if (detail.offsets.length !== WIDE_PARTITIONS || detail.totalLag !== WIDE_PARTITIONS * 10 - detail.offsets.reduce((sum, entry) => sum + (entry.committed ?? 0), 0)) {
      throw new Error(`p3b-wide-reader: ${detail.offsets.length} partitions, lag ${detail.totalLag}`);
    }
    return performance.now() - started;
  };
  await describe();
  const describes: number[] = [];
  for (let run = 0; run < 5; run++) describes.push(await describe());
  const wideTool = await timeTool(['--describe', '--group', 'p3b-wide-reader']);
  const detailMs = median(describes);
  log(`P3b describe runs ${describes.map(Math.round).join('/')} ms; ConsumerGroupCommand --describe --group ${Math.round(wideTool)} ms`);

  const scale = `${last.summary.groups} groups (${GROUPS} P3 over ${TOPICS} topics; live: ${kinds.classic} classic + ${kinds.consumer} KIP-848)`;
  const peer = { name: 'kafka-consumer-groups --describe --all-groups (JVM start incl.)', value: tool };
  return [
    { id: 'P3 groups', metric: `first rows, ${scale}`, unit: 'ms', odradek: firstRows, peer: null, ratio: null },
    { id: 'P3 groups', metric: `full list with lag, ${scale}`, unit: 'ms', odradek: full, peer, ratio: tool / full, target: '<= 3000 ms and >= 3x faster', met: full <= 3_000 && tool / full >= 3 },
    {
      id: 'P3 groups',
      metric: 'kafka-consumer-groups JVM start alone (--version)',
      unit: 'ms',
      odradek: full,
      peer: { name: 'ConsumerGroupCommand --version', value: jvmStart },
      ratio: (tool - jvmStart) / full,
      notes: `ratio: the tool's describe without its JVM start (${Math.round(tool - jvmStart)} ms) over Odradek's full list`,
    },
    { id: 'P3 groups', metric: 'main RSS after the list', unit: 'MB', odradek: rssMb, peer: null, ratio: null, notes: 'the benchmark process, which is main\'s services only; live members run in a child process' },
    {
      id: 'P3b group detail',
      metric: `groups:describe + lag, one group over ${WIDE_PARTITIONS} partitions`,
      unit: 'ms',
      odradek: detailMs,
      peer: { name: 'kafka-consumer-groups --describe --group (JVM start incl.)', value: wideTool },
      ratio: wideTool / detailMs,
      target: '<= 300 ms',
      met: detailMs <= 300,
    },
  ];
}

export default benchmark;
