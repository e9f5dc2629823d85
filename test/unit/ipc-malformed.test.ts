// Every IPC channel and stream of the contract, called through main's real dispatcher and handlers
// (node ports, a temporary data directory, an in-memory keychain) with malformed input: wrong types,
// huge strings, deep nesting, prototype-pollution keys, unknown channel names and a sender that is not
// the app's window. Each call must answer a Result (refused with the contract's error), never throw,
// never reach a handler as an unexpected INTERNAL failure, and never pollute Object.prototype.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, streamNames } from '../../shared/ipc/contract';
import type { FramePort, StreamControl, StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher, type Sender } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { isTrustedWindowSender } from '../../electron/main/security/web-security';
import { FUZZ_SEED } from './fuzz/fuzz';

const appUrl = 'file:///opt/odradek/out/renderer/index.html';
const ownWindow: Sender = { kind: 'window', webContentsId: 1, frameUrl: appUrl };
const foreignSenders: Sender[] = [
  { kind: 'window', webContentsId: 2, frameUrl: appUrl },
  { kind: 'window', webContentsId: 1, frameUrl: 'https://evil.example/index.html' },
  { kind: 'window', webContentsId: 1, frameUrl: '' },
  { kind: 'window', webContentsId: 1, frameUrl: 'file:///tmp/evil.html' },
  { kind: 'bridge', session: 'not-the-app' },
];

let dataDir: string;
let dispatcher: Dispatcher;
const internalErrors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-ipc-malformed-'));
  const ports = createNodePorts({ dataDir, openExternal: async () => undefined });
  const { handlers, producers } = createAppHandlers({ ...ports, secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([]) });
  dispatcher = createDispatcher({
    handlers,
    producers,
    // The app's own rule: one of our windows and the app's own page.
    isTrustedSender: (sender) => sender.kind === 'window' && isTrustedWindowSender(sender, new Set([1]), appUrl),
    reportInternalError: (where, error) => internalErrors.push(`${where}: ${error instanceof Error ? error.message : String(error)}`),
  });
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  rmSync(dataDir, { recursive: true, force: true });
});

const huge = 'x'.repeat(8 * 1024 * 1024);
let deep: unknown = 'leaf';
for (let level = 0; level < 20_000; level++) deep = { a: deep };
const pollution = [JSON.parse('{"__proto__":{"polluted":"yes"}}'), JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'), JSON.parse('{"id":"x","__proto__":{"polluted":"yes"},"draft":{"__proto__":{"polluted":"yes"}}}')];
const fixedBadInputs: unknown[] = [null, 42, -1, Number.NaN, 'text', huge, true, [], [huge], { id: huge }, { id: 42 }, { profileId: ['a'] }, { draft: null }, deep, ...pollution, () => 1, Symbol('s'), 10n];

const codes = new Map<string, number>();
let calls = 0;
let refused = 0;
let accepted = 0;

async function invoke(channel: string, input: unknown, sender: Sender = ownWindow) {
  calls++;
  const result = await Promise.race([
    dispatcher.invoke(channel, input, sender),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${channel} did not answer within 10 s`)), 10_000)),
  ]);
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) accepted++;
  else {
    refused++;
    codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message.length).toBeLessThan(4_000); // a huge input is not echoed back
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return result;
}

describe('malformed IPC', () => {
  it('every channel refuses wrong types, huge strings, deep nesting and __proto__ keys with the contract error', async () => {
    for (const channel of channelNames) {
      for (const input of fixedBadInputs) {
        const result = await invoke(channel, input);
        if (!result.ok) expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('INTERNAL');
      }
    }
    expect(internalErrors).toEqual([]);
  }, 120_000);

  it('every channel survives generated inputs (fast-check anything)', async () => {
    const details = await fc.check(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 }), async (channel, input) => {
        const result = await invoke(channel, input);
        if (!result.ok && result.error.code === 'INTERNAL') throw new Error(`${channel}: ${result.error.message}`);
      }),
      { seed: FUZZ_SEED, numRuns: 3_000, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false, includeErrorInReport: true },
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'failed');
    expect(internalErrors).toEqual([]);
  }, 60_000);

  it('unknown channels, including Object.prototype names, are UNKNOWN_CHANNEL', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'profiles:list ', 'PROFILES:LIST', '', huge.slice(0, 100_000), 'profiles:delete\u0000']) {
      const result = await invoke(name, undefined);
      expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('a sender that is not the app window is refused on every channel before its input is read', async () => {
    for (const sender of foreignSenders) {
      for (const channel of channelNames) {
        const result = await invoke(channel, undefined, sender);
        expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN_SENDER');
      }
    }
  }, 60_000);

  it('every stream refuses malformed open requests and foreign senders with an error frame', async () => {
    const opens: unknown[] = [null, 42, 'x', {}, { name: 42 }, { name: '__proto__' }, { name: 'no-such-stream' }, ...streamNames.flatMap((name) => [{ name }, { name, request: null }, { name, request: { id: huge } }, { name, request: pollution[0], credits: 'many' }, { name, request: deep, credits: -5 }])];
    const run = async (open: unknown, sender: Sender) => {
      calls++;
      const frames: StreamFrame[] = [];
      let closed = false;
      const port: FramePort<StreamControl, StreamFrame> = { post: (frame) => frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => (closed = true) };
      const outcome = await dispatcher.openStream(open, port, sender);
      expect(outcome).toBe('rejected');
      expect(closed).toBe(true);
      const error = frames.find((frame) => frame.type === 'error') as { error: { code: string } } | undefined;
      expect(error?.error.code).toMatch(/INVALID_INPUT|UNKNOWN_CHANNEL|FORBIDDEN_SENDER/);
      refused++;
      codes.set(error!.error.code, (codes.get(error!.error.code) ?? 0) + 1);
    };
    for (const open of opens) await run(open, ownWindow);
    for (const name of streamNames) for (const sender of foreignSenders) await run({ name, request: {} }, sender);
  }, 60_000);

  it('main saw no unhandled rejection or exception, and reports the counts', () => {
    expect(unhandled).toEqual([]);
    expect(internalErrors).toEqual([]);
    console.log(`malformed IPC: ${calls} calls over ${channelNames.length} channels and ${streamNames.length} streams; ${refused} refused (${[...codes].map(([code, count]) => `${code} ${count}`).join(', ')}), ${accepted} accepted as valid, 0 INTERNAL, 0 unhandled`);
  });
});
