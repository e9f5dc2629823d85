// Lag health: is a consumer keeping up? Evaluated over a sliding window of samples per partition, in the
// spirit of Burrow (LinkedIn's lag checker): no lag threshold, only how committed offsets and lag move.
// Odradek samples by polling (OffsetFetch + ListOffsets) rather than by reading every commit, so the
// "commit points" of a window are the samples at which the committed offset had moved since the one
// before; growth of lag is judged at those points, where a healthy consumer's lag is lowest.
import { z } from 'zod';
import { lagHealthVerdicts, type GroupHealth, type LagHealthVerdict } from './group-schemas';

/** One observation of a partition: the group's committed offset and the partition's end offset. */
export interface PartitionLagSample {
  /** Milliseconds since the epoch. */
  at: number;
  /** Null while the group has no committed offset for the partition. */
  committed: number | null;
  end: number;
}

export { lagHealthVerdicts, type LagHealthVerdict };

/** How long until the lag reaches zero at the window's rates. */
export const catchUpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('caught-up') }),
  z.object({ kind: z.literal('eta'), seconds: z.number().nonnegative() }),
  /** Consumption does not outpace writes: the lag will not shrink at these rates. */
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('unknown') }),
]);
export type CatchUp = z.infer<typeof catchUpSchema>;

export const partitionHealthSchema = z.object({
  verdict: z.enum(lagHealthVerdicts),
  /** The verdict in words, with the figures it rests on. */
  reason: z.string(),
  lag: z.number().nonnegative().nullable(),
  /** Records committed per second over the window. */
  consumptionRate: z.number().nonnegative().nullable(),
  /** Records written per second over the window (end offset delta). */
  writeRate: z.number().nonnegative().nullable(),
  catchUp: catchUpSchema,
  /** Milliseconds the evaluated window spans (0 with a single sample). */
  windowMs: z.number().nonnegative(),
});
export type PartitionHealth = z.infer<typeof partitionHealthSchema>;

export const groupLagHealthSchema = partitionHealthSchema.extend({
  /** Partitions per status, so "2 of 12 stalled" can be shown without the partition list. */
  counts: z.record(z.enum(lagHealthVerdicts), z.number().int().nonnegative()),
  /** The worst partitions (at most a few), `topic-partition`, for the reason and a tooltip. */
  worst: z.array(z.object({ topic: z.string(), partition: z.number().int(), verdict: z.enum(lagHealthVerdicts), reason: z.string() })),
});
export type GroupLagHealth = z.infer<typeof groupLagHealthSchema>;

export interface LagHealthOptions {
  /** Samples needed before a partition with lag gets a verdict other than UNKNOWN (default 3: two intervals). */
  minSamples?: number;
  /**
   * Members the group has at the last sample; decides between STALL (members present, offsets stuck) and
   * STOPPED (no one is consuming). Null when unknown, which counts as no members.
   */
  members: number | null;
}

const DEFAULT_MIN_SAMPLES = 3;

