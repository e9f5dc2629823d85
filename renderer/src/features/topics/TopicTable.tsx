import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TopicRow } from '../../../../shared/domain/topics/topic-schemas';
import { formatBytes, formatCount, formatRate, type TopicColumn, type TopicSort } from './topic-table-model';
import { virtualRowStyle } from '../../components/virtual-row-style';

const ROW_HEIGHT = 32;
// Columns shrink (down to ~550 px in all) so the detail panel fits beside the table.
const GRID = 'minmax(160px, 3fr) repeat(7, minmax(56px, 1fr))';

const columns: { id: TopicColumn; label: string; numeric: boolean; title?: string }[] = [
  { id: 'name', label: 'Name', numeric: false },
  { id: 'partitions', label: 'Partitions', numeric: true },
  { id: 'replicationFactor', label: 'RF', numeric: true, title: 'Replication factor' },
  { id: 'underReplicated', label: 'Under-repl.', numeric: true, title: 'Partitions with fewer in-sync replicas than replicas' },
  { id: 'offline', label: 'Offline', numeric: true, title: 'Partitions without a leader' },
  { id: 'sizeBytes', label: 'Size', numeric: true, title: 'Bytes on disk over all replicas' },
  { id: 'messages', label: 'Messages', numeric: true, title: 'End minus start offsets (approximate)' },
  { id: 'writeRate', label: 'Writes', numeric: true, title: 'Messages per second' },
];

/** Only the rows in view (plus a few) are in the DOM, so 10,000 topics scroll like 30. */
export function TopicTable({ rows, sort, onSort, selected, onSelect }: { rows: TopicRow[]; sort: TopicSort; onSort(column: TopicColumn): void; selected: string | null; onSelect(name: string): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; React Compiler skips memoizing this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <Box role="table" aria-label="Topics" aria-rowcount={rows.length + 1} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {columns.map((column) => (
          <UnstyledButton
            key={column.id}
            role="columnheader"
            aria-sort={sort.column === column.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            title={column.title}
            onClick={() => onSort(column.id)}
            px="xs"
            py={6}
            style={{ textAlign: column.numeric ? 'right' : 'left', fontSize: 'var(--mantine-font-size-sm)' }}
          >
            {column.label}
            {sort.column === column.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </UnstyledButton>
        ))}
      </Box>
      <div ref={scroller} data-testid="topic-table-scroller" style={{ overflow: 'auto', flex: 1, minHeight: 200 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.name}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row.name === selected}
                data-topic={row.name}
                onClick={() => onSelect(row.name)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID, selected: row.name === selected }), fontSize: 'var(--mantine-font-size-sm)' }}
              >
                <Group role="cell" gap={6} px="xs" wrap="nowrap" style={{ overflow: 'hidden' }}>
                  <Text size="sm" truncate="end">
                    {row.name}
                  </Text>
                  {row.internal && (
                    <Badge size="xs" variant="light" color="gray">
                      internal
                    </Badge>
                  )}
                </Group>
                <Cell>{row.partitions}</Cell>
                <Cell>{row.replicationFactor}</Cell>
                <Cell warn={row.underReplicated > 0}>{row.underReplicated}</Cell>
                <Cell warn={row.offline > 0}>{row.offline}</Cell>
                <Cell>{formatBytes(row.sizeBytes)}</Cell>
                <Cell>{formatCount(row.messages)}</Cell>
                <Cell>{formatRate(row.writeRate)}</Cell>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function Cell({ children, warn = false }: { children: React.ReactNode; warn?: boolean }) {
  return (
    <Text role="cell" size="sm" px="xs" ta="right" c={warn ? 'red' : undefined} fw={warn ? 600 : undefined}>
      {children}
    </Text>
  );
}
