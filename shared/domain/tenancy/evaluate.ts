// Tenant evaluation, in the order Kpow documents: everything starts excluded, explicit includes are
// added, topics consumed by included groups are inferred (same cluster only), exclusions apply last.
// Rules are compiled once per tenant into per-(cluster, resource type) matchers: exact names in a Set,
// prefixes and suffixes in short arrays. Topics and groups are then found through a per-snapshot
// index (exact and prefix lookups); only `*` and suffix patterns need a pass over every name.
import type {
  ClusterSnapshot,
  SnapshotBroker,
  SnapshotCluster,
  SnapshotConnect,
  SnapshotGroup,
  SnapshotKsqlDb,
  SnapshotSchemaRegistry,
  SnapshotTopic,
} from '../snapshot/snapshot';
import type { Tenant, TenantPolicy, TenantResourceRule } from './policy-file';
import { NameIndex } from './name-index';
import {
  matchesId,
  parseResourcePath,
  type NamePattern,
  type ResourceDomain,
  type ResourcePath,
  type ResourceRef,
  type ResourceType,
} from './resource-path';

/** Names matched by any of several patterns. */
export class NameMatcher {
  private readonly any: boolean;
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly suffixes: string[] = [];

  constructor(patterns: Iterable<NamePattern>) {
    let any = false;
    for (const pattern of patterns) {
      if (pattern.kind === 'any') any = true;
      else if (pattern.kind === 'exact') this.exact.add(pattern.value);
      else if (pattern.kind === 'prefix') this.prefixes.push(pattern.value);
      else this.suffixes.push(pattern.value);
    }
    this.any = any;
  }

  get matchesEverything(): boolean {
    return this.any;
  }

  get isEmpty(): boolean {
    return !this.any && this.exact.size === 0 && this.prefixes.length === 0 && this.suffixes.length === 0;
  }

  /**
   * The positions in `index` of every name this matcher matches, found by lookups; null when it
   * matches any name or by suffix, which only a pass over every name can answer.
   */
  lookUp(index: NameIndex): Set<number> | null {
    if (this.any || this.suffixes.length > 0) return null;
    const positions = new Set<number>();
    for (const name of this.exact) {
      const position = index.positionOf(name);
      if (position !== undefined) positions.add(position);
    }
    for (const prefix of this.prefixes) index.addPrefixMatches(prefix, positions);
    return positions;
  }

  matches(name: string): boolean {
    if (this.any || this.exact.has(name)) return true;
    for (const prefix of this.prefixes) if (name.startsWith(prefix)) return true;
    for (const suffix of this.suffixes) if (name.endsWith(suffix)) return true;
    return false;
  }
}

const emptyMatcher = new NameMatcher([]);

export interface CompiledTenant {
  readonly tenant: Tenant;
  /** The merged matcher of every include (or exclude) rule that applies to one domain instance and type. */
  matcher(effect: TenantResourceRule['effect'], domain: ResourceDomain, id: string, profileName: string | undefined, type: ResourceType): NameMatcher;
  /** Whether some include rule reaches into this domain instance and no exclusion removes it whole. */
  touchesDomain(domain: ResourceDomain, id: string, profileName: string | undefined): boolean;
}

export function compileTenant(tenant: Tenant): CompiledTenant {
  const cache = new Map<string, NameMatcher>();
  const build = (effect: TenantResourceRule['effect'], domain: ResourceDomain, id: string, profileName: string | undefined, type: ResourceType) => {
    const names: NamePattern[] = [];
    for (const rule of tenant.resources) {
      if (rule.effect !== effect) continue;
      const pattern = rule.pattern;
      if (pattern.kind === 'all') names.push({ kind: 'any' });
      else if (pattern.domain === domain && matchesId(pattern.id, id, profileName)) {
        if (pattern.kind === 'domain') names.push({ kind: 'any' });
        else if (pattern.type === type) names.push(pattern.name);
      }
    }
    return names.length === 0 ? emptyMatcher : new NameMatcher(names);
  };
  return {
    tenant,
    matcher(effect, domain, id, profileName, type) {
      const key = `${effect}\u0000${domain}\u0000${id}\u0000${profileName ?? ''}\u0000${type}`;
      let matcher = cache.get(key);
      if (matcher === undefined) {
        matcher = build(effect, domain, id, profileName, type);
        cache.set(key, matcher);
      }
      return matcher;
    },
    touchesDomain(domain, id, profileName) {
      const reaches = (rule: TenantResourceRule) =>
        rule.pattern.kind === 'all' || (rule.pattern.domain === domain && matchesId(rule.pattern.id, id, profileName));
      const wholeInstance = (rule: TenantResourceRule) => rule.pattern.kind !== 'resource' && reaches(rule);
      return (
        tenant.resources.some((rule) => rule.effect === 'include' && reaches(rule)) &&
        !tenant.resources.some((rule) => rule.effect === 'exclude' && wholeInstance(rule))
      );
    },
  };
}