/** Evaluates one partition over its window; `samples` in any order, the window is all of them. */
export function evaluatePartitionHealth(samples: readonly PartitionLagSample[], options: LagHealthOptions): PartitionHealth {
  const minSamples = Math.max(2, options.minSamples ?? DEFAULT_MIN_SAMPLES);
  const window = currentEpoch([...samples].sort((a, b) => a.at - b.at));
  const last = window[window.length - 1];
  if (!last) return unknown('No samples yet.', null, 0);
  const windowMs = last.at - window[0]!.at;
  const lag = lagOf(last);
  if (lag === null) return unknown('The group has no committed offset for this partition.', null, windowMs);

  const first = window[0]!;
  const seconds = windowMs / 1000;
  const writeRate = seconds > 0 ? Math.max(0, last.end - first.end) / seconds : null;
  const committedSamples = window.filter((sample) => sample.committed !== null);
  const firstCommitted = committedSamples[0]!;
  const committedSeconds = (last.at - firstCommitted.at) / 1000;
  const consumed = last.committed! - firstCommitted.committed!;
  const consumptionRate = committedSeconds > 0 ? Math.max(0, consumed) / committedSeconds : null;
  const rates = { lag, consumptionRate, writeRate, windowMs };

  if (lag === 0) return { verdict: 'ok', reason: 'Caught up: no lag.', ...rates, catchUp: { kind: 'caught-up' } };
  const zeroAt = committedSamples.findLast((sample) => lagOf(sample) === 0);
  const catchUp = estimateCatchUp(lag, consumptionRate, writeRate);
  if (zeroAt) {
    return { verdict: 'ok', reason: `Lag is ${count(lag)}, but it was zero ${duration(last.at - zeroAt.at)} ago, within the window.`, ...rates, catchUp };
  }
  if (committedSamples.length < minSamples) {
    return { ...unknown(`Collecting samples (${committedSamples.length} of ${minSamples}) before judging a lag of ${count(lag)}.`, lag, windowMs), consumptionRate, writeRate };
  }

  const span = duration(last.at - firstCommitted.at);
  if (consumed === 0) {
    if ((options.members ?? 0) > 0) {
      const who = options.members === 1 ? 'a member' : `${options.members} members`;
      return { verdict: 'stall', reason: `The group has ${who}, but the committed offset stayed at ${count(last.committed!)} for ${span} while lag is ${count(lag)}.`, ...rates, catchUp: { kind: 'never' } };
    }
    return { verdict: 'stopped', reason: `No commits for ${span} (the whole window) and lag is ${count(lag)}; no member is consuming.`, ...rates, catchUp: { kind: 'never' } };
  }

  const points = commitPoints(committedSamples);
  const lags = points.map((sample) => lagOf(sample)!);
  const neverFell = lags.every((value, index) => index === 0 || value >= lags[index - 1]!);
  if (neverFell && lags[lags.length - 1]! > lags[0]!) {
    return {
      verdict: 'warning',
      reason: `Falling behind: lag grew from ${count(lags[0]!)} to ${count(lags[lags.length - 1]!)} over ${span} at every commit, although ${count(consumed)} records were committed.`,
      ...rates,
      catchUp,
    };
  }
  const trend = lags[lags.length - 1]! < lags[0]! ? `falling (${count(lags[0]!)} → ${count(lags[lags.length - 1]!)} over ${span})` : `not growing (${count(lag)})`;
  return { verdict: 'ok', reason: `Consuming: lag is ${trend}.`, ...rates, catchUp };
}

/** A partition of a group, keyed for the group verdict. */
export interface GroupPartitionSamples {
  topic: string;
  partition: number;
  samples: readonly PartitionLagSample[];
}

const severity: Record<LagHealthVerdict, number> = { ok: 0, unknown: 1, warning: 2, stall: 3, stopped: 4 };
const verdictWords: Record<LagHealthVerdict, string> = { ok: 'OK', unknown: 'not judged yet', warning: 'falling behind', stall: 'stalled', stopped: 'stopped' };
const WORST_SHOWN = 3;

/**
 * The group's verdict is its worst partition's (STOPPED > STALL > WARNING > UNKNOWN > OK): one stuck
 * partition is enough to be unhealthy. Lag and rates are sums; the catch-up time is the slowest partition's.
 */
export function evaluateGroupHealth(partitions: readonly GroupPartitionSamples[], options: LagHealthOptions): GroupLagHealth & { partitions: (PartitionHealth & { topic: string; partition: number })[] } {
  const evaluated = partitions.map(({ topic, partition, samples }) => ({ topic, partition, ...evaluatePartitionHealth(samples, options) }));
  const counts = Object.fromEntries(lagHealthVerdicts.map((status) => [status, 0])) as Record<LagHealthVerdict, number>;
  for (const entry of evaluated) counts[entry.verdict] += 1;
  const ranked = [...evaluated].sort((a, b) => severity[b.verdict] - severity[a.verdict] || (b.lag ?? 0) - (a.lag ?? 0));
  const top = ranked[0];
  const sum = (pick: (entry: PartitionHealth) => number | null) => {
    const values = evaluated.map(pick);
    return values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + value!, 0);
  };
  const windowMs = Math.max(0, ...evaluated.map((entry) => entry.windowMs));
  const base = { lag: sum((entry) => entry.lag), consumptionRate: sum((entry) => entry.consumptionRate), writeRate: sum((entry) => entry.writeRate), windowMs, counts, partitions: evaluated };
  if (!top) return { verdict: 'unknown', reason: 'The group has no committed offsets.', ...base, catchUp: { kind: 'unknown' }, worst: [] };

  const worst = ranked.filter((entry) => entry.verdict === top.verdict).slice(0, WORST_SHOWN).map(({ topic, partition, verdict, reason }) => ({ topic, partition, verdict, reason }));
  const catchUp = slowestCatchUp(evaluated.map((entry) => entry.catchUp));
  const total = evaluated.length;
  if (top.verdict === 'ok') {
    const lag = base.lag ?? 0;
    return { verdict: 'ok', reason: lag === 0 ? `Caught up on all ${plural(total, 'partition')}.` : `All ${plural(total, 'partition')} OK; total lag ${count(lag)}.`, ...base, catchUp, worst: [] };
  }
  const names = worst.map((entry) => `${entry.topic}-${entry.partition}`).join(', ');
  const more = counts[top.verdict] > worst.length ? ` and ${counts[top.verdict] - worst.length} more` : '';
  const reason = `${counts[top.verdict]} of ${plural(total, 'partition')} ${verdictWords[top.verdict]} (${names}${more}). ${top.topic}-${top.partition}: ${top.reason}`;
  return { verdict: top.verdict, reason, ...base, catchUp, worst };
}

