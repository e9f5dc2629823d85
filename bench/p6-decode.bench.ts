// P6: browse 1M Avro records (10 fields, about 200 B, Confluent wire format, schema in the bed's
// Apicurio) from beginning to end through browseMessages with the registry decoder into decoded rows.
// Peers in the same run, on the same topic: kcat's raw consume, and P1's raw browse (browseMessages
// without a decoder). Each browse runs in a child process (this file, with P6_DECODE_CHILD set) so its
// peak RSS is the browse path's alone. The records are encoded with the app's own Avro encoder.
// BENCH_MESSAGES scales it down.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { createMessageDecoding } from '../electron/main/services/decoding/message-decoding';
import { compileAvro } from '../electron/main/services/decoding/avro-codec';
import type { KafkaConnectionSettings, SchemaRegistrySettings } from '../electron/main/services/kafka/connection-settings';
import { browseMessages } from '../electron/main/services/messages/browse-messages';
import { systemClock } from '../electron/main/services/ports';
import { createRegistryClient } from '../electron/main/services/schemas/schema-service';
import { frameConfluentWireFormat } from '../shared/domain/decoders/confluent-wire-format';
import { BROWSE_LIMIT_MAX, browseRequestSchema, type BrowseProgress, type BrowseRow } from '../shared/domain/messages/browse-request';
import type { StreamSink } from '../shared/ipc/stream';
import { createTopic, kafkaConfig, uniqueTopic } from '../testbed/helpers';
import { registryForTests } from '../testbed/registry-for-tests';
import type { TestbedInfo } from '../testbed/types';
import type { Benchmark } from './types';

const PARTITIONS = 3;
const RSS_TARGET_MB = 400;
const CHILD_ENV = 'P6_DECODE_CHILD';
const PRODUCE_BATCH = 5_000;
const PRODUCE_IN_FLIGHT = 4;

export const p6Schema = {
  type: 'record',
  name: 'Order',
  namespace: 'bench.p6',
  fields: [
    { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'customer', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'currency', type: 'string' },
    { name: 'quantity', type: 'int' },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED', 'CANCELLED'] } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'tags', type: { type: 'array', items: 'string' } },
  ],
};

function sampleOrder(index: number) {
  const hex = index.toString(16).padStart(12, '0');
  return {
    id: `1b4e28ba-2fa1-11d2-883f-${hex}`,
    customer: `customer-${index % 10_000}`,
    email: `buyer${index % 50_000}@example.com`,
    amount: `${(index % 100_000) + 1}.${String(index % 100).padStart(2, '0')}`,
    currency: index % 3 === 0 ? 'EUR' : 'CZK',
    quantity: (index % 17) + 1,
    placed: new Date(1_780_000_000_000 + index * 1000).toISOString(),
    status: ['NEW', 'PAID', 'SHIPPED', 'CANCELLED'][index % 4]!,
    note: index % 5 === 0 ? null : `please deliver to the back door and ring twice; parcel ${index} of the evening batch, fragile`,
    tags: ['bench', `group-${index % 7}`, index % 2 === 0 ? 'even' : 'odd'],
  };
}

interface ChildJob {
  bootstrap: string;
  topic: string;
  /** Absent: P1's raw browse (no decoder). */
  registryUrl?: string;
}

interface ChildResult {
  rows: number;
  ms: number;
  maxRssMb: number;
  decodedRows: number;
  schemaFetches: number;
}

async function runChild(job: ChildJob): Promise<ChildResult> {
  const registry: SchemaRegistrySettings | null = job.registryUrl ? { id: 'bench-p6', name: 'bench-p6', urls: [job.registryUrl], auth: { kind: 'none' }, tls: null, observation: 'auto' } : null;
  const settings: KafkaConnectionSettings = { name: 'bench-p6', bootstrapServers: job.bootstrap.split(','), tls: null, sasl: null, schemaRegistry: registry };
  const decoding = createMessageDecoding({ sourceFor: (registrySettings) => createRegistryClient(registrySettings), clock: systemClock });
  const codecs = decoding.codecsFor(settings);
  let rows = 0;
  let decodedRows = 0;
  const sink: StreamSink<BrowseRow, BrowseProgress> = {
    signal: new AbortController().signal,
    async batch(items) {
      rows += items.length;
      for (const row of items) if (row.value?.kind === 'json' && row.value.schema?.type === 'AVRO') decodedRows += 1;
    },
    progress() {},
    phase() {},
  };
  const request = browseRequestSchema.parse({ profileId: 'bench', topic: job.topic, start: { kind: 'beginning' }, limit: BROWSE_LIMIT_MAX });
  const started = performance.now();
  await browseMessages(settings, request, sink, { clock: systemClock, ...(codecs ? { schemaResolver: codecs } : {}) });
  const ms = performance.now() - started;
  return { rows, ms, decodedRows, schemaFetches: codecs?.fetches ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function browseInChild(job: ChildJob): Promise<ChildResult> {
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

/**
 * kcat's raw consume of the same topic. Avro bytes may contain newlines, so kcat prints each record's
 * offset (-f '%o\n') for an exact count: it still fetches and parses every record, but writes less
 * than with payloads, which only makes it the harder peer.
 */
function consumeWithKcatOffsets(info: TestbedInfo, topic: string): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `kcat -C -b "$1" -t "$2" -e -o beginning -q -f '%o\\n' | wc -l`, 'kcat-bench', info.listeners.plaintext, topic], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ count: Number.parseInt(output.trim(), 10), ms: Math.round(performance.now() - started) });
      else reject(new Error(`kcat exited with ${code}`));
    });
  });
}

