// The message browser: reads a topic without a consumer group, filters in main, and streams decoded rows
// in batches that wait for the renderer's credit, so neither side accumulates. A bounded range is merged
// across partitions by timestamp, each partition in offset order, and the limit applies to that merged
// order: oldest-first keeps one fetched chunk per partition and always sends the oldest head next;
// newest-first reads each partition backwards in bounded windows and sends the newest head next. Live
// tail cannot wait for a quiet partition, so it sends rows as they arrive and says so (`order`). The
// same engine streams raw records for export (`browseRecords` with another mapper), so export reads
// exactly what browsing shows.
import { CONFLUENT_HEADER_BYTES, parseConfluentWireFormat, type SchemaResolver } from '../../../../shared/domain/decoders';
import type {
  BrowseProgress,
  BrowseRequest,
  BrowseRow,
  BrowseSummary,
  PartitionPosition,
} from '../../../../shared/domain/messages/browse-request';
import { compileFilters, type FilterContext, type RecordPredicate } from '../../../../shared/domain/messages/filters';
import { StreamCancelledError, type StreamSink } from '../../../../shared/ipc/stream';
import type { Clock } from '../ports';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { openFetchCluster, type FetchCluster, type FetchedPartition, type FetchedRecord, type FetchLimits } from '../kafka/protocol/fetch-cluster';
import { recordSize, rowWeight, schemaIdsOf, toDecodedRow, toRow } from './record-rows';

export interface BrowseTuning {
  batchMaxRows: number;
  batchMaxBytes: number;
  /** Rows waiting longer than this are sent even if the batch is small (live tail, slow filters). */
  flushIntervalMs: number;
  progressIntervalMs: number;
  fetchMaxBytes: number;
  partitionMaxBytes: number;
  /** Broker wait for a fetch inside a known range (data is there) and at the live end. */
  rangeMaxWaitMs: number;
  tailMaxWaitMs: number;
  /** Newest-first: matching rows held across all partitions' windows before they are sent. */
  maxHeldRows: number;
  /** Consecutive leader-change retries per partition before giving up. */
  maxLeaderRetries: number;
}

export const defaultBrowseTuning: BrowseTuning = {
  batchMaxRows: 500,
  batchMaxBytes: 1024 * 1024,
  flushIntervalMs: 250,
  progressIntervalMs: 250,
  fetchMaxBytes: 4 * 1024 * 1024,
  partitionMaxBytes: 1024 * 1024,
  rangeMaxWaitMs: 100,
  tailMaxWaitMs: 500,
  maxHeldRows: 5_000,
  maxLeaderRetries: 12,
};

export interface BrowseDeps {
  clock: Clock;
  openCluster?: (settings: KafkaConnectionSettings) => Promise<FetchCluster>;
  /** Decodes registry-encoded keys and values (rows, filters, export) when the profile has a registry. */
  schemaResolver?: SchemaResolver;
  tuning?: Partial<BrowseTuning>;
}

export type BrowseSink = StreamSink<BrowseRow, BrowseProgress>;

/** What the engine streams per matching record: display rows for browsing, full records for export. */
export interface RecordMapper<Row extends { offset: string; timestamp: number }> {
  toRow(partition: number, record: FetchedRecord, sizes: ReturnType<typeof recordSize>): Row | Promise<Row>;
  /** Roughly what a row costs to hold and send, for sizing batches. */
  weight(row: Row): number;
}

interface PartitionRange {
  partition: number;
  /** Oldest-first: first offset; newest-first: the lowest offset to reach. */
  start: bigint;
  /** Exclusive; null while live tailing. */
  end: bigint | null;
  /** Oldest-first: next offset to read. Newest-first: everything at or above it has been read. */
  position: bigint;
  done: boolean;
  leaderRetries: number;
}

export async function browseMessages(
  settings: KafkaConnectionSettings,
  request: BrowseRequest,
  sink: BrowseSink,
  deps: BrowseDeps,
): Promise<BrowseSummary> {
  const resolver = deps.schemaResolver;
  return browseRecords(settings, request, sink, deps, {
    toRow(partition, record, sizes) {
      return resolver ? toDecodedRow(partition, record, request.previewBytes, sizes, resolver, sink.signal) : toRow(partition, record, request.previewBytes, sizes);
    },
    weight: rowWeight,
  });
}

