// The topic list as a stream: rows from one Metadata request first, so the table is usable at once,
// then patches keyed by name as the slower facts arrive — sizes (DescribeLogDirs, one request per
// broker), message counts (ListOffsets batched per leader) and write rates (a second end-offset sample).
import { unavailableBehindProxy } from '../../../../shared/domain/proxy/proxy-features';
import type { StreamSink } from '../../../../shared/ipc/stream';
import { looksInternal } from '../../../../shared/domain/topics/topic-names';
import type { TopicListItem, TopicListPhase, TopicRow } from '../../../../shared/domain/topics/topic-schemas';
import { partitionLag } from '../../../../shared/domain/groups/group-lag';
import { groupSessionOver, type GroupSession } from '../groups/group-reads';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { openTopicsSession, type ClusterTopic, type LeaderPartition } from '../kafka/protocol/topics-batch';
import type { Clock } from '../ports';
import { principalOf } from './kafka-error-words';

/** Rows per batch frame: big enough that 10,000 topics take a handful of frames. */
const ROWS_PER_BATCH = 2_500;

export interface TopicListProgress {
  phase: TopicListPhase;
  done: number;
  total: number;
}

export interface TopicListSummary {
  topics: number;
  partitions: number;
  phaseMs: Partial<Record<TopicListPhase, number>>;
  warnings: string[];
}

export interface TopicListDeps {
  clock: Clock;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  log?(line: string): void;
}

export function toTopicRow(topic: ClusterTopic): TopicRow {
  return {
    name: topic.name,
    internal: topic.isInternal || looksInternal(topic.name),
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicated: topic.partitions.filter((partition) => partition.isr.length < partition.replicas.length).length,
    offline: topic.partitions.filter((partition) => partition.leader < 0).length,
    sizeBytes: null,
    messages: null,
    writeRate: null,
  };
}

