// The Access screen's pure parts: the ACL list's filters and sort, the create form turned into
// bindings (with the live preview in words and what is wrong), and the filter a "Delete matching…"
// sends (Kafka's own filter semantics, so the preview main answers is exactly what would be deleted).
import {
  aclBindingSchema,
  bindingKey,
  bindingWarnings,
  describeBinding,
  type AclBinding,
  type AclFilter,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
} from '../../../../shared/domain/acls';
import type { AclRow } from '../../../../shared/domain/acls/access-schemas';

export type AclColumn = 'principal' | 'host' | 'resourceType' | 'patternType' | 'resourceName' | 'operation' | 'permission';
export interface AclSort {
  column: AclColumn;
  direction: 'asc' | 'desc';
}

/** Text fields match as "contains" (case-insensitive); the choices match exactly; empty means any. */
export interface AclListFilters {
  principal: string;
  host: string;
  resourceName: string;
  resourceType: AclResourceType | '';
  patternType: AclPatternType | '';
  operation: AclOperation | '';
  permission: AclPermission | '';
}

export const emptyFilters: AclListFilters = { principal: '', host: '', resourceName: '', resourceType: '', patternType: '', operation: '', permission: '' };

export function filtersActive(filters: AclListFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

export function visibleAcls(rows: readonly AclRow[], filters: AclListFilters, sort: AclSort): AclRow[] {
  const contains = (value: string, needle: string) => needle === '' || value.toLowerCase().includes(needle.trim().toLowerCase());
  const shown = rows.filter(
    (row) =>
      contains(row.principal, filters.principal) &&
      contains(row.host, filters.host) &&
      contains(row.resourceName, filters.resourceName) &&
      (filters.resourceType === '' || row.resourceType === filters.resourceType) &&
      (filters.patternType === '' || row.patternType === filters.patternType) &&
      (filters.operation === '' || row.operation === filters.operation) &&
      (filters.permission === '' || row.permission === filters.permission),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  return shown.sort((a, b) => sign * compare(a[sort.column], b[sort.column]) || compare(bindingKey(a), bindingKey(b)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function nextAclSort(sort: AclSort, column: AclColumn): AclSort {
  return sort.column === column ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' };
}

/**
 * The Kafka filter "Delete matching…" previews: only the exact fields (the choices, and a text field
 * given in full). Contains-matching has no Kafka equivalent, so partial text is not sent: the preview
 * shows exactly what the broker would delete.
 */
export function deleteFilterOf(filters: AclListFilters): AclFilter {
  const filter: AclFilter = {};
  if (filters.principal.trim() !== '') filter.principal = filters.principal.trim();
  if (filters.host.trim() !== '') filter.host = filters.host.trim();
  if (filters.resourceName !== '') filter.resourceName = filters.resourceName;
  if (filters.resourceType !== '') filter.resourceType = filters.resourceType;
  if (filters.patternType !== '') filter.patternType = filters.patternType;
  if (filters.operation !== '') filter.operation = filters.operation;
  if (filters.permission !== '') filter.permission = filters.permission;
  return filter;
}

export interface AclForm {
  principal: string;
  host: string;
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
  operations: AclOperation[];
  permission: AclPermission;
}

export const emptyAclForm: AclForm = { principal: 'User:', host: '*', resourceType: 'TOPIC', resourceName: '', patternType: 'LITERAL', operations: ['READ'], permission: 'ALLOW' };

export interface AclFormPreview {
  bindings: AclBinding[];
  /** One sentence per binding, as describeBinding says it. */
  sentences: string[];
  warnings: string[];
  /** What must be fixed before creating; empty when the form is ready. */
  problems: string[];
}

export function previewAclForm(form: AclForm): AclFormPreview {
  const problems: string[] = [];
  const resourceName = form.resourceType === 'CLUSTER' ? 'kafka-cluster' : form.resourceName;
  const patternType = form.resourceType === 'CLUSTER' ? 'LITERAL' : form.patternType;
  if (form.operations.length === 0) problems.push('Choose at least one operation.');
  const bindings: AclBinding[] = [];
  for (const operation of form.operations) {
    const parsed = aclBindingSchema.safeParse({ principal: form.principal, host: form.host, resourceType: form.resourceType, resourceName, patternType, operation, permission: form.permission });
    if (parsed.success) bindings.push(parsed.data);
    else for (const issue of parsed.error.issues) if (!problems.includes(wordsOf(issue))) problems.push(wordsOf(issue));
  }
  const warnings = [...new Set(bindings.flatMap(bindingWarnings))];
  return { bindings: problems.length === 0 ? bindings : [], sentences: problems.length === 0 ? bindings.map(describeBinding) : [], warnings: problems.length === 0 ? warnings : [], problems };
}

function wordsOf(issue: { path: PropertyKey[]; message: string }): string {
  const field = issue.path[0];
  if (field === 'resourceName') return 'Give a resource name (* for every name).';
  if (field === 'host') return 'Give a host (* for any host).';
  return issue.message;
}