/** The engine with any row shape; `request.limit` may be Infinity for an unbounded range. */
export async function browseRecords<Row extends { offset: string; timestamp: number }>(
  settings: KafkaConnectionSettings,
  request: BrowseRequest,
  sink: StreamSink<Row, BrowseProgress>,
  deps: BrowseDeps,
  mapper: RecordMapper<Row>,
): Promise<BrowseSummary> {
  const predicate = compileFilters(request.filters, deps.schemaResolver ? decodedFilterContext(deps.schemaResolver) : {});
  const cluster = await (deps.openCluster ?? ((s) => openFetchCluster(s, deps.clock)))(settings);
  try {
    sink.phase('resolving', `Finding offsets in ${request.topic}`);
    const browser = new Browser(cluster, request, sink, deps, predicate, mapper);
    await browser.resolveRanges();
    sink.phase('reading');
    if (request.direction === 'newest-first') return await browser.readNewestFirst();
    return request.liveTail ? await browser.readAsArriving() : await browser.readOldestFirst();
  } finally {
    await cluster.close().catch(() => undefined);
  }
}

class Browser<Row extends { offset: string; timestamp: number }> {
  private readonly tuning: BrowseTuning;
  private readonly started: number;
  private ranges: PartitionRange[] = [];
  /** Oldest-first over a bounded range: the rows in hand per partition. */
  private lanes: Map<number, Lane<Row>> | null = null;
  private startPastEnd: BrowseSummary['startPastEnd'] = [];
  private pending: Row[] = [];
  private pendingWeight = 0;
  private lastFlush: number;
  private lastProgress = 0;
  private scanned = 0;
  private matched = 0;
  private bytes = 0;
  private readonly filtered: boolean;

  constructor(
    private readonly cluster: FetchCluster,
    private readonly request: BrowseRequest,
    private readonly sink: StreamSink<Row, BrowseProgress>,
    private readonly deps: BrowseDeps,
    private readonly predicate: RecordPredicate,
    private readonly mapper: RecordMapper<Row>,
  ) {
    this.tuning = { ...defaultBrowseTuning, ...deps.tuning };
    this.filtered = request.filters.length > 0;
    this.started = deps.clock.now();
    this.lastFlush = this.started;
  }

  async resolveRanges(): Promise<void> {
    const { topic, start, direction } = this.request;
    const existing = await this.cluster.partitions(topic);
    const selected = this.request.partitions === 'all' ? existing : this.request.partitions;
    const missing = selected.filter((partition) => !existing.includes(partition));
    if (missing.length > 0) throw new Error(`Topic '${topic}' has no partition ${missing.join(', ')}.`);
    const [low, high] = await Promise.all([this.cluster.listOffsets(topic, selected, 'earliest'), this.cluster.listOffsets(topic, selected, 'latest')]);
    let atTimestamp: Map<number, bigint> | null = null;
    if (start.kind === 'timestamp') {
      // Newest-first reads records at or before T: everything below the first offset after T.
      const timestamp = direction === 'newest-first' ? start.timestamp + 1 : start.timestamp;
      atTimestamp = await this.cluster.listOffsets(topic, selected, { timestamp });
    }
    this.ranges = selected.map((partition) => {
      const earliest = low.get(partition) ?? 0n;
      const latest = high.get(partition) ?? earliest;
      const clamp = (offset: bigint) => (offset < earliest ? earliest : offset > latest ? latest : offset);
      let from = earliest;
      let to = latest;
      switch (start.kind) {
        case 'beginning':
          break;
        case 'end':
          if (direction === 'oldest-first') from = latest;
          break;
        case 'offset':
          if (BigInt(start.offset) >= latest) {
            this.startPastEnd.push({ partition, end: latest.toString() });
          }
          if (direction === 'oldest-first') from = clamp(BigInt(start.offset));
          else to = clamp(BigInt(start.offset) + 1n);
          break;
        case 'timestamp':
          if (direction === 'oldest-first') from = clamp(atTimestamp?.get(partition) ?? latest);
          else to = clamp(atTimestamp?.get(partition) ?? latest);
          break;
        case 'last':
          from = clamp(latest - BigInt(start.count));
          break;
      }
      const end = this.request.liveTail ? null : to;
      const position = direction === 'oldest-first' ? from : to;
      return { partition, start: from, end, position, done: end !== null && from >= end, leaderRetries: 0 };
    });
  }

