// Opens the `topics:list` stream and flushes what arrives into React state on a timer, not per
// batch, so 10,000 rows and their patches cost a handful of renders.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TopicListPhase, TopicRow } from '../../../../shared/domain/topics/topic-schemas';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { api } from '../../lib/api';
import { applyTopicItems } from './topic-table-model';

const FLUSH_INTERVAL_MS = 250;

export type TopicListStatus =
  | { state: 'loading'; phase: TopicListPhase | null }
  | { state: 'done'; warnings: string[]; elapsedMs: number }
  | { state: 'error'; message: string };

/** Callers key their component by profile, so a new profile starts from empty state. */
export function useTopicList(profileId: string) {
  const [rows, setRows] = useState<TopicRow[]>([]);
  const [status, setStatus] = useState<TopicListStatus>({ state: 'loading', phase: null });
  const [generation, setGeneration] = useState(0);
  const handle = useRef<StreamHandle | null>(null);

  useEffect(() => {
    const byName = new Map<string, TopicRow>();
    let dirty = false;
    const started = performance.now();
    const flush = () => {
      if (!dirty) return;
      dirty = false;
      setRows([...byName.values()]);
    };
    const timer = setInterval(flush, FLUSH_INTERVAL_MS);
    handle.current = api.stream['topics:list'](
      { profileId },
      {
        onBatch: (items) => {
          const first = byName.size === 0;
          applyTopicItems(byName, items);
          dirty = true;
          // The first rows go out at once: the table is usable before the slow phases finish.
          if (first) flush();
        },
        onPhase: (phase) => setStatus({ state: 'loading', phase: phase as TopicListPhase }),
        onDone: (summary) => {
          flush();
          setStatus({ state: 'done', warnings: summary.warnings, elapsedMs: Math.round(performance.now() - started) });
        },
        onError: (error) => {
          flush();
          setStatus({ state: 'error', message: error.message });
        },
      },
    );
    return () => {
      clearInterval(timer);
      handle.current?.cancel();
      handle.current = null;
    };
  }, [profileId, generation]);

  const refresh = useCallback(() => {
    setRows([]);
    setStatus({ state: 'loading', phase: null });
    setGeneration((value) => value + 1);
  }, []);
  return { rows, status, refresh };
}
