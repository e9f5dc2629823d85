// Opens the `groups:list` stream and flushes what arrives into React state on a timer, not per batch,
// so 10,000 rows and their describe and lag patches cost a handful of renders. Once the list is complete
// it watches the listed groups (`groups:watch`): main samples their lag while the screen is open, and
// each sample moves the lag figures and the health verdicts on.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GroupListPhase, GroupListProgress, GroupRow } from '../../../../shared/domain/groups/group-schemas';
import type { StreamHandle } from '../../../../shared/ipc/stream';
import { api } from '../../lib/api';
import { applyGroupItems, frameToPatch } from './group-table-model';

const FLUSH_INTERVAL_MS = 250;
/** lagWatchRequestSchema's bound; a larger cluster's remaining rows keep the list's one reading. */
export const MAX_WATCHED_GROUPS = 10_000;

export type GroupListStatus =
  | { state: 'loading'; phase: GroupListPhase | null; progress: GroupListProgress | null }
  | { state: 'done'; warnings: string[]; errors: number; elapsedMs: number; watch: WatchStatus }
  | { state: 'error'; message: string };

/** Whether lag is being sampled after the list: `watching` counts samples taken so far. */
export type WatchStatus = { state: 'idle' } | { state: 'watching'; groups: number; samples: number } | { state: 'error'; message: string };

/** Callers key their component by profile (and tenant view), so a new one starts from empty state. */
export function useGroupList(profileId: string) {
  const [rows, setRows] = useState<GroupRow[]>([]);
  const [status, setStatus] = useState<GroupListStatus>({ state: 'loading', phase: null, progress: null });
  const [generation, setGeneration] = useState(0);
  const handle = useRef<StreamHandle | null>(null);

  useEffect(() => {
    const byId = new Map<string, GroupRow>();
    let dirty = false;
    let watch: StreamHandle | null = null;
    const started = performance.now();
    const flush = () => {
      if (!dirty) return;
      dirty = false;
      setRows([...byId.values()]);
    };
    const timer = setInterval(flush, FLUSH_INTERVAL_MS);
    handle.current = api.stream['groups:list'](
      { profileId },
      {
        onBatch: (items) => {
          const first = byId.size === 0;
          applyGroupItems(byId, items);
          dirty = true;
          // The first rows go out at once: the table is usable before describe and lag finish.
          if (first) flush();
        },
        onPhase: (phase) => setStatus({ state: 'loading', phase: phase as GroupListPhase, progress: null }),
        onProgress: (progress) => setStatus({ state: 'loading', phase: progress.phase, progress }),
        onDone: (summary) => {
          flush();
          const done = { state: 'done', warnings: summary.warnings, errors: summary.errors, elapsedMs: Math.round(performance.now() - started) } as const;
          const groupIds = [...byId.keys()].slice(0, MAX_WATCHED_GROUPS);
          if (groupIds.length === 0) {
            setStatus({ ...done, watch: { state: 'idle' } });
            return;
          }
          setStatus({ ...done, watch: { state: 'watching', groups: groupIds.length, samples: 0 } });
          let samples = 0;
          watch = api.stream['groups:watch'](
            { profileId, groupIds },
            {
              onBatch: (items) => {
                for (const item of items) {
                  if (item.kind !== 'sample') continue;
                  samples += 1;
                  applyGroupItems(byId, item.groups.map((frame) => frameToPatch(frame, byId.get(frame.groupId))));
                  dirty = true;
                }
                setStatus({ ...done, watch: { state: 'watching', groups: groupIds.length, samples } });
              },
              onError: (error) => setStatus({ ...done, watch: { state: 'error', message: error.message } }),
            },
          );
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
      watch?.cancel();
    };
  }, [profileId, generation]);

  const refresh = useCallback(() => {
    setRows([]);
    setStatus({ state: 'loading', phase: null, progress: null });
    setGeneration((value) => value + 1);
  }, []);
  return { rows, status, refresh };
}
