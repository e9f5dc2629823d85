// Lag over time, sampled in main only while a screen watches: one sampler per profile, sharing the
// shortest interval its watchers asked for and reading the union of their groups in one round (the
// groups service's batched reads). Each group keeps a bounded history (the last hour at full
// resolution, columnar, so a list of 2,000 groups open for an hour stays in tens of MB), per-topic
// series while its detail is watched, and the newest samples per partition for the health verdict.
// When the last watcher leaves, sampling stops at once; the history is dropped an hour later.
import { evaluateGroupHealth, toRowHealth, type PartitionLagSample } from '../../../../shared/domain/groups/lag-health';
import {
  DEFAULT_HEALTH_WINDOW_SAMPLES,
  HISTORY_RETENTION_MS,
  type GroupLagFrame,
  type LagHistory,
  type LagPoint,
  type LagWatchItem,
  type LagWatchRequest,
} from '../../../../shared/domain/groups/lag-history';
import type { Clock } from '../ports';

/** One read of some groups: committed and end offsets per partition, and how many members each has. */
export interface LagSnapshot {
  at: number;
  groups: Map<string, LagSnapshotGroup>;
}
export interface LagSnapshotGroup {
  members: number | null;
  partitions: { topic: string; partition: number; committed: number; end: number | null }[];
  /** The group could not be read this time; `partitions` is then empty. */
  error: string | null;
}

/** The groups service's batched offsets read (a port: tests give a scripted one). */
export interface LagSnapshotReader {
  read(profileId: string, groupIds: readonly string[]): Promise<LagSnapshot>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LagHistoryDeps {
  reader: LagSnapshotReader;
  clock: Clock;
  timers?: Timers;
  retentionMs?: number;
  log?(line: string): void;
}

export interface LagWatch {
  stop(): void;
}

/** A bounded columnar series: time as float64, lag and rates as float32 (plenty for charts), NaN for none. */
class Series {
  private at = new Float64Array(16);
  private values = [new Float32Array(16), new Float32Array(16), new Float32Array(16)];
  private start = 0;
  size = 0;

  constructor(private readonly capacity: number) {}

  push(at: number, lag: number | null, consumptionRate: number | null, writeRate: number | null, retentionMs: number): void {
    while (this.size > 0 && this.at[this.start]! < at - retentionMs) this.dropOldest();
    if (this.size === this.at.length) {
      if (this.at.length < this.capacity) this.grow(Math.min(this.capacity, this.at.length * 2));
      else this.dropOldest();
    }
    const index = (this.start + this.size) % this.at.length;
    this.at[index] = at;
    this.values[0]![index] = lag ?? Number.NaN;
    this.values[1]![index] = consumptionRate ?? Number.NaN;
    this.values[2]![index] = writeRate ?? Number.NaN;
    this.size += 1;
  }

  /** The newest point, without walking the series. */
  last(): LagPoint | undefined {
    if (this.size === 0) return undefined;
    const index = (this.start + this.size - 1) % this.at.length;
    const read = (column: Float32Array) => (Number.isNaN(column[index]!) ? null : column[index]!);
    return { at: this.at[index]!, lag: read(this.values[0]!), consumptionRate: read(this.values[1]!), writeRate: read(this.values[2]!) };
  }

  points(since: number): LagPoint[] {
    const out: LagPoint[] = [];
    const read = (column: Float32Array, index: number) => (Number.isNaN(column[index]!) ? null : column[index]!);
    for (let offset = 0; offset < this.size; offset++) {
      const index = (this.start + offset) % this.at.length;
      if (this.at[index]! < since) continue;
      out.push({ at: this.at[index]!, lag: read(this.values[0]!, index), consumptionRate: read(this.values[1]!, index), writeRate: read(this.values[2]!, index) });
    }
    return out;
  }

  private dropOldest(): void {
    this.start = (this.start + 1) % this.at.length;
    this.size -= 1;
  }