async function registerSchema(registryUrl: string, subject: string): Promise<number> {
  const response = await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(p6Schema), schemaType: 'AVRO' }),
  });
  const body = (await response.json()) as { id?: number };
  if (!response.ok || typeof body.id !== 'number') throw new Error(`registering ${subject} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.id;
}

/** The records, encoded with the app's Avro encoder and framed with the registry id, produced through kafkajs. */
async function produceAvro(info: TestbedInfo, topic: string, schemaId: number, count: number): Promise<{ ms: number; averageBytes: number }> {
  const codec = compileAvro({ type: 'AVRO', schema: JSON.stringify(p6Schema), references: [] });
  const producer = new kafkajs.Kafka(kafkaConfig(info, 'plaintext', { clientId: 'bench-p6-producer' })).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  let bytes = 0;
  try {
    const inFlight = new Set<Promise<unknown>>();
    for (let first = 0; first < count; first += PRODUCE_BATCH) {
      const messages = [];
      for (let index = first; index < Math.min(count, first + PRODUCE_BATCH); index++) {
        const framed = frameConfluentWireFormat(schemaId, codec.encode(sampleOrder(index)));
        bytes += framed.length;
        messages.push({ value: Buffer.from(framed.buffer, framed.byteOffset, framed.byteLength) });
      }
      const sending: Promise<unknown> = producer.send({ topic, acks: 1, messages }).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      if (inFlight.size >= PRODUCE_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
  return { ms: Math.round(performance.now() - started), averageBytes: bytes / count };
}

const p6: Benchmark = async (ctx) => {
  const messages = Number.parseInt(process.env.BENCH_MESSAGES ?? '1000000', 10);
  if (!Number.isInteger(messages) || messages < 1) throw new Error(`BENCH_MESSAGES must be a positive integer, not ${process.env.BENCH_MESSAGES}`);
  const info = (await ctx.requireTestbed()) as TestbedInfo;
  const registry = await registryForTests(info);
  try {
    const topic = uniqueTopic('bench-p6');
    await createTopic(info, { topic, partitions: PARTITIONS });
    const schemaId = await registerSchema(registry.info.plain, `${topic}-value`);
    const produced = await produceAvro(info, topic, schemaId, messages);
    ctx.log(`produced ${messages} Avro records (average ${produced.averageBytes.toFixed(0)} B framed, schema id ${schemaId}) in ${produced.ms} ms`);

    // kcat first also warms the broker's page cache for every reader alike.
    const kcat = await consumeWithKcatOffsets(info, topic);
    if (kcat.count !== messages) throw new Error(`kcat read ${kcat.count} of ${messages} records`);
    const raw = await browseInChild({ bootstrap: info.listeners.plaintext, topic });
    if (raw.rows !== messages) throw new Error(`the raw browse returned ${raw.rows} of ${messages} rows`);
    const decoded = await browseInChild({ bootstrap: info.listeners.plaintext, topic, registryUrl: registry.info.plain });
    if (decoded.rows !== messages || decoded.decodedRows !== messages) throw new Error(`the decoding browse returned ${decoded.rows} rows, ${decoded.decodedRows} decoded, of ${messages}`);
    ctx.log(
      `kcat ${kcat.ms} ms; raw browse ${Math.round(raw.ms)} ms (peak RSS ${Math.round(raw.maxRssMb)} MB); decoding browse ${Math.round(decoded.ms)} ms, ${decoded.schemaFetches} schema fetch(es), peak RSS ${Math.round(decoded.maxRssMb)} MB`,
    );

    const rate = (count: number, ms: number) => (count / ms) * 1000;
    const kcatRate = rate(kcat.count, kcat.ms);
    const rawRate = rate(raw.rows, raw.ms);
    const decodedRate = rate(decoded.rows, decoded.ms);
    const scale = messages === 1_000_000 ? '1M' : messages.toLocaleString('en-US');
    const size = `${Math.round(produced.averageBytes)} B`;
    return [
      {
        id: 'P6 decode',
        metric: `browse ${scale} Avro x ${size} to decoded rows`,
        unit: 'msg/s',
        odradek: decodedRate,
        peer: { name: "kcat -C -e -o beginning -q -f '%o\\n' (raw)", value: kcatRate },
        ratio: decodedRate / kcatRate,
        target: '>= 0.5x kcat',
        met: decodedRate / kcatRate >= 0.5,
        notes: `schema fetched ${decoded.schemaFetches} time(s) from Apicurio ${registry.info.version}`,
      },
      {
        id: 'P6 decode',
        metric: `decoded vs raw browse (P1 path) of the same ${scale}`,
        unit: 'msg/s',
        odradek: decodedRate,
        peer: { name: 'browseMessages without decoder', value: rawRate },
        ratio: decodedRate / rawRate,
      },
      {
        id: 'P6 decode',
        metric: `raw browse (P1 path) of the same ${scale} Avro`,
        unit: 'msg/s',
        odradek: rawRate,
        peer: { name: "kcat -C -e -o beginning -q -f '%o\\n' (raw)", value: kcatRate },
        ratio: rawRate / kcatRate,
      },
      {
        id: 'P6 decode',
        metric: `peak RSS decoding ${scale} Avro`,
        unit: 'MB',
        odradek: decoded.maxRssMb,
        peer: null,
        ratio: null,
        target: `<= ${RSS_TARGET_MB} MB`,
        met: decoded.maxRssMb <= RSS_TARGET_MB,
        notes: 'max RSS of the child process that runs browseMessages with the decoder (process.resourceUsage().maxRSS)',
      },
    ];
  } finally {
    await registry.stop();
  }
};

export default p6;

const childJob = process.env[CHILD_ENV];
if (childJob !== undefined) {
  const result = await runChild(JSON.parse(childJob) as ChildJob);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
