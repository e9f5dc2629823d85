// Message export against the real bed: full values (over 1 MB), non-UTF-8 bytes and headers round-trip
// through JSON Lines and CSV files; filters and limits apply; cancel and refusal leave no file.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import kafkajs from 'kafkajs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { exportRequestSchema, type ExportProgress, type ExportRequestInput } from '../../shared/domain/messages/export-request';
import { MESSAGE_CSV_COLUMNS } from '../../shared/domain/messages/message-csv';
import { decodeJsonlBytes, messageJsonlLineBytes, parseMessageJsonlLine, type JsonlEncoding } from '../../shared/domain/messages/message-jsonl';
import { profileActions, type ProfileAction } from '../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../shared/ipc/result';
import { StreamCancelledError } from '../../shared/ipc/stream';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { exportMessages, type ExportDeps, type ExportSink } from '../../electron/main/services/messages/export-messages';
import { systemClock } from '../../electron/main/services/ports';
import { createTopic, kafkaConfig, uniqueTopic } from '../../testbed/helpers';

const info = inject('testbed');
const settings: KafkaConnectionSettings = { name: 'it', bootstrapServers: info.listeners.plaintext.split(','), tls: null, sasl: null };

interface ProducedRecord {
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<{ key: string; value: Buffer }>;
}

interface ExportedRecord {
  partition: number;
  offset: string;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: Array<{ key: string; value: Uint8Array | null }>;
}

type TestSink = ExportSink & { frames: ExportProgress[]; phases: string[] };

function sinkFor(onProgress?: (progress: ExportProgress, abort: () => void) => void): TestSink {
  const abort = new AbortController();
  const sink = {
    frames: [] as ExportProgress[],
    phases: [] as string[],
    signal: abort.signal,
    batch: () => Promise.reject(new Error('export sends no items')),
    progress(progress: ExportProgress) {
      sink.frames.push(progress);
      onProgress?.(progress, () => abort.abort());
    },
    phase(phase: string) {
      sink.phases.push(phase);
    },
  };
  return sink;
}

async function runExport(input: Omit<ExportRequestInput, 'profileId'>, options: { sink?: TestSink; allowed?: ProfileAction[]; dir?: string; answer?: string | null; tuning?: ExportDeps['tuning'] } = {}) {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'odradek-export-')));
  const suggested: string[] = [];
  const sink = options.sink ?? sinkFor();
  const deps: ExportDeps = {
    clock: systemClock,
    profiles: {
      get: async () => ({ name: 'it', safety: { readOnly: false, allowedActions: options.allowed ?? [...profileActions] } }),
      resolveConnection: async () => settings,
    },
    dialogs: {
      chooseSavePath: async (kind, name) => {
        suggested.push(`${kind}:${name}`);
        return options.answer === undefined ? path.join(dir, name) : options.answer;
      },
    },
    tuning: { batchMaxRows: 7, ...options.tuning },
  };
  const summary = await exportMessages(exportRequestSchema.parse({ profileId: 'it', ...input }), sink, deps);
  return { summary, dir, suggested, sink };
}

async function readJsonl(file: string): Promise<ExportedRecord[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const parsed = parseMessageJsonlLine(line);
      return { partition: parsed.partition, offset: parsed.offset, ...messageJsonlLineBytes(parsed) };
    });
}

async function readCsv(file: string): Promise<ExportedRecord[]> {
  const rows = parseCsv(await readFile(file), { columns: true }) as Array<Record<(typeof MESSAGE_CSV_COLUMNS)[number], string>>;
  const bytes = (text: string, encoding: string) => (encoding === '' ? null : decodeJsonlBytes(text, encoding as JsonlEncoding));
  return rows.map((row) => ({
    partition: Number(row.partition),
    offset: row.offset,
    key: bytes(row.key, row.key_encoding),
    value: bytes(row.value, row.value_encoding),
    headers: (JSON.parse(row.headers) as Array<{ key: string; value: string | null; encoding: JsonlEncoding }>).map((header) => ({
      key: header.key,
      value: header.value === null ? null : decodeJsonlBytes(header.value, header.encoding),
    })),
  }));
}

const comparable = (records: Array<ProducedRecord | ExportedRecord>) =>
  records
    .map((record) => ({
      partition: record.partition,
      key: record.key === null ? null : Buffer.from(record.key).toString('hex'),
      value: record.value === null ? null : Buffer.from(record.value).toString('hex'),
      headers: record.headers.map((header) => [header.key, header.value === null ? null : Buffer.from(header.value).toString('hex')]),
    }))
    .sort((a, b) => a.partition - b.partition || String(a.key).localeCompare(String(b.key)));

