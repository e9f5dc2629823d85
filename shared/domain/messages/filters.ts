// Compiles browse filters into one predicate over a record's raw parts. Patterns are data, never code:
// regular expressions are length-capped and run in linear time. JavaScript's engine backtracks: even
// `a+x` took 91 s on a 100 kB value and `.*x` did not finish on 1 MB, on main's thread. So any pattern
// with a quantifier runs on RE2's algorithm (re2js, pure JS, linear in the text); a pattern without one
// cannot backtrack more than its own length per position and keeps the fast native engine.
// Back-references and lookarounds, which no linear engine has, are refused. Pure: usable in both processes.
import { RE2JS } from 're2js';
import { REGEX_PATTERN_MAX, type BrowseFilter, type JsonFieldFilter, type TextFilter } from './browse-request';

export interface FilterableRecord {
  partition: number;
  timestamp: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: readonly { key: string; value: Uint8Array | null }[];
}

export type RecordPredicate = (record: FilterableRecord) => boolean;

/**
 * Lets filters see registry-encoded keys and values as decoded: text filters match the decoded JSON
 * text and field filters read decoded fields. Returns null for bytes it does not decode (not
 * registry-encoded, or the schema failed): those are matched as raw bytes.
 */
export interface FilterContext {
  decoded?(bytes: Uint8Array): { value: unknown; text: string } | null;
}

export class InvalidFilterError extends Error {
  override readonly name = 'InvalidFilterError';
}

/** Text filters look at this many leading bytes of a payload at most, bounding the cost of one match. */
export const FILTER_SCAN_BYTES = 1024 * 1024;

const lenientUtf8 = new TextDecoder('utf-8');

/** Throws InvalidFilterError with a message fit for the user. */
export function compileFilters(filters: BrowseFilter[], context: FilterContext = {}): RecordPredicate {
  const predicates = filters.map((filter) => compileFilter(filter, context));
  if (predicates.length === 0) return () => true;
  return (record) => predicates.every((predicate) => predicate(record));
}

function compileFilter(filter: BrowseFilter, context: FilterContext): RecordPredicate {
  switch (filter.kind) {
    case 'text':
      return compileTextFilter(filter, context);
    case 'json-field':
      return compileJsonFieldFilter(filter, context);
    case 'time-range': {
      const from = filter.from ?? Number.NEGATIVE_INFINITY;
      const to = filter.to ?? Number.POSITIVE_INFINITY;
      return (record) => record.timestamp >= from && record.timestamp <= to;
    }
    case 'partition': {
      const allowed = new Set(filter.partitions);
      return (record) => allowed.has(record.partition);
    }
  }
}

/** A compiled filter expression: only `test`, so either engine can stand behind it. */
export interface SafePattern {
  test(text: string): boolean;
}

