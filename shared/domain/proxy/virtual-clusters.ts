// Virtual clusters seen from the backing cluster: a proxy (Conduktor Gateway, Kroxylicious's MultiTenant
// filter) keeps each virtual cluster's topics and groups on one physical cluster under
// `<prefix><separator>` (`vc-alice.orders` is `orders` inside `vc-alice`; Kroxylicious: `alpha-orders`).
// `passthrough` is the backing cluster as it is (no prefix). Pure naming rules: the scope in main that
// applies them to every channel is not built yet (see docs/proxies.md).

export const PASSTHROUGH = 'passthrough';

export interface VirtualClusterNaming {
  /** The virtual cluster's name, which is its prefix (`vc-alice`), or `passthrough`. */
  name: string;
  /** What separates the prefix from the resource name: `.` for Gateway, `-` for Kroxylicious. */
  separator: string;
}

/** The backing cluster's name for a resource inside the virtual cluster (`orders` → `vc-alice.orders`). */
export function backingName(cluster: VirtualClusterNaming, virtualName: string): string {
  return cluster.name === PASSTHROUGH ? virtualName : `${cluster.name}${cluster.separator}${virtualName}`;
}

/** The virtual name of a backing resource, or null when it is not the virtual cluster's. */
export function virtualName(cluster: VirtualClusterNaming, backing: string): string | null {
  if (cluster.name === PASSTHROUGH) return backing;
  const prefix = `${cluster.name}${cluster.separator}`;
  return backing.startsWith(prefix) && backing.length > prefix.length ? backing.slice(prefix.length) : null;
}

/** Backing names → the virtual cluster's resources under their virtual names, sorted. */
export function namesInVirtualCluster(cluster: VirtualClusterNaming, backing: Iterable<string>): string[] {
  const names: string[] = [];
  for (const name of backing) {
    const inside = virtualName(cluster, name);
    if (inside !== null) names.push(inside);
  }
  return names.sort();
}

/**
 * "Detect from names": the prefixes before the first separator that more than one resource shares, or
 * that a listed virtual cluster already names. Internal topics (`__…`, `_schemas`) are never a prefix.
 */
export function detectVirtualClusters(backing: Iterable<string>, separator: string, minimum = 2): string[] {
  const counts = new Map<string, number>();
  for (const name of backing) {
    if (name.startsWith('_')) continue;
    const at = name.indexOf(separator);
    if (at <= 0 || at === name.length - separator.length) continue;
    const prefix = name.slice(0, at);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= minimum).map(([prefix]) => prefix).sort();
}
