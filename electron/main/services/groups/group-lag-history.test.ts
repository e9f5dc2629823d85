// The sampler's bookkeeping with a scripted reader and hand-driven timers (the real reads are covered by
// test/integration/groups-lag.test.ts): bounded history, rates across resets, interval sharing, stopping.
import { describe, expect, it } from 'vitest';
import { lagWatchRequestSchema, type LagWatchItem } from '../../../../shared/domain/groups/lag-history';
import { StreamCancelledError, type StreamSink } from '../../../../shared/ipc/stream';
import { createLagHistory, type LagSnapshot, type Timers } from './group-lag-history';
import { serveLagWatch } from './group-ops-handlers';

function harness(offsets: (tick: number, groupId: string) => { committed: number; end: number } | 'error') {
  let now = 1_000_000;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const handle = nextHandle++;
      pending.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  let reads = 0;
  const history = createLagHistory({
    clock: { now: () => now },
    timers,
    reader: {
      async read(_profileId, groupIds): Promise<LagSnapshot> {
        const tick = reads++;
        const groups = new Map(
          groupIds.map((groupId) => {
            const value = offsets(tick, groupId);
            return [groupId, value === 'error' ? { members: null, partitions: [], error: 'not authorized' } : { members: 1, partitions: [{ topic: 't', partition: 0, ...value }], error: null }];
          }),
        );
        return { at: now, groups };
      },
    },
  });
  /** Runs due timers up to `ms` from now, letting each read settle. */
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].callback();
      for (let index = 0; index < 5; index++) await Promise.resolve();
    }
    now = until;
  };
  return { history, advance, pending, reads: () => reads };
}

const request = (overrides: Record<string, unknown> = {}) => lagWatchRequestSchema.parse({ profileId: 'p', groupIds: ['g'], ...overrides });

describe('lag history', () => {
  it('keeps an hour at full resolution and no more', async () => {
    const { history, advance } = harness((tick) => ({ committed: tick * 10, end: tick * 10 + 5 }));
    const watch = history.watch(request(), () => undefined);
    await advance(2 * 3_600_000);
    const { points } = history.history('p', 'g');
    expect(points.length).toBe(721);
    expect(points[0]!.at).toBe(points.at(-1)!.at - 3_600_000);
    expect(points.at(-1)).toMatchObject({ lag: 5, consumptionRate: 2, writeRate: 2 });
    watch.stop();
  });

  it('gives no rate across an offset reset, and the verdict restarts its window', async () => {
    const { history, advance } = harness((tick) => ({ committed: tick < 3 ? 100 + tick : tick - 3, end: 200 + tick }));
    const items: LagWatchItem[] = [];
    const watch = history.watch(request({ detail: true, windowSamples: 3 }), (item) => void items.push(item));
    await advance(20_000);
    watch.stop();
    const points = history.history('p', 'g').points;
    // One record per 5 s sample is 0.2/s; float32 columns hold it to seven digits.
    expect(points.map((point) => (point.consumptionRate === null ? null : Math.round(point.consumptionRate * 1000) / 1000))).toEqual([null, 0.2, 0.2, null, 0.2]);
    expect(items[0]).toMatchObject({ kind: 'history', history: { groupId: 'g', points: [] } });
    const last = items.at(-1)!;
    expect(last.kind === 'sample' && last.groups[0]!.partitions![0]!.verdict).toBe('unknown');
  });

  it('shares one sampler at the shortest interval, samples at once when a faster watch joins, and stops with the last watch', async () => {
    const { history, advance, pending, reads } = harness(() => ({ committed: 1, end: 1 }));
    const slow = history.watch(request({ intervalMs: 10_000 }), () => undefined);
    await advance(1);
    expect(reads()).toBe(1);
    const fast = history.watch(request({ intervalMs: 1_000, groupIds: ['g', 'h'] }), () => undefined);
    await advance(1);
    expect(reads()).toBe(2);
    await advance(3_000);
    expect(reads()).toBe(5);
    fast.stop();
    expect(history.sampling()).toEqual(['p']);
    slow.stop();
    expect(history.sampling()).toEqual([]);
    // Only the hour-later drop of the history is left.
    expect([...pending.values()].every((timer) => timer.at > 3_000_000)).toBe(true);
    await advance(60_000);
    expect(reads()).toBe(5);
    expect(history.history('p', 'g').points).toHaveLength(5);
    await advance(3_600_000);
    expect(history.history('p', 'g').points).toEqual([]);
  });

  it('forgets a group an hour after no watch names it, while the profile is still sampled', async () => {
    const { history, advance } = harness(() => ({ committed: 1, end: 2 }));
    const first = history.watch(request({ groupIds: ['old'] }), () => undefined);
    await advance(1);
    const second = history.watch(request({ groupIds: ['new'] }), () => undefined);
    first.stop();
    await advance(30 * 60_000);
    expect(history.history('p', 'old').points.length).toBeGreaterThan(0);
    expect(history.held('p')).toBe(2);
    await advance(31 * 60_000);
    expect(history.history('p', 'old').points).toEqual([]);
    expect(history.held('p')).toBe(1);
    second.stop();
  });

  it('a group that cannot be read says why and does not stop the others', async () => {
    const { history, advance } = harness((_tick, groupId) => (groupId === 'bad' ? 'error' : { committed: 0, end: 0 }));
    const items: LagWatchItem[] = [];
    const watch = history.watch(request({ groupIds: ['g', 'bad'] }), (item) => void items.push(item));
    await advance(1);
    watch.stop();
    const sample = items.find((item) => item.kind === 'sample');
    expect(sample?.kind === 'sample' && sample.groups.map((group) => [group.groupId, group.error, group.health.verdict])).toEqual([
      ['g', null, 'ok'],
      ['bad', 'not authorized', 'unknown'],
    ]);
  });
});

describe('serveLagWatch', () => {
  it('drops the oldest samples past 120 while the renderer grants no credit, counts them, and stops sampling on cancel', async () => {
    const { history, advance } = harness((tick) => ({ committed: tick, end: tick }));
    const abort = new AbortController();
    const delivered: LagWatchItem[][] = [];
    const progress: { samples: number; dropped: number }[] = [];
    let release: () => void = () => undefined;
    const sink: StreamSink<LagWatchItem, { samples: number; dropped: number }> = {
      signal: abort.signal,
      async batch(items) {
        delivered.push(items);
        if (delivered.length === 1) await new Promise<void>((resolve) => (release = resolve));
        if (abort.signal.aborted) throw new StreamCancelledError();
      },
      progress: (entry) => void progress.push(entry),
      phase: () => undefined,
    };
    const served = serveLagWatch(history, request({ intervalMs: 200 }), sink);
    await advance(1);
    await advance(200 * 150);
    release();
    for (let index = 0; index < 10; index++) await Promise.resolve();
    expect(delivered[1]!.length).toBe(120);
    expect(progress.at(-1)).toEqual({ samples: 151, dropped: 30 });
    abort.abort();
    expect(await served).toEqual({ samples: 151, dropped: 30 });
    expect(history.sampling()).toEqual([]);
  });
});