export async function streamTopicList(
  settings: KafkaConnectionSettings,
  request: { rateSampleMs: number },
  sink: StreamSink<TopicListItem, TopicListProgress>,
  deps: TopicListDeps,
): Promise<TopicListSummary> {
  const started = deps.clock.now();
  const sleep = deps.sleep ?? abortableSleep;
  const phaseMs: TopicListSummary['phaseMs'] = {};
  const warnings: string[] = [];
  const send = async (items: TopicListItem[]) => {
    for (let start = 0; start < items.length; start += ROWS_PER_BATCH) await sink.batch(items.slice(start, start + ROWS_PER_BATCH));
  };

  sink.phase('metadata', 'Reading topic metadata');
  const session = await openTopicsSession(settings, deps.clock, {}, deps.log);
  try {
    const { topics } = session.metadata;
    const leaders: LeaderPartition[] = topics.flatMap((topic) => topic.partitions.map(({ partition, leader }) => ({ topic: topic.name, partition, leader })));
    // Sizes and offsets are independent requests to the brokers: ask for both at once, before the rows go out.
    const noSizes = unavailableBehindProxy(settings.proxy, 'sizes');
    const sizesPending = (noSizes ? Promise.resolve(new Map<string, number>()) : session.topicSizes()).then(
      (bytes) => ({ ok: true as const, bytes }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const firstSampleAt = deps.clock.now();
    // A partition whose end offset is 0 has never held a record and starts at 0: only the others
    // need an earliest offset, which spares the broker most of the work on clusters of idle topics.
    const offsetsPending = (async () => {
      const latest = await session.listOffsets(leaders, 'latest');
      const written = leaders.filter(({ topic, partition }) => (latest.offsets.get(topic)?.[partition] ?? 1n) > 0n);
      return { latest, earliest: await session.listOffsets(written, 'earliest') };
    })();
    // Settled here so a failure while the sizes are awaited is not an unhandled rejection.
    offsetsPending.catch(() => undefined);

    // The brokers work on sizes and offsets while the rows are built and sent (and the window takes them).
    const rows = topics.filter((topic) => topic.errorCode === 0 || topic.partitions.length > 0).map(toTopicRow);
    rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const partitionCount = rows.reduce((sum, row) => sum + row.partitions, 0);
    sink.progress({ phase: 'metadata', done: rows.length, total: rows.length });
    await send(rows);
    phaseMs.metadata = deps.clock.now() - started;

    sink.phase('sizes', 'Reading sizes on disk');
    // Behind such a proxy the log dirs name backing topics: no size is better than a wrong one.
    const sizes = noSizes ? { ok: false as const, error: null } : await sizesPending;
    if (noSizes) warnings.push(noSizes);
    else if (sizes.ok) {
      const { bytes } = sizes;
      await send(rows.map((row) => ({ name: row.name, sizeBytes: bytes.get(row.name) ?? 0 })));
    } else if (!sizes.ok) {
      warnings.push(`Sizes are not available: ${(sizes.error as Error).message ?? String(sizes.error)}`);
    }
    sink.progress({ phase: 'sizes', done: sizes.ok ? rows.length : 0, total: rows.length });
    phaseMs.sizes = deps.clock.now() - started;

    sink.phase('offsets', 'Reading start and end offsets');
    const { latest, earliest } = await offsetsPending;
    const firstEnds = sumPerTopic(latest.offsets);
    const failed = new Set([...latest.failed, ...earliest.failed].map(({ topic }) => topic));
    if (failed.size > 0) warnings.push(`Offsets of ${failed.size} topic(s) could not be read (no leader or not authorized); their counts stay empty.`);
    const starts = sumPerTopic(earliest.offsets);
    await send(
      rows.filter((row) => !failed.has(row.name)).map((row) => ({ name: row.name, messages: Math.max(0, (firstEnds.get(row.name) ?? 0) - (starts.get(row.name) ?? 0)) })),
    );
    sink.progress({ phase: 'offsets', done: rows.length - failed.size, total: rows.length });
    phaseMs.offsets = deps.clock.now() - started;

    sink.phase('lag', 'Reading consumer group lag');
    const lag = await consumerLagByTopic(groupSessionOver(session, principalOf(settings)), latest.offsets).then(
      (sums) => ({ ok: true as const, sums }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (lag.ok) {
      await send(rows.filter((row) => lag.sums.has(row.name)).map((row) => ({ name: row.name, consumerLag: lag.sums.get(row.name)! })));
    } else {
      warnings.push(`Consumer group lag is not available: ${(lag.error as Error).message ?? String(lag.error)}`);
    }
    sink.progress({ phase: 'lag', done: lag.ok ? rows.length : 0, total: rows.length });
    phaseMs.lag = deps.clock.now() - started;

    if (request.rateSampleMs > 0) {
      sink.phase('rates', 'Sampling end offsets for write rates');
      await sleep(Math.max(0, request.rateSampleMs - (deps.clock.now() - firstSampleAt)), sink.signal);
      const secondSampleAt = deps.clock.now();
      const second = await session.listOffsets(leaders, 'latest');
      const secondEnds = sumPerTopic(second.offsets);
      const seconds = Math.max(0.001, (secondSampleAt - firstSampleAt) / 1000);
      const unsampled = new Set([...failed, ...second.failed.map(({ topic }) => topic)]);
      await send(
        rows
          .filter((row) => !unsampled.has(row.name))
          .map((row) => ({ name: row.name, writeRate: round(Math.max(0, ((secondEnds.get(row.name) ?? 0) - (firstEnds.get(row.name) ?? 0)) / seconds)) })),
      );
      sink.progress({ phase: 'rates', done: rows.length - unsampled.size, total: rows.length });
      phaseMs.rates = deps.clock.now() - started;
    }
    return { topics: rows.length, partitions: partitionCount, phaseMs, warnings };
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * Per topic, the lag of every group with commits on it against the end offsets just read: ListGroups
 * once, OffsetFetch per coordinator for all groups (the groups service's reads, on this session).
 */
async function consumerLagByTopic(groups: GroupSession, ends: Map<string, bigint[]>): Promise<Map<string, number>> {
  const { groups: listed } = await groups.listAll();
  const committed = await groups.committed(listed);
  const sums = new Map<string, number>();
  for (const outcome of committed.values()) {
    if (!outcome.ok) continue;
    for (const { topic, partition, offset } of outcome.value) sums.set(topic, (sums.get(topic) ?? 0) + (partitionLag(offset, ends.get(topic)?.[partition]) ?? 0));
  }
  return sums;
}

function sumPerTopic(offsets: Map<string, bigint[]>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [topic, partitions] of offsets) {
    let sum = 0n;
    // forEach skips the holes of partitions that were not asked about or failed.
    partitions.forEach((offset) => (sum += offset));
    sums.set(topic, Number(sum));
  }
  return sums;
}

const round = (value: number) => Math.round(value * 100) / 100;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
