// The stream protocol: one MessagePort (or, in the test bridge, one WebSocket) per stream, typed
// frames from main to renderer, and credit/cancel messages back. Main may only send a batch while it
// holds a credit, so a slow renderer slows the producer down instead of piling frames up in memory.
import type { AppError } from './result';

export type StreamFrame<Item = unknown, Progress = unknown, Summary = unknown> =
  | { type: 'batch'; seq: number; items: Item[] }
  | { type: 'progress'; progress: Progress }
  | { type: 'phase'; phase: string; message?: string }
  | { type: 'done'; summary: Summary }
  | { type: 'error'; error: AppError };

export type StreamControl = { type: 'credit'; amount: number } | { type: 'cancel' };

/** The first message on a new stream port: which stream, its request, and the initial credit. */
export interface StreamOpen {
  name: string;
  request: unknown;
  credits: number;
}

/** A bidirectional message endpoint: a MessagePort, Electron's MessagePortMain or a WebSocket. */
export interface FramePort<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** What a producer uses to emit results; `batch` resolves only once the receiver has credit. */
export interface StreamSink<Item, Progress> {
  batch(items: Item[]): Promise<void>;
  progress(progress: Progress): void;
  phase(phase: string, message?: string): void;
  readonly signal: AbortSignal;
}

export type StreamProducer<Request, Item, Progress, Summary> = (
  request: Request,
  sink: StreamSink<Item, Progress>,
) => Promise<Summary>;

export const DEFAULT_INITIAL_CREDITS = 4;
export const MAX_CREDIT_GRANT = 1024;

/** Thrown inside `sink.batch` once the stream is cancelled or its port closed, to unwind producers. */
export class StreamCancelledError extends Error {
  override readonly name = 'StreamCancelledError';
  constructor() {
    super('The stream was cancelled.');
  }
}

/** How long main keeps a finished stream's port open so the final frame is delivered before close. */
export const CLOSE_GRACE_MS = 2_000;

/**
 * Main side: runs a producer against a port. Resolves when the stream has ended (done, error or
 * cancel) and always closes the port (after a grace period when the last frame must still arrive; the
 * receiver closes its end as soon as it reads done or error); never rejects.
 */
export async function serveStream<Request, Item, Progress, Summary>(
  port: FramePort<StreamControl, StreamFrame<Item, Progress, Summary>>,
  request: Request,
  initialCredits: number,
  producer: StreamProducer<Request, Item, Progress, Summary>,
  describeError: (error: unknown) => AppError,
): Promise<'done' | 'error' | 'cancelled'> {
  const abort = new AbortController();
  let credits = clampCredits(initialCredits);
  let seq = 0;
  let wakeProducer: (() => void) | null = null;
  const wake = () => {
    const resume = wakeProducer;
    wakeProducer = null;
    resume?.();
  };
  const cancel = () => {
    if (!abort.signal.aborted) abort.abort();
    wake();
  };

  port.onMessage((message) => {
    if (message?.type === 'credit' && Number.isFinite(message.amount) && message.amount > 0) {
      credits = Math.min(credits + clampCredits(message.amount), MAX_CREDIT_GRANT);
      wake();
    } else if (message?.type === 'cancel') {
      cancel();
    }
  });
  port.onClose(cancel);

  const sink: StreamSink<Item, Progress> = {
    signal: abort.signal,
    async batch(items) {
      while (credits <= 0 && !abort.signal.aborted) {
        await new Promise<void>((resolve) => (wakeProducer = resolve));
      }
      if (abort.signal.aborted) throw new StreamCancelledError();
      credits -= 1;
      port.post({ type: 'batch', seq: seq++, items });
    },
    progress(progress) {
      if (!abort.signal.aborted) port.post({ type: 'progress', progress });
    },
    phase(phase, message) {
      if (!abort.signal.aborted) port.post(message === undefined ? { type: 'phase', phase } : { type: 'phase', phase, message });
    },
  };

  let outcome: 'done' | 'error' | 'cancelled';
  try {
    const summary = await producer(request, sink);
    outcome = abort.signal.aborted ? 'cancelled' : 'done';
    if (outcome === 'done') port.post({ type: 'done', summary });
  } catch (error) {
    outcome = abort.signal.aborted || error instanceof StreamCancelledError ? 'cancelled' : 'error';
    if (outcome === 'error') port.post({ type: 'error', error: describeError(error) });
  }
  if (outcome === 'cancelled') port.close();
  else setTimeout(() => port.close(), CLOSE_GRACE_MS);
  return outcome;
}

export interface StreamHandlers<Item, Progress, Summary> {
  /** Called per batch; credit for the next batch is granted once this returns (or its promise settles). */
  onBatch(items: Item[], seq: number): void | Promise<void>;
  onProgress?(progress: Progress): void;
  onPhase?(phase: string, message?: string): void;
  onDone?(summary: Summary): void;
  onError?(error: AppError): void;
  /** The port closed without done/error (cancelled here or the other side went away). */
  onClosed?(): void;
}

export interface StreamHandle {
  cancel(): void;
}

/**
 * Renderer side: consumes frames from a port, granting one credit per batch it has finished
 * handling, so main never runs further ahead than `initialCredits` batches.
 */
export function receiveStream<Item, Progress, Summary>(
  port: FramePort<StreamFrame<Item, Progress, Summary>, StreamControl>,
  handlers: StreamHandlers<Item, Progress, Summary>,
): StreamHandle {
  let finished = false;
  const finish = () => {
    if (finished) return false;
    finished = true;
    return true;
  };
  port.onMessage((frame) => {
    if (finished) return;
    switch (frame.type) {
      case 'batch':
        void Promise.resolve(handlers.onBatch(frame.items, frame.seq)).then(() => {
          if (!finished) port.post({ type: 'credit', amount: 1 });
        });
        break;
      case 'progress':
        handlers.onProgress?.(frame.progress);
        break;
      case 'phase':
        handlers.onPhase?.(frame.phase, frame.message);
        break;
      case 'done':
        if (finish()) {
          port.close();
          handlers.onDone?.(frame.summary);
        }
        break;
      case 'error':
        if (finish()) {
          port.close();
          handlers.onError?.(frame.error);
        }
        break;
    }
  });
  port.onClose(() => {
    if (finish()) handlers.onClosed?.();
  });
  return {
    cancel() {
      if (!finish()) return;
      port.post({ type: 'cancel' });
      port.close();
      handlers.onClosed?.();
    },
  };
}

function clampCredits(amount: number): number {
  return Math.max(0, Math.min(Math.floor(amount), MAX_CREDIT_GRANT));
}
