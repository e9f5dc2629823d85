// Fuzz: browse filter expressions are user text run against hostile values on main's thread. Every
// pattern either compiles to a matcher whose time grows linearly with the text, or is refused with an
// InvalidFilterError; patterns that backtrack catastrophically in JavaScript's engine finish quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidFilterError, compileFilters, compileSafeRegex, FILTER_SCAN_BYTES } from '../../../shared/domain/messages/filters';
import { FUZZ_TEST_TIMEOUT, fuzz } from './fuzz';

const regexPieces = ['a', 'b', '.', '\\w', '\\d', '\\s', '[a-z]', '[^x]', '(', ')', '(?:', '|', '*', '+', '?', '{2,}', '{1,3}', '^', '$', '\\', '[', ']', '\\1', '(?=a)', '(?<n>a)', '\\p{L}', '\\b', 'é', '😀', '\\u{1F600}'];
const encoder = new TextEncoder();

describe('fuzz: filter expressions', () => {
  it('any pattern is a bounded matcher or an InvalidFilterError', async () => {
    const pattern = fc.oneof(fc.array(fc.constantFrom(...regexPieces), { maxLength: 24 }).map((pieces) => pieces.join('')), fc.string({ maxLength: 300 }));
    const value = fc.oneof(fc.string({ maxLength: 200 }), fc.tuple(fc.constantFrom('a', 'ab', 'é', '\u0000'), fc.integer({ min: 1, max: 20_000 })).map(([unit, times]) => unit.repeat(times)));
    await fuzz('filter expressions (regex, text, negated)', fc.tuple(pattern, value, fc.boolean(), fc.constantFrom('key', 'value', 'header', 'any')), ([source, text, caseSensitive, target]) => {
      let predicate;
      try {
        predicate = compileFilters([{ kind: 'text', match: 'regex', pattern: source, caseSensitive, negate: false, target } as never]);
      } catch (error) {
        if (!(error instanceof InvalidFilterError)) throw error;
        return;
      }
      const bytes = encoder.encode(text);
      predicate({ partition: 0, timestamp: 0, key: bytes, value: bytes, headers: [{ key: 'h', value: bytes }] });
    }, { runs: 3_000, perCaseMs: 1_500 });
  }, FUZZ_TEST_TIMEOUT);

  it('patterns that backtrack catastrophically in JavaScript finish in linear time on a large value', () => {
    // In V8, /a+x/ on 100 kB of "a" took 91 s and /.*x/ on 1 MB did not end within two minutes.
    const text = 'a'.repeat(64 * 1024);
    for (const pattern of ['a+x', '.*x', '(a|a)*b', '(a+)+$', '\\w*\\w*\\w*x', '(?:a|aa)+b', '(.*a){12}']) {
      const started = performance.now();
      let matched: boolean | 'refused';
      try {
        matched = compileSafeRegex(pattern, false).test(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidFilterError);
        matched = 'refused';
      }
      const took = performance.now() - started;
      expect(took, `${pattern} took ${Math.round(took)} ms`).toBeLessThan(3_000);
      if (pattern === '(a+)+$') expect(matched).toBe(true);
    }
    expect(FILTER_SCAN_BYTES).toBeGreaterThanOrEqual(text.length);
  }, FUZZ_TEST_TIMEOUT);

  it('refuses back-references and lookarounds with the reason, keeps ordinary patterns', () => {
    expect(() => compileSafeRegex('(a)\\1', false)).toThrow(/Back-references/);
    expect(() => compileSafeRegex('a(?=b)', false)).toThrow(/Lookahead/);
    expect(() => compileSafeRegex('(?<!x)a', false)).toThrow(/Lookahead/);
    expect(compileSafeRegex('order-[0-9]+', false).test('ORDER-42')).toBe(true);
    expect(compileSafeRegex('^tx\\.', true).test('tx.payments')).toBe(true);
    expect(compileSafeRegex('é+', false).test('ÉÉ')).toBe(true);
  });
});
