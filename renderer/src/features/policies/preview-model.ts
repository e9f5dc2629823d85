// Shapes previews and diffs for display: resources grouped by type with the instance's display name
// beside each, and totals formatted the way operators read them.
import type { ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import type { ResourceType, VisibleResource } from '../../../../shared/domain/tenancy';
import { formatBytes } from '../../components/format';

export interface ResourceGroup {
  type: ResourceType;
  label: string;
  /** The preview's own objects, not copies: a tenant can see 100,000 topics. */
  rows: VisibleResource[];
}

/** The resource's name: the last element of its path. */
export function resourceName(resource: VisibleResource): string {
  return resource.path[3] ?? '';
}

/** The display name of the cluster, registry, Connect cluster or ksqlDB the resource belongs to. */
export function instanceOf(resource: VisibleResource, names: ReadonlyMap<string, string>): string {
  const id = resource.path[1] ?? '';
  return names.get(id) ?? id;
}

const typeLabels: Array<[ResourceType, string]> = [
  ['topic', 'Topics'],
  ['group', 'Groups'],
  ['broker', 'Brokers'],
  ['principal', 'Principals'],
  ['subject', 'Subjects'],
  ['connector', 'Connectors'],
  ['ksqldb-source', 'ksqlDB sources'],
  ['ksqldb-query', 'ksqlDB queries'],
];

/** Display names by instance id, for every kind of instance in the snapshot. */
export function instanceNames(snapshot: ClusterSnapshot): Map<string, string> {
  const names = new Map<string, string>();
  for (const instance of [...snapshot.clusters, ...snapshot.schemaRegistries, ...snapshot.connectClusters, ...snapshot.ksqlDbs]) {
    names.set(instance.id, instance.name);
  }
  return names;
}

/**
 * Groups resources by type, in a fixed order. Topics, groups, brokers and principals always appear
 * (a tenant seeing none of them is worth saying); the others only when the snapshot has them.
 */
export function groupResources(resources: readonly VisibleResource[], snapshot: ClusterSnapshot): ResourceGroup[] {
  const rowsByType = new Map<ResourceType, VisibleResource[]>();
  for (const resource of resources) {
    const rows = rowsByType.get(resource.type);
    if (rows) rows.push(resource);
    else rowsByType.set(resource.type, [resource]);
  }
  const present = new Set<ResourceType>(['topic', 'group', 'broker', 'principal']);
  if (snapshot.schemaRegistries.length > 0) present.add('subject');
  if (snapshot.connectClusters.length > 0) present.add('connector');
  if (snapshot.ksqlDbs.length > 0) present.add('ksqldb-source').add('ksqldb-query');
  return typeLabels
    .filter(([type]) => present.has(type) || rowsByType.has(type))
    .map(([type, label]) => ({ type, label, rows: rowsByType.get(type) ?? [] }));
}


/** Decimal units, as Kafka tooling reports disk use. */
export const formatDiskBytes = (bytes: number): string => formatBytes(bytes, 1000);

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0 msg/s';
  if (perSecond < 10) return `${perSecond.toFixed(2)} msg/s`;
  return `${Math.round(perSecond).toLocaleString('en')} msg/s`;
}

/** The file name in a path from either platform, for titles. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