export function compileSafeRegex(pattern: string, caseSensitive: boolean): SafePattern {
  if (pattern.length > REGEX_PATTERN_MAX) throw new InvalidFilterError(`A regular expression may be at most ${REGEX_PATTERN_MAX} characters.`);
  if (/\\[1-9]|\\k</.test(pattern)) throw new InvalidFilterError('Back-references are not allowed in filter expressions.');
  if (/\(\?<?[=!]/.test(pattern)) throw new InvalidFilterError('Lookahead and lookbehind are not allowed in filter expressions.');
  let native: RegExp;
  try {
    native = new RegExp(pattern, caseSensitive ? 'u' : 'iu');
  } catch (error) {
    throw new InvalidFilterError(`Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Escapes and classes aside, a quantifier is what makes backtracking grow with the text.
  if (!/[*+?{]/.test(pattern.replace(/\\./g, '').replace(/\[(?:[^\]\\]|\\.)*\]/g, ''))) return native;
  try {
    const linear = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return { test: (text) => linear.matcher(text).find() };
  } catch (error) {
    throw new InvalidFilterError(`This regular expression cannot be run in bounded time: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function compileTextFilter(filter: TextFilter, context: FilterContext): RecordPredicate {
  let matches: (text: string) => boolean;
  if (filter.match === 'regex') {
    const regex = compileSafeRegex(filter.pattern, filter.caseSensitive);
    matches = (text) => regex.test(text);
  } else if (filter.caseSensitive) {
    matches = (text) => text.includes(filter.pattern);
  } else {
    const needle = filter.pattern.toLowerCase();
    matches = (text) => text.toLowerCase().includes(needle);
  }
  const decoded = context.decoded;
  const test = (bytes: Uint8Array | null) => bytes !== null && matches(textOf(bytes));
  const testPart = decoded
    ? (bytes: Uint8Array | null) => {
        if (bytes === null) return false;
        const view = decoded(bytes);
        return matches(view === null ? textOf(bytes) : view.text);
      }
    : test;
  const headerMatches = (record: FilterableRecord) =>
    record.headers.some(
      (header) => (filter.headerName === undefined || header.key === filter.headerName) && (test(header.value) || (filter.headerName === undefined && matches(header.key))),
    );
  let predicate: RecordPredicate;
  switch (filter.target) {
    case 'key':
      predicate = (record) => testPart(record.key);
      break;
    case 'value':
      predicate = (record) => testPart(record.value);
      break;
    case 'header':
      predicate = headerMatches;
      break;
    case 'any':
      predicate = (record) => testPart(record.key) || testPart(record.value) || headerMatches(record);
      break;
  }
  return filter.negate ? (record) => !predicate(record) : predicate;
}

function textOf(bytes: Uint8Array): string {
  // Invalid sequences become U+FFFD here: a filter never fails on binary data, it just rarely matches.
  return lenientUtf8.decode(bytes.length > FILTER_SCAN_BYTES ? bytes.subarray(0, FILTER_SCAN_BYTES) : bytes);
}

type PathStep = string | number;

export function parseJsonPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let consumed = 0;
  for (const match of path.matchAll(pattern)) {
    const between = path.slice(consumed, match.index);
    if (between !== '' && between !== '.') throw new InvalidFilterError(`'${path}' is not a field path such as order.items[0].sku.`);
    consumed = match.index + match[0].length;
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else steps.push(JSON.parse(`"${match[3] ?? ''}"`) as string);
  }
  if (steps.length === 0 || consumed !== path.length) throw new InvalidFilterError(`'${path}' is not a field path such as order.items[0].sku.`);
  return steps;
}

export function readJsonPath(document: unknown, steps: PathStep[]): { found: boolean; value: unknown } {
  let current: unknown = document;
  for (const step of steps) {
    if (typeof step === 'number' ? !Array.isArray(current) : current === null || typeof current !== 'object' || Array.isArray(current)) {
      return { found: false, value: undefined };
    }
    const container = current as Record<string | number, unknown>;
    if (!Object.hasOwn(container, step)) return { found: false, value: undefined };
    current = container[step];
  }
  return { found: true, value: current };
}

export function compareJsonValue(actual: unknown, operator: JsonFieldFilter['operator'], expected: unknown): boolean {
  if (operator === 'exists') return true;
  if (operator === '=' || operator === '!=') {
    const equal = looselyEqual(actual, expected);
    return operator === '=' ? equal : !equal;
  }
  const ordered = orderedPair(actual, expected);
  if (ordered === null) return false;
  const [left, right] = ordered;
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/** "42" in the filter equals 42 in the document: users type values as text. */
function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual === 'number' && typeof expected === 'string' && expected.trim() !== '') return actual === Number(expected);
  if (typeof actual === 'string' && typeof expected === 'number') return Number(actual) === expected && actual.trim() !== '';
  if (typeof actual === 'boolean' && typeof expected === 'string') return String(actual) === expected;
  return false;
}

function orderedPair(actual: unknown, expected: unknown): [number, number] | [string, string] | null {
  const asNumber = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  const left = asNumber(actual);
  const right = asNumber(expected);
  if (left !== null && right !== null) return [left, right];
  if (typeof actual === 'string' && typeof expected === 'string') return [actual, expected];
  return null;
}

function compileJsonFieldFilter(filter: JsonFieldFilter, context: FilterContext): RecordPredicate {
  const steps = parseJsonPath(filter.path);
  return (record) => {
    const bytes = filter.target === 'key' ? record.key : record.value;
    if (bytes === null) return false;
    const view = context.decoded?.(bytes) ?? null;
    if (view !== null) {
      const { found, value } = readJsonPath(view.value, steps);
      return found && compareJsonValue(value, filter.operator, filter.value);
    }
    let document: unknown;
    try {
      document = JSON.parse(lenientUtf8.decode(bytes)) as unknown;
    } catch {
      return false;
    }
    const { found, value } = readJsonPath(document, steps);
    return found && compareJsonValue(value, filter.operator, filter.value);
  };
}
