import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useRef } from 'react';
import type { TopicRow } from '../../../../shared/domain/topics/topic-schemas';
import { formatExactCount } from '../../components/format';
import { columnsThatFit, type FitColumn } from '../../components/table-columns';
import { useRovingRows } from '../../components/use-roving-rows';
import { virtualRowStyle } from '../../components/virtual-row-style';
import { formatBytes, formatCount, formatRate, type TopicColumn, type TopicSort } from './topic-table-model';

const ROW_HEIGHT = 32;

interface Column extends FitColumn<TopicColumn> {
  label: string;
  numeric: boolean;
  title?: string;
}

// Widths fit the header and the widest usual value on one line (sm text); priority decides which
// columns give way first when the detail panel narrows the table (the name and the counts stay).
const columns: Column[] = [
  { id: 'name', label: 'Name', numeric: false, width: 132, grow: true, priority: 0 },
  { id: 'partitions', label: 'Partitions', numeric: true, width: 106, priority: 1, title: 'Partitions' },
  { id: 'replicationFactor', label: 'RF', numeric: true, width: 52, priority: 4, title: 'Replication factor' },
  { id: 'underReplicated', label: 'Under-repl.', numeric: true, width: 112, priority: 5, title: 'Partitions with fewer in-sync replicas than replicas' },
  { id: 'offline', label: 'Offline', numeric: true, width: 76, priority: 6, title: 'Partitions without a leader' },
  { id: 'sizeBytes', label: 'Size', numeric: true, width: 84, priority: 3, title: 'Bytes on disk over all replicas' },
  { id: 'messages', label: 'Messages', numeric: true, width: 116, priority: 2, title: 'End minus start offsets (exact; the short form is in each cell’s tooltip)' },
  { id: 'writeRate', label: 'Writes', numeric: true, width: 88, priority: 7, title: 'Messages per second' },
];

/**
 * Only the rows in view (plus a few) are in the DOM, so 10,000 topics scroll like 30. One row is in
 * the Tab order: arrows move, Enter opens the topic, Escape closes its panel.
 */
export function TopicTable({ rows, sort, onSort, selected, onSelect, onEscape }: { rows: TopicRow[]; sort: TopicSort; onSort(column: TopicColumn): void; selected: string | null; onSelect(name: string): void; onEscape?(): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { ref: frame, width } = useElementSize();
  const fitted = columnsThatFit(columns, width || 10_000);
  const shown = columns.filter((column) => fitted.ids.has(column.id));
  const hidden = columns.filter((column) => !fitted.ids.has(column.id));
  const selectedIndex = selected === null ? -1 : rows.findIndex((row) => row.name === selected);
  const { virtualizer, onKeyDown, rowProps } = useRovingRows({ count: rows.length, rowHeight: ROW_HEIGHT, scroller, selectedIndex, onOpen: (index) => onSelect(rows[index]!.name), onEscape });

  return (
    <Box ref={frame} role="grid" aria-label="Topics" aria-rowcount={rows.length + 1} aria-colcount={shown.length} aria-readonly style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: fitted.template, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {shown.map((column) => (
          <Box key={column.id} role="columnheader" aria-sort={sort.column === column.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ minWidth: 0 }}>
            <UnstyledButton
              data-fit
              title={column.title ? `${column.title} — sort` : 'Sort by name'}
              onClick={() => onSort(column.id)}
              px="xs"
              py={6}
              w="100%"
              style={{ textAlign: column.numeric ? 'right' : 'left', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            >
              {column.label}
              {sort.column === column.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
            </UnstyledButton>
          </Box>
        ))}
      </Box>
      {hidden.length > 0 && (
        <Text size="xs" c="dimmed" px="xs" py={2} truncate="end" data-testid="hidden-columns" title="Widen the window or narrow the panel to show them." style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          Hidden at this width: {hidden.map((column) => column.label).join(', ')}
        </Text>
      )}
      <div ref={scroller} data-testid="topic-table-scroller" role="rowgroup" onKeyDown={onKeyDown} style={{ overflow: 'auto', flex: 1, minHeight: 120 }}>
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
                {...rowProps(item.index)}
                onClick={() => onSelect(row.name)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: fitted.template }), fontSize: 'var(--mantine-font-size-sm)' }}
              >
                {shown.map((column) => (
                  <TopicCell key={column.id} row={row} column={column.id} hiddenHealth={!fitted.ids.has('underReplicated') || !fitted.ids.has('offline')} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function TopicCell({ row, column, hiddenHealth }: { row: TopicRow; column: TopicColumn; hiddenHealth: boolean }) {
  switch (column) {
    case 'name':
      return (
        <Group role="gridcell" gap={6} px="xs" wrap="nowrap" style={{ overflow: 'hidden' }}>
          <Text size="sm" truncate="end" title={row.name} data-fit>
            {row.name}
          </Text>
          {row.internal && (
            <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
              internal
            </Badge>
          )}
          {/* Health columns give way first at narrow widths; a problem in them still shows here. */}
          {hiddenHealth && (row.underReplicated > 0 || row.offline > 0) && (
            <Badge size="xs" color="red" style={{ flexShrink: 0 }} title={`${row.underReplicated} under-replicated, ${row.offline} offline partitions`}>
              {row.offline > 0 ? 'offline' : 'under-repl.'}
            </Badge>
          )}
        </Group>
      );
    case 'partitions':
      return <Cell>{row.partitions}</Cell>;
    case 'replicationFactor':
      return <Cell>{row.replicationFactor}</Cell>;
    case 'underReplicated':
      return <Cell warn={row.underReplicated > 0}>{row.underReplicated}</Cell>;
    case 'offline':
      return <Cell warn={row.offline > 0}>{row.offline}</Cell>;
    case 'sizeBytes':
      return <Cell title={row.sizeBytes === null ? undefined : `${row.sizeBytes.toLocaleString('en-US')} bytes`}>{formatBytes(row.sizeBytes)}</Cell>;
    case 'messages':
      return <Cell title={row.messages === null ? undefined : `about ${formatCount(row.messages)}`}>{formatExactCount(row.messages)}</Cell>;
    case 'writeRate':
      return <Cell title={row.writeRate === null ? undefined : `${row.writeRate.toFixed(2)} messages/s`}>{formatRate(row.writeRate)}</Cell>;
  }
}

function Cell({ children, warn = false, title }: { children: React.ReactNode; warn?: boolean; title?: string }) {
  return (
    <Text role="gridcell" size="sm" px="xs" ta="right" title={title} truncate="end" c={warn ? 'red' : undefined} fw={warn ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}
