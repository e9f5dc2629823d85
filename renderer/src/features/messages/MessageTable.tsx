import { Badge, Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { formatBytes, formatTimestamp, previewLine } from './payload-format';
import { rowKey } from './row-window';
import { virtualRowStyle } from '../../components/virtual-row-style';

const ROW_HEIGHT = 30;
const GRID = '72px 96px 210px minmax(100px, 1fr) minmax(160px, 3fr) 80px 84px';
const headers = ['Partition', 'Offset', 'Timestamp', 'Key', 'Value', 'Size', 'Schema'];

/** Only rows in view are in the DOM, so a full window of rows scrolls like a page of them. */
export function MessageTable({ rows, selected, onSelect }: { rows: BrowseRow[]; selected: string | null; onSelect(row: BrowseRow): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; React Compiler skips memoizing this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  return (
    <Box role="table" aria-label="Messages" aria-rowcount={rows.length + 1} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {headers.map((label, index) => (
          <Text key={label} role="columnheader" size="sm" fw={600} px="xs" py={6} ta={index === 5 ? 'right' : 'left'}>
            {label}
          </Text>
        ))}
      </Box>
      <div ref={scroller} data-testid="message-table-scroller" style={{ overflow: 'auto', flex: 1, minHeight: 160 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const key = rowKey(row);
            const schemaId = row.value?.schema?.schemaId ?? row.key?.schema?.schemaId;
            return (
              <div
                key={key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === selected}
                data-testid="message-row"
                data-message={key}
                onClick={() => onSelect(row)}
                style={virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID, selected: key === selected })}
              >
                <Cell>{row.partition}</Cell>
                <Cell>{row.offset}</Cell>
                <Cell>{formatTimestamp(row.timestamp)}</Cell>
                <Cell mono dimmed={row.key === null}>
                  {row.key === null ? 'null' : previewLine(row.key)}
                </Cell>
                <Cell mono dimmed={row.value === null}>
                  {row.value === null ? 'null' : previewLine(row.value)}
                </Cell>
                <Cell right>{formatBytes(row.sizes.total)}</Cell>
                <Box role="cell" px="xs">
                  {schemaId !== undefined && (
                    <Badge size="xs" variant="light" title="Confluent Schema Registry id">
                      id {schemaId}
                    </Badge>
                  )}
                </Box>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function Cell({ children, mono = false, dimmed = false, right = false }: { children: React.ReactNode; mono?: boolean; dimmed?: boolean; right?: boolean }) {
  return (
    <Text role="cell" size="sm" px="xs" truncate="end" ta={right ? 'right' : undefined} ff={mono ? 'monospace' : undefined} c={dimmed ? 'dimmed' : undefined}>
      {children}
    </Text>
  );
}
