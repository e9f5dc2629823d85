import { describe, expect, it } from 'vitest';
import { browseFilterSchema, browseRequestSchema, type BrowseFilter } from './browse-request';
import { InvalidFilterError, compileFilters, compileSafeRegex, parseJsonPath, type FilterableRecord } from './filters';

const bytes = (text: string) => new TextEncoder().encode(text);
const record = (overrides: Partial<FilterableRecord> = {}): FilterableRecord => ({
  partition: 0,
  timestamp: 1_000,
  key: bytes('order-17'),
  value: bytes('{"customer":{"name":"Ada","tier":3},"items":[{"sku":"X-1","qty":2}],"paid":true}'),
  headers: [{ key: 'trace-id', value: bytes('abc123') }],
  ...overrides,
});
const filter = (input: unknown): BrowseFilter => browseRequestSchema.parse({ profileId: 'p', topic: 't', filters: [input] }).filters[0]!;
const matches = (input: unknown, target = record()) => compileFilters([filter(input)])(target);

describe('text filters', () => {
  it('match substrings case-insensitively by default', () => {
    expect(matches({ kind: 'text', target: 'key', match: 'substring', pattern: 'ORDER' })).toBe(true);
    expect(matches({ kind: 'text', target: 'key', match: 'substring', pattern: 'ORDER', caseSensitive: true })).toBe(false);
    expect(matches({ kind: 'text', target: 'value', match: 'substring', pattern: 'ada' })).toBe(true);
  });

  it('match headers by name and value, and any part', () => {
    expect(matches({ kind: 'text', target: 'header', headerName: 'trace-id', match: 'substring', pattern: '123' })).toBe(true);
    expect(matches({ kind: 'text', target: 'header', headerName: 'other', match: 'substring', pattern: '123' })).toBe(false);
    expect(matches({ kind: 'text', target: 'any', match: 'substring', pattern: 'abc1' })).toBe(true);
  });

  it('match regular expressions and can be negated', () => {
    expect(matches({ kind: 'text', target: 'key', match: 'regex', pattern: '^order-\\d+$' })).toBe(true);
    expect(matches({ kind: 'text', target: 'key', match: 'regex', pattern: '^order-\\d+$', negate: true })).toBe(false);
  });

  it('never fail on binary data or null parts', () => {
    const binary = record({ key: null, value: Uint8Array.of(0xff, 0xfe, 0x00) });
    expect(matches({ kind: 'text', target: 'any', match: 'substring', pattern: 'x' }, binary)).toBe(false);
  });
});

describe('compileSafeRegex', () => {
  it('refuses catastrophic shapes, back-references and invalid syntax', () => {
    // Nested repetition now runs on the linear engine instead of being refused: bounded either way.
    expect(compileSafeRegex('(a+)+$', false).test('a'.repeat(50_000) + '!')).toBe(false);
    expect(compileSafeRegex('(\\w*)*x', false).test('w'.repeat(50_000))).toBe(false);
    expect(() => compileSafeRegex('(a)\\1', false)).toThrow(InvalidFilterError);
    expect(() => compileSafeRegex('[', false)).toThrow(InvalidFilterError);
    expect(() => compileSafeRegex('a'.repeat(300), false)).toThrow(InvalidFilterError);
    expect(compileSafeRegex('(ab)+c', false).test('ABABC')).toBe(true);
  });

  it('rejects over-long patterns in the schema too', () => {
    expect(() => filter({ kind: 'text', target: 'key', match: 'regex', pattern: 'a'.repeat(257) })).toThrow();
  });
});

