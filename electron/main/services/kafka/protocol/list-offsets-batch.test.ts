import Encoder from 'kafkajs/src/protocol/encoder.js';
import { requests } from 'kafkajs/src/protocol/requests/index.js';
import { describe, expect, it } from 'vitest';
import { decodeDescribeLogDirs } from './describe-log-dirs';
import { decodeListOffsets, encodeListOffsets } from './list-offsets-batch';

interface KafkajsDefinition {
  protocol(options: { version: number }): (request: Record<string, unknown>) => { request: { encode(): Promise<{ buffer: Buffer }> } };
}
const bytesOf = (encoder: Encoder) => (encoder as unknown as { buffer: Buffer }).buffer;

describe('ListOffsets for many partitions', () => {
  const topics = [
    { topic: 'orders', partitions: [0, 1, 2] },
    { topic: 'ünïcode-名前', partitions: [7] },
  ];
  const targets = topics.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));

  it.each([1, 2, 3])('encodes v%i byte for byte as kafkajs does', async (version) => {
    const kafkajs = (requests['ListOffsets'] as KafkajsDefinition).protocol({ version })({
      replicaId: -1,
      isolationLevel: 0,
      topics: topics.map(({ topic, partitions }) => ({ topic, partitions: partitions.map((partition) => ({ partition, timestamp: -2 })) })),
    });
    expect(encodeListOffsets(version, targets, -2n, 0)).toEqual((await kafkajs.request.encode()).buffer);
  });

  it('decodes into columns, offsets past 2^53 exact, per-partition errors kept', () => {
    const response = (version: number) => {
      const encoder = new Encoder();
      if (version >= 2) encoder.writeInt32(0);
      encoder.writeInt32(2).writeString('orders').writeInt32(2);
      encoder.writeInt32(0).writeInt16(0).writeInt64(-1).writeInt64('9007199254740993');
      encoder.writeInt32(1).writeInt16(6).writeInt64(-1).writeInt64(-1);
      encoder.writeString('empty').writeInt32(0);
      return bytesOf(encoder);
    };
    for (const version of [1, 3]) {
      const columns = decodeListOffsets(version, response(version));
      expect(columns.topics).toEqual(['orders', 'empty']);
      expect(columns.partitionsEnd).toEqual([2, 2]);
      expect([...columns.partitions.subarray(0, 2)]).toEqual([0, 1]);
      expect([...columns.errorCodes.subarray(0, 2)]).toEqual([0, 6]);
      expect([...columns.offsets.subarray(0, 2)]).toEqual([9007199254740993n, -1n]);
    }
  });
});

describe('DescribeLogDirs response', () => {
  it('reads every directory, topic and partition into columns, sizes as numbers', () => {
    const encoder = new Encoder()
      .writeInt32(0)
      .writeInt32(2)
      .writeInt16(0)
      .writeString('/data/a')
      .writeInt32(2)
      .writeString('orders')
      .writeInt32(2)
      .writeInt32(0)
      .writeInt64(1_234)
      .writeInt64(0)
      .writeBoolean(false)
      .writeInt32(1)
      .writeInt64(5_000_000_000)
      .writeInt64(3)
      .writeBoolean(true)
      .writeString('audit')
      .writeInt32(1)
      .writeInt32(4)
      .writeInt64(10)
      .writeInt64(0)
      .writeBoolean(false)
      .writeInt16(57)
      .writeString('/data/b')
      .writeInt32(0);
    const columns = decodeDescribeLogDirs(bytesOf(encoder));
    expect(columns.dirs).toEqual([
      { errorCode: 0, logDir: '/data/a', topicsEnd: 2 },
      { errorCode: 57, logDir: '/data/b', topicsEnd: 2 },
    ]);
    expect(columns.topics).toEqual(['orders', 'audit']);
    expect(columns.partitionsEnd).toEqual([2, 3]);
    expect([...columns.partitions.subarray(0, 3)]).toEqual([0, 1, 4]);
    expect([...columns.sizes.subarray(0, 3)]).toEqual([1_234, 5_000_000_000, 10]);
    expect([...columns.offsetLags.subarray(0, 3)]).toEqual([0, 3, 0]);
    expect([...columns.futures.subarray(0, 3)]).toEqual([0, 1, 0]);
  });
});
