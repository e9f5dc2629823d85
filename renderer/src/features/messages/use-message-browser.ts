// React state for the message browser: one BrowseSession at a time, cancelled on unmount.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseProgress, BrowseRequest, BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { api } from '../../lib/api';
import { BrowseSession, type BrowseStatus } from './browse-session';

export function useMessageBrowser() {
  const [rows, setRows] = useState<BrowseRow[]>([]);
  const [dropped, setDropped] = useState(0);
  const [progress, setProgress] = useState<BrowseProgress | null>(null);
  const [status, setStatus] = useState<BrowseStatus>({ state: 'idle' });
  const [paused, setPausedState] = useState(false);
  /** The request of the current run, so its outcome can be worded against what was asked. */
  const [request, setRequest] = useState<BrowseRequest | null>(null);
  const session = useRef<BrowseSession | null>(null);

  const start = useCallback((request: BrowseRequest) => {
    session.current?.dispose();
    setRows([]);
    setDropped(0);
    setProgress(null);
    setPausedState(false);
    setRequest(request);
    session.current = new BrowseSession((next, handlers) => api.stream['messages:browse'](next, handlers), request, {
      rows: (next, droppedCount) => {
        setRows(next);
        setDropped(droppedCount);
      },
      progress: setProgress,
      status: (next) => {
        setStatus(next);
        if (next.state !== 'running') setPausedState(false);
      },
    });
  }, []);

  const stop = useCallback(() => session.current?.stop(), []);

  const setPaused = useCallback((next: boolean) => {
    session.current?.setPaused(next);
    setPausedState(next);
  }, []);

  useEffect(() => () => session.current?.dispose(), []);

  return { rows, dropped, progress, status, paused, request, start, stop, setPaused };
}
