// P1: browse 1M x 1 KB records from beginning to end through browseMessages into decoded rows in main,
// with a sink that grants credit at once. Peer: kcat -C -e -o beginning -q on the same topic. The
// measured read runs in a child process (this file, with P1_BROWSE_CHILD set) so its peak RSS is the
// browse path's alone. BENCH_MESSAGES scales it down.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KafkaConnectionSettings } from '../electron/main/services/kafka/connection-settings';
import { browseMessages } from '../electron/main/services/messages/browse-messages';
import { systemClock } from '../electron/main/services/ports';
import { BROWSE_LIMIT_MAX, browseRequestSchema, type BrowseProgress, type BrowseRow } from '../shared/domain/messages/browse-request';
import type { StreamSink } from '../shared/ipc/stream';
import { createTopic, produceMessages, uniqueTopic } from '../testbed/helpers';
import type { TestbedInfo } from '../testbed/types';
import { consumeWithKcat } from './peers';
import type { Benchmark } from './types';

const MESSAGE_SIZE = 1024;
const PARTITIONS = 3;
const RSS_TARGET_MB = 400;
const CHILD_ENV = 'P1_BROWSE_CHILD';

interface ChildJob {
  bootstrap: string;
  topic: string;
}

interface ChildResult {
  rows: number;
  ms: number;
  maxRssMb: number;
  textRows: number;
}

/** The measured part: runs in its own process and prints one JSON line. */
async function runChild(job: ChildJob): Promise<ChildResult> {
  const settings: KafkaConnectionSettings = { name: 'bench-p1', bootstrapServers: job.bootstrap.split(','), tls: null, sasl: null };
  let rows = 0;
  let textRows = 0;
  const sink: StreamSink<BrowseRow, BrowseProgress> = {
    signal: new AbortController().signal,
    async batch(items) {
      rows += items.length;
      for (const row of items) if (row.value?.kind === 'text') textRows += 1;
    },
    progress() {},
    phase() {},
  };
  const request = browseRequestSchema.parse({ profileId: 'bench', topic: job.topic, start: { kind: 'beginning' }, limit: BROWSE_LIMIT_MAX });
  const started = performance.now();
  await browseMessages(settings, request, sink, { clock: systemClock });
  const ms = performance.now() - started;
  return { rows, ms, textRows, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function browseInChild(info: TestbedInfo, topic: string): Promise<ChildResult> {
  const job: ChildJob = { bootstrap: info.listeners.plaintext, topic };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD_ENV]: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`the browse child exited with ${code}: ${output}`));
    });
  });
}

const p1: Benchmark = async (ctx) => {
  const messages = Number.parseInt(process.env.BENCH_MESSAGES ?? '1000000', 10);
  if (!Number.isInteger(messages) || messages < 1) throw new Error(`BENCH_MESSAGES must be a positive integer, not ${process.env.BENCH_MESSAGES}`);
  const info = (await ctx.requireTestbed()) as TestbedInfo;
  const topic = uniqueTopic('bench-p1');
  await createTopic(info, { topic, partitions: PARTITIONS });
  const produced = await produceMessages(info, { topic, count: messages, size: MESSAGE_SIZE });
  ctx.log(`produced ${messages} x ${MESSAGE_SIZE} B in ${produced.ms} ms`);

  // kcat first also warms the broker's page cache for both readers alike.
  const kcat = await consumeWithKcat(info, topic);
  if (kcat.count !== messages) throw new Error(`kcat read ${kcat.count} of ${messages} records`);
  const odradek = await browseInChild(info, topic);
  if (odradek.rows !== messages) throw new Error(`browseMessages returned ${odradek.rows} of ${messages} rows`);
  ctx.log(`kcat ${Math.round(kcat.ms)} ms; browseMessages ${Math.round(odradek.ms)} ms, ${odradek.textRows} text rows, peak RSS ${Math.round(odradek.maxRssMb)} MB`);

  const rate = (count: number, ms: number) => (count / ms) * 1000;
  const odradekRate = rate(odradek.rows, odradek.ms);
  const kcatRate = rate(kcat.count, kcat.ms);
  const scale = messages === 1_000_000 ? '1M' : messages.toLocaleString('en-US');
  return [
    {
      id: 'P1 browse',
      metric: `browse ${scale} x 1 KB to decoded rows`,
      unit: 'msg/s',
      odradek: odradekRate,
      peer: { name: 'kcat -C -e -o beginning -q', value: kcatRate },
      ratio: odradekRate / kcatRate,
      target: '>= 0.5x kcat',
      met: odradekRate / kcatRate >= 0.5,
    },
    {
      id: 'P1 browse',
      metric: `peak RSS browsing ${scale} x 1 KB`,
      unit: 'MB',
      odradek: odradek.maxRssMb,
      peer: null,
      ratio: null,
      target: `<= ${RSS_TARGET_MB} MB`,
      met: odradek.maxRssMb <= RSS_TARGET_MB,
      notes: 'max RSS of the child process that runs browseMessages (process.resourceUsage().maxRSS)',
    },
  ];
};

export default p1;

const childJob = process.env[CHILD_ENV];
if (childJob !== undefined) {
  const result = await runChild(JSON.parse(childJob) as ChildJob);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
