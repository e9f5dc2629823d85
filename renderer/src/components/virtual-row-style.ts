import type { CSSProperties } from 'react';

/** The absolutely positioned grid row a virtualized table draws at `offset` (app.css highlights `aria-selected`). */
export function virtualRowStyle(options: { offset: number; height: number; columns: string }): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: options.height,
    transform: `translateY(${options.offset}px)`,
    display: 'grid',
    gridTemplateColumns: options.columns,
    alignItems: 'center',
    cursor: 'pointer',
    borderBottom: '1px solid var(--mantine-color-default-border)',
  };
}
