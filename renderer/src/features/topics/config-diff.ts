// The edit-config dialog works on `key=value` lines; this turns them into the incremental change
// (keys to set, keys to reset to their default) against the topic's current overrides.
import { configValueProblem } from '../../../../shared/domain/topics/topic-config-keys';

export interface ConfigEdit {
  set: Record<string, string>;
  reset: string[];
  problems: string[];
}

export function parseConfigLines(text: string): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    if (equals <= 0) {
      problems.push(`Line ${index + 1}: write key=value.`);
      return;
    }
    const key = line.slice(0, equals).trim();
    if (Object.hasOwn(values, key)) problems.push(`Line ${index + 1}: ${key} is given twice.`);
    values[key] = line.slice(equals + 1).trim();
    // Known keys are checked here, by line, before the broker sees them.
    const problem = configValueProblem(key, values[key]);
    if (problem) problems.push(`Line ${index + 1}: ${problem}`);
  });
  return { values, problems };
}

export const formatConfigLines = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');

export function diffConfig(current: Record<string, string>, text: string): ConfigEdit {
  const { values, problems } = parseConfigLines(text);
  const set = Object.fromEntries(Object.entries(values).filter(([key, value]) => current[key] !== value));
  const reset = Object.keys(current).filter((key) => !Object.hasOwn(values, key));
  return { set, reset, problems };
}

/** The configuration tab's filter: a substring of the key or value, and "overrides only". */
export function visibleConfigs<Entry extends { name: string; value: string | null; isOverride: boolean }>(entries: readonly Entry[], filter: { text: string; overridesOnly: boolean }): Entry[] {
  const needle = filter.text.trim().toLowerCase();
  return entries.filter((entry) => (!filter.overridesOnly || entry.isOverride) && (needle === '' || entry.name.toLowerCase().includes(needle) || (entry.value ?? '').toLowerCase().includes(needle)));
}