/** Seconds until the lag is gone if consumption and writes keep their window's rates. */
export function estimateCatchUp(lag: number | null, consumptionRate: number | null, writeRate: number | null): CatchUp {
  if (lag === 0) return { kind: 'caught-up' };
  if (lag === null || consumptionRate === null || writeRate === null) return { kind: 'unknown' };
  const gain = consumptionRate - writeRate;
  if (gain <= 0) return { kind: 'never' };
  return { kind: 'eta', seconds: lag / gain };
}

/** The catch-up time in words, e.g. "about 3 min", for badges and the CLI. */
export function describeCatchUp(catchUp: CatchUp): string {
  switch (catchUp.kind) {
    case 'caught-up':
      return 'caught up';
    case 'eta':
      return `about ${duration(catchUp.seconds * 1000)}`;
    case 'never':
      return 'not catching up at the current rates';
    case 'unknown':
      return 'unknown yet';
  }
}

function slowestCatchUp(all: readonly CatchUp[]): CatchUp {
  if (all.some((entry) => entry.kind === 'never')) return { kind: 'never' };
  if (all.length === 0 || all.some((entry) => entry.kind === 'unknown')) return { kind: 'unknown' };
  const etas = all.flatMap((entry) => (entry.kind === 'eta' ? [entry.seconds] : []));
  return etas.length === 0 ? { kind: 'caught-up' } : { kind: 'eta', seconds: Math.max(...etas) };
}

/**
 * Samples since the last time the offsets went backwards (an offset reset, or the topic deleted and
 * created again): comparing across such a jump would read a reset as consumption or as growth.
 */
function currentEpoch(sorted: PartitionLagSample[]): PartitionLagSample[] {
  let from = 0;
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const sample = sorted[index]!;
    const committedBack = previous.committed !== null && sample.committed !== null && sample.committed < previous.committed;
    if (committedBack || sample.end < previous.end) from = index;
  }
  return sorted.slice(from);
}

/** The first sample with a committed offset and every sample at which the committed offset had moved. */
function commitPoints(committed: readonly PartitionLagSample[]): PartitionLagSample[] {
  return committed.filter((sample, index) => index === 0 || sample.committed !== committed[index - 1]!.committed);
}

function lagOf(sample: PartitionLagSample): number | null {
  return sample.committed === null ? null : Math.max(0, sample.end - sample.committed);
}

function unknown(reason: string, lag: number | null, windowMs: number): PartitionHealth {
  return { verdict: 'unknown', reason, lag, consumptionRate: null, writeRate: null, catchUp: { kind: 'unknown' }, windowMs };
}

/** 1234567 → "1,234,567" (toLocaleString costs microseconds, and a list evaluates thousands of groups per sample). */
const count = (value: number) => {
  const text = String(Math.round(value));
  return text.length <= 3 ? text : text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};
const plural = (value: number, word: string) => `${count(value)} ${word}${value === 1 ? '' : 's'}`;

/** Milliseconds in words at a useful precision: "800 ms", "12 s", "4 min 10 s", "2 h 5 min". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return totalSeconds % 60 === 0 ? `${totalMinutes} min` : `${totalMinutes} min ${totalSeconds % 60} s`;
  const hours = Math.floor(totalMinutes / 60);
  if (hours < 48) return totalMinutes % 60 === 0 ? `${hours} h` : `${hours} h ${totalMinutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

/** The row badge's shape (group-schemas' `GroupHealth`) from a full evaluation. */
export function toRowHealth(health: Pick<GroupLagHealth, 'verdict' | 'reason' | 'catchUp'>): GroupHealth {
  return { verdict: health.verdict, reason: health.reason, catchUpSeconds: health.catchUp.kind === 'eta' ? health.catchUp.seconds : health.catchUp.kind === 'caught-up' ? 0 : null };
}
