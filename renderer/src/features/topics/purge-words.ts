// What the purge dialog says it will delete, from the partitions' real offset ranges: the total, and how
// it splits over the partitions. Offset ranges are an upper bound (compaction and transaction markers
// leave gaps), so the words say "up to".
import type { TopicDetail } from '../../../../shared/domain/topics/topic-schemas';

type Partition = Pick<TopicDetail['partitions'][number], 'partition' | 'startOffset' | 'endOffset'>;
export type PurgeTarget = { kind: 'all' } | { kind: 'offset'; partition: number; offset: number };

const LISTED_PARTITIONS = 8;
const count = new Intl.NumberFormat('en-US');
const records = (value: number) => `${count.format(value)} record${value === 1 ? '' : 's'}`;

export function purgeText(partitions: readonly Partition[], target: PurgeTarget): string {
  if (target.kind === 'offset') {
    const entry = partitions.find((candidate) => candidate.partition === target.partition);
    if (!entry) return `The topic has no partition ${target.partition}.`;
    if (entry.startOffset === null) return `Deletes the records of partition ${target.partition} below offset ${count.format(target.offset)} (its start offset is not known).`;
    const deleted = Math.max(0, target.offset - entry.startOffset);
    if (deleted === 0) return `Partition ${target.partition} starts at offset ${count.format(entry.startOffset)}: nothing below offset ${count.format(target.offset)} is left to delete.`;
    return `Deletes up to ${records(deleted)} from partition ${target.partition} (offsets ${count.format(entry.startOffset)}–${count.format(target.offset - 1)}).`;
  }
  if (partitions.some((entry) => entry.startOffset === null || entry.endOffset === null)) {
    return `Deletes every record in all ${partitions.length} partitions (how many is not known: some offsets could not be read).`;
  }
  const held = partitions.map((entry) => ({ partition: entry.partition, records: Math.max(0, entry.endOffset! - entry.startOffset!) })).filter((entry) => entry.records > 0);
  const total = held.reduce((sum, entry) => sum + entry.records, 0);
  if (total === 0) return 'The topic holds no records: there is nothing to delete.';
  const split =
    held.length <= LISTED_PARTITIONS
      ? held.map((entry) => `partition ${entry.partition}: ${count.format(entry.records)}`).join(', ')
      : `in ${held.length} of ${partitions.length} partitions`;
  const where = held.length === 1 ? `all in partition ${held[0]!.partition}` : split;
  return `Deletes up to ${records(total)} in total (${where}).`;
}
