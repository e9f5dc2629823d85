import { Badge, Box, Text } from '@mantine/core';
import { useRef } from 'react';
import type { ConnectorRow } from '../../../../shared/domain/connect/connect-schemas';
import { useRovingRows } from '../../components/use-roving-rows';
import { virtualRowStyle } from '../../components/virtual-row-style';

const ROW_HEIGHT = 32;
const GRID = 'minmax(180px, 3fr) minmax(90px, 1fr) minmax(60px, 0.6fr) minmax(90px, 1fr) minmax(110px, 1.1fr) minmax(140px, 1.6fr) minmax(140px, 2fr)';
const headers = ['Connector', 'Cluster', 'Type', 'State', 'Tasks', 'Class', 'Topics'];

export const connectorKey = (row: Pick<ConnectorRow, 'clusterId' | 'name'>) => `${row.clusterId}/${row.name}`;

export const stateColours: Record<string, string> = { RUNNING: 'green', PAUSED: 'yellow', STOPPED: 'gray', FAILED: 'red', UNASSIGNED: 'orange', RESTARTING: 'blue' };

/** Virtualized; one row in the Tab order, arrows/Home/End/PageUp/PageDown move, Enter opens, Escape closes. */
export function ConnectorTable({ rows, selected, onOpen, onEscape }: { rows: ConnectorRow[]; selected: string | null; onOpen(row: ConnectorRow): void; onEscape(): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const selectedIndex = selected === null ? -1 : rows.findIndex((row) => connectorKey(row) === selected);
  const { virtualizer, onKeyDown, rowProps } = useRovingRows({ count: rows.length, rowHeight: ROW_HEIGHT, scroller, selectedIndex, onOpen: (index) => onOpen(rows[index]!), onEscape });
  return (
    <Box role="grid" aria-label="Connectors" aria-rowcount={rows.length + 1} aria-readonly style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {headers.map((header) => (
          <Text key={header} role="columnheader" size="sm" fw={600} px="xs" py={6}>
            {header}
          </Text>
        ))}
      </Box>
      <div ref={scroller} data-testid="connector-table-scroller" role="rowgroup" onKeyDown={onKeyDown} style={{ overflow: 'auto', flex: 1, minHeight: 120 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const key = connectorKey(row);
            return (
              <div
                key={key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === selected}
                data-connector={row.name}
                {...rowProps(item.index)}
                onClick={() => onOpen(row)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID }), fontSize: 'var(--mantine-font-size-sm)', cursor: 'pointer' }}
              >
                <Text role="gridcell" size="sm" px="xs" truncate="end">
                  {row.name}
                </Text>
                <Text role="gridcell" size="sm" px="xs" truncate="end">
                  {row.clusterName}
                </Text>
                <Text role="gridcell" size="sm" px="xs">
                  {row.type}
                </Text>
                <Box role="gridcell" px="xs">
                  <Badge size="sm" variant="light" color={stateColours[row.state] ?? 'gray'}>
                    {row.state}
                  </Badge>
                </Box>
                <Text role="gridcell" size="sm" px="xs" c={row.tasks.failed > 0 ? 'red' : undefined}>
                  {row.tasks.running}/{row.tasks.total} running{row.tasks.failed > 0 ? `, ${row.tasks.failed} failed` : ''}
                </Text>
                <Text role="gridcell" size="sm" px="xs" truncate="end" title={row.className}>
                  {row.className.split('.').pop()}
                </Text>
                <Text role="gridcell" size="sm" px="xs" truncate="end" c={row.topics === null ? 'dimmed' : undefined}>
                  {row.topics === null ? 'not tracked' : row.topics.join(', ') || '—'}
                </Text>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
