// Runs one `messages:browse` stream at a time. Rows land in a bounded RowWindow and are flushed into
// React state on a timer, so a fast stream costs a few renders a second. Pausing live tail holds the
// batch credit, so main stops fetching instead of the renderer buffering.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseProgress, BrowseRequest, BrowseRow, BrowseSummary } from '../../../../shared/domain/messages/browse-request';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { api } from '../../lib/api';
import { LIVE_TAIL_WINDOW } from './browse-form';
import { RowWindow } from './row-window';

const FLUSH_INTERVAL_MS = 200;

export type BrowseStatus =
  | { state: 'idle' }
  | { state: 'running'; phase: string | null }
  | { state: 'done'; summary: BrowseSummary }
  | { state: 'stopped'; reason: 'user' | 'capacity' }
  | { state: 'error'; code: string; message: string };

interface Run {
  handle: StreamHandle;
  timer: ReturnType<typeof setInterval>;
  resume: (() => void) | null;
}

export function useMessageBrowser() {
  const [rows, setRows] = useState<BrowseRow[]>([]);
  const [dropped, setDropped] = useState(0);
  const [progress, setProgress] = useState<BrowseProgress | null>(null);
  const [status, setStatus] = useState<BrowseStatus>({ state: 'idle' });
  const [paused, setPausedState] = useState(false);
  const run = useRef<Run | null>(null);
  const pausedRef = useRef(false);

  const end = useCallback(() => {
    const current = run.current;
    if (!current) return;
    run.current = null;
    clearInterval(current.timer);
    current.resume?.();
    current.handle.cancel();
  }, []);

  const start = useCallback(
    (request: BrowseRequest) => {
      end();
      const window = request.liveTail ? new RowWindow(LIVE_TAIL_WINDOW, 'slide') : new RowWindow(request.limit, 'stop-at-capacity');
      let dirty = false;
      // While paused the view stays still; rows already in flight wait in the window.
      const flush = () => {
        if (!dirty || pausedRef.current) return;
        dirty = false;
        // Live tail puts arrivals on top, where the eye already is.
        setRows(window.snapshot(request.liveTail ? 'newest-on-top' : 'as-received'));
        setDropped(window.dropped);
      };
      pausedRef.current = false;
      setPausedState(false);
      setRows([]);
      setDropped(0);
      setProgress(null);
      setStatus({ state: 'running', phase: null });
      const finish = (next: BrowseStatus) => {
        pausedRef.current = false;
        setPausedState(false);
        flush();
        if (run.current === current) end();
        setStatus(next);
      };
      const current: Run = {
        timer: setInterval(flush, FLUSH_INTERVAL_MS),
        resume: null,
        handle: api.stream['messages:browse'](request, {
          onBatch: (items) => {
            if (run.current !== current) return;
            const first = window.size === 0;
            const open = window.add(items);
            dirty = true;
            // The first rows show at once; later ones wait for the timer.
            if (first) flush();
            if (!open) return finish({ state: 'stopped', reason: 'capacity' });
            if (pausedRef.current) return new Promise<void>((resolve) => (current.resume = resolve));
          },
          onProgress: (next) => {
            if (run.current === current) setProgress(next);
          },
          onPhase: (phase) => {
            if (run.current === current) setStatus({ state: 'running', phase });
          },
          onDone: (summary) => {
            if (run.current !== current) return;
            setProgress(summary);
            finish({ state: 'done', summary });
          },
          onError: (error) => {
            if (run.current === current) finish({ state: 'error', code: error.code, message: error.message });
          },
        }),
      };
      run.current = current;
    },
    [end],
  );

  const stop = useCallback(() => {
    if (!run.current) return;
    end();
    setStatus({ state: 'stopped', reason: 'user' });
  }, [end]);

  const setPaused = useCallback((next: boolean) => {
    pausedRef.current = next;
    setPausedState(next);
    if (!next && run.current?.resume) {
      const resume = run.current.resume;
      run.current.resume = null;
      resume();
    }
  }, []);

  useEffect(() => end, [end]);

  return { rows, dropped, progress, status, paused, start, stop, setPaused };
}
