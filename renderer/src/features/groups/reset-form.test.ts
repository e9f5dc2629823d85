import { describe, expect, it } from 'vitest';
import type { GroupPartitionOffset } from '../../../../shared/domain/groups/group-schemas';
import { buildReset, describeScope, describeTarget, initialResetForm, parseLocalDateTime, scopedPartitions, type ResetForm } from './reset-form';

const offset = (topic: string, partition: number, committed: number | null = 5): GroupPartitionOffset => ({
  topic,
  partition,
  committed,
  end: 10,
  lag: committed === null ? null : 10 - committed,
  metadata: null,
  leaderEpoch: null,
  owner: null,
  consumptionRate: null,
});

const detail = { offsets: [offset('orders', 1), offset('orders', 0), offset('audit', 0), offset('orders', 2)] };
const NOW = new Date(2026, 11, 1, 12, 0, 0).getTime();
const form = (overrides: Partial<ResetForm>): ResetForm => ({ ...initialResetForm(detail), ...overrides });

describe('reset form', () => {
  it('starts at earliest on the first topic when the group reads several', () => {
    expect(initialResetForm(detail)).toMatchObject({ mode: 'earliest', scope: 'topic', topic: 'audit' });
    expect(initialResetForm({ offsets: [offset('orders', 0)] })).toMatchObject({ scope: 'all', topic: 'orders' });
  });

  it('covers the chosen scope in topic and partition order', () => {
    expect(scopedPartitions({ scope: 'all', topic: null, partitions: [] }, detail)).toEqual([
      { topic: 'audit', partition: 0 },
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 1 },
      { topic: 'orders', partition: 2 },
    ]);
    expect(scopedPartitions({ scope: 'partitions', topic: 'orders', partitions: [2, 0] }, detail)).toEqual([
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 2 },
    ]);
  });

  it('builds each mode', () => {
    expect(buildReset(form({ mode: 'latest', scope: 'all' }), detail, NOW)).toEqual({ ok: true, target: { kind: 'latest' }, scope: { kind: 'group' } });
    expect(buildReset(form({ mode: 'ago', agoAmount: '90', agoUnit: 'minutes', topic: 'orders' }), detail, NOW)).toEqual({ ok: true, target: { kind: 'ago', ms: 90 * 60_000 }, scope: { kind: 'topic', topic: 'orders' } });
    expect(buildReset(form({ mode: 'datetime', dateTime: '2026-12-01T11:30' }), detail, NOW)).toMatchObject({ ok: true, target: { kind: 'timestamp', timestamp: NOW - 30 * 60_000 } });
    expect(buildReset(form({ mode: 'shift', shift: '-25', scope: 'partitions', topic: 'orders', partitions: [1, 0] }), detail, NOW)).toEqual({ ok: true, target: { kind: 'shift', by: -25 }, scope: { kind: 'topic', topic: 'orders', partitions: [0, 1] } });
    expect(buildReset(form({ mode: 'shift', shift: '+7' }), detail, NOW)).toMatchObject({ ok: true, target: { kind: 'shift', by: 7 } });
    expect(buildReset(form({ mode: 'offset', scope: 'partitions', topic: 'orders', partitions: [0, 2], offsets: { 'orders:0': '3', 'orders:2': ' 8 ', 'orders:1': 'ignored' } }), detail, NOW)).toMatchObject({
      ok: true,
      target: { kind: 'offsets', offsets: [{ topic: 'orders', partition: 0, offset: 3 }, { topic: 'orders', partition: 2, offset: 8 }] },
    });
  });

  it('names the one problem that stops a reset', () => {
    const problem = (overrides: Partial<ResetForm>) => {
      const built = buildReset(form(overrides), detail, NOW);
      return built.ok ? null : built.problem;
    };
    expect(problem({ scope: 'topic', topic: null })).toBe('Choose a topic.');
    expect(problem({ scope: 'partitions', topic: 'orders', partitions: [] })).toBe('Choose at least one partition of orders.');
    expect(problem({ scope: 'partitions', topic: 'orders', partitions: [9] })).toBe('The scope covers no partition with a committed offset.');
    expect(problem({ mode: 'datetime', dateTime: '' })).toBe('Pick a date and time.');
    expect(problem({ mode: 'datetime', dateTime: '2026-02-30T10:00' })).toBe("'2026-02-30T10:00' is not a date and time (YYYY-MM-DD HH:mm).");
    expect(problem({ mode: 'datetime', dateTime: '2026-12-02T10:00' })).toMatch(/^The time is in the future/);
    expect(problem({ mode: 'ago', agoAmount: '0' })).toBe('Type a whole number of minutes greater than 0.');
    expect(problem({ mode: 'ago', agoAmount: '1.5', agoUnit: 'hours' })).toBe('Type a whole number of hours greater than 0.');
    expect(problem({ mode: 'ago', agoAmount: '5000', agoUnit: 'days' })).toBe('5000 days ago is more than ten years back.');
    expect(problem({ mode: 'shift', shift: '' })).toBe('Type a whole number to shift by, e.g. -100 or +50.');
    expect(problem({ mode: 'shift', shift: '1e3' })).toBe("Type a whole number to shift by, e.g. -100 or +50, not '1e3'.");
    expect(problem({ mode: 'shift', shift: '-0' })).toBe('A shift of 0 changes nothing.');
    expect(problem({ mode: 'offset', scope: 'topic', topic: 'audit', offsets: {} })).toBe('Type an offset for audit partition 0.');
    expect(problem({ mode: 'offset', scope: 'topic', topic: 'audit', offsets: { 'audit:0': '-1' } })).toBe("The offset for audit partition 0 must be a whole number ≥ 0, not '-1'.");
  });

  it('parses datetime-local values in local time and refuses rolled-over dates', () => {
    expect(parseLocalDateTime('2026-12-01T12:00')).toBe(NOW);
    expect(parseLocalDateTime('2026-12-01 12:00:30')).toBe(NOW + 30_000);
    expect(parseLocalDateTime('2026-13-01T12:00')).toBeNull();
    expect(parseLocalDateTime('yesterday')).toBeNull();
  });

  it('words the target and the scope', () => {
    expect(describeTarget({ kind: 'ago', ms: 2 * 3_600_000 })).toBe('the first record of 2 hours ago');
    expect(describeTarget({ kind: 'ago', ms: 60_000 })).toBe('the first record of 1 minute ago');
    expect(describeTarget({ kind: 'shift', by: -5 })).toBe('the committed offset −5');
    expect(describeScope({ kind: 'group' }, detail)).toBe('every topic of the group (2 topics, 4 partitions)');
    expect(describeScope({ kind: 'topic', topic: 'orders', partitions: [0, 2] }, detail)).toBe('orders partitions 0, 2');
  });
});