  /**
   * Oldest-first over a bounded range: each partition holds the matching rows of one fetched chunk (and
   * at most one more chunk fetched ahead); the oldest head among them goes next, so the limit counts
   * rows in timestamp order across partitions, not whichever partition the broker answered first.
   */
  async readOldestFirst(): Promise<BrowseSummary> {
    const limits = this.limits(this.tuning.rangeMaxWaitMs);
    const lanes = this.ranges.map((range): Lane<Row> => ({ range, rows: [], next: 0, chunk: null }));
    this.lanes = new Map(lanes.map((lane) => [lane.range.partition, lane]));
    const heads = new LaneHeap<Row>();
    // One fetch in flight at a time; it never rejects: its failure is kept and thrown by the loop.
    let inflight: Promise<void> | null = null;
    let failure: { error: unknown } | null = null;
    const startFetch = (): Promise<void> | null => {
      const wanted = lanes.filter((lane) => !lane.range.done && lane.chunk === null);
      if (wanted.length === 0) return null;
      const fetched = this.cluster
        .fetch(this.request.topic, wanted.map(({ range }) => ({ partition: range.partition, offset: range.position })), limits)
        .then(async (results) => {
          for (const result of results) {
            const lane = this.laneOf(result.partition);
            const range = lane.range;
            if (result.status !== 'ok') {
              await this.recover(range, result.status);
              continue;
            }
            range.leaderRetries = 0;
            const end = range.end!;
            const last = result.records[result.records.length - 1];
            lane.chunk = last === undefined || last.offset < end ? result.records : result.records.filter((record) => record.offset < end);
            range.position = result.nextOffset;
            const exhausted = result.records.length === 0 && range.position >= result.highWatermark;
            if (range.position >= end || exhausted) range.done = true;
          }
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          inflight = null;
        });
      return fetched;
    };
    const throwIfFailed = () => {
      if (failure) throw failure.error;
    };
    for (;;) {
      this.throwIfCancelled();
      throwIfFailed();
      let waiting = false;
      for (const lane of lanes) {
        if (lane.next < lane.rows.length) continue;
        if (lane.chunk !== null) {
          await this.fill(lane);
          if (lane.next < lane.rows.length) heads.push(lane);
        }
        if (lane.next >= lane.rows.length && !lane.range.done) waiting = true;
      }
      // A partition with nothing in hand and more to read may hold the oldest record: wait for it.
      if (waiting) {
        inflight ??= startFetch();
        if (inflight) await inflight;
        continue;
      }
      if (heads.size === 0) return await this.finish('end-of-range');
      // Fetch ahead while rows are sent: at most one chunk per partition beyond the rows in hand.
      inflight ??= startFetch();
      for (;;) {
        const lane = heads.pop()!;
        // The oldest lane keeps the turn while its head is still not newer than the next lane's.
        const rival = heads.peek();
        do {
          const sending = this.emit(lane.rows[lane.next]!);
          lane.next += 1;
          if (sending) await sending;
          if (this.matched >= this.request.limit) return await this.finish('limit');
        } while (lane.next < lane.rows.length && (rival === undefined || !before(rival, lane)));
        if (lane.next < lane.rows.length) heads.push(lane);
        else break;
      }
      await this.maybeFlushByTime();
      this.maybeProgress();
    }
  }

  /** Turns a lane's fetched chunk into its matching rows. */
  private async fill(lane: Lane<Row>): Promise<void> {
    const records = lane.chunk!;
    lane.chunk = null;
    const rows: Row[] = [];
    for (const record of records) {
      const matched = this.match(lane.range.partition, record);
      // A schema lookup may still find that the decoded record does not match the filters.
      const row = matched instanceof Promise ? await matched : matched;
      if (row !== null) rows.push(row);
    }
    lane.rows = rows;
    lane.next = 0;
  }

  private laneOf(partition: number): Lane<Row> {
    const lane = this.lanes?.get(partition);
    if (!lane) throw new Error(`The broker answered for partition ${partition}, which was not asked for.`);
    return lane;
  }

