// The end-to-end test bridge: serves the built renderer over loopback HTTP and answers the IPC contract
// over a WebSocket on the same origin, using main's real dispatcher and handlers with Node ports. A page
// must present a one-time token (consumed on first use) before any channel answers.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FramePort, StreamControl, StreamFrame } from '../../shared/ipc/stream';
import { TEST_BRIDGE_PATH as BRIDGE_PATH } from '../../shared/ipc/transport-names';
import { createAppHandlers, type AppPorts } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BridgeServer {
  url: string;
  /** A fresh token for one page; the page passes it in its URL fragment (#bridge-token=…). */
  issueToken(): string;
  pageUrl(): string;
  close(): Promise<void>;
}

export async function startBridgeServer(options: { rendererDir: string; ports: AppPorts }): Promise<BridgeServer> {
  const rendererDir = resolve(options.rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
  }
  const unusedTokens = new Set<string>();
  const sessions = new Set<string>();
  const { handlers, producers } = createAppHandlers(options.ports);
  const dispatcher: Dispatcher = createDispatcher({
    handlers,
    producers,
    isTrustedSender: (sender) => sender.kind === 'bridge' && sessions.has(sender.session),
  });

  const http: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(rendererDir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });

  const control = new WebSocketServer({ noServer: true });
  const streamSockets = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const target = path === BRIDGE_PATH ? control : path === `${BRIDGE_PATH}/stream` ? streamSockets : null;
    if (!target) {
      socket.destroy();
      return;
    }
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
  });

  control.on('connection', (ws: WebSocket) => {
    let session: string | null = null;
    const stopEvents = options.ports.events.deliverTo((name, payload) => {
      if (session) ws.send(JSON.stringify({ type: 'event', name, payload }));
    });
    ws.on('message', async (data) => {
      const message = JSON.parse(String(data)) as { type: string; token?: string; id?: number; channel?: string; input?: unknown };
      if (message.type === 'hello') {
        if (!message.token || !unusedTokens.delete(message.token)) {
          ws.send(JSON.stringify({ type: 'denied', reason: 'unknown or already used token' }));
          ws.close();
          return;
        }
        session = randomBytes(16).toString('hex');
        sessions.add(session);
        ws.send(JSON.stringify({ type: 'welcome', session }));
        return;
      }
      if (message.type === 'invoke') {
        const result = await dispatcher.invoke(String(message.channel), message.input, { kind: 'bridge', session: session ?? '' });
        ws.send(JSON.stringify({ type: 'result', id: message.id, result }));
      }
    });
    ws.on('close', () => {
      stopEvents();
      if (session) sessions.delete(session);
    });
  });

  streamSockets.on('connection', (ws: WebSocket) => {
    ws.once('message', (data) => {
      const open = JSON.parse(String(data)) as { session?: string; name?: string; request?: unknown; credits?: number };
      const port: FramePort<StreamControl, StreamFrame> = {
        post: (frame) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(frame)),
        onMessage: (listener) => ws.on('message', (raw) => listener(JSON.parse(String(raw)) as StreamControl)),
        onClose: (listener) => ws.on('close', listener),
        close: () => ws.close(),
      };
      void dispatcher.openStream(open, port, { kind: 'bridge', session: open.session ?? '' });
    });
  });

  await new Promise<void>((resolveListen) => http.listen(0, '127.0.0.1', resolveListen));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const issueToken = () => {
    const token = randomBytes(24).toString('hex');
    unusedTokens.add(token);
    return token;
  };
  return {
    url,
    issueToken,
    pageUrl: () => `${url}/index.html#bridge-token=${issueToken()}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const client of [...control.clients, ...streamSockets.clients]) client.terminate();
        http.close(() => resolveClose());
      }),
  };
}
