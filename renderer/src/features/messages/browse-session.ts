// One `messages:browse` run, free of React: rows land in a bounded RowWindow and are handed out on a
// timer, so a fast stream costs a few renders a second. Pausing holds the batch credit, so main stops
// fetching instead of the renderer buffering.
import type { BrowseProgress, BrowseRequest, BrowseRow, BrowseSummary } from '../../../../shared/domain/messages/browse-request';
import type { StreamHandle, StreamHandlers } from '../../../../shared/ipc/stream';
import { LIVE_TAIL_WINDOW } from './browse-form';
import { RowWindow } from './row-window';

export const FLUSH_INTERVAL_MS = 200;

export type BrowseStatus =
  | { state: 'idle' }
  | { state: 'running'; phase: string | null }
  | { state: 'done'; summary: BrowseSummary }
  | { state: 'stopped'; reason: 'user' | 'capacity' }
  | { state: 'error'; code: string; message: string };

export type OpenBrowseStream = (request: BrowseRequest, handlers: StreamHandlers<BrowseRow, BrowseProgress, BrowseSummary>) => StreamHandle;

export interface BrowseSessionListener {
  rows(rows: BrowseRow[], dropped: number): void;
  progress(progress: BrowseProgress): void;
  status(status: BrowseStatus): void;
}

export class BrowseSession {
  private readonly window: RowWindow;
  private readonly handle: StreamHandle;
  private readonly timer: ReturnType<typeof setInterval>;
  private dirty = false;
  private paused = false;
  private ended = false;
  private resume: (() => void) | null = null;

  constructor(
    open: OpenBrowseStream,
    private readonly request: BrowseRequest,
    private readonly listener: BrowseSessionListener,
    flushIntervalMs = FLUSH_INTERVAL_MS,
  ) {
    this.window = request.liveTail ? new RowWindow(LIVE_TAIL_WINDOW, 'slide') : new RowWindow(request.limit, 'stop-at-capacity');
    this.timer = setInterval(() => this.flush(), flushIntervalMs);
    listener.status({ state: 'running', phase: null });
    this.handle = open(request, {
      onBatch: (items) => {
        if (this.ended) return;
        const first = this.window.size === 0;
        const accepted = this.window.add(items);
        this.dirty = true;
        // The first rows show at once; later ones wait for the timer.
        if (first) this.flush();
        if (!accepted) return this.finish({ state: 'stopped', reason: 'capacity' });
        if (this.paused) return new Promise<void>((resolve) => (this.resume = resolve));
      },
      onProgress: (progress) => {
        if (!this.ended) listener.progress(progress);
      },
      onPhase: (phase) => {
        if (!this.ended) listener.status({ state: 'running', phase });
      },
      onDone: (summary) => {
        if (this.ended) return;
        listener.progress(summary);
        this.finish({ state: 'done', summary });
      },
      onError: (error) => {
        if (!this.ended) this.finish({ state: 'error', code: error.code, message: error.message });
      },
    });
  }

  /** While paused the view stays still and no credit goes back, so at most the batches in flight arrive. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) {
      const resume = this.resume;
      this.resume = null;
      resume?.();
      this.flush();
    }
  }

  /** Cancels the stream; rows already handed out stay. */
  stop(): void {
    if (this.ended) return;
    this.end();
    this.listener.status({ state: 'stopped', reason: 'user' });
  }

  /** Cancels without a status report, for unmount or a new run. */
  dispose(): void {
    if (!this.ended) this.end();
  }

  private flush(): void {
    if (!this.dirty || this.paused) return;
    this.dirty = false;
    // Live tail puts arrivals on top, where the eye already is.
    this.listener.rows(this.window.snapshot(this.request.liveTail ? 'newest-on-top' : 'as-received'), this.window.dropped);
  }

  private finish(status: BrowseStatus): void {
    this.paused = false;
    this.flush();
    this.end();
    this.listener.status(status);
  }

  private end(): void {
    this.ended = true;
    clearInterval(this.timer);
    this.resume?.();
    this.resume = null;
    this.handle.cancel();
  }
}
