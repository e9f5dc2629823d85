import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { GroupRow } from '../../../../shared/domain/groups/group-schemas';
import { virtualRowStyle } from '../../components/virtual-row-style';
import { healthView } from './health-view';
import { formatCountOrPending, formatExact, formatLag, nextRowIndex, type GroupColumn, type GroupSort } from './group-table-model';

const ROW_HEIGHT = 32;
const GRID = 'minmax(180px, 3fr) 92px minmax(90px, 1fr) minmax(96px, 1fr) 84px 64px 84px 84px 64px minmax(150px, 2fr)';

const columns: { id: GroupColumn; label: string; numeric: boolean; title?: string }[] = [
  { id: 'groupId', label: 'Group', numeric: false },
  { id: 'type', label: 'Type', numeric: false, title: 'classic, consumer (KIP-848), share (KIP-932), streams or simple (offsets only)' },
  { id: 'protocol', label: 'Assignor', numeric: false, title: 'Classic protocol name or KIP-848 server assignor' },
  { id: 'state', label: 'State', numeric: false },
  { id: 'members', label: 'Members', numeric: true },
  { id: 'topics', label: 'Topics', numeric: true },
  { id: 'totalLag', label: 'Total lag', numeric: true, title: 'Sum over partitions of end offset − committed offset' },
  { id: 'maxLag', label: 'Max lag', numeric: true, title: 'The largest lag of one partition' },
  { id: 'coordinator', label: 'Coord.', numeric: true, title: 'Node id of the coordinator broker' },
  { id: 'health', label: 'Lag health', numeric: false, title: 'Burrow-style verdict over the sampled window' },
];

/**
 * Only the rows in view (plus a few) are in the DOM, so 10,000 groups scroll like 30. The table is one
 * tab stop: arrows, Page Up/Down, Home and End move between rows, Enter opens the focused one.
 */
/** Lets the search box hand focus to the table (ArrowDown), as in most list screens. */
export interface GroupTableHandle {
  focusRows(): void;
}

export function GroupTable(props: { rows: GroupRow[]; loading: boolean; sort: GroupSort; onSort(column: GroupColumn): void; onOpen(groupId: string): void; focusGroupId: string | null; ref?: Ref<GroupTableHandle> }) {
  const { rows, loading, sort, onSort, onOpen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; React Compiler skips memoizing this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const active = Math.min(focusIndex, Math.max(0, rows.length - 1));

  // Back from a detail: the group that was open is the one focused again — also when the list was still
  // streaming (a detail the command palette opened before the rows came), once its row arrives; once per target.
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    if (props.focusGroupId === null || focusedFor.current === props.focusGroupId) return;
    const index = rows.findIndex((row) => row.groupId === props.focusGroupId);
    if (index < 0) return;
    focusedFor.current = props.focusGroupId;
    setFocusIndex(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // Not on every streamed patch once done: focusedFor guards that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusGroupId, rows]);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  useImperativeHandle(props.ref, () => ({
    focusRows: () => {
      if (rows.length === 0) return;
      pendingFocus.current = active;
      virtualizer.scrollToIndex(active, { align: 'auto' });
      scroller.current?.querySelector<HTMLElement>(`[data-row-index="${active}"]`)?.focus({ preventScroll: true });
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      const row = rows[active];
      if (row) {
        event.preventDefault();
        onOpen(row.groupId);
      }
      return;
    }
    const pageSize = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextRowIndex(event.key, active, rows.length, pageSize);
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <Box role="table" aria-label="Consumer groups" aria-rowcount={rows.length + 1} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
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
            style={{ textAlign: column.numeric ? 'right' : 'left', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap', overflow: 'hidden' }}
          >
            {column.label}
            {sort.column === column.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </UnstyledButton>
        ))}
      </Box>
      <div ref={scroller} data-testid="group-table-scroller" onKeyDown={onKeyDown} style={{ overflow: 'auto', flex: 1, minHeight: 200 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.groupId}
                role="row"
                tabIndex={item.index === active ? 0 : -1}
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                data-group={row.groupId}
                onClick={() => onOpen(row.groupId)}
                onFocus={() => setFocusIndex(item.index)}
                // The focus ring is drawn inside the row: the scroller would clip one drawn outside.
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID }), fontSize: 'var(--mantine-font-size-sm)', outlineOffset: -2 }}
              >
                <GroupRowCells row={row} loading={loading && row.error === null} />
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function GroupRowCells({ row, loading }: { row: GroupRow; loading: boolean }) {
  const pending = (value: string | null) => value ?? (loading ? '…' : '—');
  return (
    <>
      <Text role="cell" size="sm" px="xs" truncate="end" title={row.groupId}>
        {row.groupId}
      </Text>
      <Text role="cell" size="sm" px="xs" truncate="end" title={row.type === 'unknown' ? `Unknown to Odradek; the broker calls it '${row.brokerType}'` : undefined}>
        {row.type === 'unknown' ? row.brokerType || 'unknown' : row.type}
      </Text>
      <Text role="cell" size="sm" px="xs" truncate="end" title={row.protocolType ? `Protocol type: ${row.protocolType}` : undefined}>
        {pending(row.protocol)}
      </Text>
      <Text role="cell" size="sm" px="xs" truncate="end">
        {row.state}
      </Text>
      <Cell>{formatCountOrPending(row.members, loading)}</Cell>
      <Cell title={row.topics && row.topics.length > 0 ? topicList(row.topics) : undefined}>{row.topics === null ? (loading ? '…' : '—') : row.topics.length}</Cell>
      <Cell title={formatExact(row.totalLag)} data-lag="total">
        {formatLag(row.totalLag, loading)}
      </Cell>
      <Cell title={formatExact(row.maxLag)}>{formatLag(row.maxLag, loading)}</Cell>
      <Cell>{formatCountOrPending(row.coordinator, loading)}</Cell>
      <HealthCell row={row} loading={loading} />
    </>
  );
}

const topicList = (topics: readonly string[]) => (topics.length <= 20 ? topics.join(', ') : `${topics.slice(0, 20).join(', ')} and ${topics.length - 20} more`);

function HealthCell({ row, loading }: { row: GroupRow; loading: boolean }) {
  if (row.error) {
    const text = `${row.error.code}: ${row.error.message}`;
    return (
      <Text role="cell" size="sm" px="xs" c="red" truncate="end" title={text} data-testid="group-row-error">
        ⚠ {row.error.message}
      </Text>
    );
  }
  if (!row.health) {
    return (
      <Text role="cell" size="sm" px="xs" c="dimmed">
        {loading ? '…' : '—'}
      </Text>
    );
  }
  const health = healthView(row.health);
  return (
    <Group role="cell" gap={6} px="xs" wrap="nowrap" style={{ overflow: 'hidden' }} title={`${health.reason} Time to catch up: ${health.catchUp}.`}>
      <Badge size="sm" variant="light" color={health.colour} data-verdict={health.verdict} style={{ flexShrink: 0 }}>
        {health.label}
      </Badge>
      <Text size="xs" c="dimmed" truncate="end">
        {health.reason}
      </Text>
    </Group>
  );
}

function Cell({ children, title, ...rest }: { children: React.ReactNode; title?: string; 'data-lag'?: string }) {
  return (
    <Text role="cell" size="sm" px="xs" ta="right" title={title} {...rest}>
      {children}
    </Text>
  );
}
