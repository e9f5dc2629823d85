import { Badge, Box, Text, UnstyledButton } from '@mantine/core';
import { useRef } from 'react';
import type { AclRow } from '../../../../shared/domain/acls/access-schemas';
import { useRovingRows } from '../../components/use-roving-rows';
import { virtualRowStyle } from '../../components/virtual-row-style';
import type { AclColumn, AclSort } from './acl-table-model';

const ROW_HEIGHT = 32;
const GRID = 'minmax(160px, 2fr) 90px 130px 90px minmax(160px, 3fr) 130px 90px';

const columns: { id: AclColumn; label: string; title?: string }[] = [
  { id: 'principal', label: 'Principal' },
  { id: 'host', label: 'Host', title: '* is any host' },
  { id: 'resourceType', label: 'Resource' },
  { id: 'patternType', label: 'Pattern', title: 'LITERAL: this name (* is every name); PREFIXED: names starting with it' },
  { id: 'resourceName', label: 'Name' },
  { id: 'operation', label: 'Operation' },
  { id: 'permission', label: 'Permission', title: 'A DENY wins over every ALLOW' },
];

/** Only the rows in view are in the DOM; one tab stop, arrows/Page/Home/End move, Enter opens the row. */
export function AclTable(props: { rows: AclRow[]; sort: AclSort; onSort(column: AclColumn): void; onOpen(row: AclRow): void }) {
  const { rows, sort } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const roving = useRovingRows({ count: rows.length, rowHeight: ROW_HEIGHT, scroller, onOpen: (index) => rows[index] && props.onOpen(rows[index]) });
  return (
    <Box role="table" aria-label="ACLs" aria-rowcount={rows.length + 1} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {columns.map((column) => (
          <UnstyledButton
            key={column.id}
            role="columnheader"
            aria-sort={sort.column === column.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            title={column.title}
            onClick={() => props.onSort(column.id)}
            px="xs"
            py={6}
            style={{ fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap', overflow: 'hidden' }}
          >
            {column.label}
            {sort.column === column.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </UnstyledButton>
        ))}
      </Box>
      <div ref={scroller} data-testid="acl-table-scroller" onKeyDown={roving.onKeyDown} style={{ overflow: 'auto', flex: 1, minHeight: 160 }}>
        <div style={{ height: roving.virtualizer.getTotalSize(), position: 'relative' }}>
          {roving.virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={`${row.principal}|${row.host}|${row.resourceType}|${row.patternType}|${row.resourceName}|${row.operation}|${row.permission}`}
                role="row"
                aria-rowindex={item.index + 2}
                title={row.text}
                onClick={() => props.onOpen(row)}
                {...roving.rowProps(item.index)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID }), fontSize: 'var(--mantine-font-size-sm)', outlineOffset: -2 }}
              >
                {[row.principal, row.host, row.resourceType, row.patternType, row.resourceName, row.operation].map((value, index) => (
                  <Text key={index} role="cell" size="sm" px="xs" truncate="end">
                    {value}
                  </Text>
                ))}
                <Box role="cell" px="xs">
                  <Badge size="sm" variant="light" color={row.permission === 'DENY' ? 'red' : 'green'}>
                    {row.permission}
                  </Badge>
                </Box>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
