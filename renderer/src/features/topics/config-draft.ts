// The edit-config dialog's one draft: the overrides the topic will have after Apply. The typed form and
// the raw `key=value` editor both read and write it, so switching tabs loses nothing; only the keys
// that differ from the topic's current overrides are sent (set, or reset to the default).
import { configValueProblem, topicConfigKeys } from '../../../../shared/domain/topics/topic-config-keys';
import { formatConfigLines, parseConfigLines } from './config-diff';

export interface ConfigDraft {
  /** The topic's overrides as the broker has them now. */
  readonly base: Readonly<Record<string, string>>;
  /** The overrides after Apply; a key that is absent takes its default. */
  readonly values: Readonly<Record<string, string>>;
}

export const draftFromOverrides = (overrides: Readonly<Record<string, string>>): ConfigDraft => ({ base: overrides, values: { ...overrides } });

/**
 * Sets one key as typed. Clearing a key the topic does not override drops it from the draft (back to
 * its default, as before typing); clearing an existing override keeps the empty value, which the
 * key's check then judges, so an override is never removed without the explicit reset.
 */
export function setDraftValue(draft: ConfigDraft, key: string, value: string): ConfigDraft {
  if (value === '' && !Object.hasOwn(draft.base, key)) return resetDraftKey(draft, key);
  return { ...draft, values: { ...draft.values, [key]: value } };
}

/** Takes `key` back to its default (removes the override from the draft). */
export function resetDraftKey(draft: ConfigDraft, key: string): ConfigDraft {
  if (!Object.hasOwn(draft.values, key)) return draft;
  const values = { ...draft.values };
  delete values[key];
  return { ...draft, values };
}

/** Undoes the draft's change to `key`: the topic's current override, or its default when it has none. */
export function revertDraftKey(draft: ConfigDraft, key: string): ConfigDraft {
  return Object.hasOwn(draft.base, key) ? { ...draft, values: { ...draft.values, [key]: draft.base[key]! } } : resetDraftKey(draft, key);
}

export const draftToText = (draft: ConfigDraft): string => formatConfigLines(draft.values);

/**
 * Replaces the draft's values with the raw editor's text. Lines that do not parse (no `=`, a key
 * given twice) are returned as problems and the draft is left as it was, so nothing typed is dropped.
 */
export function draftFromText(draft: ConfigDraft, text: string): { draft: ConfigDraft; syntaxProblems: string[] } {
  const parsed = parseConfigLines(text);
  const syntaxProblems = parsed.problems.filter((problem) => / write key=value\.$| is given twice\.$/.test(problem));
  if (syntaxProblems.length > 0) return { draft, syntaxProblems };
  return { draft: { ...draft, values: parsed.values }, syntaxProblems: [] };
}

export interface DraftChanges {
  set: Record<string, string>;
  reset: string[];
  /** Per changed key, why its value cannot be sent (from the shared table of known keys). */
  problems: Record<string, string>;
}

/** What Apply sends: the keys whose value differs from the topic's overrides, and the overrides dropped. */
export function draftChanges(draft: ConfigDraft): DraftChanges {
  const set: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(draft.values)) {
    if (draft.base[key] === value) continue;
    set[key] = value.trim();
    const problem = key.trim() === '' ? 'A key needs a name.' : configValueProblem(key, value);
    if (problem) problems[key] = problem;
  }
  const reset = Object.keys(draft.base).filter((key) => !Object.hasOwn(draft.values, key));
  return { set, reset, problems };
}

/** The keys the typed form shows: every known key, then the topic's other (unknown) overrides in the draft. */
export function formKeys(draft: ConfigDraft, filter = ''): string[] {
  const needle = filter.trim().toLowerCase();
  const known = Object.keys(topicConfigKeys);
  const others = [...new Set([...Object.keys(draft.base), ...Object.keys(draft.values)])].filter((key) => !Object.hasOwn(topicConfigKeys, key)).sort();
  return [...known, ...others].filter((key) => needle === '' || key.toLowerCase().includes(needle));
}

/** cleanup.policy and other lists of allowed values, compared as sets ("delete,compact" is "compact,delete"). */
export function sameEnumList(left: string, right: string): boolean {
  const items = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .sort()
      .join(',');
  return items(left) === items(right);
}