describe('JSON field filters', () => {
  it('compare with every operator', () => {
    const check = (path: string, operator: string, value?: unknown) => matches({ kind: 'json-field', path, operator, value });
    expect(check('customer.name', '=', 'Ada')).toBe(true);
    expect(check('customer.name', '!=', 'Ada')).toBe(false);
    expect(check('customer.tier', '=', '3')).toBe(true);
    expect(check('customer.tier', '<', 4)).toBe(true);
    expect(check('customer.tier', '<=', 3)).toBe(true);
    expect(check('customer.tier', '>', 3)).toBe(false);
    expect(check('items[0].qty', '>=', 2)).toBe(true);
    expect(check('items[0].sku', 'exists')).toBe(true);
    expect(check('items[1].sku', 'exists')).toBe(false);
    expect(check('paid', '=', true)).toBe(true);
  });

  it('skip values that are not JSON', () => {
    expect(matches({ kind: 'json-field', path: 'a', operator: 'exists' }, record({ value: bytes('plain') }))).toBe(false);
  });

  it('parse dotted, indexed and quoted paths and reject malformed ones', () => {
    expect(parseJsonPath('a.b[2]["c.d"]')).toEqual(['a', 'b', 2, 'c.d']);
    expect(() => parseJsonPath('a..b')).toThrow(InvalidFilterError);
    expect(() => parseJsonPath('a[x]')).toThrow(InvalidFilterError);
  });

  it('need a value for comparisons', () => {
    expect(() => filter({ kind: 'json-field', path: 'a', operator: '=' })).toThrow();
  });
});

describe('time range and partition filters', () => {
  it('bound timestamps inclusively and select partitions', () => {
    expect(matches({ kind: 'time-range', from: 1_000, to: 1_000 })).toBe(true);
    expect(matches({ kind: 'time-range', from: 1_001 })).toBe(false);
    expect(matches({ kind: 'partition', partitions: [1, 2] })).toBe(false);
    expect(matches({ kind: 'partition', partitions: [0] })).toBe(true);
  });

  it('combine with AND', () => {
    const predicate = compileFilters([filter({ kind: 'partition', partitions: [0] }), filter({ kind: 'time-range', to: 10 })]);
    expect(predicate(record())).toBe(false);
  });
});

describe('browseRequestSchema', () => {
  it('fills defaults and refuses live tail newest-first', () => {
    expect(browseRequestSchema.parse({ profileId: 'p', topic: 't' })).toMatchObject({
      partitions: 'all',
      start: { kind: 'beginning' },
      direction: 'oldest-first',
      limit: 500,
      filters: [],
      liveTail: false,
    });
    expect(() => browseRequestSchema.parse({ profileId: 'p', topic: 't', liveTail: true, direction: 'newest-first' })).toThrow();
    expect(() => browseRequestSchema.parse({ profileId: 'p', topic: 't', start: { kind: 'offset', offset: '-1' } })).toThrow();
  });
});

describe('filters over decoded registry-encoded parts', () => {
  const framed = Uint8Array.of(0, 0, 0, 0, 7, 1, 2, 3);
  const context = {
    decoded: (bytes: Uint8Array) => (bytes[0] === 0 ? { value: { address: { city: 'Brno' } }, text: '{"address":{"city":"Brno"}}' } : null),
  };
  const record = (value: Uint8Array) => ({ partition: 0, timestamp: 0, key: null, value, headers: [] });

  it('field filters read decoded fields and text filters the decoded JSON text', () => {
    const byField = compileFilters([browseFilterSchema.parse({ kind: 'json-field', path: 'address.city', operator: '=', value: 'Brno' })], context);
    expect(byField(record(framed))).toBe(true);
    expect(compileFilters([browseFilterSchema.parse({ kind: 'json-field', path: 'address.city', operator: '=', value: 'Brno' })])(record(framed))).toBe(false);
    const byText = compileFilters([browseFilterSchema.parse({ kind: 'text', target: 'value', match: 'substring', pattern: 'brno' })], context);
    expect(byText(record(framed))).toBe(true);
  });

  it('matches parts that are not decoded as raw bytes', () => {
    const plain = new TextEncoder().encode('{"address":{"city":"Praha"}}');
    expect(compileFilters([browseFilterSchema.parse({ kind: 'json-field', path: 'address.city', operator: '=', value: 'Praha' })], context)(record(plain))).toBe(true);
  });
});