  /** Live tail: rows go out as each fetch delivers them; a quiet partition cannot hold the others back. */
  async readAsArriving(): Promise<BrowseSummary> {
    const tail = this.request.liveTail;
    const limits = this.limits(tail ? this.tuning.tailMaxWaitMs : this.tuning.rangeMaxWaitMs);
    const active = () => this.ranges.filter((range) => !range.done);
    const startFetch = (ranges: PartitionRange[]) =>
      this.cluster.fetch(this.request.topic, ranges.map(({ partition, position }) => ({ partition, offset: position })), limits);

    let inflight: Promise<FetchedPartition[]> | null = active().length > 0 ? startFetch(active()) : null;
    while (inflight) {
      const results = await inflight;
      this.throwIfCancelled();
      const records = new Map<number, FetchedRecord[]>();
      for (const result of results) {
        const range = this.rangeOf(result.partition);
        if (result.status === 'ok') {
          range.leaderRetries = 0;
          const end = range.end;
          const last = result.records[result.records.length - 1];
          records.set(result.partition, end === null || last === undefined || last.offset < end ? result.records : result.records.filter((record) => record.offset < end));
          range.position = result.nextOffset;
          const exhausted = result.records.length === 0 && range.position >= result.highWatermark;
          if (range.end !== null && (range.position >= range.end || exhausted)) range.done = true;
        } else {
          await this.recover(range, result.status);
        }
      }
      // Fetch the next chunk while this one is decoded: at most two responses are in memory.
      const next = active();
      inflight = next.length > 0 ? startFetch(next) : null;
      let limitReached: boolean;
      try {
        limitReached = await this.consumeFetched(records);
      } catch (error) {
        // The prefetch is abandoned; keep its failure from surfacing as an unhandled rejection.
        inflight?.catch(() => undefined);
        throw error;
      }
      if (limitReached) {
        inflight?.catch(() => undefined);
        return await this.finish('limit');
      }
    }
    return await this.finish('end-of-range');
  }

  /** Filters and emits one fetch's records; true once the row limit is reached (never while tailing). */
  private async consumeFetched(records: Map<number, FetchedRecord[]>): Promise<boolean> {
    const tail = this.request.liveTail;
    for (const [partition, partitionRecords] of records) {
      for (const record of partitionRecords) {
        const matched = this.match(partition, record);
        if (matched === null) continue;
        const row = matched instanceof Promise ? await matched : matched;
        if (row === null) continue;
        const sending = this.emit(row);
        if (sending) await sending;
        if (!tail && this.matched >= this.request.limit) return true;
      }
    }
    if (tail) await this.flush();
    else await this.maybeFlushByTime();
    this.maybeProgress();
    return false;
  }

  async readNewestFirst(): Promise<BrowseSummary> {
    const perPartitionCap = Math.max(16, Math.floor(this.tuning.maxHeldRows / Math.max(1, this.ranges.length)));
    const windows = new Map(this.ranges.map((range) => [range.partition, { rows: [] as Row[], span: BigInt(perPartitionCap) }]));
    for (;;) {
      this.throwIfCancelled();
      const empty = this.ranges.filter((range) => !range.done && windows.get(range.partition)!.rows.length === 0);
      if (empty.length > 0) {
        await this.readWindows(empty, windows, perPartitionCap);
        continue;
      }
      // Every unfinished partition holds its newest unsent rows: the newest of those heads goes next.
      let newest: Row[] | null = null;
      for (const window of windows.values()) {
        const head = window.rows[0];
        if (head && (newest === null || head.timestamp > newest[0]!.timestamp)) newest = window.rows;
      }
      if (newest === null) return await this.finish('end-of-range');
      const sending = this.emit(newest.shift()!);
      if (sending) await sending;
      if (this.matched >= this.request.limit) return await this.finish('limit');
      await this.maybeFlushByTime();
      this.maybeProgress();
    }
  }

