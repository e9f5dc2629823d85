import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeFetchResponseV11 } from './fetch-response';

// kafkajs' own producer-side encoders build the batches, so this checks our decoder against theirs.
const require = createRequire(import.meta.url);
const { RecordBatch: encodeRecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (options: Record<string, unknown>) => Promise<{ buffer: Buffer }> };
const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (options: Record<string, unknown>) => unknown;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(value: number | string): unknown };

async function batch(firstOffset: number, values: (string | null)[], options: { compression?: number; headers?: Record<string, string> } = {}) {
  const records = values.map((value, index) => encodeRecord({ offsetDelta: index, timestampDelta: index * 10, key: index === 0 ? null : `k${index}`, value, headers: options.headers ?? {} }));
  const encoded = await encodeRecordBatch({
    compression: options.compression ?? 0,
    firstOffset: Long.fromValue(firstOffset),
    firstTimestamp: 1_700_000_000_000,
    maxTimestamp: 1_700_000_000_000 + values.length * 10,
    lastOffsetDelta: values.length - 1,
    records,
  });
  return encoded.buffer;
}

function response(partitions: { partition: number; errorCode?: number; recordSet: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const int16 = (value: number) => Buffer.from([(value >> 8) & 255, value & 255]);
  const int32 = (value: number) => {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32BE(value);
    return buffer;
  };
  const int64 = (value: bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64BE(value);
    return buffer;
  };
  parts.push(int32(0), int16(0), int32(0), int32(1), int16(1), Buffer.from('t'), int32(partitions.length));
  for (const entry of partitions) {
    parts.push(int32(entry.partition), int16(entry.errorCode ?? 0), int64(100n), int64(100n), int64(0n), int32(0), int32(-1));
    parts.push(int32(entry.recordSet.length), entry.recordSet);
  }
  return Buffer.concat(parts);
}

describe('decodeFetchResponseV11', () => {
  it('decodes records, headers, null keys and timestamps from plain and gzip batches', async () => {
    const first = await batch(0, ['a', 'b'], { headers: { trace: 'x' } });
    const second = await batch(2, ['c', null], { compression: kafkajs.CompressionTypes.GZIP });
    const decoded = await decodeFetchResponseV11(response([{ partition: 3, recordSet: Buffer.concat([first, second]) }]), new Map([[3, 0n]]));
    const partition = decoded!.partitions[0]!;
    expect(partition).toMatchObject({ partition: 3, errorCode: 0, highWatermark: 100n, nextOffset: 4n });
    expect(partition.records.map((record) => [record.offset, record.key?.toString() ?? null, record.value?.toString() ?? null])).toEqual([
      [0n, null, 'a'],
      [1n, 'k1', 'b'],
      [2n, null, 'c'],
      [3n, 'k1', null],
    ]);
    expect(partition.records[1]).toMatchObject({ timestamp: 1_700_000_000_010, timestampType: 'create' });
    expect(partition.records[0]!.headers.map((header) => [header.key, header.value?.toString()])).toEqual([['trace', 'x']]);
  });

  it('skips records before the requested offset and stops at a batch the broker cut short', async () => {
    const first = await batch(10, ['a', 'b', 'c']);
    const second = await batch(13, ['d']);
    const decoded = await decodeFetchResponseV11(response([{ partition: 0, recordSet: Buffer.concat([first, second.subarray(0, 20)]) }]), new Map([[0, 11n]]));
    expect(decoded!.partitions[0]!.records.map((record) => record.offset)).toEqual([11n, 12n]);
    expect(decoded!.partitions[0]!.nextOffset).toBe(13n);
  });

  it('keeps partition error codes and returns null for legacy message sets', async () => {
    const failed = await decodeFetchResponseV11(response([{ partition: 0, errorCode: 6, recordSet: Buffer.alloc(0) }]), new Map());
    expect(failed!.partitions[0]).toMatchObject({ errorCode: 6, records: [], nextOffset: null });
    const legacy = Buffer.alloc(40);
    legacy.writeInt32BE(28, 8);
    legacy.writeInt8(1, 16);
    expect(await decodeFetchResponseV11(response([{ partition: 0, recordSet: legacy }]), new Map())).toBeNull();
  });
});
