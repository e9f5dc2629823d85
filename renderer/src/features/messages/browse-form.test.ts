import { describe, expect, it } from 'vitest';
import { buildBrowseRequest, defaultBrowseForm, foldedFilterCount, jsonScalar, LIVE_TAIL_WINDOW, MAX_HELD_ROWS, type BrowseForm } from './browse-form';

const build = (changes: Partial<BrowseForm>) => buildBrowseRequest({ ...defaultBrowseForm, ...changes }, 'profile-1', 'orders');

describe('browse request from the form', () => {
  it('builds the default request: every partition from the beginning, oldest first, no filters', () => {
    expect(build({})).toEqual({
      ok: true,
      request: { profileId: 'profile-1', topic: 'orders', partitions: 'all', start: { kind: 'beginning' }, direction: 'oldest-first', limit: 500, filters: [], liveTail: false, previewBytes: 16 * 1024 },
    });
  });

  it('maps every start mode and sorts chosen partitions', () => {
    const start = (changes: Partial<BrowseForm>) => {
      const built = build(changes);
      return built.ok ? built.request.start : built.error;
    };
    expect(start({ start: 'end' })).toEqual({ kind: 'end' });
    expect(start({ start: 'offset', offset: ' 42 ' })).toEqual({ kind: 'offset', offset: '42' });
    expect(start({ start: 'timestamp', timestamp: '2026-01-02T03:04:05Z' })).toEqual({ kind: 'timestamp', timestamp: Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(start({ start: 'last', lastCount: '25' })).toEqual({ kind: 'last', count: 25 });
    expect(start({ start: 'offset', offset: '-1' })).toMatch(/non-negative whole number/);
    expect(start({ start: 'timestamp', timestamp: '' })).toMatch(/not a valid date/);
    const built = build({ partitions: [2, 0] });
    expect(built.ok && built.request.partitions).toEqual([0, 2]);
  });

  it('builds text, JSON-field and time-range filters, accepting JSONPath-style paths', () => {
    const built = build({ textTarget: 'header', headerName: 'trace', textMatch: 'regex', textPattern: 'ab+c', jsonPath: '$.order.type', jsonValue: '"order"', timeFrom: '2026-01-01T00:00:00Z' });
    expect(built.ok && built.request.filters).toEqual([
      { kind: 'text', target: 'header', headerName: 'trace', match: 'regex', pattern: 'ab+c', caseSensitive: false, negate: false },
      { kind: 'json-field', target: 'value', path: 'order.type', operator: '=', value: 'order' },
      { kind: 'time-range', from: Date.UTC(2026, 0, 1) },
    ]);
    const exists = build({ jsonPath: 'id', jsonOperator: 'exists', jsonValue: 'ignored' });
    expect(exists.ok && exists.request.filters).toEqual([{ kind: 'json-field', target: 'value', path: 'id', operator: 'exists' }]);
  });

  it('reads JSON scalars and falls back to the typed text', () => {
    expect([jsonScalar('5'), jsonScalar('true'), jsonScalar('null'), jsonScalar('"x"'), jsonScalar('order'), jsonScalar('{"a":1}')]).toEqual([5, true, null, 'x', 'order', '{"a":1}']);
  });

  it('reads live tail oldest first within the sliding window, whatever the direction says', () => {
    const built = build({ liveTail: true, direction: 'newest-first', limit: 10 });
    expect(built.ok && [built.request.direction, built.request.limit, built.request.liveTail]).toEqual(['oldest-first', LIVE_TAIL_WINDOW, true]);
  });

  it('refuses limits above what the table holds and patterns the contract refuses', () => {
    const tooMany = build({ limit: MAX_HELD_ROWS + 1 });
    expect(!tooMany.ok && tooMany.error).toMatch(/result limit must be a whole number from 1 to 50,000/);
    const longRegex = build({ textMatch: 'regex', textPattern: 'a'.repeat(300) });
    expect(!longRegex.ok && longRegex.error).toMatch(/at most 256 characters/);
  });

  it('counts the folded options that are set, so the compact bar can say so', () => {
    expect(foldedFilterCount(defaultBrowseForm)).toBe(0);
    expect(foldedFilterCount({ ...defaultBrowseForm, textPattern: ' order ', jsonPath: '$.type', timeTo: '2026-01-01T00:00', liveTail: true })).toBe(4);
    expect(foldedFilterCount({ ...defaultBrowseForm, textPattern: '   ', partitions: [1], limit: 10 })).toBe(0);
  });
});
