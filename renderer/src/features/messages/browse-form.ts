// The message browser's form as the user edits it (strings where the user types), and its translation
// into a `messages:browse` request, checked against the contract's schema before anything is sent.
import { browseRequestSchema, type BrowseFilter, type BrowseRequest, type BrowseStart } from '../../../../shared/domain/messages/browse-request';

/** Rows the table holds at most when not tailing: the limit field cannot ask for more. */
export const MAX_HELD_ROWS = 50_000;
/** Live tail keeps only the newest rows; older ones slide out. */
export const LIVE_TAIL_WINDOW = 5_000;

export type StartKind = BrowseStart['kind'];
export type TextTarget = 'key' | 'value' | 'header' | 'any';
export type JsonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'exists';

export interface BrowseForm {
  start: StartKind;
  offset: string;
  /** `datetime-local` text, read in the local time zone. */
  timestamp: string;
  lastCount: number | string;
  /** Empty means every partition. */
  partitions: number[];
  direction: BrowseRequest['direction'];
  limit: number | string;
  textTarget: TextTarget;
  headerName: string;
  textMatch: 'substring' | 'regex';
  textPattern: string;
  caseSensitive: boolean;
  jsonTarget: 'key' | 'value';
  jsonPath: string;
  jsonOperator: JsonOperator;
  /** JSON scalar text (`"order"`, `5`, `true`, `null`); anything that is not JSON is taken as a string. */
  jsonValue: string;
  timeFrom: string;
  timeTo: string;
  liveTail: boolean;
}

export const defaultBrowseForm: BrowseForm = {
  start: 'beginning',
  offset: '0',
  timestamp: '',
  lastCount: 100,
  partitions: [],
  direction: 'oldest-first',
  limit: 500,
  textTarget: 'value',
  headerName: '',
  textMatch: 'substring',
  textPattern: '',
  caseSensitive: false,
  jsonTarget: 'value',
  jsonPath: '',
  jsonOperator: '=',
  jsonValue: '',
  timeFrom: '',
  timeTo: '',
  liveTail: false,
};

/**
 * How many of the options that fold away under "More filters" are set: the bar says so while they
 * are folded, so a filter never narrows the result out of sight.
 */
export function foldedFilterCount(form: BrowseForm): number {
  return [form.liveTail, form.textPattern.trim() !== '', form.jsonPath.trim() !== '', form.timeFrom !== '', form.timeTo !== ''].filter(Boolean).length;
}

export type BuiltRequest = { ok: true; request: BrowseRequest } | { ok: false; error: string };

export function buildBrowseRequest(form: BrowseForm, profileId: string, topic: string): BuiltRequest {
  try {
    const candidate = {
      profileId,
      topic,
      partitions: form.partitions.length === 0 ? 'all' : [...form.partitions].sort((a, b) => a - b),
      start: startOf(form),
      direction: form.liveTail ? 'oldest-first' : form.direction,
      limit: form.liveTail ? LIVE_TAIL_WINDOW : wholeNumber(form.limit, 'The result limit', 1, MAX_HELD_ROWS),
      filters: filtersOf(form),
      liveTail: form.liveTail,
    };
    const parsed = browseRequestSchema.safeParse(candidate);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
    return { ok: true, request: parsed.data };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function startOf(form: BrowseForm): BrowseStart {
  switch (form.start) {
    case 'beginning':
    case 'end':
      return { kind: form.start };
    case 'offset':
      if (!/^\d{1,19}$/.test(form.offset.trim())) throw new Error('The start offset must be a non-negative whole number.');
      return { kind: 'offset', offset: form.offset.trim() };
    case 'timestamp':
      return { kind: 'timestamp', timestamp: instant(form.timestamp, 'The start time') };
    case 'last':
      return { kind: 'last', count: wholeNumber(form.lastCount, 'The number of messages per partition', 1, 1_000_000) };
  }
}

function filtersOf(form: BrowseForm): BrowseFilter[] {
  const filters: BrowseFilter[] = [];
  if (form.textPattern !== '') {
    filters.push({
      kind: 'text',
      target: form.textTarget,
      ...(form.textTarget === 'header' && form.headerName.trim() !== '' ? { headerName: form.headerName.trim() } : {}),
      match: form.textMatch,
      pattern: form.textPattern,
      caseSensitive: form.caseSensitive,
      negate: false,
    });
  }
  if (form.jsonPath.trim() !== '') {
    filters.push({
      kind: 'json-field',
      target: form.jsonTarget,
      path: jsonFieldPath(form.jsonPath),
      operator: form.jsonOperator,
      ...(form.jsonOperator === 'exists' ? {} : { value: jsonScalar(form.jsonValue) }),
    });
  }
  if (form.timeFrom !== '' || form.timeTo !== '') {
    filters.push({
      kind: 'time-range',
      ...(form.timeFrom === '' ? {} : { from: instant(form.timeFrom, 'The "from" time') }),
      ...(form.timeTo === '' ? {} : { to: instant(form.timeTo, 'The "to" time') }),
    });
  }
  return filters;
}

/** Main reads dotted paths (`order.items[0]`); people often type JSONPath's `$.order.items[0]`. */
export function jsonFieldPath(typed: string): string {
  return typed.trim().replace(/^\$\.?/, '');
}

export function jsonScalar(typed: string): string | number | boolean | null {
  const trimmed = typed.trim();
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  } catch {
    // Not JSON: compare with the text as typed.
  }
  return trimmed;
}

/** A `datetime-local` value as epoch milliseconds, in the local time zone. */
export function instant(text: string, what: string): number {
  const value = Date.parse(text);
  if (Number.isNaN(value) || value < 0) throw new Error(`${what} is not a valid date and time.`);
  return value;
}

function wholeNumber(value: number | string, what: string, min: number, max: number): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')}.`);
  return number;
}