export interface ClusterView {
  cluster: SnapshotCluster;
  topics: SnapshotTopic[];
  /** Names of visible topics that are there only because an included group consumes them. */
  inferredTopics: ReadonlySet<string>;
  groups: SnapshotGroup[];
  brokers: SnapshotBroker[];
  principals: string[];
}

export interface TenantView {
  tenant: Tenant;
  clusters: ClusterView[];
  schemaRegistries: Array<{ registry: SnapshotSchemaRegistry; subjects: string[] }>;
  connectClusters: Array<{ connect: SnapshotConnect; connectors: string[] }>;
  ksqlDbs: Array<{ ksqlDb: SnapshotKsqlDb; sources: string[]; queries: string[] }>;
}

const noInferredTopics: ReadonlySet<string> = new Set();

/** Name indexes of a snapshot's topics and groups, built lazily per cluster and shared by every tenant. */
export interface SnapshotIndex {
  topics(cluster: SnapshotCluster): NameIndex;
  groups(cluster: SnapshotCluster): NameIndex;
}

export function indexSnapshot(): SnapshotIndex {
  const topics = new WeakMap<SnapshotCluster, NameIndex>();
  const groups = new WeakMap<SnapshotCluster, NameIndex>();
  const get = (cache: WeakMap<SnapshotCluster, NameIndex>, cluster: SnapshotCluster, names: () => string[]) => {
    let index = cache.get(cluster);
    if (index === undefined) {
      index = new NameIndex(names());
      cache.set(cluster, index);
    }
    return index;
  };
  return {
    topics: (cluster) => get(topics, cluster, () => cluster.topics.map((topic) => topic.name)),
    groups: (cluster) => get(groups, cluster, () => cluster.groups.map((group) => group.name)),
  };
}

const indexBySnapshot = new WeakMap<ClusterSnapshot, SnapshotIndex>();

function cachedIndex(snapshot: ClusterSnapshot): SnapshotIndex {
  let index = indexBySnapshot.get(snapshot);
  if (index === undefined) {
    index = indexSnapshot();
    indexBySnapshot.set(snapshot, index);
  }
  return index;
}

/**
 * What a tenant shows of a snapshot. Domain instances with nothing visible are left out. Snapshots
 * are treated as immutable: the index is cached per snapshot object unless one is passed.
 */
export function evaluateTenant(tenant: Tenant | CompiledTenant, snapshot: ClusterSnapshot, index: SnapshotIndex = cachedIndex(snapshot)): TenantView {
  const compiled = 'matcher' in tenant ? tenant : compileTenant(tenant);
  const view: TenantView = { tenant: compiled.tenant, clusters: [], schemaRegistries: [], connectClusters: [], ksqlDbs: [] };
  for (const cluster of snapshot.clusters) {
    const clusterView = evaluateCluster(compiled, cluster, index);
    if (clusterView !== null) view.clusters.push(clusterView);
  }
  for (const registry of snapshot.schemaRegistries) {
    const subjects = visibleNames(compiled, 'schema', registry, 'subject', registry.subjects);
    if (subjects.length > 0) view.schemaRegistries.push({ registry, subjects });
  }
  for (const connect of snapshot.connectClusters) {
    const connectors = visibleNames(compiled, 'connect', connect, 'connector', connect.connectors);
    if (connectors.length > 0) view.connectClusters.push({ connect, connectors });
  }
  for (const ksqlDb of snapshot.ksqlDbs) {
    const sources = visibleNames(compiled, 'ksqldb', ksqlDb, 'ksqldb-source', ksqlDb.sources);
    const queries = visibleNames(compiled, 'ksqldb', ksqlDb, 'ksqldb-query', ksqlDb.queries);
    if (sources.length + queries.length > 0) view.ksqlDbs.push({ ksqlDb, sources, queries });
  }
  return view;
}

/** The name policies may use instead of the cluster id. */
export function clusterProfileName(cluster: SnapshotCluster): string {
  return cluster.profileName ?? cluster.name;
}

