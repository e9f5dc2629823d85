import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowseProgress, BrowseRow, BrowseSummary } from '../../../../shared/domain/messages/browse-request';
import type { StreamHandlers } from '../../../../shared/ipc/stream';
import { buildBrowseRequest, defaultBrowseForm, type BrowseForm } from './browse-form';
import { BrowseSession, type BrowseStatus } from './browse-session';
import { testRows } from './test-rows';

const summary: BrowseSummary = { scanned: 3, matched: 3, bytes: 0, elapsedMs: 1, partitions: [], order: 'timestamp', reason: 'end-of-range', startPastEnd: [] };

function run(form: Partial<BrowseForm> = {}) {
  const built = buildBrowseRequest({ ...defaultBrowseForm, ...form }, 'p', 't');
  if (!built.ok) throw new Error(built.error);
  let handlers: StreamHandlers<BrowseRow, BrowseProgress, BrowseSummary> | undefined;
  const cancel = vi.fn();
  const shown: number[][] = [];
  const statuses: BrowseStatus['state'][] = [];
  const session = new BrowseSession(
    (_, given) => {
      handlers = given;
      return { cancel };
    },
    built.request,
    { rows: (next) => shown.push(next.map((row) => Number(row.offset))), progress: () => undefined, status: (status) => statuses.push(status.state) },
    100,
  );
  return { session, stream: handlers!, cancel, shown, statuses };
}

describe('browse session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first rows at once, then coalesces later batches into one update per tick', async () => {
    const { stream, shown, statuses, cancel } = run();
    await stream.onBatch(testRows(0, 1), 0);
    await stream.onBatch(testRows(1, 1), 1);
    await stream.onBatch(testRows(2, 1), 2);
    expect(shown).toEqual([[0]]);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([[0], [0, 1, 2]]);
    vi.advanceTimersByTime(500);
    expect(shown).toHaveLength(2);
    stream.onDone?.(summary);
    expect(statuses).toEqual(['running', 'done']);
    expect(cancel).toHaveBeenCalled();
  });

  it('stops the stream when more rows arrive than the limit', async () => {
    const { stream, shown, statuses, cancel } = run({ limit: 2 });
    await stream.onBatch(testRows(0, 3), 0);
    expect(shown).toEqual([[0, 1]]);
    expect(statuses).toEqual(['running', 'stopped']);
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('holds the credit and the view while paused, and releases both on resume', async () => {
    const { session, stream, shown } = run({ liveTail: true });
    await stream.onBatch(testRows(0, 1), 0);
    session.setPaused(true);
    let credited = false;
    void Promise.resolve(stream.onBatch(testRows(1, 1), 1)).then(() => (credited = true));
    vi.advanceTimersByTime(300);
    await Promise.resolve();
    expect([credited, shown]).toEqual([false, [[0]]]);
    session.setPaused(false);
    await Promise.resolve();
    expect([credited, shown]).toEqual([true, [[0], [1, 0]]]);
  });

  it('reports a stop by the user once and ignores frames after it', async () => {
    const { session, stream, shown, statuses, cancel } = run();
    session.stop();
    session.stop();
    await stream.onBatch(testRows(0, 1), 0);
    stream.onError?.({ code: 'KAFKA_ERROR', message: 'late' });
    expect([shown, statuses, cancel.mock.calls.length]).toEqual([[], ['running', 'stopped'], 1]);
  });
});
