import { describe, expect, it } from 'vitest';
import {
  receiveStream,
  serveStream,
  type FramePort,
  type StreamControl,
  type StreamFrame,
  type StreamProducer,
} from './stream';

/** An in-memory MessageChannel: messages are delivered asynchronously, like a real port. */
function channelPair<A, B>(): [FramePort<B, A>, FramePort<A, B>] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const closers: [(() => void)[], (() => void)[]] = [[], []];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    queueMicrotask(() => [...closers[0], ...closers[1]].forEach((listener) => listener()));
  };
  const end = <In, Out>(side: 0 | 1): FramePort<In, Out> => ({
    post: (message) => {
      if (!closed) setTimeout(() => listeners[side === 0 ? 1 : 0].forEach((listener) => listener(message)), 0);
    },
    onMessage: (listener) => listeners[side].push(listener as (m: unknown) => void),
    onClose: (listener) => closers[side].push(listener),
    close,
  });
  return [end<B, A>(0), end<A, B>(1)];
}

const describeError = (error: unknown) => ({ code: 'INTERNAL' as const, message: String(error) });

const until = async (condition: () => boolean, timeoutMs = 2_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('stream protocol', () => {
  it('delivers batches, progress, phases and the summary in order', async () => {
    const [mainPort, rendererPort] = channelPair<StreamFrame, StreamControl>();
    const producer: StreamProducer<{ count: number }, number, { sent: number }, { total: number }> = async (request, sink) => {
      sink.phase('reading');
      for (let index = 0; index < request.count; index += 1) {
        await sink.batch([index * 2, index * 2 + 1]);
        sink.progress({ sent: (index + 1) * 2 });
      }
      return { total: request.count * 2 };
    };
    const received: number[] = [];
    const phases: string[] = [];
    let summary: { total: number } | null = null;
    receiveStream<number, { sent: number }, { total: number }>(rendererPort as never, {
      onBatch: (items) => void received.push(...items),
      onPhase: (phase) => void phases.push(phase),
      onDone: (done) => void (summary = done),
    });
    const outcome = await serveStream(mainPort as never, { count: 5 }, 2, producer, describeError);
    await until(() => summary !== null);
    expect(outcome).toBe('done');
    expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(phases).toEqual(['reading']);
    expect(summary).toEqual({ total: 10 });
  });

  it('pauses the producer at zero credit and resumes when the renderer grants more', async () => {
    const [mainPort, rendererPort] = channelPair<StreamFrame, StreamControl>();
    let produced = 0;
    const producer: StreamProducer<null, number, never, null> = async (_request, sink) => {
      for (let index = 0; index < 10; index += 1) {
        await sink.batch([index]);
        produced += 1;
      }
      return null;
    };
    // A renderer that holds every batch until released: no credit flows back meanwhile.
    const releases: (() => void)[] = [];
    receiveStream<number, never, null>(rendererPort as never, {
      onBatch: () => new Promise<void>((resolve) => releases.push(resolve)),
    });
    const running = serveStream(mainPort as never, null, 3, producer, describeError);

    await until(() => releases.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced).toBe(3); // three credits spent, the fourth batch is waiting
    expect(releases).toHaveLength(3);

    releases.shift()!();
    await until(() => releases.length === 3 && produced === 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced).toBe(4);

    while (produced < 10) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    releases.forEach((release) => release());
    expect(await running).toBe('done');
  });

  it('cancels: the producer sees the abort signal and no further frames arrive', async () => {
    const [mainPort, rendererPort] = channelPair<StreamFrame, StreamControl>();
    let abortedInProducer = false;
    const producer: StreamProducer<null, number, never, null> = async (_request, sink) => {
      sink.signal.addEventListener('abort', () => (abortedInProducer = true));
      for (let index = 0; ; index += 1) await sink.batch([index]);
    };
    const batches: number[] = [];
    let closed = false;
    const handle = receiveStream<number, never, null>(rendererPort as never, {
      onBatch: (items) => void batches.push(...items),
      onClosed: () => (closed = true),
    });
    const running = serveStream(mainPort as never, null, 2, producer, describeError);
    await until(() => batches.length >= 4);
    handle.cancel();
    expect(await running).toBe('cancelled');
    expect(abortedInProducer).toBe(true);
    expect(closed).toBe(true);
    const seen = batches.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches.length).toBe(seen);
  });

  it('ends the producer when the renderer side goes away without cancelling', async () => {
    const [mainPort, rendererPort] = channelPair<StreamFrame, StreamControl>();
    const producer: StreamProducer<null, number, never, null> = async (_request, sink) => {
      for (;;) await sink.batch([1]);
    };
    const running = serveStream(mainPort as never, null, 1, producer, describeError);
    rendererPort.close();
    expect(await running).toBe('cancelled');
  });

  it('turns a producer failure into an error frame', async () => {
    const [mainPort, rendererPort] = channelPair<StreamFrame, StreamControl>();
    let error: unknown = null;
    receiveStream(rendererPort as never, { onBatch: () => undefined, onError: (failure) => (error = failure) });
    const outcome = await serveStream(mainPort as never, null, 1, async () => {
      throw new Error('broker went away');
    }, describeError);
    await until(() => error !== null);
    expect(outcome).toBe('error');
    expect(error).toEqual({ code: 'INTERNAL', message: 'Error: broker went away' });
  });
});