  private grow(length: number): void {
    const at = new Float64Array(length);
    const values = this.values.map(() => new Float32Array(length));
    for (let offset = 0; offset < this.size; offset++) {
      const index = (this.start + offset) % this.at.length;
      at[offset] = this.at[index]!;
      values.forEach((column, c) => (column[offset] = this.values[c]![index]!));
    }
    this.at = at;
    this.values = values;
    this.start = 0;
  }
}

/** Sums of committed and end offsets at the previous sample, for rates. */
interface Totals {
  at: number;
  committed: number;
  end: number;
  /** Partition keys the sums cover; rates are only computed between samples over the same partitions. */
  keys: string;
}

interface GroupHistory {
  series: Series;
  topics: Map<string, { series: Series; last: Totals | null }>;
  last: Totals | null;
  /** Newest samples per `topic\0partition`, at most the longest health window any watcher asked for. */
  windows: Map<string, { topic: string; partition: number; samples: PartitionLagSample[] }>;
  members: number | null;
  error: string | null;
  lastAt: number | null;
}

interface Watcher {
  request: LagWatchRequest;
  onItem(item: LagWatchItem): void;
}

interface ProfileSampler {
  watchers: Set<Watcher>;
  groups: Map<string, GroupHistory>;
  timer: unknown;
  running: boolean;
  dropTimer: unknown;
  intervalMs: number | null;
}

/** Series capacity: an hour at the shortest interval allowed, but never more than this many points. */
const MAX_POINTS = 18_000;

export function createLagHistory(deps: LagHistoryDeps) {
  const timers: Timers = deps.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  const retentionMs = deps.retentionMs ?? HISTORY_RETENTION_MS;
  const profiles = new Map<string, ProfileSampler>();

  const intervalOf = (sampler: ProfileSampler) => Math.min(...[...sampler.watchers].map((watcher) => watcher.request.intervalMs));
  const windowOf = (sampler: ProfileSampler) => Math.max(DEFAULT_HEALTH_WINDOW_SAMPLES, ...[...sampler.watchers].map((watcher) => watcher.request.windowSamples));

  const historyOf = (sampler: ProfileSampler, groupId: string): GroupHistory => {
    let history = sampler.groups.get(groupId);
    if (!history) {
      history = { series: new Series(capacityFor(intervalOf(sampler))), topics: new Map(), last: null, windows: new Map(), members: null, error: null, lastAt: null };
      sampler.groups.set(groupId, history);
    }
    return history;
  };
  const capacityFor = (intervalMs: number) => Math.min(MAX_POINTS, Math.ceil(retentionMs / intervalMs) + 1);

  const schedule = (profileId: string, sampler: ProfileSampler, delayMs: number) => {
    sampler.timer = timers.setTimeout(() => void tick(profileId, sampler), delayMs);
  };

  const tick = async (profileId: string, sampler: ProfileSampler) => {
    sampler.timer = null;
    if (sampler.watchers.size === 0) return;
    sampler.running = true;
    const started = deps.clock.now();
    const groupIds = [...new Set([...sampler.watchers].flatMap((watcher) => watcher.request.groupIds))];
    const detailed = new Set([...sampler.watchers].filter((watcher) => watcher.request.detail).flatMap((watcher) => watcher.request.groupIds));
    try {
      const snapshot = await deps.reader.read(profileId, groupIds);
      if (sampler.watchers.size > 0) record(sampler, snapshot, groupIds, detailed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log?.(`[lag sampler ${profileId}] ${message}`);
      for (const groupId of groupIds) historyOf(sampler, groupId).error = message;
      publish(sampler, deps.clock.now(), groupIds);
    } finally {
      sampler.running = false;
    }
    if (sampler.watchers.size > 0 && sampler.timer === null) {
      const interval = intervalOf(sampler);
      sampler.intervalMs = interval;
      schedule(profileId, sampler, Math.max(0, interval - (deps.clock.now() - started)));
    }
  };

  const record = (sampler: ProfileSampler, snapshot: LagSnapshot, groupIds: string[], detailed: Set<string>) => {
    const windowSize = windowOf(sampler);
    for (const groupId of groupIds) {
      const history = historyOf(sampler, groupId);
      const read = snapshot.groups.get(groupId);
      if (!read || read.error !== null) {
        history.error = read?.error ?? 'The group was not in the answer (deleted, or no longer visible).';
        continue;
      }
      history.error = null;
      history.members = read.members;
      history.lastAt = snapshot.at;
      const seen = new Set<string>();
      for (const { topic, partition, committed, end } of read.partitions) {
        if (end === null) continue;
        const key = `${topic}\u0000${partition}`;
        seen.add(key);
        let window = history.windows.get(key);
        if (!window) history.windows.set(key, (window = { topic, partition, samples: [] }));
        window.samples.push({ at: snapshot.at, committed, end });
        if (window.samples.length > windowSize) window.samples.splice(0, window.samples.length - windowSize);
      }
      // Partitions the group no longer commits for (offsets deleted, topic gone) leave the verdict.
      for (const key of history.windows.keys()) if (!seen.has(key)) history.windows.delete(key);

      const known = read.partitions.filter((entry) => entry.end !== null);
      const totals = sumUp(snapshot.at, known);
      const lag = known.length === 0 ? null : known.reduce((sum, entry) => sum + Math.max(0, entry.end! - entry.committed), 0);
      const [consumptionRate, writeRate] = ratesBetween(history.last, totals);
      history.series.push(snapshot.at, lag, consumptionRate, writeRate, retentionMs);
      history.last = totals;
      if (detailed.has(groupId)) {
        const byTopic = new Map<string, typeof known>();
        for (const entry of known) byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
        for (const [topic, entries] of byTopic) {
          let topicHistory = history.topics.get(topic);
          if (!topicHistory) history.topics.set(topic, (topicHistory = { series: new Series(capacityFor(intervalOf(sampler))), last: null }));
          const topicTotals = sumUp(snapshot.at, entries);
          const [topicConsumption, topicWrite] = ratesBetween(topicHistory.last, topicTotals);
          topicHistory.series.push(snapshot.at, entries.reduce((sum, entry) => sum + Math.max(0, entry.end! - entry.committed), 0), topicConsumption, topicWrite, retentionMs);
          topicHistory.last = topicTotals;
        }
      }
    }
    publish(sampler, snapshot.at, groupIds);
    // Groups no watch names any more keep their history for the retention period, then go.
    const watched = new Set(groupIds);
    for (const [groupId, history] of sampler.groups) {
      if (!watched.has(groupId) && (history.lastAt ?? 0) < snapshot.at - retentionMs) sampler.groups.delete(groupId);
    }
  };

  const frameOf = (sampler: ProfileSampler, groupId: string, at: number, detail: boolean, windowSamples: number): GroupLagFrame => {
    const history = historyOf(sampler, groupId);
    const partitions = [...history.windows.values()].map(({ topic, partition, samples }) => ({ topic, partition, samples: samples.slice(-windowSamples) }));
    // A verdict other than OK-at-zero waits for a full window, as Burrow judges only complete windows.
    const health = evaluateGroupHealth(partitions, { members: history.members, minSamples: windowSamples });
    const lastPoint = history.lastAt === null ? undefined : history.series.last();
    const frame: GroupLagFrame = {
      groupId,
      at,
      members: history.members,
      lag: lastPoint?.lag ?? null,
      maxLag: partitions.length === 0 ? null : Math.max(0, ...health.partitions.map((entry) => entry.lag ?? 0)),
      consumptionRate: lastPoint?.consumptionRate ?? null,
      writeRate: lastPoint?.writeRate ?? null,
      health: history.error !== null && history.lastAt === null ? { verdict: 'unknown', reason: `Not sampled: ${history.error}`, catchUpSeconds: null } : toRowHealth(health),
      error: history.error,
    };
    if (detail) {
      frame.topics = [...history.topics].map(([topic, { series }]) => {
        const point = history.lastAt === null ? undefined : series.last();
        return { topic, lag: point?.lag ?? null, consumptionRate: point?.consumptionRate ?? null, writeRate: point?.writeRate ?? null };
      });
      frame.partitions = health.partitions.map((entry) => {
        const last = partitions.find((candidate) => candidate.topic === entry.topic && candidate.partition === entry.partition)?.samples.at(-1);
        const row = toRowHealth(entry);
        return { topic: entry.topic, partition: entry.partition, committed: last?.committed ?? null, end: last?.end ?? null, lag: entry.lag, verdict: row.verdict, reason: row.reason, catchUpSeconds: row.catchUpSeconds };
      });
    }
    return frame;
  };

  const publish = (sampler: ProfileSampler, at: number, groupIds: string[]) => {
    const wanted = new Set(groupIds);
    for (const watcher of sampler.watchers) {
      const groups = watcher.request.groupIds.filter((groupId) => wanted.has(groupId)).map((groupId) => frameOf(sampler, groupId, at, watcher.request.detail, watcher.request.windowSamples));
      watcher.onItem({ kind: 'sample', at, groups });
    }
  };

  const historyItem = (sampler: ProfileSampler | undefined, groupId: string): LagHistory => {
    const history = sampler?.groups.get(groupId);
    const since = deps.clock.now() - retentionMs;
    return {
      groupId,
      intervalMs: sampler?.intervalMs ?? null,
      points: history?.series.points(since) ?? [],
      topics: [...(history?.topics ?? [])].map(([topic, { series }]) => ({ topic, points: series.points(since) })),
      sampling: (sampler?.watchers.size ?? 0) > 0 && [...sampler!.watchers].some((watcher) => watcher.request.groupIds.includes(groupId)),
    };
  };

  return {
    /** Starts (or joins) sampling for the profile; `onItem` gets the stored history first, then every sample. */
    watch(request: LagWatchRequest, onItem: (item: LagWatchItem) => void): LagWatch {
      let sampler = profiles.get(request.profileId);
      if (!sampler) profiles.set(request.profileId, (sampler = { watchers: new Set(), groups: new Map(), timer: null, running: false, dropTimer: null, intervalMs: null }));
      if (sampler.dropTimer !== null) {
        timers.clearTimeout(sampler.dropTimer);
        sampler.dropTimer = null;
      }
      const watcher: Watcher = { request, onItem };
      if (request.detail) for (const groupId of request.groupIds) onItem({ kind: 'history', history: historyItem(sampler, groupId) });
      const wasIdle = sampler.watchers.size === 0;
      sampler.watchers.add(watcher);
      const current = sampler;
      if (wasIdle && !current.running) {
        schedule(request.profileId, current, 0);
      } else if (current.timer !== null && (current.intervalMs === null || request.intervalMs < current.intervalMs)) {
        // A faster watcher joined: sample now instead of waiting out the slower interval.
        timers.clearTimeout(current.timer);
        schedule(request.profileId, current, 0);
      }
      return {
        stop() {
          if (!current.watchers.delete(watcher)) return;
          if (current.watchers.size > 0) return;
          if (current.timer !== null) {
            timers.clearTimeout(current.timer);
            current.timer = null;
          }
          current.dropTimer = timers.setTimeout(() => {
            if (current.watchers.size === 0 && profiles.get(request.profileId) === current) profiles.delete(request.profileId);
          }, retentionMs);
          (current.dropTimer as { unref?: () => void } | null)?.unref?.();
        },
      };
    },

    history(profileId: string, groupId: string): LagHistory {
      return historyItem(profiles.get(profileId), groupId);
    },

    /** How many groups' histories main holds for the profile; for tests and diagnostics. */
    held(profileId: string): number {
      return profiles.get(profileId)?.groups.size ?? 0;
    },

    /** Profiles being sampled right now (someone watches); for tests and diagnostics. */
    sampling(): string[] {
      return [...profiles].filter(([, sampler]) => sampler.watchers.size > 0 && (sampler.timer !== null || sampler.running)).map(([profileId]) => profileId);
    },
  };
}

export type LagHistoryService = ReturnType<typeof createLagHistory>;

function sumUp(at: number, entries: readonly { topic: string; partition: number; committed: number; end: number | null }[]): Totals {
  let committed = 0;
  let end = 0;
  for (const entry of entries) {
    committed += entry.committed;
    end += entry.end ?? 0;
  }
  return { at, committed, end, keys: entries.map((entry) => `${entry.topic}\u0000${entry.partition}`).sort().join('\u0001') };
}

/** Records per second between two sums over the same partitions; null across a reset (a sum going back) or a change of partitions. */
function ratesBetween(previous: Totals | null, next: Totals): [number | null, number | null] {
  if (!previous || previous.keys !== next.keys || next.at <= previous.at) return [null, null];
  const seconds = (next.at - previous.at) / 1000;
  const consumed = next.committed - previous.committed;
  const written = next.end - previous.end;
  return [consumed < 0 ? null : consumed / seconds, written < 0 ? null : written / seconds];
}