  /** Reads the next window below each range's position, keeping at most `cap` matching rows per partition. */
  private async readWindows(ranges: PartitionRange[], windows: Map<number, { rows: Row[]; span: bigint }>, cap: number): Promise<void> {
    const limits = this.limits(this.tuning.rangeMaxWaitMs);
    const reads = ranges.map((range) => {
      const window = windows.get(range.partition)!;
      const windowStart = range.position - window.span < range.start ? range.start : range.position - window.span;
      return { range, window, windowStart, windowEnd: range.position, next: windowStart, kept: [] as Row[], overflowed: false };
    });
    for (let open = reads; open.length > 0; open = reads.filter((read) => read.next < read.windowEnd)) {
      this.throwIfCancelled();
      const results = await this.cluster.fetch(this.request.topic, open.map((read) => ({ partition: read.range.partition, offset: read.next })), limits);
      for (const result of results) {
        const read = open.find((candidate) => candidate.range.partition === result.partition)!;
        if (result.status !== 'ok') {
          await this.recover(read.range, result.status);
          if (read.next < read.range.start) read.next = read.windowStart = read.range.start;
          if (read.range.done) read.next = read.windowEnd;
          continue;
        }
        read.range.leaderRetries = 0;
        for (const record of result.records) {
          if (record.offset >= read.windowEnd) break;
          const matched = this.match(result.partition, record);
          if (matched === null) continue;
          const row = matched instanceof Promise ? await matched : matched;
          if (row === null) continue;
          read.kept.push(row);
          // Only the newest `cap` rows stay; the dropped ones are read again by the next window.
          if (read.kept.length > cap) {
            read.kept.shift();
            read.overflowed = true;
          }
        }
        read.next = result.nextOffset > read.windowEnd ? read.windowEnd : result.nextOffset;
        // Nothing more exists below the window's end (the log moved since the offsets were listed).
        if (result.records.length === 0 && read.next >= result.highWatermark) read.next = read.windowEnd;
        this.maybeProgress();
      }
    }
    for (const read of reads) {
      const oldestKept = read.kept[0];
      read.range.position = read.overflowed && oldestKept ? BigInt(oldestKept.offset) : read.windowStart;
      if (read.range.position <= read.range.start) read.range.done = true;
      read.window.rows = read.kept.reverse();
      // Sparse matches (filters) widen the next window, so a rare match does not cost one fetch per few offsets.
      if (read.kept.length < cap / 2 && read.window.span < 1_000_000n) read.window.span *= 2n;
    }
  }

  private async recover(range: PartitionRange, status: 'offset-out-of-range' | 'leader-changed'): Promise<void> {
    if (status === 'leader-changed') {
      range.leaderRetries += 1;
      if (range.leaderRetries > this.tuning.maxLeaderRetries) {
        throw new Error(`Partition ${range.partition} of '${this.request.topic}' has had no reachable leader for too long.`);
      }
      await delay(Math.min(2_000, 50 * 2 ** range.leaderRetries));
      return;
    }
    // Retention or truncation moved the log: skip to what exists now.
    const [earliest, latest] = await Promise.all([
      this.cluster.listOffsets(this.request.topic, [range.partition], 'earliest'),
      this.cluster.listOffsets(this.request.topic, [range.partition], 'latest'),
    ]);
    const low = earliest.get(range.partition) ?? 0n;
    const high = latest.get(range.partition) ?? low;
    if (range.start < low) range.start = low;
    if (this.request.direction === 'newest-first') {
      if (range.position > high) range.position = high;
      if (range.position <= range.start) range.done = true;
    } else {
      range.position = range.position < low ? low : high;
      if (range.end !== null && range.position >= range.end) range.done = true;
    }
  }

  /**
   * Counts the record and returns its row if it matches. Synchronous unless a schema resolver is set:
   * this runs once per record scanned, and a promise per record was a measurable share of P1.
   */
  private match(partition: number, record: FetchedRecord): Row | Promise<Row | null> | null {
    const sizes = recordSize(record);
    this.scanned += 1;
    this.bytes += sizes.total;
    const resolver = this.deps.schemaResolver;
    if (this.filtered && resolver) {
      // Filters read decoded fields, so the record's schemas must be loaded before it is tested.
      const missing = schemaIdsOf(record).filter((id) => !resolver.ready(id));
      if (missing.length > 0) return Promise.all(missing.map((id) => resolver.load(id, this.sink.signal))).then(() => this.test(partition, record, sizes));
    }
    return this.test(partition, record, sizes);
  }

  private test(partition: number, record: FetchedRecord, sizes: ReturnType<typeof recordSize>): Row | Promise<Row> | null {
    if (this.filtered && !this.predicate({ partition, timestamp: record.timestamp, key: record.key, value: record.value, headers: record.headers })) return null;
    return this.mapper.toRow(partition, record, sizes);
  }

