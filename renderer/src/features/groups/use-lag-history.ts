// Watches one group while its detail is open (`groups:watch` with `detail`): main sends the history it
// already holds, then one sample per tick with per-topic lag and rates and the per-partition verdicts.
import { useEffect, useState } from 'react';
import type { GroupLagFrame } from '../../../../shared/domain/groups/lag-history';
import { api } from '../../lib/api';
import { appendFrame, emptyHistory, fromHistory, type GroupLagHistory } from './lag-chart-model';

export interface LagHistoryView {
  history: GroupLagHistory;
  /** The newest sample: the group's verdict and, per partition, its own. */
  latest: GroupLagFrame | null;
  intervalMs: number | null;
  error: string | null;
}

const initial = (): LagHistoryView => ({ history: emptyHistory(), latest: null, intervalMs: null, error: null });

/** Callers key their component by group, so another group starts from an empty history. */
export function useLagHistory(profileId: string, groupId: string): LagHistoryView {
  const [view, setView] = useState<LagHistoryView>(initial);
  useEffect(() => {
    const handle = api.stream['groups:watch'](
      { profileId, groupIds: [groupId], detail: true },
      {
        onBatch: (items) =>
          setView((current) => {
            let next = current;
            for (const item of items) {
              if (item.kind === 'history') {
                if (item.history.groupId === groupId) next = { ...next, history: fromHistory(item.history), intervalMs: item.history.intervalMs };
                continue;
              }
              const frame = item.groups.find((entry) => entry.groupId === groupId);
              if (frame) next = { ...next, history: frame.error === null ? appendFrame(next.history, frame) : next.history, latest: frame, error: frame.error };
            }
            return next;
          }),
        onError: (error) => setView((current) => ({ ...current, error: error.message })),
      },
    );
    return () => handle.cancel();
  }, [profileId, groupId]);
  return view;
}
