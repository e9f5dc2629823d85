// The channels that change groups (reset, delete offsets, delete) and the lag history and watch,
// kept beside their services so app-handlers.ts wires them with one line.
import type { LagWatchItem, LagWatchRequest } from '../../../../shared/domain/groups/lag-history';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import { createLagHistory, type LagHistoryService } from './group-lag-history';
import { createGroupStateReader, createLagSnapshotReader } from './group-lag-reader';
import { createGroupOffsetsService, type GroupOffsetsDeps } from './group-offsets';

type OpsChannel = 'groups:reset-preview' | 'groups:reset-apply' | 'groups:delete-offsets' | 'groups:delete' | 'groups:lag-history';

/** Samples a watch may fall behind by before the oldest undelivered ones are dropped (and counted). */
const MAX_QUEUED_SAMPLES = 120;

export function createGroupOpsHandlers(deps: Omit<GroupOffsetsDeps, 'groups'> & { history?: LagHistoryService }): {
  handlers: Pick<ChannelHandlers, OpsChannel>;
  producers: Pick<StreamProducers, 'groups:watch'>;
  history: LagHistoryService;
} {
  const reads = { profiles: deps.profiles, clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) };
  const offsets = createGroupOffsetsService({ ...deps, groups: createGroupStateReader(reads) });
  const history = deps.history ?? createLagHistory({ reader: createLagSnapshotReader(reads), clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) });
  return {
    handlers: {
      'groups:reset-preview': (request) => offsets.previewReset(request),
      'groups:reset-apply': (request) => offsets.applyReset(request),
      'groups:delete-offsets': (request) => offsets.deleteOffsets(request),
      'groups:delete': (request) => offsets.deleteGroup(request),
      'groups:lag-history': ({ profileId, groupId }) => history.history(profileId, groupId),
    },
    producers: {
      'groups:watch': (request, sink) => serveLagWatch(history, request, sink),
    },
    history,
  };
}

/**
 * Forwards a watch's items as credit allows. Items wait in a queue while the renderer is busy; past
 * MAX_QUEUED_SAMPLES the oldest samples go (each is a full picture, so the newest still tells the truth)
 * and the count is reported in progress and the summary. Sampling stops when the stream ends.
 */
export async function serveLagWatch(history: LagHistoryService, request: LagWatchRequest, sink: StreamSink<LagWatchItem, { samples: number; dropped: number }>) {
  const queue: LagWatchItem[] = [];
  let samples = 0;
  let dropped = 0;
  let wake: (() => void) | null = null;
  const watch = history.watch(request, (item) => {
    if (item.kind === 'sample') samples += 1;
    queue.push(item);
    let queuedSamples = queue.filter((entry) => entry.kind === 'sample').length;
    while (queuedSamples > MAX_QUEUED_SAMPLES) {
      queue.splice(queue.findIndex((entry) => entry.kind === 'sample'), 1);
      queuedSamples -= 1;
      dropped += 1;
    }
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => sink.signal.addEventListener('abort', () => resolve(), { once: true }));
  let reported = 0;
  try {
    while (!sink.signal.aborted) {
      if (queue.length === 0) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = null;
        continue;
      }
      await sink.batch(queue.splice(0, queue.length));
      if (dropped !== reported) {
        reported = dropped;
        sink.progress({ samples, dropped });
      }
    }
  } finally {
    watch.stop();
  }
  return { samples, dropped };
}
