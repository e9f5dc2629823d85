import { Badge, Box, Text } from '@mantine/core';
import { useRef } from 'react';
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { useUiStore } from '../../app/ui-store';
import { useRovingRows } from '../../components/use-roving-rows';
import { virtualRowStyle } from '../../components/virtual-row-style';
import { formatBytes, formatTimestamp, previewLine, timeZoneName, utcOffset } from './payload-format';
import { rowKey } from './row-window';

const ROW_HEIGHT = 26;
// Fits beside the 220 px sidebar at 1024 px: key and value share what is left.
const GRID = '80px 76px 196px minmax(80px, 1fr) minmax(140px, 3fr) 72px 76px';

/**
 * Only rows in view are in the DOM, so a full window of rows scrolls like a page of them. One row is
 * in the Tab order; arrows move it and Enter opens it (see use-roving-rows).
 */
export function MessageTable({ rows, selected, onSelect, onEscape }: { rows: BrowseRow[]; selected: string | null; onSelect(row: BrowseRow): void; onEscape?(): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const zone = useUiStore((state) => state.timeZone);
  const selectedIndex = selected === null ? -1 : rows.findIndex((row) => rowKey(row) === selected);
  const { virtualizer, onKeyDown, rowProps } = useRovingRows({ count: rows.length, rowHeight: ROW_HEIGHT, scroller, overscan: 12, selectedIndex, onOpen: (index) => onSelect(rows[index]!), onEscape });
  // The offset is the one of the first row's time: it can differ across a daylight saving change, which the detail shows per message.
  const headers = ['Partition', 'Offset', `Time (${zone === 'utc' ? 'UTC' : utcOffset(rows[0]?.timestamp ?? 0)})`, 'Key', 'Value', 'Size', 'Schema'];

  return (
    <Box role="grid" aria-label="Messages" aria-rowcount={rows.length + 1} aria-readonly style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {headers.map((label, index) => (
          <Text key={label} role="columnheader" fz={13} fw={600} px="xs" py={4} ta={index === 5 ? 'right' : 'left'} truncate="end" title={index === 2 ? `Timestamps in ${timeZoneName(zone, rows[0]?.timestamp ?? 0)}` : undefined}>
            {label}
          </Text>
        ))}
      </Box>
      <div ref={scroller} data-testid="message-table-scroller" role="rowgroup" onKeyDown={onKeyDown} style={{ overflow: 'auto', flex: 1, minHeight: 90 }}>
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
                {...rowProps(item.index)}
                onClick={() => onSelect(row)}
                style={virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID })}
              >
                <Cell>{row.partition}</Cell>
                <Cell>{row.offset}</Cell>
                <Cell>{formatTimestamp(row.timestamp, zone)}</Cell>
                <Cell mono dimmed={row.key === null}>
                  {row.key === null ? 'null' : previewLine(row.key)}
                </Cell>
                <Cell mono dimmed={row.value === null}>
                  {row.value === null ? 'null' : previewLine(row.value)}
                </Cell>
                <Cell right title={`${row.sizes.total.toLocaleString('en-US')} bytes`}>
                  {formatBytes(row.sizes.total)}
                </Cell>
                <Box role="gridcell" px="xs">
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

function Cell({ children, mono = false, dimmed = false, right = false, title }: { children: React.ReactNode; mono?: boolean; dimmed?: boolean; right?: boolean; title?: string }) {
  return (
    <Text role="gridcell" fz={13} px="xs" truncate="end" title={title} ta={right ? 'right' : undefined} ff={mono ? 'monospace' : undefined} c={dimmed ? 'dimmed' : undefined}>
      {children}
    </Text>
  );
}
