// Which columns of a fixed-layout table fit a width, and the CSS grid template for them. Columns are
// sized to their content (header and usual values on one line); when they do not all fit, the ones
// with the highest priority number give way first. Used by every virtualized table whose rows are
// separate grids (all rows must share one template, so `max-content` per row cannot be used).
export interface FitColumn<Id extends string = string> {
  id: Id;
  /** Pixels that hold the header and the usual values; the growing column's minimum. */
  width: number;
  /** Takes the width left over (one column per table, usually the name). */
  grow?: boolean;
  /** 0 never hides; higher numbers hide first. */
  priority: number;
}

export function columnsThatFit<Id extends string>(columns: readonly FitColumn<Id>[], available: number): { ids: Set<Id>; template: string } {
  const kept = [...columns];
  const total = () => kept.reduce((sum, column) => sum + column.width, 0);
  while (total() > available) {
    const candidates = kept.filter((column) => column.priority > 0);
    if (candidates.length === 0) break;
    const drop = candidates.reduce((worst, column) => (column.priority > worst.priority ? column : worst));
    kept.splice(kept.indexOf(drop), 1);
  }
  const template = kept.map((column) => (column.grow ? `minmax(${column.width}px, 1fr)` : `${column.width}px`)).join(' ');
  return { ids: new Set(kept.map((column) => column.id)), template };
}
