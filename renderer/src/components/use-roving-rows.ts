// Keyboard for virtualized tables: one row is in the Tab order (roving tabindex), arrows, Home/End and
// PageUp/PageDown move it, Enter opens it, Escape asks the screen to close what the row opened. The
// active row is always rendered (kept in the virtualizer's range), so focus never falls out of the
// table while it scrolls. Any table with a virtualizer takes it: topics, messages, groups, subjects.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface RovingRowsOptions {
  count: number;
  rowHeight: number;
  scroller: RefObject<HTMLElement | null>;
  overscan?: number;
  /** The row whose content the screen shows (selection); the focus starts there when it changes. */
  selectedIndex?: number;
  onOpen(index: number): void;
  onEscape?(): void;
}

/** Where a key moves the active row, or null when the key is not a move. Pure, for tests. */
export function nextRowIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, current + Math.max(1, pageRows - 1));
    case 'PageUp':
      return Math.max(0, current - Math.max(1, pageRows - 1));
    default:
      return null;
  }
}

export function useRovingRows(options: RovingRowsOptions) {
  const { count, rowHeight, scroller, selectedIndex } = options;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  // A new extractor for each active row: the virtualizer caches its indexes until the extractor, the
  // range or the count changes, so a stable one would render a far row only once the scroll landed.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || activeIndex >= range.count ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The virtualizer is mutable by design; React Compiler skips memoizing its callers, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: options.overscan ?? 10, rangeExtractor });

  // A selection made elsewhere (the command palette) brings its row into view and into the Tab order.
  useEffect(() => {
    if (selectedIndex === undefined || selectedIndex < 0) return;
    setActive(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // A row far away is rendered only once the scroll lands: try again on the next frames until it is there.
  useEffect(() => {
    if (!focusPending.current) return;
    // A pending move never takes the keyboard from something outside the table (the search box the
    // person went on to type in); it only finishes a move made inside it.
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body && !scroller.current?.contains(focused)) {
      focusPending.current = false;
      return;
    }
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const element = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
      if (element) {
        focusPending.current = false;
        element.focus({ preventScroll: true });
      } else if (frames++ < 120) handle = requestAnimationFrame(attempt);
      else focusPending.current = false;
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  });

  const moveTo = (index: number) => {
    focusPending.current = true;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed into something inside a row (a button, a checkbox) stay with it.
    if (!(event.target instanceof HTMLElement) || event.target.dataset['rowIndex'] === undefined) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onOpen(activeIndex);
      return;
    }
    if (event.key === 'Escape' && options.onEscape) {
      event.preventDefault();
      options.onEscape();
      return;
    }
    const pageRows = Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight);
    const next = nextRowIndex(event.key, activeIndex, count, pageRows);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  /** Spread on each rendered row. */
  const rowProps = (index: number) => ({
    'data-row-index': index,
    tabIndex: index === activeIndex ? 0 : -1,
    onFocus: () => setActive(index),
  });

  return { virtualizer, activeIndex, onKeyDown, rowProps, focusRow: moveTo };
}
