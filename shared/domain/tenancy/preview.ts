// What each tenant sees of a snapshot, as full paths in the policy's own form, and how an edit to the
// policy changes that: the preview panel, `odradek policy preview` and `odradek policy diff` share it.
import type { ClusterSnapshot } from '../snapshot/snapshot';
import { compileTenant, effectiveTenants, evaluateTenant, type TenantView } from './evaluate';
import type { PresentationMode, Tenant, TenantPolicy } from './policy-file';
import type { ResourcePath, ResourceType } from './resource-path';

export interface VisibleResource {
  path: ResourcePath;
  type: ResourceType;
  /** Shown only because an included group consumes it. */
  inferred: boolean;
}

/** The tenant's synthetic cluster view: figures summed over what it can see, never over hidden resources. */
export interface TenantTotals {
  clusters: number;
  topics: number;
  partitions: number;
  replicaBytes: number;
  writesPerSecond: number;
  groups: number;
  brokers: number;
  principals: number;
  subjects: number;
  connectors: number;
  ksqlDbSources: number;
  ksqlDbQueries: number;
}

/** Console sections a tenant can show only when it sees something in them. */
export type ResourceSection = 'schema' | 'connect' | 'ksqldb';

export interface TenantPreview {
  tenant: string;
  description?: string;
  roles: string[];
  presentationMode: PresentationMode;
  /** With HIDE_RESOURCES, the sections (menu items) hidden because the tenant sees nothing in them. */
  hiddenSections: ResourceSection[];
  resources: VisibleResource[];
  totals: TenantTotals;
}

export function listVisibleResources(view: TenantView): VisibleResource[] {
  const resources: VisibleResource[] = [];
  const push = (path: ResourcePath, type: ResourceType, inferred = false) => resources.push({ path, type, inferred });
  for (const { cluster, topics, inferredTopics, groups, brokers, principals } of view.clusters) {
    for (const topic of topics) push(['cluster', cluster.id, 'topic', topic.name], 'topic', inferredTopics.has(topic.name));
    for (const group of groups) push(['cluster', cluster.id, 'group', group.name], 'group');
    for (const broker of brokers) push(['cluster', cluster.id, 'broker', String(broker.id)], 'broker');
    for (const principal of principals) push(['cluster', cluster.id, 'principal', principal], 'principal');
  }
  for (const { registry, subjects } of view.schemaRegistries) for (const subject of subjects) push(['schema', registry.id, 'subject', subject], 'subject');
  for (const { connect, connectors } of view.connectClusters) for (const connector of connectors) push(['connect', connect.id, 'connector', connector], 'connector');
  for (const { ksqlDb, sources, queries } of view.ksqlDbs) {
    for (const source of sources) push(['ksqldb', ksqlDb.id, 'ksqldb-source', source], 'ksqldb-source');
    for (const query of queries) push(['ksqldb', ksqlDb.id, 'ksqldb-query', query], 'ksqldb-query');
  }
  return resources;
}

export function tenantTotals(view: TenantView): TenantTotals {
  const totals: TenantTotals = {
    clusters: view.clusters.length,
    topics: 0,
    partitions: 0,
    replicaBytes: 0,
    writesPerSecond: 0,
    groups: 0,
    brokers: 0,
    principals: 0,
    subjects: 0,
    connectors: 0,
    ksqlDbSources: 0,
    ksqlDbQueries: 0,
  };
  for (const cluster of view.clusters) {
    totals.topics += cluster.topics.length;
    for (const topic of cluster.topics) {
      totals.partitions += topic.partitions;
      totals.replicaBytes += topic.replicaBytes;
      totals.writesPerSecond += topic.writesPerSecond;
    }
    totals.groups += cluster.groups.length;
    totals.brokers += cluster.brokers.length;
    totals.principals += cluster.principals.length;
  }
  for (const registry of view.schemaRegistries) totals.subjects += registry.subjects.length;
  for (const connect of view.connectClusters) totals.connectors += connect.connectors.length;
  for (const ksqlDb of view.ksqlDbs) {
    totals.ksqlDbSources += ksqlDb.sources.length;
    totals.ksqlDbQueries += ksqlDb.queries.length;
  }
  return totals;
}

export function previewTenant(tenant: Tenant, snapshot: ClusterSnapshot): TenantPreview {
  const view = evaluateTenant(compileTenant(tenant), snapshot);
  const emptySections: ResourceSection[] = [];
  if (view.schemaRegistries.length === 0) emptySections.push('schema');
  if (view.connectClusters.length === 0) emptySections.push('connect');
  if (view.ksqlDbs.length === 0) emptySections.push('ksqldb');
  const preview: TenantPreview = {
    tenant: tenant.name,
    roles: tenant.roles,
    presentationMode: tenant.presentationMode,
    hiddenSections: tenant.presentationMode === 'HIDE_RESOURCES' ? emptySections : [],
    resources: listVisibleResources(view),
    totals: tenantTotals(view),
  };
  if (tenant.description !== undefined) preview.description = tenant.description;
  return preview;
}

/** Every tenant in force (the defaults when none are configured). */
export function previewPolicy(policy: Pick<TenantPolicy, 'tenants'>, snapshot: ClusterSnapshot): TenantPreview[] {
  return effectiveTenants(policy).map((tenant) => previewTenant(tenant, snapshot));
}

export type TenantChange = 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';

export interface TenantDiff {
  /** The tenant's name after the edit (before it, for a removed tenant). */
  tenant: string;
  change: TenantChange;
  previousName?: string;
  added: VisibleResource[];
  removed: VisibleResource[];
}

