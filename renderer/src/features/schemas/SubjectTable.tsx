import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { SubjectSummary } from '../../../../shared/domain/schemas/schema-schemas';
import { virtualRowStyle } from '../../components/virtual-row-style';
import { compatibilityCell, schemaTypeLabels, type SubjectColumn, type SubjectSort } from './subject-list-model';

const ROW_HEIGHT = 32;
const GRID = 'minmax(180px, 4fr) minmax(80px, 1fr) minmax(56px, 0.7fr) minmax(56px, 0.7fr) minmax(120px, 1.6fr)';

const columns: { id: SubjectColumn; label: string; numeric: boolean; title?: string }[] = [
  { id: 'subject', label: 'Subject', numeric: false },
  { id: 'type', label: 'Type', numeric: false },
  { id: 'latestVersion', label: 'Latest', numeric: true, title: 'Latest version' },
  { id: 'latestId', label: 'Id', numeric: true, title: 'Schema id of the latest version' },
  { id: 'compatibility', label: 'Compatibility', numeric: false, title: 'The subject’s own level, or the global level it follows (dimmed)' },
];

export const subjectRowId = (subject: string) => `subject-row-${encodeURIComponent(subject)}`;

/**
 * Only the rows in view (plus a few) are in the DOM. Rows are focusable: arrows move between them,
 * Enter opens the subject, Home/End jump to the ends.
 */
export function SubjectTable({ rows, sort, onSort, selected, onOpen, globalCompatibility }: { rows: SubjectSummary[]; sort: SubjectSort; onSort(column: SubjectColumn): void; selected: string | null; onOpen(subject: string): void; globalCompatibility: string | null }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; React Compiler skips memoizing this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  const focusRow = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    virtualizer.scrollToIndex(rows.indexOf(target), { align: 'auto' });
    // The row may only exist after the virtualizer has drawn the new window.
    requestAnimationFrame(() => document.getElementById(subjectRowId(target.subject))?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, subject: string) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + 10, PageUp: index - 10 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(subject);
    } else if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    }
  };

  return (
    <Box role="table" aria-label="Subjects" aria-rowcount={rows.length + 1} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
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
      <div ref={scroller} data-testid="subject-table-scroller" style={{ overflow: 'auto', flex: 1, minHeight: 200 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const compatibility = compatibilityCell(row, globalCompatibility);
            return (
              <div
                key={row.subject}
                id={subjectRowId(row.subject)}
                role="row"
                tabIndex={0}
                aria-rowindex={item.index + 2}
                aria-selected={row.subject === selected}
                data-subject={row.subject}
                onClick={() => onOpen(row.subject)}
                onKeyDown={(event) => onKeyDown(event, item.index, row.subject)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID }), fontSize: 'var(--mantine-font-size-sm)' }}
              >
                <Group role="cell" gap={6} px="xs" wrap="nowrap" style={{ overflow: 'hidden' }}>
                  <Text size="sm" truncate="end" td={row.deleted ? 'line-through' : undefined}>
                    {row.subject}
                  </Text>
                  {row.deleted && (
                    <Badge size="xs" variant="light" color="orange">
                      soft-deleted
                    </Badge>
                  )}
                </Group>
                <Text role="cell" size="sm" px="xs">
                  {row.type === null ? 'unknown' : schemaTypeLabels[row.type]}
                </Text>
                <Text role="cell" size="sm" px="xs" ta="right">
                  v{row.latestVersion}
                </Text>
                <Text role="cell" size="sm" px="xs" ta="right">
                  {row.latestId ?? '—'}
                </Text>
                <Text role="cell" size="sm" px="xs" c={compatibility.inherited ? 'dimmed' : undefined} title={compatibility.inherited ? 'Follows the global level' : 'The subject’s own level'}>
                  {compatibility.text}
                </Text>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
