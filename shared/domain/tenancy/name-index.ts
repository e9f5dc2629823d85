// Finds the names a tenant's patterns can match without scanning every name: a Map for exact names
// and a lexicographically sorted view for prefixes (all names sharing a prefix are contiguous in
// code-unit order, starting at the prefix's lower bound). Built once per snapshot list.

export class NameIndex {
  private positions: Map<string, number> | null = null;
  private sortedPositions: number[] | null = null;

  /** Nothing is built until the first lookup: tenants that only scan never pay for the index. */
  constructor(private readonly names: readonly string[]) {}

  positionOf(name: string): number | undefined {
    return this.positionMap().get(name);
  }

  /** Adds the position of every name starting with `prefix`. */
  addPrefixMatches(prefix: string, into: Set<number>): void {
    const sorted = this.sorted();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.names[sorted[middle]!]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length; i += 1) {
      const position = sorted[i]!;
      if (!this.names[position]!.startsWith(prefix)) break;
      into.add(position);
    }
  }

  private sorted(): number[] {
    // The default sort compares UTF-16 code units, the order startsWith ranges need, and is much
    // faster than sorting positions with a comparator. Names are unique within a cluster.
    if (this.sortedPositions === null) {
      const positions = this.positionMap();
      this.sortedPositions = [...this.names].sort().map((name) => positions.get(name)!);
    }
    return this.sortedPositions;
  }

  private positionMap(): Map<string, number> {
    if (this.positions === null) {
      this.positions = new Map();
      for (let position = 0; position < this.names.length; position += 1) this.positions.set(this.names[position]!, position);
    }
    return this.positions;
  }
}