describe('exporting a topic to a file', () => {
  const topic = uniqueTopic('export');
  const big = Buffer.alloc(1536 * 1024, 'é');
  const produced: ProducedRecord[] = [];
  for (let index = 0; index < 40; index++) {
    produced.push({
      partition: index % 2,
      key: Buffer.from(`key-${String(index).padStart(2, '0')}`),
      value: Buffer.from(JSON.stringify({ index, note: 'line one\nline two, "quoted"' })),
      headers: [{ key: 'kind', value: Buffer.from(index % 4 === 0 ? 'keep' : 'skip') }],
    });
  }
  produced.push(
    { partition: 0, key: Buffer.from([0xff, 0xfe, 0x00, 0x01]), value: Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), headers: [{ key: 'kind', value: Buffer.from('keep') }, { key: 'raw', value: Buffer.from([0x80, 0x00]) }] },
    { partition: 1, key: Buffer.from('key-big'), value: big, headers: [{ key: 'kind', value: Buffer.from('keep') }] },
    { partition: 1, key: Buffer.from('key-tombstone'), value: null, headers: [{ key: 'kind', value: Buffer.from('keep') }] },
    { partition: 0, key: null, value: Buffer.from([0xef, 0xbb, 0xbf, 0x41]), headers: [{ key: 'kind', value: Buffer.from('keep') }] },
  );
  const kept = produced.filter((record) => record.headers[0]!.value.toString() === 'keep');
  const keepFilter = { kind: 'text', target: 'header', headerName: 'kind', match: 'substring', pattern: 'keep', caseSensitive: true } as const;

  beforeAll(async () => {
    await createTopic(info, { topic, partitions: 2, configs: { 'max.message.bytes': String(4 * 1024 * 1024) } });
    const producer = new kafkajs.Kafka({ ...kafkaConfig(info, 'plaintext'), clientId: 'export-producer' }).producer();
    await producer.connect();
    for (const record of produced) {
      await producer.send({
        topic,
        messages: [{ partition: record.partition, key: record.key, value: record.value, headers: Object.fromEntries(record.headers.map((header) => [header.key, header.value])) }],
      });
    }
    await producer.disconnect();
  });

  it('writes every record in full to JSON Lines, bytes exact, with progress', async () => {
    const { summary, dir, suggested, sink } = await runExport({ topic, format: 'jsonl' });
    const today = new Date().toISOString().slice(0, 10);
    expect(suggested).toEqual([`message-export:${topic}-${today}.jsonl`]);
    expect(summary).toMatchObject({ path: path.join(dir, `${topic}-${today}.jsonl`), cancelled: false, scanned: produced.length, written: produced.length });
    expect(await readdir(dir)).toEqual([`${topic}-${today}.jsonl`]);
    const exported = await readJsonl(summary.path!);
    expect(summary.bytes).toBe((await readFile(summary.path!)).length);
    expect(comparable(exported)).toEqual(comparable(produced));
    expect(exported.find((record) => Buffer.from(record.key ?? []).toString() === 'key-big')!.value!.length).toBe(big.length);
    // Offsets per partition are the produce order.
    for (const partition of [0, 1]) {
      expect(exported.filter((record) => record.partition === partition).map((record) => Number(record.offset))).toEqual(
        produced.filter((record) => record.partition === partition).map((_, index) => index),
      );
    }
    expect(sink.frames.at(-1)).toEqual({ scanned: produced.length, written: produced.length, bytes: summary.bytes });
    expect(sink.phases).toContain('reading');
  });

  it('writes filtered records to CSV that parses back to the same bytes', async () => {
    const { summary } = await runExport({ topic, format: 'csv', filters: [keepFilter] });
    expect(summary).toMatchObject({ scanned: produced.length, written: kept.length });
    expect(comparable(await readCsv(summary.path!))).toEqual(comparable(kept));
    const header = (await readFile(summary.path!, 'utf8')).split('\n', 1)[0];
    expect(header).toBe(MESSAGE_CSV_COLUMNS.join(','));
  });

  it('honours a limit, a start offset and the partition choice', async () => {
    const { summary } = await runExport({ topic, format: 'jsonl', partitions: [1], start: { kind: 'offset', offset: '5' }, limit: 3 });
    const exported = await readJsonl(summary.path!);
    expect(exported.map((record) => [record.partition, record.offset])).toEqual([[1, '5'], [1, '6'], [1, '7']]);
  });

  it('exports the newest records first with a limit, each in full', async () => {
    const { summary } = await runExport({ topic, format: 'jsonl', partitions: [1], direction: 'newest-first', limit: 3 });
    const exported = await readJsonl(summary.path!);
    const inPartition = produced.filter((record) => record.partition === 1);
    expect(exported.map((record) => Number(record.offset))).toEqual([inPartition.length - 1, inPartition.length - 2, inPartition.length - 3]);
    expect(comparable(exported)).toEqual(comparable(inPartition.slice(-3)));
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { summary, dir } = await runExport({ topic, format: 'jsonl' }, { answer: null });
    expect(summary).toEqual({ path: null, cancelled: true, scanned: 0, written: 0, bytes: 0 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves no file, partial or final, when cancelled mid-export', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odradek-export-'));
    let writtenAtCancel = 0;
    const sink = sinkFor((progress, abort) => {
      if (progress.written > 0 && writtenAtCancel === 0) {
        writtenAtCancel = progress.written;
        abort();
      }
    });
    await expect(
      runExport({ topic, format: 'csv' }, { sink, dir, tuning: { batchMaxRows: 2, fetchMaxBytes: 512, partitionMaxBytes: 256, progressIntervalMs: 0 } }),
    ).rejects.toBeInstanceOf(StreamCancelledError);
    expect(writtenAtCancel).toBeGreaterThan(0);
    expect(writtenAtCancel).toBeLessThan(produced.length);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a profile without export-data before asking for a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odradek-export-'));
    const attempt = runExport({ topic, format: 'jsonl' }, { dir, allowed: profileActions.filter((action) => action !== 'export-data') });
    await expect(attempt).rejects.toBeInstanceOf(AppFailure);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/export-data/) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says which file it cannot write', async () => {
    await expect(runExport({ topic, format: 'jsonl' }, { answer: '/nonexistent-dir/out.jsonl' })).rejects.toThrow(/Cannot write the export next to \/nonexistent-dir\/out.jsonl: ENOENT/);
  });
});