/** Visits the positions a lookup found (or every position when the matcher needs a full pass), in snapshot order. */
function forEachInSnapshotOrder(positions: Set<number> | null, count: number, visit: (position: number) => void): void {
  if (positions === null) {
    for (let position = 0; position < count; position += 1) visit(position);
  } else {
    for (const position of [...positions].sort((a, b) => a - b)) visit(position);
  }
}

function evaluateCluster(compiled: CompiledTenant, cluster: SnapshotCluster, index: SnapshotIndex): ClusterView | null {
  const profileName = clusterProfileName(cluster);
  if (!compiled.touchesDomain('cluster', cluster.id, profileName)) return null;
  const matcher = (effect: TenantResourceRule['effect'], type: ResourceType) => compiled.matcher(effect, 'cluster', cluster.id, profileName, type);
  const includeGroup = matcher('include', 'group');
  const excludeGroup = matcher('exclude', 'group');
  const includeTopic = matcher('include', 'topic');
  const excludeTopic = matcher('exclude', 'topic');

  const groups: SnapshotGroup[] = [];
  const inferred = new Set<string>();
  if (!includeGroup.isEmpty) {
    const found = includeGroup.lookUp(index.groups(cluster));
    forEachInSnapshotOrder(found, cluster.groups.length, (position) => {
      const group = cluster.groups[position]!;
      if (found === null && !includeGroup.matches(group.name)) return;
      // Inference happens before exclusions, so an included-then-excluded group still brings its topics.
      // When every topic is included anyway, inference adds nothing and is skipped.
      if (!includeTopic.matchesEverything) for (const topic of group.topics) inferred.add(topic);
      if (!excludeGroup.matches(group.name)) groups.push(group);
    });
  }

  const topics: SnapshotTopic[] = [];
  let inferredTopics: Set<string> | null = null;
  if (!includeTopic.isEmpty || inferred.size > 0) {
    const topicIndex = index.topics(cluster);
    const found = includeTopic.lookUp(topicIndex);
    if (found !== null) {
      for (const name of inferred) {
        const position = topicIndex.positionOf(name);
        if (position !== undefined) found.add(position);
      }
    }
    forEachInSnapshotOrder(found, cluster.topics.length, (position) => {
      const topic = cluster.topics[position]!;
      const explicit = includeTopic.matches(topic.name);
      if (!explicit && !inferred.has(topic.name)) return;
      if (excludeTopic.matches(topic.name)) return;
      topics.push(topic);
      if (!explicit) (inferredTopics ??= new Set()).add(topic.name);
    });
  }

  const brokers = cluster.brokers.filter((broker) => visibleByRules(matcher('include', 'broker'), matcher('exclude', 'broker'), String(broker.id)));
  const principals = cluster.principals.filter((principal) => visibleByRules(matcher('include', 'principal'), matcher('exclude', 'principal'), principal));
  if (topics.length + groups.length + brokers.length + principals.length === 0) return null;
  return { cluster, topics, inferredTopics: inferredTopics ?? noInferredTopics, groups, brokers, principals };
}

function visibleByRules(include: NameMatcher, exclude: NameMatcher, name: string): boolean {
  return include.matches(name) && !exclude.matches(name);
}

function visibleNames(
  compiled: CompiledTenant,
  domain: ResourceDomain,
  instance: { id: string; name: string },
  type: ResourceType,
  names: readonly string[],
): string[] {
  const include = compiled.matcher('include', domain, instance.id, instance.name, type);
  if (include.isEmpty) return [];
  const exclude = compiled.matcher('exclude', domain, instance.id, instance.name, type);
  return names.filter((name) => visibleByRules(include, exclude, name));
}

/** Which groups consume a topic, so single-resource checks can apply inference without a full evaluation. */
export interface ConsumptionLookup {
  groupsConsumingTopic(clusterId: string, topic: string): Iterable<string>;
}

export interface ConsumptionIndex extends ConsumptionLookup {
  topicsOfGroup(clusterId: string, group: string): readonly string[];
}

/** Built once per snapshot and shared by every tenant check against it. */
export function buildConsumptionIndex(snapshot: ClusterSnapshot): ConsumptionIndex {
  const groupsByTopic = new Map<string, Map<string, string[]>>();
  const topicsByGroup = new Map<string, Map<string, readonly string[]>>();
  for (const cluster of snapshot.clusters) {
    const byTopic = new Map<string, string[]>();
    const byGroup = new Map<string, readonly string[]>();
    for (const group of cluster.groups) {
      byGroup.set(group.name, group.topics);
      for (const topic of group.topics) {
        const consumers = byTopic.get(topic);
        if (consumers === undefined) byTopic.set(topic, [group.name]);
        else consumers.push(group.name);
      }
    }
    groupsByTopic.set(cluster.id, byTopic);
    topicsByGroup.set(cluster.id, byGroup);
  }
  return {
    groupsConsumingTopic: (clusterId, topic) => groupsByTopic.get(clusterId)?.get(topic) ?? [],
    topicsOfGroup: (clusterId, group) => topicsByGroup.get(clusterId)?.get(group) ?? [],
  };
}

