// A watched group's lag history as the detail keeps it (main's history first, then one point per sample),
// and the time series the charts draw from it, kept free of uPlot so they can be tested: x in seconds
// (uPlot's time axis), one array per series, null where a sample did not know the value (a gap, not 0).
import type { GroupLagFrame, LagHistory, LagPoint } from '../../../../shared/domain/groups/lag-history';
import { HISTORY_RETENTION_MS } from '../../../../shared/domain/groups/lag-history';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** Which y axis: lag counts and rates do not share a scale. */
  unit: 'records' | 'records/s';
}

export interface ChartData {
  /** Sample times, ms since the epoch, ascending. */
  times: number[];
  series: ChartSeries[];
}

export interface GroupLagHistory {
  points: LagPoint[];
  /** Per topic, in the same sample times as `points` (a topic may miss some). */
  topics: Map<string, LagPoint[]>;
}

export const emptyHistory = (): GroupLagHistory => ({ points: [], topics: new Map() });

/** Main's history of the group replaces what the screen held (it is the longer, authoritative one). */
export function fromHistory(history: LagHistory): GroupLagHistory {
  return { points: [...history.points].sort(byTime), topics: new Map(history.topics.map((entry) => [entry.topic, [...entry.points].sort(byTime)])) };
}

/** Appends one sample, dropping points older than main's retention; a sample already held is ignored. */
export function appendFrame(history: GroupLagHistory, frame: GroupLagFrame): GroupLagHistory {
  const last = history.points[history.points.length - 1];
  if (last && last.at >= frame.at) return history;
  const horizon = frame.at - HISTORY_RETENTION_MS;
  const keep = (points: readonly LagPoint[], point: LagPoint) => [...points.filter((entry) => entry.at >= horizon), point];
  const topics = new Map<string, LagPoint[]>();
  for (const [topic, points] of history.topics) topics.set(topic, points.filter((entry) => entry.at >= horizon));
  for (const entry of frame.topics ?? []) {
    topics.set(entry.topic, keep(topics.get(entry.topic) ?? [], { at: frame.at, lag: entry.lag, consumptionRate: entry.consumptionRate, writeRate: entry.writeRate }));
  }
  return { points: keep(history.points, { at: frame.at, lag: frame.lag, consumptionRate: frame.consumptionRate, writeRate: frame.writeRate }), topics };
}

const byTime = (a: LagPoint, b: LagPoint) => a.at - b.at;

export const historyTopics = (history: GroupLagHistory) => [...history.topics.keys()].sort();

/** The group's total lag over time, and one line per topic when it reads several. */
export function lagSeries(groupId: string, history: GroupLagHistory): ChartData {
  const times = history.points.map((point) => point.at);
  const series: ChartSeries[] = [{ label: `${groupId} (total)`, unit: 'records', values: history.points.map((point) => point.lag) }];
  const topics = historyTopics(history);
  if (topics.length > 1) {
    for (const topic of topics) {
      const byAt = new Map(history.topics.get(topic)!.map((point) => [point.at, point.lag]));
      series.push({ label: topic, unit: 'records', values: times.map((at) => byAt.get(at) ?? null) });
    }
  }
  return { times, series };
}

/** A topic's write rate (its end offsets) against the group's consumption rate on it (its commits). */
export function rateSeries(history: GroupLagHistory, topic: string): ChartData {
  const points = history.topics.get(topic) ?? [];
  return {
    times: points.map((point) => point.at),
    series: [
      { label: `${topic} writes`, unit: 'records/s', values: points.map((point) => point.writeRate) },
      { label: 'group consumption', unit: 'records/s', values: points.map((point) => point.consumptionRate) },
    ],
  };
}

/** [x, ...y] as uPlot takes it. */
export function toAlignedData(data: ChartData): [number[], ...(number | null)[][]] {
  return [data.times.map((time) => time / 1000), ...data.series.map((series) => series.values)];
}

/** Known values over every series: a chart without any says "no data" rather than drawing nothing. */
export function knownPoints(data: ChartData): number {
  let count = 0;
  for (const series of data.series) for (const value of series.values) if (value !== null) count += 1;
  return count;
}

export const seriesColours = ['#228be6', '#fa5252', '#40c057', '#fab005', '#7950f2', '#15aabf', '#e64980', '#fd7e14', '#82c91e', '#868e96'];
