import { describe, expect, it } from 'vitest';
import { explainPlanChange, fingerprintRows, parseResetTo, planReset, resetTargetSchema, resolveTarget, scopePartitions, type ResetPartitionFacts, type ResetTarget } from './offset-reset';

const facts: ResetPartitionFacts[] = [
  { topic: 'orders', partition: 1, committed: 40, start: 10, end: 100, atTimestamp: 60 },
  { topic: 'orders', partition: 0, committed: 90, start: 0, end: 100, atTimestamp: 100 },
  { topic: 'audit', partition: 0, committed: null, start: 5, end: 7, atTimestamp: 5 },
];
const group = { kind: 'group' } as const;

describe('planReset', () => {
  it('sets earliest and latest, sorted by topic and partition, with lag before → after', () => {
    const plan = planReset('billing', group, { kind: 'earliest' }, facts, 1);
    expect(plan.rows.map((row) => [row.topic, row.partition, row.current, row.target, row.lagBefore, row.lagAfter])).toEqual([
      ['audit', 0, null, 5, null, 2],
      ['orders', 0, 90, 0, 10, 100],
      ['orders', 1, 40, 10, 60, 90],
    ]);
    expect(plan.totals).toEqual({ lagBefore: 70, lagAfter: 192, changed: 3, clamped: 0 });
    expect(planReset('billing', group, { kind: 'latest' }, facts, 1).rows.map((row) => row.lagAfter)).toEqual([0, 0, 0]);
  });

  it('resolves a timestamp to the first offset at or after it, and says when there is none', () => {
    const plan = planReset('billing', group, { kind: 'timestamp', timestamp: Date.UTC(2026, 11, 1, 10) }, facts, 1);
    expect(plan.rows.map((row) => row.target)).toEqual([5, 100, 60]);
    expect(plan.rows[1]!.note).toBe('No record at or after 2026-12-01T10:00:00.000Z: the end.');
    expect(() => planReset('billing', group, { kind: 'timestamp', timestamp: 0 }, [{ topic: 't', partition: 0, committed: 1, start: 0, end: 2 }], 1)).toThrow(/was not read/);
  });

  it('clamps offsets outside the partition range to the nearer edge, with a note', () => {
    const plan = planReset('billing', group, { kind: 'offset', offset: 5 }, facts, 1);
    expect(plan.rows.map((row) => [row.target, row.clamped])).toEqual([
      [5, null],
      [5, null],
      [10, 'start'],
    ]);
    expect(plan.rows[2]!.note).toBe('5 is before the earliest offset still stored (10); set to 10.');
    const past = planReset('billing', group, { kind: 'offset', offset: 1_000 }, facts, 1);
    expect(past.rows.map((row) => row.clamped)).toEqual(['end', 'end', 'end']);
    expect(past.rows[1]!.note).toBe('1000 is past the end (100); set to the end.');
    expect(past.totals.clamped).toBe(3);
  });

  it('shifts from the committed offset, clamped, and refuses partitions without one', () => {
    const committedOnly = facts.filter((fact) => fact.committed !== null);
    expect(planReset('billing', group, { kind: 'shift', by: -50 }, committedOnly, 1).rows.map((row) => [row.target, row.clamped])).toEqual([
      [40, null],
      [10, 'start'],
    ]);
    expect(planReset('billing', group, { kind: 'shift', by: 50 }, committedOnly, 1).rows.map((row) => row.target)).toEqual([100, 90]);
    expect(() => planReset('billing', group, { kind: 'shift', by: 1 }, facts, 1)).toThrow(/has none for audit-0/);
  });

  it('sets one offset per partition', () => {
    const plan = planReset('billing', group, { kind: 'offsets', offsets: [{ topic: 'orders', partition: 0, offset: 50 }, { topic: 'orders', partition: 1, offset: 20 }] }, facts.slice(0, 2), 1);
    expect(plan.rows.map((row) => row.target)).toEqual([50, 20]);
  });

  it('fingerprints what the rows rest on: a moved end or commit changes it, the time of planning does not', () => {
    const plan = planReset('billing', group, { kind: 'earliest' }, facts, 1);
    expect(planReset('billing', group, { kind: 'earliest' }, facts, 99).fingerprint).toBe(plan.fingerprint);
    expect(plan.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const moved = planReset('billing', group, { kind: 'earliest' }, facts.map((fact) => (fact.partition === 1 ? { ...fact, end: 101 } : fact)), 1);
    expect(moved.fingerprint).not.toBe(plan.fingerprint);
    expect(planReset('other', group, { kind: 'earliest' }, facts, 1).fingerprint).not.toBe(plan.fingerprint);
    expect(fingerprintRows('billing', plan.rows)).toBe(plan.fingerprint);
  });

  it('refuses an empty scope and an end before the start', () => {
    expect(() => planReset('g', group, { kind: 'earliest' }, [], 1)).toThrow(/nothing to reset/);
    expect(() => planReset('g', group, { kind: 'earliest' }, [{ topic: 't', partition: 0, committed: 0, start: 5, end: 4 }], 1)).toThrow(/end \(4\) before its start/);
  });
});

describe('explainPlanChange', () => {
  const before = planReset('g', group, { kind: 'latest' }, facts, 1).rows;
  it('is null for the same plan', () => {
    expect(explainPlanChange(before, planReset('g', group, { kind: 'latest' }, facts, 2).rows)).toBeNull();
  });
  it('says the ends moved, naming the partitions', () => {
    const after = planReset('g', group, { kind: 'latest' }, facts.map((fact) => ({ ...fact, end: fact.end + 3 })), 2).rows;
    expect(explainPlanChange(before, after)).toBe('Ends moved since the preview (audit-0 5..7 → 5..10; orders-0 0..100 → 0..103; orders-1 10..100 → 10..103); nothing was changed. Preview again and confirm the new table.');
  });
  it('says when someone committed in between, or the scope changed', () => {
    const committed = planReset('g', group, { kind: 'latest' }, facts.map((fact) => (fact.partition === 1 ? { ...fact, committed: 41 } : fact)), 2).rows;
    expect(explainPlanChange(before, committed)).toMatch(/^Committed offsets changed since the preview \(orders-1 40 → 41\)/);
    expect(explainPlanChange(before, before.slice(1))).toMatch(/audit-0 is no longer in scope/);
  });
});

describe('scopePartitions', () => {
  const topics = new Map([['orders', [0, 1, 2]]]);
  const committed = [{ topic: 'orders', partition: 1 }, { topic: 'audit', partition: 0 }];
  it('covers every committed partition of the group, or one topic (some partitions)', () => {
    expect(scopePartitions(group, { kind: 'earliest' }, topics, committed)).toEqual([{ topic: 'audit', partition: 0 }, { topic: 'orders', partition: 1 }]);
    expect(scopePartitions({ kind: 'topic', topic: 'orders' }, { kind: 'earliest' }, topics, committed).map((entry) => entry.partition)).toEqual([0, 1, 2]);
    expect(scopePartitions({ kind: 'topic', topic: 'orders', partitions: [2, 0, 2] }, { kind: 'earliest' }, topics, committed).map((entry) => entry.partition)).toEqual([0, 2]);
  });
  it('refuses what does not exist instead of skipping it', () => {
    expect(() => scopePartitions({ kind: 'topic', topic: 'orders', partitions: [0, 7] }, { kind: 'earliest' }, topics, committed)).toThrow("Topic 'orders' has no partition 7 (it has 3).");
    expect(() => scopePartitions({ kind: 'topic', topic: 'nope' }, { kind: 'earliest' }, topics, committed)).toThrow("Topic 'nope' does not exist.");
    expect(() => scopePartitions(group, { kind: 'earliest' }, topics, [])).toThrow(/no committed offsets/);
  });
  it('takes per-partition offsets as the scope, within the requested one', () => {
    const target: ResetTarget = { kind: 'offsets', offsets: [{ topic: 'orders', partition: 2, offset: 1 }] };
    expect(scopePartitions({ kind: 'topic', topic: 'orders' }, target, topics, committed)).toEqual([{ topic: 'orders', partition: 2 }]);
    expect(() => scopePartitions(group, target, topics, committed)).toThrow(/outside the scope: orders-2/);
    expect(() => scopePartitions({ kind: 'topic', topic: 'orders' }, { kind: 'offsets', offsets: [...target.offsets, ...target.offsets] }, topics, committed)).toThrow(/two offsets/);
  });
});

describe('parseResetTo and resolveTarget', () => {
  it.each([
    ['earliest', { kind: 'earliest' }],
    ['latest', { kind: 'latest' }],
    ['offset:42', { kind: 'offset', offset: 42 }],
    ['shift:-100', { kind: 'shift', by: -100 }],
    ['shift:+5', { kind: 'shift', by: 5 }],
    ['15m-ago', { kind: 'ago', ms: 900_000 }],
    ['2h-ago', { kind: 'ago', ms: 7_200_000 }],
    ['2026-12-01T10:00:00Z', { kind: 'timestamp', timestamp: Date.UTC(2026, 11, 1, 10) }],
    ['2026-12-01T10:00:00.250+01:00', { kind: 'timestamp', timestamp: Date.UTC(2026, 11, 1, 9, 0, 0, 250) }],
  ])('reads %s', (text, target) => {
    expect(parseResetTo(text)).toEqual(target);
    expect(resetTargetSchema.parse(target)).toEqual(target);
  });

  it.each(['', 'begin', 'offset:-1', 'shift:0', '12/01/2026', 'offset:1.5', '0m-ago'])('refuses %j', (text) => {
    expect(() => parseResetTo(text)).toThrow(/not understood|changes nothing|not a time in the past/);
  });

  it('turns "ago" into the instant it means at preview time', () => {
    expect(resolveTarget({ kind: 'ago', ms: 60_000 }, 1_000_000)).toEqual({ kind: 'timestamp', timestamp: 940_000 });
    expect(resolveTarget({ kind: 'latest' }, 1)).toEqual({ kind: 'latest' });
  });
});
