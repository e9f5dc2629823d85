// A vertical drag handle between a table and its side panel: drag with the mouse, or focus it and use
// ←/→ (Shift for bigger steps). The width is remembered per panel id in the UI store.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useUiStore } from '../app/ui-store';

export interface PanelWidthBounds {
  min: number;
  max: number;
  /** Width before anyone drags: a share of the screen, kept within min and max. */
  initial(screenWidth: number): number;
}

export function clampWidth(width: number, bounds: Pick<PanelWidthBounds, 'min' | 'max'>, screenWidth: number): number {
  // The table beside the panel keeps at least 40% of the screen.
  const max = Math.max(bounds.min, Math.min(bounds.max, screenWidth * 0.6));
  return Math.round(Math.min(max, Math.max(bounds.min, width)));
}

/** The panel's current width for `id` (remembered, else the initial share), clamped to this screen. */
export function usePanelWidth(id: string, bounds: PanelWidthBounds, screenWidth: number): number {
  const stored = useUiStore((state) => state.panelWidths[id]);
  return clampWidth(stored ?? bounds.initial(screenWidth), bounds, screenWidth);
}

export function ResizeHandle({ id, label, width, bounds, screenWidth }: { id: string; label: string; width: number; bounds: PanelWidthBounds; screenWidth: number }) {
  const setPanelWidth = useUiStore((state) => state.setPanelWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const set = (next: number) => setPanelWidth(id, clampWidth(next, bounds, screenWidth));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  // The panel is on the right: dragging left widens it.
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) set(drag.current.width + drag.current.x - event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowLeft') set(width + step);
    else if (event.key === 'ArrowRight') set(width - step);
    else if (event.key === 'Home') set(bounds.max);
    else if (event.key === 'End') set(bounds.min);
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={bounds.min}
      aria-valuemax={Math.round(Math.max(bounds.min, Math.min(bounds.max, screenWidth * 0.6)))}
      aria-valuenow={width}
      tabIndex={0}
      title="Drag, or focus and press ←/→, to resize"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      style={{ width: 8, flexShrink: 0, cursor: 'col-resize', alignSelf: 'stretch', borderRadius: 4, background: 'var(--mantine-color-default-border)', touchAction: 'none' }}
    />
  );
}
