import { describe, expect, it } from 'vitest';
import { browseRequestSchema, type BrowseProgress, type BrowseRequestInput, type BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { StreamCancelledError, type StreamSink } from '../../../../shared/ipc/stream';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import type { FetchCluster, FetchedPartition, FetchedRecord } from '../kafka/protocol/fetch-cluster';
import { browseMessages, type BrowseTuning } from './browse-messages';

const settings: KafkaConnectionSettings = { name: 'unit', bootstrapServers: ['localhost:9092'], tls: null, sasl: null };

interface FakeLog {
  /** Offsets below this were deleted by retention. */
  low: number;
  records: FetchedRecord[];
}

/** An in-memory cluster: `recordsPerFetch` per partition per fetch; scripted leader changes and retention. */
function fakeCluster(
  logs: Record<number, FakeLog>,
  options: { recordsPerFetch?: number; leaderChanges?: Record<number, number>; onFetch?: (offsets: Record<number, bigint>) => void } = {},
) {
  const leaderChanges = { ...options.leaderChanges };
  const stats = { fetches: 0, closed: false };
  const cluster: FetchCluster = {
    async partitions() {
      return Object.keys(logs).map(Number);
    },
    async listOffsets(_topic, partitions, spec) {
      return new Map(
        partitions.map((partition) => {
          const log = logs[partition]!;
          if (spec === 'earliest') return [partition, BigInt(log.low)];
          if (spec === 'latest') return [partition, BigInt(log.records.length)];
          const found = log.records.find((record) => record.offset >= BigInt(log.low) && record.timestamp >= spec.timestamp);
          return [partition, found ? found.offset : BigInt(log.records.length)];
        }),
      );
    },
    async fetch(_topic, positions) {
      stats.fetches += 1;
      options.onFetch?.(Object.fromEntries(positions.map(({ partition, offset }) => [partition, offset])));
      return positions.map(({ partition, offset }): FetchedPartition => {
        const log = logs[partition]!;
        if ((leaderChanges[partition] ?? 0) > 0) {
          leaderChanges[partition]! -= 1;
          return { partition, status: 'leader-changed' };
        }
        if (offset < BigInt(log.low) || offset > BigInt(log.records.length)) return { partition, status: 'offset-out-of-range' };
        const records = log.records.slice(Number(offset), Number(offset) + (options.recordsPerFetch ?? 10));
        const last = records.at(-1);
        return { partition, status: 'ok', highWatermark: BigInt(log.records.length), records, nextOffset: last ? last.offset + 1n : offset };
      });
    },
    async brokers() {
      return [];
    },
    async anyBroker() {
      throw new Error('not used');
    },
    async close() {
      stats.closed = true;
    },
  };
  return { cluster, stats };
}

function log(count: number, options: { low?: number; timestamp?: (offset: number) => number; value?: (offset: number) => string } = {}): FakeLog {
  return {
    low: options.low ?? 0,
    records: Array.from({ length: count }, (_, offset) => ({
      offset: BigInt(offset),
      timestamp: options.timestamp?.(offset) ?? 1_000 + offset,
      timestampType: 'create' as const,
      key: null,
      value: Buffer.from(options.value?.(offset) ?? `v${offset}`),
      headers: [],
    })),
  };
}

function sink(options: { cancelAfterBatches?: number } = {}) {
  const abort = new AbortController();
  const collected = { rows: [] as BrowseRow[], batches: [] as number[], progress: [] as BrowseProgress[], phases: [] as string[] };
  const value: StreamSink<BrowseRow, BrowseProgress> = {
    signal: abort.signal,
    async batch(items) {
      if (abort.signal.aborted) throw new StreamCancelledError();
      collected.rows.push(...items);
      collected.batches.push(items.length);
      if (collected.batches.length === options.cancelAfterBatches) abort.abort();
    },
    progress: (progress) => collected.progress.push(progress),
    phase: (phase) => collected.phases.push(phase),
  };
  return { sink: value, collected };
}

let now = 0;
const clock = { now: () => (now += 1) };

async function run(cluster: FetchCluster, input: Omit<BrowseRequestInput, 'profileId' | 'topic'>, tuning: Partial<BrowseTuning> = {}, target = sink()) {
  const request = browseRequestSchema.parse({ profileId: 'p', topic: 't', ...input });
  const summary = await browseMessages(settings, request, target.sink, { clock, openCluster: async () => cluster, tuning });
  return { summary, ...target.collected };
}

const offsetsOf = (rows: BrowseRow[]) => rows.map((row) => `${row.partition}:${row.offset}`);

describe('browseMessages', () => {
  it('retries a partition whose leader moved and reads it in full', async () => {
    const { cluster, stats } = fakeCluster({ 0: log(25), 1: log(5) }, { leaderChanges: { 0: 2 } });
    const { rows, summary } = await run(cluster, { limit: 100 });
    expect(rows.filter((row) => row.partition === 0).map((row) => row.offset)).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    expect(summary).toMatchObject({ scanned: 30, matched: 30, reason: 'end-of-range' });
    expect(stats.closed).toBe(true);
  });

  it('gives up on a partition that never gets a leader', async () => {
    const { cluster } = fakeCluster({ 0: log(5) }, { leaderChanges: { 0: 1_000 } });
    await expect(run(cluster, {}, { maxLeaderRetries: 2 })).rejects.toThrow(/no reachable leader/);
  });

  it('skips to the log start when retention deleted the next offset', async () => {
    const logs = { 0: log(30) };
    const { cluster } = fakeCluster(logs, {
      recordsPerFetch: 5,
      onFetch: (offsets) => {
        if (offsets[0] === 5n) logs[0]!.low = 20;
      },
    });
    const { rows } = await run(cluster, { limit: 100 });
    expect(offsetsOf(rows)).toEqual([...Array.from({ length: 5 }, (_, i) => `0:${i}`), ...Array.from({ length: 10 }, (_, i) => `0:${20 + i}`)]);
  });

  it('sends batches no larger than the configured rows and bytes', async () => {
    const { cluster } = fakeCluster({ 0: log(100, { value: () => 'x'.repeat(500) }) }, { recordsPerFetch: 40 });
    const { batches } = await run(cluster, { limit: 1_000 }, { batchMaxRows: 30, batchMaxBytes: 5_000 });
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(100);
    expect(Math.max(...batches)).toBeLessThanOrEqual(8);
  });

  it('holds at most one prefetched response while the sink is busy', async () => {
    const positions: bigint[] = [];
    const { cluster } = fakeCluster({ 0: log(1_000) }, { recordsPerFetch: 10, onFetch: (offsets) => positions.push(offsets[0]!) });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const target = sink();
    const slow: StreamSink<BrowseRow, BrowseProgress> = {
      ...target.sink,
      signal: target.sink.signal,
      async batch(items) {
        await gate;
        await target.sink.batch(items);
      },
    };
    const running = run(cluster, { limit: 1_000 }, { batchMaxRows: 10 }, { sink: slow, collected: target.collected });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first response is being emitted, the second was prefetched; nothing more is fetched.
    expect(positions).toEqual([0n, 10n]);
    release();
    const { rows } = await running;
    expect(rows).toHaveLength(1_000);
  });

  it('merges partitions oldest-first by timestamp and counts the limit in that order', async () => {
    // Each partition's first fetch holds more rows than the limit: the broker's answer order must not decide.
    const logs = { 0: log(20, { timestamp: (o) => o * 30 }), 1: log(20, { timestamp: (o) => o * 30 + 10 }), 2: log(20, { timestamp: (o) => o * 30 + 20 }) };
    const { cluster } = fakeCluster(logs, { recordsPerFetch: 8 });
    const { rows, summary } = await run(cluster, { limit: 7 });
    expect(offsetsOf(rows)).toEqual(['0:0', '1:0', '2:0', '0:1', '1:1', '2:1', '0:2']);
    expect(summary).toMatchObject({ reason: 'limit', order: 'timestamp' });
    // Fetched is not shown: no partition claims to be done, and each stands at its next unsent row.
    expect(summary.partitions.map(({ position, done }) => `${position}${done ? ' done' : ''}`)).toEqual(['3', '2', '2']);
  });

  it('merges oldest-first across chunks, a filter and an uneven spread, losing nothing', async () => {
    const logs = { 0: log(40, { timestamp: (o) => o * 3 }), 1: log(9, { timestamp: (o) => 50 + o * 7 }), 2: log(0) };
    const { cluster } = fakeCluster(logs, { recordsPerFetch: 4 });
    const { rows, summary } = await run(cluster, { limit: 1_000, filters: [{ kind: 'text', target: 'value', match: 'regex', pattern: '^v[0-9]*[02468]$' }] });
    const expected = [0, 1]
      .flatMap((partition) => logs[partition as 0 | 1].records.map((record) => ({ partition, offset: Number(record.offset), timestamp: record.timestamp })))
      .filter((entry) => entry.offset % 2 === 0)
      .sort((a, b) => a.timestamp - b.timestamp || a.partition - b.partition);
    expect(offsetsOf(rows)).toEqual(expected.map((entry) => `${entry.partition}:${entry.offset}`));
    expect(summary).toMatchObject({ reason: 'end-of-range', order: 'timestamp', scanned: 49 });
    expect(summary.partitions.every((entry) => entry.done)).toBe(true);
  });

  it('says live tail sends rows in arrival order', async () => {
    const { cluster } = fakeCluster({ 0: log(3) });
    const target = sink({ cancelAfterBatches: 1 });
    await expect(run(cluster, { liveTail: true, start: { kind: 'beginning' } }, { flushIntervalMs: 0, progressIntervalMs: 0 }, target)).rejects.toBeInstanceOf(StreamCancelledError);
    expect(target.collected.progress.length).toBeGreaterThan(0);
    expect(target.collected.progress.every((progress) => progress.order === 'arrival')).toBe(true);
  });

  it('names the partitions whose start offset is past their end, with the end offset', async () => {
    const { cluster } = fakeCluster({ 0: log(10), 1: log(3) });
    const { rows, summary } = await run(cluster, { start: { kind: 'offset', offset: '5' } });
    expect(offsetsOf(rows)).toEqual(['0:5', '0:6', '0:7', '0:8', '0:9']);
    expect(summary.startPastEnd).toEqual([{ partition: 1, end: '3' }]);
    const beyond = await run(cluster, { start: { kind: 'offset', offset: '10' } });
    expect(beyond.rows).toEqual([]);
    expect(beyond.summary.startPastEnd).toEqual([
      { partition: 0, end: '10' },
      { partition: 1, end: '3' },
    ]);
    expect((await run(cluster, { start: { kind: 'beginning' } })).summary.startPastEnd).toEqual([]);
  });

  it('merges partitions newest-first by timestamp within bounded windows', async () => {
    const { cluster } = fakeCluster({ 0: log(10, { timestamp: (o) => o * 10 }), 1: log(10, { timestamp: (o) => o * 10 + 5 }) }, { recordsPerFetch: 3 });
    const { rows } = await run(cluster, { direction: 'newest-first', limit: 6 }, { maxHeldRows: 4 });
    expect(offsetsOf(rows)).toEqual(['1:9', '0:9', '1:8', '0:8', '1:7', '0:7']);
  });

  it('re-reads what a full window had to drop, so newest-first loses nothing', async () => {
    const { cluster } = fakeCluster({ 0: log(50) }, { recordsPerFetch: 7 });
    const { rows } = await run(cluster, { direction: 'newest-first', limit: 1_000, filters: [{ kind: 'text', target: 'value', match: 'regex', pattern: '^v[0-9]*[05]$' }] }, { maxHeldRows: 4 });
    expect(rows.map((row) => Number(row.offset))).toEqual([45, 40, 35, 30, 25, 20, 15, 10, 5, 0]);
  });

  it('throttles progress frames and always sends a final one', async () => {
    const { cluster } = fakeCluster({ 0: log(200) }, { recordsPerFetch: 1 });
    const { progress, summary } = await run(cluster, { limit: 1_000 }, { progressIntervalMs: 50 });
    expect(progress.length).toBeLessThan(200);
    expect(progress.at(-1)).toMatchObject({ scanned: 200, matched: 200, partitions: [{ partition: 0, start: '0', end: '200', position: '200', done: true }] });
    expect(summary.reason).toBe('end-of-range');
  });

  it('stops with StreamCancelledError once cancelled and closes the cluster', async () => {
    const { cluster, stats } = fakeCluster({ 0: log(1_000) });
    await expect(run(cluster, { limit: 1_000 }, { batchMaxRows: 10 }, sink({ cancelAfterBatches: 2 }))).rejects.toBeInstanceOf(StreamCancelledError);
    expect(stats.closed).toBe(true);
  });

  it('resolves start positions per partition', async () => {
    const { cluster } = fakeCluster({ 0: log(10, { low: 3 }) });
    const read = async (start: BrowseRequestInput['start'], direction: 'oldest-first' | 'newest-first' = 'oldest-first') =>
      (await run(cluster, { start, direction })).rows.map((row) => Number(row.offset));
    expect(await read({ kind: 'beginning' })).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await read({ kind: 'offset', offset: '1' })).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await read({ kind: 'offset', offset: '8' })).toEqual([8, 9]);
    expect(await read({ kind: 'timestamp', timestamp: 1_007 })).toEqual([7, 8, 9]);
    expect(await read({ kind: 'last', count: 2 })).toEqual([8, 9]);
    expect(await read({ kind: 'end' })).toEqual([]);
    expect(await read({ kind: 'offset', offset: '5' }, 'newest-first')).toEqual([5, 4, 3]);
    expect(await read({ kind: 'timestamp', timestamp: 1_004 }, 'newest-first')).toEqual([4, 3]);
  });
});
