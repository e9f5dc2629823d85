import { describe, expect, it } from 'vitest';
import type { GroupLagFrame, LagHistory } from '../../../../shared/domain/groups/lag-history';
import { HISTORY_RETENTION_MS } from '../../../../shared/domain/groups/lag-history';
import { appendFrame, emptyHistory, fromHistory, knownPoints, lagSeries, rateSeries, toAlignedData } from './lag-chart-model';

const point = (at: number, lag: number | null, consumptionRate: number | null = null, writeRate: number | null = null) => ({ at, lag, consumptionRate, writeRate });

const frame = (at: number, lag: number | null, topics: [string, number | null, number | null, number | null][] = []): GroupLagFrame => ({
  groupId: 'billing',
  at,
  members: 0,
  lag,
  maxLag: lag,
  consumptionRate: null,
  writeRate: null,
  health: { verdict: 'unknown', reason: 'sampling', catchUpSeconds: null },
  error: null,
  topics: topics.map(([topic, topicLag, consumptionRate, writeRate]) => ({ topic, lag: topicLag, consumptionRate, writeRate })),
});

const history: LagHistory = {
  groupId: 'billing',
  intervalMs: 5_000,
  // Given out of order: the charts draw in time order whatever order main sent.
  points: [point(15_000, 18), point(10_000, 15)],
  topics: [
    { topic: 'orders', points: [point(10_000, 15), point(15_000, 18, 1.4, 2)] },
    { topic: 'audit', points: [point(10_000, 0)] },
  ],
  sampling: true,
};

describe('lag chart model', () => {
  it('draws total lag and one line per topic, aligned on the sample times, gaps where a topic has no point', () => {
    const data = lagSeries('billing', appendFrame(fromHistory(history), frame(20_000, null, [['orders', 20, 2, 4]])));
    expect(data.times).toEqual([10_000, 15_000, 20_000]);
    expect(data.series.map((series) => [series.label, series.values])).toEqual([
      ['billing (total)', [15, 18, null]],
      ['audit', [0, null, null]],
      ['orders', [15, 18, 20]],
    ]);
    expect(knownPoints(data)).toBe(6);
    expect(toAlignedData(data)[0]).toEqual([10, 15, 20]);
  });

  it('draws a single line for a group on one topic', () => {
    const one = appendFrame(emptyHistory(), frame(1_000, 3, [['orders', 3, null, null]]));
    expect(lagSeries('g', one).series.map((series) => series.label)).toEqual(['g (total)']);
  });

  it('puts a topic’s write rate against the group’s consumption rate, unknown first rates as gaps', () => {
    const data = rateSeries(appendFrame(fromHistory(history), frame(20_000, 20, [['orders', 20, 2, 4]])), 'orders');
    expect(data.series.map((series) => [series.label, series.values])).toEqual([
      ['orders writes', [null, 2, 4]],
      ['group consumption', [null, 1.4, 2]],
    ]);
    expect(rateSeries(emptyHistory(), 'nope')).toEqual({ times: [], series: [expect.objectContaining({ values: [] }), expect.objectContaining({ values: [] })] });
  });

  it('ignores a sample it already holds and forgets points past the retention', () => {
    const held = fromHistory(history);
    expect(appendFrame(held, frame(15_000, 99))).toBe(held);
    const later = appendFrame(held, frame(15_000 + HISTORY_RETENTION_MS, 1, [['orders', 1, null, null]]));
    expect(later.points.map((entry) => entry.at)).toEqual([15_000, 15_000 + HISTORY_RETENTION_MS]);
    expect(later.topics.get('audit')).toEqual([]);
  });
});