  /** Queues a row; returns a promise only when the batch is full and must be sent first. */
  private emit(row: Row): Promise<void> | undefined {
    this.matched += 1;
    this.pending.push(row);
    this.pendingWeight += this.mapper.weight(row);
    if (this.pending.length >= this.tuning.batchMaxRows || this.pendingWeight >= this.tuning.batchMaxBytes) return this.flush();
    return undefined;
  }

  private async maybeFlushByTime(): Promise<void> {
    if (this.pending.length > 0 && this.deps.clock.now() - this.lastFlush >= this.tuning.flushIntervalMs) await this.flush();
  }

  /** Sends the pending rows; waits here while the renderer has no credit, which pauses fetching too. */
  private async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    this.pendingWeight = 0;
    this.lastFlush = this.deps.clock.now();
    if (rows.length > 0) await this.sink.batch(rows);
  }

  private maybeProgress(force = false): void {
    const now = this.deps.clock.now();
    if (!force && now - this.lastProgress < this.tuning.progressIntervalMs) return;
    this.lastProgress = now;
    this.sink.progress(this.progress());
  }

  private progress(): BrowseProgress {
    return {
      scanned: this.scanned,
      matched: this.matched,
      bytes: this.bytes,
      elapsedMs: Math.max(0, this.deps.clock.now() - this.started),
      partitions: this.ranges.map((range) => positionOf(range, this.lanes?.get(range.partition))),
      order: this.request.liveTail ? 'arrival' : 'timestamp',
    };
  }

  private async finish(reason: BrowseSummary['reason']): Promise<BrowseSummary> {
    await this.flush();
    this.maybeProgress(true);
    return { ...this.progress(), reason, startPastEnd: this.startPastEnd };
  }

  private rangeOf(partition: number): PartitionRange {
    const range = this.ranges.find((candidate) => candidate.partition === partition);
    if (!range) throw new Error(`The broker answered for partition ${partition}, which was not asked for.`);
    return range;
  }

  private limits(maxWaitMs: number): FetchLimits {
    return { maxBytes: this.tuning.fetchMaxBytes, partitionMaxBytes: this.tuning.partitionMaxBytes, maxWaitMs };
  }

  private throwIfCancelled(): void {
    if (this.sink.signal.aborted) throw new StreamCancelledError();
  }
}

/** Filters see a registry-encoded part as its decoded value; parts that fail to decode are matched as bytes. */
function decodedFilterContext(resolver: SchemaResolver): FilterContext {
  return {
    decoded(bytes) {
      const wire = parseConfluentWireFormat(bytes);
      if (!wire) return null;
      const outcome = resolver.decode(wire.schemaId, bytes.subarray(CONFLUENT_HEADER_BYTES));
      return outcome?.ok ? { value: outcome.value, text: outcome.text } : null;
    },
  };
}

/** Where a partition stands for the person watching: rows fetched but not yet sent do not count as read. */
function positionOf<Row extends { offset: string }>(range: PartitionRange, lane: Lane<Row> | undefined): PartitionPosition {
  const unsent = lane?.rows[lane.next]?.offset ?? lane?.chunk?.[0]?.offset.toString();
  return {
    partition: range.partition,
    start: range.start.toString(),
    end: range.end === null ? null : range.end.toString(),
    position: unsent ?? range.position.toString(),
    done: range.done && unsent === undefined,
  };
}

interface Lane<Row> {
  range: PartitionRange;
  /** Matching rows of the chunk being merged, in offset order; `next` is the first not yet sent. */
  rows: Row[];
  next: number;
  /** A chunk fetched ahead, not yet filtered. */
  chunk: FetchedRecord[] | null;
}

/** Lanes by the timestamp of their next row, oldest first; ties go to the lower partition. */
class LaneHeap<Row extends { timestamp: number }> {
  private readonly items: Lane<Row>[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Lane<Row> | undefined {
    return this.items[0];
  }

  push(lane: Lane<Row>): void {
    const items = this.items;
    items.push(lane);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  pop(): Lane<Row> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let index = 0; ; ) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left;
      if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === index) break;
      [items[index], items[smallest]] = [items[smallest]!, items[index]!];
      index = smallest;
    }
    return top;
  }
}

function before<Row extends { timestamp: number }>(a: Lane<Row>, b: Lane<Row>): boolean {
  const at = a.rows[a.next]!.timestamp;
  const bt = b.rows[b.next]!.timestamp;
  return at < bt || (at === bt && a.range.partition < b.range.partition);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
