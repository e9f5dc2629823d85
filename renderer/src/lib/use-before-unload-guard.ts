// Closing the window (or reloading) with unsaved edits asks first. The page only raises the standard
// beforeunload request; in Electron, main answers it with a native "leave or stay" dialog
// (platform/window.ts), in a browser the browser asks.
import { useEffect } from 'react';

export function useBeforeUnloadGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const holdBack = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and so Electron's will-prevent-unload) asks only when returnValue is a non-empty string.
      event.returnValue = 'unsaved changes';
    };
    window.addEventListener('beforeunload', holdBack);
    return () => window.removeEventListener('beforeunload', holdBack);
  }, [active]);
}
