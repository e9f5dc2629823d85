import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../../../shared/domain/groups/group-schemas';
import type { GroupLagFrame } from '../../../../shared/domain/groups/lag-history';
import { applyGroupItems, formatLag, frameToPatch, nextRowIndex, nextSort, parseSearch, SAMPLING_FAILED, visibleGroups } from './group-table-model';

const row = (groupId: string, overrides: Partial<GroupRow> = {}): GroupRow => ({
  groupId,
  type: 'classic',
  brokerType: 'classic',
  protocolType: 'consumer',
  protocol: null,
  state: 'Empty',
  members: null,
  topics: null,
  partitions: null,
  totalLag: null,
  maxLag: null,
  coordinator: null,
  health: null,
  error: null,
  ...overrides,
});

const ids = (rows: GroupRow[]) => rows.map((entry) => entry.groupId);

describe('group table model', () => {
  it('applies whole rows, then patches by group id, ignoring patches for unknown groups and undefined fields', () => {
    const rows = new Map<string, GroupRow>();
    applyGroupItems(rows, [row('a'), row('b')]);
    applyGroupItems(rows, [{ groupId: 'a', members: 2, topics: ['orders'], protocol: 'range' }, { groupId: 'ghost', members: 1 }]);
    applyGroupItems(rows, [{ groupId: 'a', totalLag: 5, maxLag: 3, state: undefined }]);
    expect(rows.get('a')).toEqual(row('a', { members: 2, topics: ['orders'], protocol: 'range', totalLag: 5, maxLag: 3 }));
    expect(rows.has('ghost')).toBe(false);
    // A patch may set a fact back to null (an error found late): null is a value, not "absent".
    applyGroupItems(rows, [{ groupId: 'a', totalLag: null, error: { code: 'GROUP_AUTHORIZATION_FAILED', message: 'not allowed' } }]);
    expect(rows.get('a')?.totalLag).toBeNull();
    expect(rows.get('a')?.error?.code).toBe('GROUP_AUTHORIZATION_FAILED');
  });

  it('patches rows from watch samples, saying why when a sample failed and clearing that once one succeeds', () => {
    const frame = (overrides: Partial<GroupLagFrame>): GroupLagFrame => ({
      groupId: 'a',
      at: 1,
      members: 2,
      lag: 7,
      maxLag: 4,
      consumptionRate: null,
      writeRate: null,
      health: { verdict: 'warning', reason: 'lag grew', catchUpSeconds: null },
      error: null,
      ...overrides,
    });
    const rows = new Map([['a', row('a', { totalLag: 1, members: 1 })]]);
    applyGroupItems(rows, [frameToPatch(frame({ error: 'COORDINATOR_NOT_AVAILABLE' }), rows.get('a'))]);
    expect(rows.get('a')).toMatchObject({ totalLag: 1, error: { code: SAMPLING_FAILED, message: 'COORDINATOR_NOT_AVAILABLE' } });
    applyGroupItems(rows, [frameToPatch(frame({ members: null }), rows.get('a'))]);
    expect(rows.get('a')).toMatchObject({ totalLag: 7, maxLag: 4, members: 1, error: null, health: { verdict: 'warning' } });
    // A list error (not the sampler's) stays: the sample does not know better.
    rows.set('b', row('b', { error: { code: 'GROUP_AUTHORIZATION_FAILED', message: 'no' } }));
    expect(frameToPatch(frame({ groupId: 'b' }), rows.get('b'))).not.toHaveProperty('error');
  });

  it('searches group ids case-insensitively, or topics with topic:', () => {
    const rows = [row('Billing-app', { topics: ['invoices'] }), row('orders-app', { topics: ['orders', 'payments'] }), row('audit', { topics: null })];
    const sort = { column: 'groupId', direction: 'asc' } as const;
    expect(ids(visibleGroups(rows, '  BILL ', sort))).toEqual(['Billing-app']);
    expect(ids(visibleGroups(rows, 'topic:pay', sort))).toEqual(['orders-app']);
    expect(ids(visibleGroups(rows, 'topic:', sort))).toEqual(['Billing-app', 'audit', 'orders-app']);
    expect(parseSearch('Topic: Orders')).toEqual({ kind: 'topic', needle: 'orders' });
  });

  it('sorts by any column with unknown values last in both directions, ties by id', () => {
    const rows = [row('c', { totalLag: 10 }), row('a', { totalLag: null }), row('b', { totalLag: 10 }), row('d', { totalLag: 0 })];
    expect(ids(visibleGroups(rows, '', { column: 'totalLag', direction: 'desc' }))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(visibleGroups(rows, '', { column: 'totalLag', direction: 'asc' }))).toEqual(['d', 'b', 'c', 'a']);
    const topics = [row('x', { topics: ['a', 'b'] }), row('y', { topics: ['a'] }), row('z')];
    expect(ids(visibleGroups(topics, '', { column: 'topics', direction: 'desc' }))).toEqual(['x', 'y', 'z']);
    const states = [row('p', { state: 'Stable' }), row('q', { state: 'Empty' })];
    expect(ids(visibleGroups(states, '', { column: 'state', direction: 'asc' }))).toEqual(['q', 'p']);
  });

  it('sorts health worst first', () => {
    const health = (verdict: 'ok' | 'warning' | 'stall' | 'stopped' | 'unknown') => ({ verdict, reason: verdict, catchUpSeconds: null });
    const rows = [row('ok', { health: health('ok') }), row('stopped', { health: health('stopped') }), row('none'), row('stall', { health: health('stall') }), row('warn', { health: health('warning') }), row('sampling', { health: health('unknown') })];
    expect(ids(visibleGroups(rows, '', { column: 'health', direction: 'desc' }))).toEqual(['stopped', 'stall', 'warn', 'ok', 'sampling', 'none']);
  });

  it('toggles direction on the same column and picks a natural one for a new column', () => {
    expect(nextSort({ column: 'groupId', direction: 'asc' }, 'groupId')).toEqual({ column: 'groupId', direction: 'desc' });
    expect(nextSort({ column: 'groupId', direction: 'asc' }, 'totalLag')).toEqual({ column: 'totalLag', direction: 'desc' });
    expect(nextSort({ column: 'totalLag', direction: 'desc' }, 'state')).toEqual({ column: 'state', direction: 'asc' });
  });

  it('filters and sorts 10,000 rows quickly', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) =>
      row(`group-${(index * 7919) % 10_000}`, { totalLag: index % 13 === 0 ? null : (index * 31) % 977, topics: [`topic-${index % 200}`] }),
    );
    const started = performance.now();
    visibleGroups(rows, 'group-1', { column: 'totalLag', direction: 'desc' });
    visibleGroups(rows, 'topic:topic-19', { column: 'groupId', direction: 'asc' });
    visibleGroups(rows, '', { column: 'groupId', direction: 'desc' });
    expect(performance.now() - started).toBeLessThan(300);
  });

  it('never shows an unmeasured lag as 0', () => {
    expect(formatLag(null, true)).toBe('…');
    expect(formatLag(null, false)).toBe('—');
    expect(formatLag(0, true)).toBe('0');
    expect(formatLag(9_999, false)).toBe('9,999');
    expect(formatLag(1_234_567, false)).toBe('1.2M');
  });

  it('moves the focused row by key, clamped to the table', () => {
    expect(nextRowIndex('ArrowDown', 0, 5, 10)).toBe(1);
    expect(nextRowIndex('ArrowDown', 4, 5, 10)).toBe(4);
    expect(nextRowIndex('ArrowUp', 0, 5, 10)).toBe(0);
    expect(nextRowIndex('PageDown', 1, 50, 10)).toBe(11);
    expect(nextRowIndex('End', 1, 50, 10)).toBe(49);
    expect(nextRowIndex('Home', 30, 50, 10)).toBe(0);
    expect(nextRowIndex('a', 3, 50, 10)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
