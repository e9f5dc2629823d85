// Pure shaping of a group's detail for its tables: partitions grouped by topic with per-topic totals,
// assignments in a compact "orders 0-3, 7" form, and rates for people.
import type { GroupDetail, GroupPartitionOffset, TopicPartitions } from '../../../../shared/domain/groups/group-schemas';

export interface TopicOffsets {
  topic: string;
  partitions: GroupPartitionOffset[];
  /** null when one partition's lag is unknown: a sum over what is known would understate it. */
  lag: number | null;
  /** null when any partition's rate is unknown. */
  consumptionRate: number | null;
}

export function offsetsByTopic(offsets: readonly GroupPartitionOffset[]): TopicOffsets[] {
  const byTopic = new Map<string, GroupPartitionOffset[]>();
  for (const entry of offsets) {
    const list = byTopic.get(entry.topic);
    if (list) list.push(entry);
    else byTopic.set(entry.topic, [entry]);
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, partitions]) => {
      const sorted = partitions.sort((a, b) => a.partition - b.partition);
      return { topic, partitions: sorted, lag: sumOrNull(sorted.map((entry) => entry.lag)), consumptionRate: sumOrNull(sorted.map((entry) => entry.consumptionRate)) };
    });
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** `orders 0-3, 7; payments 1` — runs of consecutive partitions collapsed. */
export function formatAssignment(assignment: readonly TopicPartitions[] | null): string {
  if (assignment === null) return '—';
  const parts = assignment
    .filter((entry) => entry.partitions.length > 0)
    .map((entry) => `${entry.topic} ${partitionRuns([...entry.partitions].sort((a, b) => a - b))}`);
  return parts.length === 0 ? 'nothing' : parts.join('; ');
}

function partitionRuns(sorted: readonly number[]): string {
  const runs: string[] = [];
  let start = sorted[0]!;
  let previous = start;
  for (const partition of sorted.slice(1)) {
    if (partition === previous + 1) {
      previous = partition;
      continue;
    }
    runs.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = previous = partition;
  }
  runs.push(start === previous ? `${start}` : `${start}-${previous}`);
  return runs.join(', ');
}

export const assignedCount = (assignment: readonly TopicPartitions[] | null) => (assignment ?? []).reduce((sum, entry) => sum + entry.partitions.length, 0);

/** Whether a KIP-848 member still has to reconcile: its target differs from what it owns. */
export function reconciling(current: readonly TopicPartitions[], target: readonly TopicPartitions[] | null): boolean {
  if (target === null) return false;
  const key = (list: readonly TopicPartitions[]) =>
    list
      .flatMap((entry) => entry.partitions.map((partition) => `${entry.topic}:${partition}`))
      .sort()
      .join(',');
  return key(current) !== key(target);
}

const rateFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Records per second; `null` is a rate not measured (a single read), not zero. */
export function formatRecordRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${rate < 10_000 ? rateFormat.format(rate) : compact.format(rate)}/s`;
}

export const formatOffset = (offset: number | null) => (offset === null ? '—' : String(offset));

/** Members first sorted by client id then member id, so a restarted consumer lands where it was. */
export function sortedMembers(detail: Pick<GroupDetail, 'members'>): GroupDetail['members'] {
  return [...detail.members].sort((a, b) => (a.clientId === b.clientId ? (a.memberId < b.memberId ? -1 : 1) : a.clientId < b.clientId ? -1 : 1));
}
