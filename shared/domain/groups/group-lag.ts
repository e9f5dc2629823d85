// Lag arithmetic, as kafka-consumer-groups does it: per partition the end offset (high watermark)
// minus the committed offset, never below zero; a partition whose end offset is unknown has no lag
// figure and does not count toward the group's totals (the totals then say so by being partial).

export interface PartitionLagInput {
  committed: bigint;
  /** undefined: the end offset could not be read. */
  end: bigint | undefined;
}

export function partitionLag(committed: bigint, end: bigint | undefined): number | null {
  if (end === undefined) return null;
  return end > committed ? Number(end - committed) : 0;
}

export interface LagSummary {
  totalLag: number;
  maxLag: number;
  /** Partitions whose lag is known. */
  known: number;
  /** Partitions whose end offset could not be read. */
  unknown: number;
}

export function summarizeLag(partitions: Iterable<PartitionLagInput>): LagSummary {
  const summary: LagSummary = { totalLag: 0, maxLag: 0, known: 0, unknown: 0 };
  for (const { committed, end } of partitions) {
    const lag = partitionLag(committed, end);
    if (lag === null) {
      summary.unknown += 1;
      continue;
    }
    summary.known += 1;
    summary.totalLag += lag;
    if (lag > summary.maxLag) summary.maxLag = lag;
  }
  return summary;
}

/**
 * Committed offsets advanced per second between two reads; null when the partition was not
 * committed in both or the offset went back (a reset), which is no consumption rate.
 */
export function consumptionRate(first: bigint | undefined, second: bigint | undefined, seconds: number): number | null {
  if (first === undefined || second === undefined || seconds <= 0 || second < first) return null;
  return Math.round((Number(second - first) / seconds) * 100) / 100;
}
