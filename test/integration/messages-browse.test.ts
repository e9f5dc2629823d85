// The message browser against the real bed: seek modes, both directions, limits, filters, compression
// codecs, big and binary messages, a READ-only principal, backpressure, cancel and live tail.
import { spawn } from 'node:child_process';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browseRequestSchema, type BrowseProgress, type BrowseRequestInput, type BrowseRow } from '../../shared/domain/messages/browse-request';
import { StreamCancelledError, type StreamSink } from '../../shared/ipc/stream';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { browseMessages, type BrowseTuning } from '../../electron/main/services/messages/browse-messages';
import { fetchMessage } from '../../electron/main/services/messages/fetch-message';
import { systemClock } from '../../electron/main/services/ports';
import { adminClient, createTopic, grantAcl, kafkaConfig, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { jvmOptions, log4jOptions } from '../../testbed/testbed';

const info = inject('testbed');
const settings: KafkaConnectionSettings = { name: 'it', bootstrapServers: info.listeners.plaintext.split(','), tls: null, sasl: null };
const restrictedSettings: KafkaConnectionSettings = {
  name: 'it-restricted',
  bootstrapServers: info.listeners.saslPlaintext.split(','),
  tls: null,
  sasl: { mechanism: 'plain', ...info.users.restricted },
};

interface CollectingSink extends StreamSink<BrowseRow, BrowseProgress> {
  rows: BrowseRow[];
  batches: number;
  progress: (progress: BrowseProgress) => void;
  progressFrames: BrowseProgress[];
  cancel(): void;
}

/** A sink that grants credit at once, or only `credits` batches when given (a stalled renderer). */
function collectingSink(options: { credits?: number; onBatch?: (rows: BrowseRow[], sink: CollectingSink) => void } = {}): CollectingSink {
  const abort = new AbortController();
  let credits = options.credits ?? Number.POSITIVE_INFINITY;
  const sink: CollectingSink = {
    rows: [],
    batches: 0,
    progressFrames: [],
    signal: abort.signal,
    cancel: () => abort.abort(),
    async batch(items) {
      while (credits <= 0 && !abort.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
      if (abort.signal.aborted) throw new StreamCancelledError();
      credits -= 1;
      sink.batches += 1;
      sink.rows.push(...items);
      options.onBatch?.(items, sink);
    },
    progress(progress) {
      sink.progressFrames.push(progress);
    },
    phase() {},
  };
  return sink;
}

const fastTuning: Partial<BrowseTuning> = { batchMaxRows: 50 };

async function browse(input: Omit<BrowseRequestInput, 'profileId'>, sink = collectingSink(), connection = settings) {
  const summary = await browseMessages(connection, browseRequestSchema.parse({ profileId: 'it', ...input }), sink, { clock: systemClock, tuning: fastTuning });
  return { summary, rows: sink.rows, sink };
}

const values = (rows: BrowseRow[]) => rows.map((row) => row.value?.text);
const offsets = (rows: BrowseRow[]) => rows.map((row) => Number(row.offset));

/** Kafka's own console producer from the bed's jars, so compressed batches come from the Java client. */
async function produceWithConsoleProducer(topic: string, codec: string, lines: string[]): Promise<void> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [
      ...jvmOptions('fast-start'),
      ...log4jOptions(info.dataDir, 'tool'),
      '-cp',
      info.classpath,
      'org.apache.kafka.tools.ConsoleProducer',
      '--bootstrap-server',
      info.listeners.plaintext,
      '--topic',
      topic,
      '--compression-codec',
      codec,
      '--property',
      'parse.key=true',
      '--property',
      'key.separator=|',
      '--producer-property',
      'linger.ms=200',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(`${lines.join('\n')}\n`);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ConsoleProducer (${codec}) exited ${code}: ${stderr}`);
}

describe('browsing a three-partition topic', () => {
  const topic = uniqueTopic('browse');
  const base = Date.now() - 100_000;
  // Partition p holds 20 records; record i of partition p has timestamp base + i * 1000 + p.
  const produced = [0, 1, 2].flatMap((partition) =>
    Array.from({ length: 20 }, (_, index) => ({
      partition,
      key: `key-${partition}-${index}`,
      value: JSON.stringify({ partition, index, kind: index % 2 === 0 ? 'even' : 'odd', tags: [`t${index}`] }),
      timestamp: String(base + index * 1000 + partition),
      headers: { source: index < 5 ? 'early' : 'late' },
    })),
  );

  beforeAll(async () => {
    await createTopic(info, { topic, partitions: 3 });
    const producer = new kafkajs.Kafka(kafkaConfig(info, 'plaintext')).producer();
    await producer.connect();
    await producer.send({ topic, messages: produced });
    await producer.disconnect();
  });

  it('reads everything from the beginning, oldest-first per partition, with decoded rows and progress', async () => {
    const { rows, summary, sink } = await browse({ topic, start: { kind: 'beginning' }, limit: 1000 });
    expect(rows).toHaveLength(60);
    expect(summary).toMatchObject({ scanned: 60, matched: 60, reason: 'end-of-range' });
    expect(summary.bytes).toBeGreaterThan(0);
    for (const partition of [0, 1, 2]) {
      expect(offsets(rows.filter((row) => row.partition === partition))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    const first = rows.find((row) => row.partition === 1 && row.offset === '3')!;
    expect(first).toMatchObject({
      timestamp: base + 3000 + 1,
      timestampType: 'create',
      key: { kind: 'text', text: 'key-1-3' },
      value: { kind: 'json' },
      headers: [{ key: 'source', value: { kind: 'text', text: 'early' } }],
      truncated: false,
    });
    expect(JSON.parse(first.value!.text)).toMatchObject({ partition: 1, index: 3 });
    expect(sink.progressFrames.at(-1)?.partitions.every((position) => position.done)).toBe(true);
  });

  it('seeks to an offset, a timestamp, the last N and the end', async () => {
    const fromOffset = await browse({ topic, partitions: [2], start: { kind: 'offset', offset: '15' } });
    expect(offsets(fromOffset.rows)).toEqual([15, 16, 17, 18, 19]);

    const fromTimestamp = await browse({ topic, partitions: [0], start: { kind: 'timestamp', timestamp: base + 17_000 } });
    expect(offsets(fromTimestamp.rows)).toEqual([17, 18, 19]);

    const last = await browse({ topic, start: { kind: 'last', count: 2 } });
    expect(last.rows).toHaveLength(6);
    expect(new Set(offsets(last.rows))).toEqual(new Set([18, 19]));

    const end = await browse({ topic, start: { kind: 'end' } });
    expect(end.rows).toEqual([]);
    expect(end.summary.reason).toBe('end-of-range');

    const pastEnd = await browse({ topic, partitions: [0], start: { kind: 'offset', offset: '999' } });
    expect(pastEnd.rows).toEqual([]);
  });

  it('reads newest-first, merging partitions by timestamp, and honours the limit', async () => {
    const { rows, summary } = await browse({ topic, direction: 'newest-first', start: { kind: 'end' }, limit: 7 });
    expect(summary.reason).toBe('limit');
    expect(rows.map((row) => `${row.partition}:${row.offset}`)).toEqual(['2:19', '1:19', '0:19', '2:18', '1:18', '0:18', '2:17']);

    const single = await browse({ topic, partitions: [1], direction: 'newest-first', start: { kind: 'offset', offset: '4' } });
    expect(offsets(single.rows)).toEqual([4, 3, 2, 1, 0]);

    const last = await browse({ topic, partitions: [0], direction: 'newest-first', start: { kind: 'last', count: 3 } });
    expect(offsets(last.rows)).toEqual([19, 18, 17]);

    const beforeTimestamp = await browse({ topic, partitions: [0], direction: 'newest-first', start: { kind: 'timestamp', timestamp: base + 2000 } });
    expect(offsets(beforeTimestamp.rows)).toEqual([2, 1, 0]);
  });

  it('keeps newest-first windows bounded and still returns every row in order', async () => {
    const sink = collectingSink();
    await browseMessages(settings, browseRequestSchema.parse({ profileId: 'it', topic, partitions: [0], direction: 'newest-first', limit: 1000 }), sink, {
      clock: systemClock,
      tuning: { maxHeldRows: 4, batchMaxRows: 3 },
    });
    expect(offsets(sink.rows)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect(sink.batches).toBeGreaterThanOrEqual(7);
  });

  it('stops at the limit oldest-first', async () => {
    const { rows, summary } = await browse({ topic, partitions: [0], limit: 5 });
    expect(offsets(rows)).toEqual([0, 1, 2, 3, 4]);
    expect(summary).toMatchObject({ matched: 5, reason: 'limit' });
  });

  it('filters by key, value, header, regex, JSON field, time range and partition', async () => {
    const count = async (filters: unknown[], direction: 'oldest-first' | 'newest-first' = 'oldest-first') =>
      (await browse({ topic, limit: 1000, direction, filters: filters as never })).rows.length;
    expect(await count([{ kind: 'text', target: 'key', match: 'substring', pattern: 'KEY-2-' }])).toBe(20);
    expect(await count([{ kind: 'text', target: 'value', match: 'substring', pattern: '"kind":"odd"', caseSensitive: true }])).toBe(30);
    expect(await count([{ kind: 'text', target: 'header', headerName: 'source', match: 'substring', pattern: 'early' }])).toBe(15);
    expect(await count([{ kind: 'text', target: 'key', match: 'regex', pattern: '^key-[01]-1\\d$' }])).toBe(20);
    expect(await count([{ kind: 'json-field', path: 'index', operator: '>=', value: 18 }])).toBe(6);
    expect(await count([{ kind: 'json-field', path: 'tags[0]', operator: '=', value: 't7' }])).toBe(3);
    expect(await count([{ kind: 'json-field', path: 'missing', operator: 'exists' }])).toBe(0);
    expect(await count([{ kind: 'time-range', from: base + 10_000, to: base + 11_999 }])).toBe(6);
    expect(await count([{ kind: 'partition', partitions: [1] }, { kind: 'json-field', path: 'kind', operator: '=', value: 'even' }])).toBe(10);
    expect(await count([{ kind: 'json-field', path: 'index', operator: '<', value: 2 }], 'newest-first')).toBe(6);
  });

  // Patterns run on a linear engine (re2js); a lookahead, which none has, is refused before any fetch.
  it('refuses a regular expression no linear engine runs before reading anything', async () => {
    await expect(browse({ topic, filters: [{ kind: 'text', target: 'value', match: 'regex', pattern: '(?=a)b' }] })).rejects.toThrow(/Lookahead and lookbehind are not allowed/);
  });

  it('fails clearly for a partition the topic does not have', async () => {
    await expect(browse({ topic, partitions: [7] })).rejects.toThrow(/no partition 7/);
  });
});

describe('oldest-first over many partitions (issue 17)', () => {
  const topic = uniqueTopic('browse-merge');
  const base = Date.now() - 1_000_000;
  // 6 partitions x 600 records, interleaved in time: record i of partition p at base + i * 6 + p.
  const produced = [0, 1, 2, 3, 4, 5].flatMap((partition) =>
    Array.from({ length: 600 }, (_, index) => ({ partition, value: `p${partition}-${index}`, timestamp: String(base + index * 6 + partition) })),
  );

  beforeAll(async () => {
    await createTopic(info, { topic, partitions: 6 });
    const producer = new kafkajs.Kafka(kafkaConfig(info, 'plaintext')).producer();
    await producer.connect();
    await producer.send({ topic, messages: produced });
    await producer.disconnect();
  });

  it('returns the oldest 500 across all six partitions, merged by timestamp, and no partition claims done', async () => {
    const { rows, summary } = await browse({ topic, start: { kind: 'beginning' }, limit: 500 });
    expect(rows).toHaveLength(500);
    const expected = [...produced].sort((a, b) => Number(a.timestamp) - Number(b.timestamp)).slice(0, 500);
    expect(rows.map((row) => row.value?.text)).toEqual(expected.map((record) => record.value));
    expect(new Set(rows.map((row) => row.partition)).size).toBe(6);
    expect(summary).toMatchObject({ reason: 'limit', order: 'timestamp' });
    expect(summary.partitions.filter((entry) => entry.done)).toEqual([]);
  });

  it('says where an offset past the end stands, with each partition\'s end offset', async () => {
    const { rows, summary } = await browse({ topic, partitions: [0, 3], start: { kind: 'offset', offset: '5000' } });
    expect(rows).toEqual([]);
    expect(summary.startPastEnd).toEqual([
      { partition: 0, end: '600' },
      { partition: 3, end: '600' },
    ]);
  });
});

describe('payload edge cases', () => {
  const topic = uniqueTopic('browse-edge');
  const big = 'x'.repeat(2 * 1024 * 1024);

  beforeAll(async () => {
    await createTopic(info, { topic, configs: { 'max.message.bytes': String(4 * 1024 * 1024) } });
    const producer = new kafkajs.Kafka({ ...kafkaConfig(info, 'plaintext'), clientId: 'edge-producer' }).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: Buffer.from([0xff, 0xfe, 0x00, 0x01]), value: Buffer.from([0xc3, 0x28, 0xa0, 0xa1]) },
        { value: big },
        { key: 'registry', value: Buffer.concat([Buffer.from([0, 0, 0, 0, 42]), Buffer.from('{"a":1}')]) },
        { key: null, value: null },
      ],
    });
    await producer.disconnect();
  });

  it('shows non-UTF-8 bytes as binary without throwing', async () => {
    const { rows } = await browse({ topic, limit: 1 });
    expect(rows[0]!.key).toMatchObject({ kind: 'binary', text: '//4AAQ==', hexPreview: 'ff fe 00 01', size: 4 });
    expect(rows[0]!.value).toMatchObject({ kind: 'binary', hexPreview: 'c3 28 a0 a1' });
  });

  it('truncates a 2 MB value in rows and returns it whole on demand', async () => {
    const { rows } = await browse({ topic, start: { kind: 'offset', offset: '1' }, limit: 1, previewBytes: 1024 });
    expect(rows[0]).toMatchObject({ offset: '1', truncated: true, value: { kind: 'text', size: big.length, truncated: true } });
    expect(rows[0]!.value!.text).toHaveLength(1024);
    const full = await fetchMessage(settings, { topic, partition: 0, offset: '1' }, { clock: systemClock });
    expect(full).toMatchObject({ offset: '1', truncated: false, value: { size: big.length, truncated: false } });
    expect(full!.value!.text).toBe(big);
    expect(await fetchMessage(settings, { topic, partition: 0, offset: '99' }, { clock: systemClock })).toBeNull();
  });

  it('reports the Confluent wire format and null keys and values', async () => {
    const { rows } = await browse({ topic, start: { kind: 'offset', offset: '2' } });
    expect(rows[0]!.value).toMatchObject({ kind: 'json', text: '{"a":1}', schema: { format: 'confluent', schemaId: 42 } });
    expect(rows[1]).toMatchObject({ key: null, value: null, sizes: { total: 0 } });
  });
});

describe('transactions', () => {
  it('hides aborted records and control markers (read_committed)', async () => {
    const topic = uniqueTopic('browse-txn');
    await createTopic(info, { topic });
    const producer = new kafkajs.Kafka({ ...kafkaConfig(info, 'plaintext'), clientId: 'txn-producer' }).producer({
      transactionalId: `${topic}-tx`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ value: 'plain-1' }] });
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }] });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({ topic, messages: [{ value: 'committed-1' }] });
      await committed.commit();
    } finally {
      await producer.disconnect();
    }
    const { rows } = await browse({ topic });
    expect(values(rows)).toEqual(['plain-1', 'committed-1']);
    const newest = await browse({ topic, direction: 'newest-first' });
    expect(values(newest.rows)).toEqual(['committed-1', 'plain-1']);
  });
});

describe('compressed topics', () => {
  for (const codec of ['gzip', 'snappy', 'lz4', 'zstd']) {
    it(`reads ${codec} batches written by the Java producer`, async () => {
      const topic = uniqueTopic(`browse-${codec}`);
      await createTopic(info, { topic });
      const lines = Array.from({ length: 300 }, (_, index) => `k${index}|{"codec":"${codec}","index":${index},"pad":"${'ab'.repeat(50)}"}`);
      await produceWithConsoleProducer(topic, codec, lines);
      const { rows } = await browse({ topic, limit: 1000 });
      expect(rows).toHaveLength(300);
      expect(rows.map((row) => row.key?.text)).toEqual(lines.map((line) => line.split('|')[0]));
      expect(JSON.parse(rows[299]!.value!.text)).toMatchObject({ codec, index: 299 });
      // Reading from inside a compressed batch starts at the asked offset, not the batch's first.
      const middle = await browse({ topic, start: { kind: 'offset', offset: '150' }, limit: 2 });
      expect(offsets(middle.rows)).toEqual([150, 151]);
    });
  }
});

describe('a principal with only READ and DESCRIBE on the topic', () => {
  const topic = uniqueTopic('browse-acl');

  beforeAll(async () => {
    await createTopic(info, { topic, partitions: 2 });
    await produceWithKafkajs(info, topic, Array.from({ length: 10 }, (_, index) => ({ value: `v${index}`, partition: index % 2 })));
    await grantAcl(info, { resourceType: 'TOPIC', resourceName: topic, operations: ['READ', 'DESCRIBE'] });
  });

  it('browses without joining a group or committing offsets', async () => {
    const admin = await adminClient(info);
    try {
      const groupsBefore = (await admin.listGroups()).groups.map((group) => group.groupId);
      let rows: BrowseRow[] = [];
      // ACLs reach the authorizer within a moment; retry briefly rather than sleep.
      for (let attempt = 0; ; attempt++) {
        try {
          rows = (await browse({ topic, limit: 100 }, collectingSink(), restrictedSettings)).rows;
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      expect(rows).toHaveLength(10);
      const newest = await browse({ topic, direction: 'newest-first', limit: 3 }, collectingSink(), restrictedSettings);
      expect(newest.rows).toHaveLength(3);

      // Other suites may share the bed, so judge only groups that appeared meanwhile: none may be ours.
      const groupsAfter = (await admin.listGroups()).groups.map((group) => group.groupId);
      const appeared = groupsAfter.filter((groupId) => !groupsBefore.includes(groupId));
      const { groups } = appeared.length > 0 ? await admin.describeGroups(appeared) : { groups: [] };
      expect(groups.flatMap((group) => group.members).filter((member) => member.clientId === 'odradek')).toEqual([]);
      for (const groupId of groupsAfter) {
        const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
        expect(committed.flatMap((entry) => entry.partitions).filter((partition) => partition.offset !== '-1')).toEqual([]);
      }
    } finally {
      await admin.disconnect();
    }
  });
});

describe('flow control', () => {
  const topic = uniqueTopic('browse-flow');

  beforeAll(async () => {
    await createTopic(info, { topic });
    await produceWithKafkajs(info, topic, Array.from({ length: 2000 }, (_, index) => ({ value: `m${index}` })));
  });

  it('pauses fetching while the sink withholds credit', async () => {
    const sink = collectingSink({ credits: 2 });
    const request = browseRequestSchema.parse({ profileId: 'it', topic, limit: 100_000 });
    const running = browseMessages(settings, request, sink, { clock: systemClock, tuning: { batchMaxRows: 50 } });
    running.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Two batches delivered, a third waiting for credit; at most one more fetch response decoded.
    expect(sink.rows).toHaveLength(100);
    const progress = sink.progressFrames.at(-1);
    expect(progress?.scanned ?? 0).toBeLessThan(2000);
    sink.cancel();
    await expect(running).rejects.toBeInstanceOf(StreamCancelledError);
  });

  it('stops when cancelled mid-stream', async () => {
    const sink = collectingSink({ onBatch: (_rows, self) => self.batches === 3 && self.cancel() });
    await expect(browse({ topic, limit: 100_000 }, sink)).rejects.toBeInstanceOf(StreamCancelledError);
    expect(sink.rows).toHaveLength(150);
  });
});

describe('live tail', () => {
  const topic = uniqueTopic('browse-tail');

  beforeAll(async () => {
    await createTopic(info, { topic, partitions: 2 });
    await produceWithKafkajs(info, topic, [{ value: 'old', partition: 0 }]);
  });

  it('picks up new messages at the end until cancelled', async () => {
    const sink = collectingSink({ onBatch: (_rows, self) => self.rows.length >= 3 && self.cancel() });
    const request = browseRequestSchema.parse({ profileId: 'it', topic, start: { kind: 'end' }, liveTail: true });
    const running = browseMessages(settings, request, sink, { clock: systemClock });
    running.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.rows).toEqual([]);
    await produceWithKafkajs(info, topic, [
      { value: 'new-0', partition: 0 },
      { value: 'new-1', partition: 1 },
      { value: 'new-2', partition: 0 },
    ]);
    await expect(running).rejects.toBeInstanceOf(StreamCancelledError);
    expect(values(sink.rows).sort()).toEqual(['new-0', 'new-1', 'new-2']);
  });
});
