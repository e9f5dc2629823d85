import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import { describe, expect, it } from 'vitest';
import { describeBrokerLogDirs } from './describe-log-dirs';

/** A DescribeLogDirs v1 response body (after the correlation id), written the way a broker does. */
function response(dirs: { errorCode: number; logDir: string; topics: { name: string; partitions: [number, number, number, boolean][] }[] }[]): Buffer {
  const parts: Buffer[] = [];
  const int16 = (value: number) => parts.push(Buffer.from([(value >> 8) & 0xff, value & 0xff]));
  const int32 = (value: number) => {
    const chunk = Buffer.alloc(4);
    chunk.writeInt32BE(value);
    parts.push(chunk);
  };
  const int64 = (value: number) => {
    const chunk = Buffer.alloc(8);
    chunk.writeBigInt64BE(BigInt(value));
    parts.push(chunk);
  };
  const string = (value: string) => {
    int16(Buffer.byteLength(value));
    parts.push(Buffer.from(value));
  };
  int32(0);
  int32(dirs.length);
  for (const dir of dirs) {
    int16(dir.errorCode);
    string(dir.logDir);
    int32(dir.topics.length);
    for (const topic of dir.topics) {
      string(topic.name);
      int32(topic.partitions.length);
      for (const [partition, size, lag, future] of topic.partitions) {
        int32(partition);
        int64(size);
        int64(lag);
        parts.push(Buffer.from([future ? 1 : 0]));
      }
    }
  }
  return Buffer.concat(parts);
}

/** Stands in for kafkajs' broker: the request's own decoder reads the bytes, as the connection would. */
function brokerAnswering(raw: Buffer): InternalBroker {
  return {
    nodeId: 1,
    versions: { 35: { minVersion: 0, maxVersion: 4 } },
    lookupRequest: (_key: number, definition: { protocol: (options: { version: number }) => (request: Record<string, unknown>) => unknown }) => definition.protocol({ version: 1 }),
    connectionPool: {
      send: async () => undefined,
      getConnection: async () => ({ send: async (request: { response: { decode(raw: Buffer): Promise<unknown> } }) => request.response.decode(raw) }),
    },
  } as unknown as InternalBroker;
}

describe('describeBrokerLogDirs', () => {
  it('groups partitions per directory, keeps future replicas with their lag, and reports a failed directory instead of throwing', async () => {
    const dirs = await describeBrokerLogDirs(
      brokerAnswering(
        response([
          { errorCode: 0, logDir: '/data/a', topics: [{ name: 'orders', partitions: [[0, 2048, 0, false], [1, 4096, 0, false]] }] },
          { errorCode: 0, logDir: '/data/b', topics: [{ name: 'orders', partitions: [[0, 1024, 37, true]] }] },
          { errorCode: 56, logDir: '/data/c', topics: [] },
        ]),
      ),
    );
    expect(dirs).toEqual([
      { logDir: '/data/a', errorCode: 0, partitions: [{ topic: 'orders', partition: 0, sizeBytes: 2048, offsetLag: 0, isFuture: false }, { topic: 'orders', partition: 1, sizeBytes: 4096, offsetLag: 0, isFuture: false }] },
      { logDir: '/data/b', errorCode: 0, partitions: [{ topic: 'orders', partition: 0, sizeBytes: 1024, offsetLag: 37, isFuture: true }] },
      { logDir: '/data/c', errorCode: 56, partitions: [] },
    ]);
  });
});