export interface PolicyDiff {
  tenants: TenantDiff[];
  /** e.g. `this edit hides 12 topics from "Transactions" and shows 3 more topics to "Payments"`. */
  summary: string;
}

/**
 * Compares what every tenant sees before and after an edit. Tenants are matched by name; of those
 * left over, one with identical rules and roles under a new name is a rename, and so is a lone
 * disappeared tenant facing a lone new one (a rename made together with other changes).
 */
export function diffPolicies(before: Pick<TenantPolicy, 'tenants'>, after: Pick<TenantPolicy, 'tenants'>, snapshot: ClusterSnapshot): PolicyDiff {
  const oldTenants = [...effectiveTenants(before)];
  const newTenants = [...effectiveTenants(after)];
  const pairs: Array<{ old: Tenant | null; new: Tenant | null }> = [];
  const unmatchedOld = oldTenants.filter((tenant) => !newTenants.some((candidate) => candidate.name === tenant.name));
  const unmatchedNew: Tenant[] = [];
  for (const tenant of newTenants) {
    const same = oldTenants.find((candidate) => candidate.name === tenant.name);
    if (same !== undefined) pairs.push({ old: same, new: tenant });
    else unmatchedNew.push(tenant);
  }
  for (const tenant of [...unmatchedNew]) {
    const index = unmatchedOld.findIndex((candidate) => sameRulesAndRoles(candidate, tenant));
    if (index < 0) continue;
    pairs.push({ old: unmatchedOld.splice(index, 1)[0]!, new: tenant });
    unmatchedNew.splice(unmatchedNew.indexOf(tenant), 1);
  }
  if (unmatchedOld.length === 1 && unmatchedNew.length === 1) pairs.push({ old: unmatchedOld.pop()!, new: unmatchedNew.pop()! });
  for (const tenant of unmatchedNew) pairs.push({ old: null, new: tenant });
  for (const tenant of unmatchedOld) pairs.push({ old: tenant, new: null });

  const tenants = pairs.map((pair) => diffTenant(pair.old, pair.new, snapshot));
  return { tenants, summary: summarize(tenants) };
}

function diffTenant(before: Tenant | null, after: Tenant | null, snapshot: ClusterSnapshot): TenantDiff {
  // Same name, same rules, same roles: nothing to evaluate. Most edits touch one tenant, and evaluating
  // every tenant twice over a 100k-topic snapshot took seconds.
  if (before !== null && after !== null && before.name === after.name && sameRulesAndRoles(before, after)) {
    return { tenant: after.name, change: 'unchanged', added: [], removed: [] };
  }
  const beforeResources = before === null ? [] : previewTenant(before, snapshot).resources;
  const afterResources = after === null ? [] : previewTenant(after, snapshot).resources;
  const beforeKeys = new Set(beforeResources.map((resource) => pathKey(resource.path)));
  const afterKeys = new Set(afterResources.map((resource) => pathKey(resource.path)));
  const added = afterResources.filter((resource) => !beforeKeys.has(pathKey(resource.path)));
  const removed = beforeResources.filter((resource) => !afterKeys.has(pathKey(resource.path)));
  if (after === null) return { tenant: before!.name, change: 'removed', added, removed };
  if (before === null) return { tenant: after.name, change: 'added', added, removed };
  if (before.name !== after.name) return { tenant: after.name, change: 'renamed', previousName: before.name, added, removed };
  return { tenant: after.name, change: added.length + removed.length > 0 ? 'changed' : 'unchanged', added, removed };
}

function sameRulesAndRoles(a: Tenant, b: Tenant): boolean {
  const rules = (tenant: Tenant) => JSON.stringify(tenant.resources.map((rule) => [rule.effect, rule.path]));
  return rules(a) === rules(b) && JSON.stringify([...a.roles].sort()) === JSON.stringify([...b.roles].sort());
}

function pathKey(path: ResourcePath): string {
  return path.join('\u0000');
}

const nounByType: Record<ResourceType, [string, string]> = {
  topic: ['topic', 'topics'],
  group: ['group', 'groups'],
  broker: ['broker', 'brokers'],
  principal: ['principal', 'principals'],
  subject: ['subject', 'subjects'],
  connector: ['connector', 'connectors'],
  'ksqldb-source': ['ksqlDB source', 'ksqlDB sources'],
  'ksqldb-query': ['ksqlDB query', 'ksqlDB queries'],
};

function countByType(resources: readonly VisibleResource[], qualifier = ''): string {
  const counts = new Map<ResourceType, number>();
  for (const resource of resources) counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
  return joinPhrases([...counts].map(([type, count]) => `${count} ${qualifier}${nounByType[type][count === 1 ? 0 : 1]}`));
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

function summarize(diffs: readonly TenantDiff[]): string {
  const phrases: string[] = [];
  for (const diff of diffs) {
    const name = JSON.stringify(diff.tenant);
    if (diff.change === 'added') phrases.push(`adds tenant ${name}${diff.added.length > 0 ? ` showing ${countByType(diff.added)}` : ''}`);
    else if (diff.change === 'removed') phrases.push(`removes tenant ${name}${diff.removed.length > 0 ? ` (it showed ${countByType(diff.removed)})` : ''}`);
    else {
      if (diff.change === 'renamed') phrases.push(`renames tenant ${JSON.stringify(diff.previousName)} to ${name}`);
      if (diff.removed.length > 0) phrases.push(`hides ${countByType(diff.removed)} from ${name}`);
      if (diff.added.length > 0) phrases.push(`shows ${countByType(diff.added, 'more ')} to ${name}`);
    }
  }
  return phrases.length === 0 ? 'this edit does not change what any tenant sees' : `this edit ${joinPhrases(phrases)}`;
}