export type Visibility = 'included' | 'inferred' | 'hidden';

/**
 * How one resource fares in a tenant, for main-process enforcement. A domain instance (no `type`)
 * is visible when some include rule reaches into it. Topics are inferred through `lookup` when given.
 */
export function visibilityOf(tenant: Tenant | CompiledTenant, ref: ResourceRef, lookup?: ConsumptionLookup): Visibility {
  const compiled = 'matcher' in tenant ? tenant : compileTenant(tenant);
  if (ref.type === undefined || ref.name === undefined) {
    return compiled.touchesDomain(ref.domain, ref.id, ref.profileName) ? 'included' : 'hidden';
  }
  const matcher = (effect: TenantResourceRule['effect'], type: ResourceType) => compiled.matcher(effect, ref.domain, ref.id, ref.profileName, type);
  let visibility: Visibility = matcher('include', ref.type).matches(ref.name) ? 'included' : 'hidden';
  if (visibility === 'hidden' && ref.type === 'topic' && lookup !== undefined) {
    const includeGroup = matcher('include', 'group');
    if (!includeGroup.isEmpty) {
      for (const group of lookup.groupsConsumingTopic(ref.id, ref.name)) {
        if (includeGroup.matches(group)) {
          visibility = 'inferred';
          break;
        }
      }
    }
  }
  if (visibility !== 'hidden' && matcher('exclude', ref.type).matches(ref.name)) return 'hidden';
  return visibility;
}

export function isVisible(tenant: Tenant | CompiledTenant, ref: ResourceRef, lookup?: ConsumptionLookup): boolean {
  return visibilityOf(tenant, ref, lookup) !== 'hidden';
}

function defaultTenant(name: string, description: string, include: ResourcePath[], exclude: ResourcePath[]): Tenant {
  const rule = (effect: TenantResourceRule['effect'], path: ResourcePath): TenantResourceRule => {
    const parsed = parseResourcePath(path);
    if (!parsed.ok) throw new Error(`built-in tenant ${name}: ${parsed.problem.message}`);
    return { effect, path, pattern: parsed.pattern };
  };
  return {
    name,
    description,
    resources: [...include.map((path) => rule('include', path)), ...exclude.map((path) => rule('exclude', path))],
    presentationMode: 'DEFAULT',
    roles: ['*'],
  };
}

export const globalTenant: Tenant = defaultTenant('Global', 'All configured Kafka resources.', [['*']], []);

/** Kpow's documented exclusions plus the other internal topics Kafka and Schema Registry create. */
export const kpowHiddenTenant: Tenant = defaultTenant(
  'Kpow Hidden',
  'All configured Kafka resources except internal Kpow resources, __consumer_offsets and the other internal topics.',
  [['*']],
  [
    ['cluster', '*', 'topic', 'oprtr*'],
    ['cluster', '*', 'topic', '__oprtr*'],
    ['cluster', '*', 'topic', '__consumer_offsets'],
    ['cluster', '*', 'topic', '__transaction_state'],
    ['cluster', '*', 'topic', '_schemas'],
    ['cluster', '*', 'group', 'oprtr*'],
  ],
);

export const defaultTenants: readonly Tenant[] = [globalTenant, kpowHiddenTenant];

/** The tenants in force: the configured ones, or the two defaults when the file configures none. */
export function effectiveTenants(policy: Pick<TenantPolicy, 'tenants'>): readonly Tenant[] {
  return policy.tenants.length > 0 ? policy.tenants : defaultTenants;
}

export function tenantAppliesToRoles(tenant: Tenant, roles: readonly string[]): boolean {
  return tenant.roles.includes('*') || tenant.roles.some((role) => roles.includes(role));
}

/** The tenants a user acting as `roles` may choose from. */
export function tenantsForRoles(policy: Pick<TenantPolicy, 'tenants'>, roles: readonly string[]): Tenant[] {
  return effectiveTenants(policy).filter((tenant) => tenantAppliesToRoles(tenant, roles));
}
