// Filtering, sorting and formatting of the topic table, kept pure so they can be tested and stay
// fast at 10,000 rows (one pass to filter, one sort with a typed comparator).
import type { TopicListItem, TopicRow } from '../../../../shared/domain/topics/topic-schemas';

export type TopicColumn = keyof Pick<TopicRow, 'name' | 'partitions' | 'replicationFactor' | 'underReplicated' | 'offline' | 'sizeBytes' | 'messages' | 'writeRate'>;

export interface TopicSort {
  column: TopicColumn;
  direction: 'asc' | 'desc';
}

export interface TopicFilter {
  search: string;
  hideInternal: boolean;
}

/** Applies streamed items: whole rows from the metadata phase, patches keyed by name afterwards. */
export function applyTopicItems(rows: Map<string, TopicRow>, items: readonly TopicListItem[]): void {
  for (const item of items) {
    const current = rows.get(item.name);
    if (current) rows.set(item.name, { ...current, ...definedFields(item) });
    else if (isWholeRow(item)) rows.set(item.name, item);
  }
}

function isWholeRow(item: TopicListItem): item is TopicRow {
  return item.partitions !== undefined && item.internal !== undefined && item.replicationFactor !== undefined;
}

function definedFields(item: TopicListItem): Partial<TopicRow> {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as Partial<TopicRow>;
}

export function visibleTopics(rows: Iterable<TopicRow>, filter: TopicFilter, sort: TopicSort): TopicRow[] {
  const needle = filter.search.trim().toLowerCase();
  const kept: TopicRow[] = [];
  for (const row of rows) {
    if (filter.hideInternal && row.internal) continue;
    if (needle !== '' && !row.name.toLowerCase().includes(needle)) continue;
    kept.push(row);
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  const { column } = sort;
  if (column === 'name') return kept.sort((a, b) => sign * (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Unknown values (null: not streamed in yet) sort last in either direction; ties fall back to the name.
  return kept.sort((a, b) => {
    const left = a[column];
    const right = b[column];
    if (left === null || right === null) return left === right ? byName(a, b) : left === null ? 1 : -1;
    return left === right ? byName(a, b) : sign * (left - right);
  });
}

const byName = (a: TopicRow, b: TopicRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);


export { formatBytes } from '../../components/format';

const countFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(count: number | null): string {
  return count === null ? '…' : countFormat.format(count);
}

export function formatRate(rate: number | null): string {
  if (rate === null) return '…';
  return rate === 0 ? '0/s' : `${rate < 10 ? rate.toFixed(1) : countFormat.format(rate)}/s`;
}
