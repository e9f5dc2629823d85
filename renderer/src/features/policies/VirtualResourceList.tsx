// A long list of resource names that stays responsive at 100,000 rows: only the visible rows exist
// in the DOM (@tanstack/react-virtual), each a fixed-height line.
import { Badge, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import type { VisibleResource } from '../../../../shared/domain/tenancy';
import { instanceOf, resourceName } from './preview-model';

const ROW_HEIGHT = 28;
/** Stable across renders: a new function would make the virtualizer re-measure every row on each keystroke. */
const estimateRowHeight = () => ROW_HEIGHT;

export interface VirtualResourceListProps {
  rows: readonly VisibleResource[];
  /** Instance display names by id (see instanceNames). */
  instanceNames: ReadonlyMap<string, string>;
  label: string;
  /** Marks each row as added (+) or removed (−) in a diff. */
  change?: 'added' | 'removed';
  height?: number;
  emptyText: string;
}

export function VirtualResourceList({ rows, instanceNames, label, change, height = 260, emptyText }: VirtualResourceListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize: estimateRowHeight, overscan: 12 });

  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xs">
        {emptyText}
      </Text>
    );
  }
  return (
    <Box
      ref={scroller}
      role="list"
      aria-label={label}
      tabIndex={0}
      style={{ height: Math.min(height, rows.length * ROW_HEIGHT + 2), overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <Group
              key={item.key}
              role="listitem"
              gap="xs"
              wrap="nowrap"
              px="xs"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {change && (
                <Text span ff="monospace" fw={700} c={change === 'added' ? 'teal' : 'red'} aria-label={change}>
                  {change === 'added' ? '+' : '−'}
                </Text>
              )}
              <Text size="sm" ff="monospace" truncate="end" style={{ flex: 1 }}>
                {resourceName(row)}
              </Text>
              {row.inferred && (
                <Badge size="xs" variant="light" color="grape" title="Visible because an included consumer group consumes it">
                  inferred
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {instanceOf(row, instanceNames)}
              </Text>
            </Group>
          );
        })}
      </div>
    </Box>
  );
}
