// The end-to-end harness's transport: the same contract over a loopback WebSocket, served from the
// page's own origin by test/e2e/bridge-server.ts. It is only used when the page runs outside Electron
// and was opened with a one-time token in its URL fragment.
import type { BridgeTransport } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/ipc/result';
import type { FramePort, StreamControl, StreamFrame } from '../../../shared/ipc/stream';
import { TEST_BRIDGE_PATH as BRIDGE_PATH } from '../../../shared/ipc/transport-names';


type ServerMessage =
  | { type: 'welcome'; session: string }
  | { type: 'denied'; reason: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown };

export function createWebSocketTransport(baseUrl: string, token: string): BridgeTransport {
  const socketUrl = new URL(BRIDGE_PATH, baseUrl);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const control = new WebSocket(socketUrl);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  const session = new Promise<string>((resolve, reject) => {
    control.addEventListener('open', () => control.send(JSON.stringify({ type: 'hello', token })));
    control.addEventListener('error', () => reject(new Error('The test bridge could not be reached.')));
    control.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      switch (message.type) {
        case 'welcome':
          resolve(message.session);
          break;
        case 'denied':
          reject(new Error(`The test bridge refused this page: ${message.reason}`));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          listeners.get(message.name)?.forEach((listener) => listener(message.payload));
          break;
      }
    });
  });

  return {
    async invoke(channel, input) {
      await session;
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        control.send(JSON.stringify({ type: 'invoke', id, channel, input }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    openStream(name, request, credits) {
      const socket = new WebSocket(new URL(`${BRIDGE_PATH}/stream`, socketUrl));
      const outbox: string[] = [];
      const send = (text: string) => (socket.readyState === WebSocket.OPEN ? socket.send(text) : outbox.push(text));
      void session.then((id) => {
        const open = JSON.stringify({ type: 'open', session: id, name, request, credits });
        const flush = () => [open, ...outbox.splice(0)].forEach((text) => socket.send(text));
        if (socket.readyState === WebSocket.OPEN) flush();
        else socket.addEventListener('open', flush, { once: true });
      });
      const port: FramePort<StreamFrame, StreamControl> = {
        post: (message) => send(JSON.stringify(message)),
        onMessage: (listener) =>
          socket.addEventListener('message', (event) => listener(JSON.parse(String(event.data)) as StreamFrame)),
        onClose: (listener) => socket.addEventListener('close', listener),
        close: () => socket.close(),
      };
      return port;
    },
  };
}
