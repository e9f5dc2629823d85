import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/ipc/result';
import type { FramePort, StreamControl, StreamFrame } from '../../../shared/ipc/stream';
import { channelNames, streamNames } from '../../../shared/ipc/contract';
import { createDispatcher, type ChannelHandlers, type Sender, type StreamProducers } from './dispatcher';

const trusted: Sender = { kind: 'window', webContentsId: 1, frameUrl: 'file:///app/index.html' };
const stranger: Sender = { kind: 'window', webContentsId: 99, frameUrl: 'https://evil.example/' };

const notInThisTest = () => {
  throw new AppFailure('NOT_ALLOWED', 'not in this test');
};

function dispatcherWith(overrides: Partial<ChannelHandlers> = {}, internalErrors: string[] = []) {
  const handlers = {
    ...(Object.fromEntries(channelNames.map((channel) => [channel, notInThisTest])) as unknown as ChannelHandlers),
    'app:info': () => ({ name: 'Odradek', version: '1.0.0', platform: 'linux', electron: null }),
    'profiles:list': () => ({ profiles: [], problems: [] }),
    'shell:open-external': () => ({ opened: true }),
    ...overrides,
  } satisfies ChannelHandlers;
  return createDispatcher({
    handlers,
    producers: Object.fromEntries(streamNames.map((name) => [name, async () => notInThisTest()])) as unknown as StreamProducers,
    isTrustedSender: (sender) => sender.kind === 'window' && sender.webContentsId === 1,
    reportInternalError: (where) => internalErrors.push(where),
  });
}

describe('IPC dispatcher', () => {
  it('answers a valid request with ok data', async () => {
    expect(await dispatcherWith().invoke('app:info', undefined, trusted)).toEqual({
      ok: true,
      data: { name: 'Odradek', version: '1.0.0', platform: 'linux', electron: null },
    });
  });

  it('rejects malformed input with an INVALID_INPUT Result naming the field', async () => {
    const result = await dispatcherWith().invoke('shell:open-external', { url: 42 }, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain("shell:open-external: invalid input at 'url'");
    expect(result.error.details).toEqual([{ path: 'url', message: expect.any(String) }]);
  });

  it('rejects input where the contract expects none', async () => {
    const result = await dispatcherWith().invoke('profiles:list', { sneaky: true }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('ignores senders that are not our window', async () => {
    let called = false;
    const result = await dispatcherWith({ 'profiles:list': () => ((called = true), { profiles: [], problems: [] }) }).invoke('profiles:list', undefined, stranger);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(called).toBe(false);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL, including prototype names', async () => {
    for (const channel of ['fs:read', 'constructor', '__proto__', 'toString']) {
      expect(await dispatcherWith().invoke(channel, undefined, trusted)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('passes an expected failure through with its code and message', async () => {
    const result = await dispatcherWith({
      'shell:open-external': () => {
        throw new AppFailure('NOT_ALLOWED', 'Only http(s) links can be opened.');
      },
    }).invoke('shell:open-external', { url: 'file:///etc/passwd' }, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Only http(s) links can be opened.' } });
  });

  it('reports an unexpected exception as INTERNAL without throwing across the boundary', async () => {
    const internal: string[] = [];
    const result = await dispatcherWith({
      'profiles:list': async () => {
        throw new TypeError('boom');
      },
    }, internal).invoke('profiles:list', undefined, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'profiles:list failed unexpectedly: boom' } });
    expect(internal).toEqual(['profiles:list']);
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const result = await dispatcherWith({
      'profiles:list': () => ({ profiles: [{ id: 1 }], problems: [] }) as never,
    }).invoke('profiles:list', undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'profiles:list produced a reply outside the IPC contract.' } });
  });

  it('rejects a stream for an unknown name or an untrusted sender with an error frame and closes the port', async () => {
    for (const [open, sender, code] of [
      [{ name: 'files:tail', request: {}, credits: 1 }, trusted, 'UNKNOWN_CHANNEL'],
      [{ name: 'anything', request: {}, credits: 1 }, stranger, 'FORBIDDEN_SENDER'],
    ] as const) {
      const posted: StreamFrame[] = [];
      let closed = false;
      const port: FramePort<StreamControl, StreamFrame> = {
        post: (frame) => void posted.push(frame),
        onMessage: () => undefined,
        onClose: () => undefined,
        close: () => (closed = true),
      };
      expect(await dispatcherWith().openStream(open, port, sender)).toBe('rejected');
      expect(posted).toMatchObject([{ type: 'error', error: { code } }]);
      expect(closed).toBe(true);
    }
  });
});
