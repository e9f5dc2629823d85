// Findings about a profile or an import, structured for the UI and already phrased for a person: the
// message names where (line/column) and how to fix it.

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface ProfileIssue {
  severity: IssueSeverity;
  /** Stable identifier for tests and UI branching, e.g. `jaas.typographic-quote`. */
  code: string;
  /** The whole sentence shown to the user, location and fix included. */
  message: string;
  fix?: string;
  line?: number;
  column?: number;
  /** The setting the issue is about, as written in the input (`SASL_JAAS_CONFIG`, `sasl.jaas.config`). */
  key?: string;
  /** The profile field it concerns, e.g. `sasl.password`. */
  field?: string;
}

export interface IssueLocation {
  line?: number;
  column?: number;
  key?: string;
}

export function describeLocation(location: IssueLocation): string {
  if (location.line === undefined) return location.key ? `${location.key}` : '';
  const where = location.column === undefined ? `Line ${location.line}` : `Line ${location.line}, column ${location.column}`;
  return location.key ? `${where} (${location.key})` : where;
}

export function makeIssue(
  severity: IssueSeverity,
  code: string,
  problem: string,
  options: IssueLocation & { fix?: string; field?: string } = {},
): ProfileIssue {
  const where = describeLocation(options);
  const message = [where ? `${where}: ${problem}` : problem, options.fix].filter(Boolean).join(' ');
  const issue: ProfileIssue = { severity, code, message };
  if (options.fix !== undefined) issue.fix = options.fix;
  if (options.line !== undefined) issue.line = options.line;
  if (options.column !== undefined) issue.column = options.column;
  if (options.key !== undefined) issue.key = options.key;
  if (options.field !== undefined) issue.field = options.field;
  return issue;
}

export const hasErrors = (issues: readonly ProfileIssue[]): boolean => issues.some((issue) => issue.severity === 'error');
