import { describe, expect, it } from 'vitest';
import { describeCatchUp, duration, estimateCatchUp, evaluateGroupHealth, evaluatePartitionHealth, toRowHealth, type PartitionLagSample } from './lag-health';
import { recordedSequences } from './lag-health.fixtures';

/** Samples every `stepMs` from t=0: `[committed, end]` pairs. */
const seq = (pairs: [number | null, number][], stepMs = 5_000): PartitionLagSample[] => pairs.map(([committed, end], index) => ({ at: 1_700_000_000_000 + index * stepMs, committed, end }));

describe('evaluatePartitionHealth', () => {
  it('is OK with no lag, and caught up', () => {
    const health = evaluatePartitionHealth(seq([[10, 10], [20, 20]]), { members: 1 });
    expect(health).toMatchObject({ verdict: 'ok', lag: 0, catchUp: { kind: 'caught-up' } });
    expect(health.reason).toBe('Caught up: no lag.');
  });

  it('is OK when the lag was zero within the window (Burrow: any zero lag in the window)', () => {
    const health = evaluatePartitionHealth(seq([[10, 10], [10, 15], [10, 30]]), { members: 0 });
    expect(health.verdict).toBe('ok');
    expect(health.reason).toMatch(/was zero 10 s ago/);
  });

  it('is UNKNOWN until enough samples exist, and without a committed offset', () => {
    expect(evaluatePartitionHealth(seq([[0, 100], [5, 100]]), { members: 1 })).toMatchObject({ verdict: 'unknown', reason: expect.stringMatching(/2 of 3/) });
    expect(evaluatePartitionHealth(seq([[null, 100], [null, 100], [null, 100]]), { members: 1 }).reason).toMatch(/no committed offset/);
    expect(evaluatePartitionHealth([], { members: 1 }).verdict).toBe('unknown');
  });

  it('is WARNING when lag grows at every commit while offsets advance', () => {
    const health = evaluatePartitionHealth(seq([[0, 100], [10, 130], [20, 160], [30, 190]]), { members: 1 });
    expect(health.verdict).toBe('warning');
    expect(health.reason).toMatch(/lag grew from 100 to 160 over 15 s at every commit, although 30 records were committed/);
    expect(health.consumptionRate).toBeCloseTo(2);
    expect(health.writeRate).toBeCloseTo(6);
    expect(health.catchUp).toEqual({ kind: 'never' });
  });

  it('judges growth at commit points, not between commits (auto-commit noise)', () => {
    // Commits every other sample; between commits the lag rises, at commits it falls.
    const health = evaluatePartitionHealth(seq([[0, 100], [0, 110], [50, 120], [50, 130], [100, 140]]), { members: 1 });
    expect(health.verdict).toBe('ok');
    expect(health.reason).toMatch(/falling \(100 → 40/);
    expect(health.catchUp.kind).toBe('eta');
  });

  it('is STALL when members are present but the committed offset does not move', () => {
    const health = evaluatePartitionHealth(seq([[40, 100], [40, 100], [40, 120]]), { members: 2 });
    expect(health).toMatchObject({ verdict: 'stall', lag: 80, consumptionRate: 0, catchUp: { kind: 'never' } });
    expect(health.reason).toBe('The group has 2 members, but the committed offset stayed at 40 for 10 s while lag is 80.');
  });

  it('is STOPPED when no one commits for the window and lag is above zero', () => {
    const health = evaluatePartitionHealth(seq([[40, 100], [40, 110], [40, 120]]), { members: 0 });
    expect(health.verdict).toBe('stopped');
    expect(health.reason).toBe('No commits for 10 s (the whole window) and lag is 80; no member is consuming.');
    expect(evaluatePartitionHealth(seq([[40, 100], [40, 110], [40, 120]]), { members: null }).verdict).toBe('stopped');
  });

  it('starts the window again after an offset reset, so a reset is not read as consumption', () => {
    // Reset back from 500 to 0 at the third sample: before it the consumer was caught up.
    const health = evaluatePartitionHealth(seq([[500, 500], [500, 500], [0, 500], [0, 500], [0, 500]]), { members: 0 });
    expect(health.verdict).toBe('stopped');
    expect(health.windowMs).toBe(10_000);
  });

  it('estimates the catch-up time from the consumption and write rates', () => {
    const health = evaluatePartitionHealth(seq([[0, 1000], [100, 1050], [200, 1100]], 1_000), { members: 1 });
    expect(health.verdict).toBe('ok');
    expect(health.consumptionRate).toBe(100);
    expect(health.writeRate).toBe(50);
    // 900 left, gaining 50/s.
    expect(health.catchUp).toEqual({ kind: 'eta', seconds: 18 });
  });

  it('reads samples in any order', () => {
    const ordered = seq([[0, 100], [10, 130], [20, 160]]);
    expect(evaluatePartitionHealth([...ordered].reverse(), { members: 1 })).toEqual(evaluatePartitionHealth(ordered, { members: 1 }));
  });
});

describe('evaluateGroupHealth', () => {
  it('takes the worst partition and names it', () => {
    const health = evaluateGroupHealth(
      [
        { topic: 'orders', partition: 0, samples: seq([[10, 10], [20, 20], [30, 30]]) },
        { topic: 'orders', partition: 1, samples: seq([[40, 100], [40, 100], [40, 120]]) },
        { topic: 'orders', partition: 2, samples: seq([[0, 100], [10, 130], [20, 160]]) },
      ],
      { members: 3 },
    );
    expect(health.verdict).toBe('stall');
    expect(health.counts).toEqual({ ok: 1, warning: 1, stall: 1, stopped: 0, unknown: 0 });
    expect(health.worst).toEqual([{ topic: 'orders', partition: 1, verdict: 'stall', reason: expect.any(String) }]);
    expect(health.reason).toMatch(/^1 of 3 partitions stalled \(orders-1\)\. orders-1: The group has 3 members/);
    expect(health.lag).toBe(0 + 80 + 140);
    expect(health.catchUp).toEqual({ kind: 'never' });
  });

  it('is OK over all partitions and gives the slowest catch-up', () => {
    const health = evaluateGroupHealth(
      [
        { topic: 'a', partition: 0, samples: seq([[0, 100], [50, 100], [100, 100]], 1_000) },
        { topic: 'a', partition: 1, samples: seq([[0, 1000], [100, 1000], [200, 1000]], 1_000) },
      ],
      { members: 1 },
    );
    expect(health.verdict).toBe('ok');
    expect(health.reason).toBe('All 2 partitions OK; total lag 800.');
    expect(health.catchUp).toEqual({ kind: 'eta', seconds: 8 });
    expect(toRowHealth(health)).toEqual({ verdict: 'ok', reason: health.reason, catchUpSeconds: 8 });
  });

  it('is UNKNOWN without partitions, and UNKNOWN outranks OK', () => {
    expect(evaluateGroupHealth([], { members: 0 }).verdict).toBe('unknown');
    const health = evaluateGroupHealth(
      [
        { topic: 'a', partition: 0, samples: seq([[10, 10]]) },
        { topic: 'a', partition: 1, samples: seq([[0, 10], [1, 10]]) },
      ],
      { members: 1 },
    );
    expect(health.verdict).toBe('unknown');
    expect(health.reason).toMatch(/^1 of 2 partitions not judged yet/);
  });
});

describe('recorded sequences from the test bed', () => {
  it.each(recordedSequences.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const health = evaluateGroupHealth(entry.partitions, { members: entry.members, minSamples: entry.partitions[0]!.samples.length });
    expect(health.verdict).toBe(entry.expected);
    // One sample fewer is not a full window yet: not judged (the caught-up case aside).
    const shorter = entry.partitions.map((partition) => ({ ...partition, samples: partition.samples.slice(1) }));
    expect(evaluateGroupHealth(shorter, { members: entry.members, minSamples: entry.partitions[0]!.samples.length }).verdict).toBe('unknown');
  });
});

describe('words', () => {
  it('says durations and catch-up times plainly', () => {
    expect(duration(800)).toBe('800 ms');
    expect(duration(12_400)).toBe('12 s');
    expect(duration(250_000)).toBe('4 min 10 s');
    expect(duration(7_500_000)).toBe('2 h 5 min');
    expect(describeCatchUp(estimateCatchUp(0, null, null))).toBe('caught up');
    expect(describeCatchUp(estimateCatchUp(600, 20, 10))).toBe('about 1 min');
    expect(describeCatchUp(estimateCatchUp(600, 10, 10))).toBe('not catching up at the current rates');
    expect(describeCatchUp(estimateCatchUp(600, null, 10))).toBe('unknown yet');
  });
});
