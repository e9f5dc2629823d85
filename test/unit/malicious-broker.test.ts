// A malicious broker on loopback: it answers ApiVersions honestly, then answers Metadata with a 2 GB
// size prefix, a wrong correlation id, a cut-off frame, negative and absurd array counts, or garbage.
// Both client paths (kafkajs' own decoder through the admin client, and our protocol module's
// Metadata decoder behind the topic list) must fail the request within its bound with words, never
// allocate what the response claims, and leave the process running (no unhandled rejection).
import { createServer, type Server, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTopicsSession } from '../../electron/main/services/kafka/protocol/topics-batch';
import { withAdminClient } from '../../electron/main/services/kafka/admin-session';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';

type Scenario = 'honest' | 'black-hole' | 'silent' | 'size-2gb' | 'wrong-correlation-id' | 'truncated' | 'negative-arrays' | 'absurd-counts' | 'garbage';
let scenario: Scenario = 'honest';
let server: Server;
let port = 0;
const sockets = new Set<Socket>();
const bytesOf = (encoder: Encoder) => (encoder as unknown as { buffer: Buffer }).buffer;
const frame = (correlationId: number, body: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 4, 0);
  header.writeInt32BE(correlationId, 4);
  return Buffer.concat([header, body]);
};

function apiVersions(): Buffer {
  const apis = [
    [3, 0, 5], // Metadata
    [18, 0, 2], // ApiVersions
  ];
  const out = new Encoder().writeInt16(0).writeInt32(apis.length);
  for (const [key, min, max] of apis) out.writeInt16(key!).writeInt16(min!).writeInt16(max!);
  return bytesOf(out.writeInt32(0));
}

function metadataV5(brokerCount = 1, topicCount = 1): Buffer {
  const out = new Encoder().writeInt32(0).writeInt32(brokerCount);
  if (brokerCount > 0) out.writeInt32(1).writeString('127.0.0.1').writeInt32(port).writeString(null);
  out.writeString('fake-cluster').writeInt32(1).writeInt32(topicCount);
  if (topicCount > 0) out.writeInt16(0).writeString('orders').writeInt8(0).writeInt32(1).writeInt16(0).writeInt32(0).writeInt32(1).writeArray([1], 'int32').writeArray([1], 'int32').writeArray([], 'int32');
  return bytesOf(out);
}

function answer(socket: Socket, apiKey: number, correlationId: number) {
  // A connection that accepts and then forwards nothing: not even the handshake is answered.
  if (scenario === 'silent') return;
  if (apiKey === 18) return socket.write(frame(correlationId, apiVersions()));
  // Black hole: the handshake works, then requests go unanswered (a hung broker, or a proxy that stopped forwarding).
  if (scenario === 'black-hole') return;
  if (apiKey !== 3) return socket.destroy();
  switch (scenario) {
    case 'honest':
      return socket.write(frame(correlationId, metadataV5()));
    case 'size-2gb': {
      // Claims 2 GiB, sends a few bytes, keeps the connection open.
      const head = Buffer.alloc(8);
      head.writeInt32BE(0x7fffffff, 0);
      head.writeInt32BE(correlationId, 4);
      return socket.write(Buffer.concat([head, Buffer.alloc(64, 0xab)]));
    }
    case 'wrong-correlation-id':
      return socket.write(frame(correlationId + 1_000, metadataV5()));
    case 'truncated': {
      const whole = frame(correlationId, metadataV5());
      socket.write(whole.subarray(0, whole.length - 20));
      return setTimeout(() => socket.end(), 50);
    }
    case 'negative-arrays':
      return socket.write(frame(correlationId, metadataV5(-5, -1)));
    case 'absurd-counts': {
      const body = Buffer.alloc(24);
      body.writeInt32BE(0x7ffffff0, 4); // brokers: 2^31 - 16 of them, in 20 bytes
      return socket.write(frame(correlationId, body));
    }
    case 'garbage':
      return socket.write(frame(correlationId, Buffer.from(Array.from({ length: 96 }, (_, index) => (index * 37 + 11) % 256))));
  }
}

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const size = pending.readInt32BE(0);
        const request = pending.subarray(4, 4 + size);
        pending = pending.subarray(4 + size);
        answer(socket, request.readInt16BE(0), request.readInt32BE(4));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const timeouts = { connectionTimeoutMs: 1_000, authenticationTimeoutMs: 1_000, requestTimeoutMs: 1_500, retries: 0 };
const settings = () => ({ name: 'malicious', bootstrapServers: [`127.0.0.1:${port}`], tls: null, sasl: null });
const clock = { now: () => Date.now() } as never;
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const paths = {
  /** kafkajs' own Metadata decoder, through main's admin round (the client factory and its error words). */
  kafkajs: async () => {
    const base = createKafkaClientFactory(clock);
    const factory = { create: (given: ReturnType<typeof settings>) => base.create(given, timeouts) };
    return withAdminClient(factory, settings(), 'Reading topic metadata', async (admin) => (await admin.fetchTopicMetadata()).topics.map((topic) => topic.name));
  },
  /** Our protocol module's Metadata decoder behind the topic list. */
  protocol: async () => {
    const session = await openTopicsSession(settings(), clock, timeouts);
    try {
      return session.metadata.topics.map((topic) => topic.name);
    } finally {
      await session.close().catch(() => undefined);
    }
  },
};

const results: string[] = [];

describe('a malicious broker', () => {
  it('the honest answer works on both paths (the fake is a broker)', async () => {
    scenario = 'honest';
    expect(await paths.kafkajs()).toEqual(['orders']);
    expect(await paths.protocol()).toEqual(['orders']);
  }, 30_000);

  for (const hostile of ['size-2gb', 'wrong-correlation-id', 'truncated', 'negative-arrays', 'absurd-counts', 'garbage'] as const) {
    for (const path of ['kafkajs', 'protocol'] as const) {
      it(`${hostile} via ${path}: a clear error within the bound, nothing of the claimed size allocated`, async () => {
        scenario = hostile;
        const before = process.memoryUsage();
        const started = Date.now();
        let outcome: string;
        try {
          const topics = await paths[path]();
          // Negative counts may read as empty lists: then nothing is invented.
          outcome = `answered ${JSON.stringify(topics)}`;
          expect(hostile).toBe('negative-arrays');
          expect(topics).toEqual([]);
        } catch (error) {
          outcome = `${(error as Error).name}: ${(error as Error).message}`;
          expect((error as Error).message).toMatch(/timed out|malformed|closed|disconnect|connection|buffer|claims|negative|out of range|not enough|broker/i);
        }
        const took = Date.now() - started;
        const after = process.memoryUsage();
        results.push(`${hostile} / ${path}: ${took} ms, ${outcome.slice(0, 160)}`);
        expect(took).toBeLessThan(10_000);
        expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
        expect(after.rss - before.rss).toBeLessThan(256 * 1024 * 1024);
      }, 30_000);
    }
  }

  for (const hung of ['black-hole', 'silent'] as const) {
    it(`${hung}: both paths end within their bound with words, and main's event loop stays free (p99 < 50 ms)`, async () => {
      scenario = hung;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const started = Date.now();
      const outcomes = await Promise.all(
        (['kafkajs', 'protocol'] as const).map((path) =>
          paths[path]().then(
            (topics) => `answered ${JSON.stringify(topics)}`,
            (error: Error) => `${error.name}: ${error.message}`,
          ),
        ),
      );
      delay.disable();
      const took = Date.now() - started;
      const p99 = delay.percentile(99) / 1e6;
      results.push(`${hung} / both paths at once: ${took} ms, event-loop delay p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms; ${outcomes.map((outcome) => outcome.slice(0, 110)).join(' | ')}`);
      for (const outcome of outcomes) expect(outcome).toMatch(/timed out|Connection timeout|connection/i);
      expect(took).toBeLessThan(10_000);
      expect(p99).toBeLessThan(50);
    }, 30_000);
  }

  it('the process saw no unhandled rejection; outcomes printed', () => {
    console.log(`malicious broker outcomes:\n${results.join('\n')}`);
    expect(unhandled).toEqual([]);
  });
});
