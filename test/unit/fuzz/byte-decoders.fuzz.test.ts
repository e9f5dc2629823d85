// Fuzz: what a broker or a producer sends us is hostile until decoded. Random bytes, valid encodings
// cut short or with bytes flipped, and absurd lengths spliced in (2^31-1, -1, 5-byte varints) must end
// in a result or a clear error, quickly, and never make a decoder allocate what a length claims:
// message payloads, Confluent framing, Avro/Protobuf/JSON Schema bodies, snappy/lz4/zstd/gzip
// frames, our Fetch response decoder and the protocol module's response decoders.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import kafkajs from 'kafkajs';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { describe, expect, it } from 'vitest';
import { decodePayload } from '../../../shared/domain/decoders/payload';
import { WireFormatError, frameConfluentWireFormat, parseConfluentWireFormat, readMessageIndexes, writeMessageIndexes } from '../../../shared/domain/decoders/confluent-wire-format';
import { SchemaMismatchError } from '../../../shared/domain/decoders/schema-codec';
import { compileProtobuf } from '../../../shared/domain/decoders/protobuf-codec';
import { compileJsonSchema } from '../../../shared/domain/decoders/json-schema-codec';
import { compileAvro } from '../../../electron/main/services/decoding/avro-codec';
import {
  MAX_DECOMPRESSED_BATCH_BYTES,
  compressLz4,
  compressSnappy,
  compressZstandard,
  decompressGzip,
  decompressLz4,
  decompressSnappy,
  decompressZstandard,
  registerCompressionCodecs,
} from '../../../electron/main/services/kafka/protocol/compression-codecs';
import { MalformedResponseError, decodeFetchResponseV11 } from '../../../electron/main/services/kafka/protocol/fetch-response';
import { captured } from '../../../electron/main/services/kafka/protocol/group-apis.captures';
import { decodeDescribeGroups, decodeFindCoordinators, decodeListGroups, decodeNewProtocolDescribe, decodeOffsetFetch, decodeConsumerAssignment, decodeConsumerSubscriptionTopics } from '../../../electron/main/services/kafka/protocol/group-apis';
import { decodeListOffsets } from '../../../electron/main/services/kafka/protocol/list-offsets-batch';
import { decodeMetadataResponse } from '../../../electron/main/services/kafka/protocol/topics-batch';
import { decodeDescribeLogDirs } from '../../../electron/main/services/kafka/protocol/describe-log-dirs';
import { FUZZ_TEST_TIMEOUT, fuzz, mutatedBytes } from './fuzz';

registerCompressionCodecs();
const require = createRequire(import.meta.url);
const { RecordBatch: encodeRecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (options: Record<string, unknown>) => Promise<{ buffer: Buffer }> };
const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (options: Record<string, unknown>) => unknown;
const Long = require('kafkajs/src/utils/long.js') as { fromValue(value: number | string): unknown };
const bytesOf = (encoder: Encoder) => (encoder as unknown as { buffer: Buffer }).buffer;

/** An error a caller can show: our own classes, or any Error with words (never a non-Error throw). */
function expectClearError(error: unknown, allowed: readonly (abstract new (...args: never[]) => Error)[]) {
  if (!(error instanceof Error)) throw new Error(`threw a non-Error: ${String(error)}`);
  if (!allowed.some((kind) => error instanceof kind)) throw error;
  expect(error.message.length).toBeGreaterThan(5);
}

const text = fc.string({ unit: 'binary', maxLength: 300 }).map((value) => new TextEncoder().encode(value));

describe('fuzz: message payloads and schema bodies', () => {
  it('payload decoder: any bytes decode to json, text or binary', async () => {
    const invalidUtf8 = fc.array(fc.constantFrom(0xc0, 0xc1, 0xf5, 0xff, 0xed, 0xa0, 0x80, 0xe2, 0x82), { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes));
    await fuzz(
      'message payload decoder (UTF-8, JSON, binary)',
      fc.tuple(fc.oneof(mutatedBytes(text), invalidUtf8, fc.uint8Array({ maxLength: 70_000 })), fc.integer({ min: 0, max: 100_000 })),
      ([bytes, maxPreviewBytes]) => {
        const decoded = decodePayload(bytes, { maxPreviewBytes });
        expect(['json', 'text', 'binary']).toContain(decoded.kind);
      },
      { runs: 3_000 },
    );
  }, FUZZ_TEST_TIMEOUT);

  it('Confluent framing and Protobuf message indexes: parsed or WireFormatError', async () => {
    const framed = fc.tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(fc.nat(1_000), { maxLength: 6 }), fc.uint8Array({ maxLength: 40 })).map(([id, indexes, body]) => frameConfluentWireFormat(id, Uint8Array.from([...writeMessageIndexes(indexes), ...body])));
    await fuzz('Confluent wire format + message indexes', mutatedBytes(framed), (bytes) => {
      const wire = parseConfluentWireFormat(bytes);
      if (!wire) return;
      try {
        const { indexes, bodyOffset } = readMessageIndexes(wire.payload);
        expect(indexes.length).toBeLessThanOrEqual(wire.payload.length);
        expect(bodyOffset).toBeLessThanOrEqual(wire.payload.length);
      } catch (error) {
        expectClearError(error, [WireFormatError]);
      }
    }, { runs: 3_000 });
  }, FUZZ_TEST_TIMEOUT);

  const avroSchemas = [
    { type: 'record', name: 'R', fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'long' }, { name: 'tags', type: { type: 'array', items: 'string' } }] },
    // Items of no size: a block count of 2^31 would loop (and allocate) without reading a byte.
    { type: 'array', items: 'null' },
    { type: 'map', values: 'null' },
    { type: 'record', name: 'U', fields: [{ name: 'u', type: ['null', 'string', 'long'] }, { name: 'd', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } }] },
  ];
  const avroCodecs = avroSchemas.map((schema) => compileAvro({ type: 'AVRO', schema: JSON.stringify(schema), references: [] }));
  it('Avro bodies: decoded or SchemaMismatchError, no huge block counts', async () => {
    const valid = fc.constantFrom(
      avroCodecs[0]!.encode({ id: 'abc', n: 5, tags: ['x', 'y'] }),
      avroCodecs[1]!.encode([null, null, null]),
      avroCodecs[2]!.encode({ a: null, b: null }),
      avroCodecs[3]!.encode({ u: null, d: '12.34' }),
    );
    await fuzz('Avro body decoder', fc.tuple(mutatedBytes(valid, 512), fc.nat(avroCodecs.length - 1)), ([bytes, which]) => {
      try {
        avroCodecs[which]!.decode(bytes);
      } catch (error) {
        expectClearError(error, [SchemaMismatchError]);
      }
    }, { runs: 3_000, perCaseMs: 500 });
  }, FUZZ_TEST_TIMEOUT);

  const proto = compileProtobuf({ type: 'PROTOBUF', schema: 'syntax = "proto3"; message M { string s = 1; repeated int64 n = 2; bytes b = 3; map<string, M> m = 4; oneof o { double d = 5; M child = 6; } }', references: [] });
  const jsonSchema = compileJsonSchema({ type: 'JSON', schema: JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } }), references: [] });
  it('Protobuf and JSON Schema bodies: decoded or SchemaMismatchError', async () => {
    const valid = fc.constantFrom(Uint8Array.from([0, ...proto.encode({ s: 'x', n: ['1', '2'], m: { k: { s: 'y' } }, child: { s: 'z' } })]), new TextEncoder().encode('{"a":"b"}'));
    await fuzz('Protobuf + JSON Schema body decoders', fc.tuple(mutatedBytes(valid, 512), fc.boolean()), ([bytes, useProto]) => {
      try {
        (useProto ? proto : jsonSchema).decode(bytes);
      } catch (error) {
        expectClearError(error, [SchemaMismatchError]);
      }
    }, { runs: 3_000 });
  }, FUZZ_TEST_TIMEOUT);
});

describe('fuzz: compression frames', () => {
  const plain = fc.oneof(fc.uint8Array({ maxLength: 3_000 }), fc.string({ maxLength: 3_000 }).map((value) => new TextEncoder().encode(value.repeat(3))));
  const codecs = [
    { name: 'snappy (raw and xerial)', compress: async (input: Uint8Array) => compressSnappy(input), decompress: decompressSnappy },
    { name: 'lz4 frame', compress: async (input: Uint8Array) => compressLz4(input), decompress: decompressLz4 },
    { name: 'zstd frame', compress: compressZstandard, decompress: decompressZstandard },
    { name: 'gzip', compress: async (input: Uint8Array) => new Uint8Array(gzipSync(input)), decompress: decompressGzip },
  ];
  for (const codec of codecs) {
    it(`${codec.name}: round trips, and damaged frames end in an error without a claimed-size allocation`, async () => {
      const valid = plain.chain((input) => fc.constant(input)).map((input) => input);
      const frames: Uint8Array[] = [];
      // The valid frames are made up front: fast-check arbitraries are synchronous.
      for (const sample of fc.sample(valid, { numRuns: 40, seed: 7 })) {
        const frame = await codec.compress(sample);
        expect(Buffer.from(await codec.decompress(frame))).toEqual(Buffer.from(sample));
        frames.push(frame);
      }
      await fuzz(`${codec.name} decompressor`, mutatedBytes(fc.constantFrom(...frames), 2_048), async (bytes) => {
        try {
          const out = await codec.decompress(bytes);
          expect(out.length).toBeLessThanOrEqual(MAX_DECOMPRESSED_BATCH_BYTES);
        } catch (error) {
          expectClearError(error, [Error]);
        }
      }, { runs: 2_000, perCaseMs: 500 });
    }, FUZZ_TEST_TIMEOUT);
  }

  it('frames claiming gigabytes are refused before anything that size is allocated', async () => {
    const before = process.memoryUsage().arrayBuffers;
    // snappy: a varint preamble of 2^32-1; lz4: a content size of 2^40; zstd: a frame content size of 2^40.
    const snappyBomb = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 0x00);
    const lz4Bomb = Uint8Array.of(0x04, 0x22, 0x4d, 0x18, 0x68, 0x40, 0, 0, 0, 0, 0, 0x01, 0, 0, 0x00, 0, 0, 0, 0);
    const zstdBomb = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0x01, 0, 0);
    const zstdWindowBomb = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0x01, 0, 0);
    for (const [decompress, bomb] of [[decompressSnappy, snappyBomb], [decompressLz4, lz4Bomb], [decompressZstandard, zstdBomb], [decompressZstandard, zstdWindowBomb]] as const) {
      expect(() => decompress(bomb)).toThrow(/more than|too big|claims|malformed|truncated|invalid/i);
    }
    // 200 MB of zeros gzips to ~200 kB: inflating it stops at the bound.
    await expect(decompressGzip(gzipSync(Buffer.alloc(MAX_DECOMPRESSED_BATCH_BYTES + 1)))).rejects.toThrow(/more than/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_DECOMPRESSED_BATCH_BYTES);
  }, FUZZ_TEST_TIMEOUT);
});

async function recordSet(firstOffset: number, values: string[], compression = 0): Promise<Buffer> {
  const records = values.map((value, index) => encodeRecord({ offsetDelta: index, timestampDelta: index, key: `k${index}`, value, headers: index % 2 ? { h: 'v' } : {} }));
  return (await encodeRecordBatch({ compression, firstOffset: Long.fromValue(firstOffset), firstTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_010, lastOffsetDelta: values.length - 1, records })).buffer;
}

function fetchResponse(recordSets: Buffer[]): Buffer {
  const out = new Encoder().writeInt32(0).writeInt16(0).writeInt32(0).writeInt32(1).writeString('t').writeInt32(recordSets.length);
  recordSets.forEach((set, partition) => {
    out.writeInt32(partition).writeInt16(0).writeInt64(100).writeInt64(100).writeInt64(0).writeInt32(0).writeInt32(-1).writeInt32(set.length);
    (out as unknown as { writeBufferInternal(buffer: Buffer): void }).writeBufferInternal(set);
  });
  return bytesOf(out);
}

describe('fuzz: Kafka responses', () => {
  it('Fetch v11 decoder: records, null (legacy) or MalformedResponseError; never more records than bytes', async () => {
    const valid: Buffer[] = [];
    for (const compression of [0, kafkajs.CompressionTypes.GZIP, kafkajs.CompressionTypes.Snappy, kafkajs.CompressionTypes.LZ4, kafkajs.CompressionTypes.ZSTD]) {
      valid.push(fetchResponse([await recordSet(0, ['a', 'bb', 'ccc'], compression), Buffer.concat([await recordSet(5, ['x'], compression), await recordSet(6, ['y', 'z'], compression)])]));
    }
    await fuzz('Fetch v11 response decoder', mutatedBytes(fc.constantFrom(...valid), 2_048), async (bytes) => {
      try {
        const decoded = await decodeFetchResponseV11(Buffer.from(bytes), new Map([[0, 0n], [1, 0n]]));
        for (const partition of decoded?.partitions ?? []) {
          expect(partition.records.length).toBeLessThanOrEqual(bytes.length);
          for (const record of partition.records) expect((record.value?.length ?? 0) + (record.key?.length ?? 0)).toBeLessThanOrEqual(bytes.length * 4 + MAX_DECOMPRESSED_BATCH_BYTES);
        }
      } catch (error) {
        expectClearError(error, [MalformedResponseError]);
      }
    }, { runs: 3_000, perCaseMs: 500 });
  }, FUZZ_TEST_TIMEOUT);

  const captures = [
    { name: 'DescribeGroups v6', raw: captured.describeGroupsV6, decode: (raw: Buffer) => decodeDescribeGroups(6, raw) },
    { name: 'ConsumerGroupDescribe v0', raw: captured.consumerGroupDescribeV0, decode: (raw: Buffer) => decodeNewProtocolDescribe('consumer', raw) },
    { name: 'ShareGroupDescribe v1', raw: captured.shareGroupDescribeV1, decode: (raw: Buffer) => decodeNewProtocolDescribe('share', raw) },
    { name: 'OffsetFetch v9', raw: captured.offsetFetchV9, decode: decodeOffsetFetch },
    { name: 'FindCoordinator v4', raw: captured.findCoordinatorV4, decode: decodeFindCoordinators },
    { name: 'ListGroups v5', raw: captured.findCoordinatorV4, decode: (raw: Buffer) => decodeListGroups(5, raw) },
  ];
  it('group API decoders (flexible codec): decoded or a truncated-response error', async () => {
    let total = 0;
    for (const capture of captures) {
      total += await fuzz(`protocol ${capture.name} decoder`, mutatedBytes(fc.constant(Uint8Array.from(capture.raw)), 1_024), (bytes) => {
        try {
          capture.decode(Buffer.from(bytes));
        } catch (error) {
          expectClearError(error, [MalformedResponseError]);
        }
      }, { runs: 1_000, timeLimitMs: 1_500, perCaseMs: 300 });
    }
    expect(total).toBeGreaterThan(1_000);
  }, FUZZ_TEST_TIMEOUT);

  it('consumer-protocol assignment and subscription bytes: decoded or null', async () => {
    await fuzz('consumer protocol assignment/subscription', fc.uint8Array({ maxLength: 512 }), (bytes) => {
      decodeConsumerAssignment(Buffer.from(bytes));
      decodeConsumerSubscriptionTopics(Buffer.from(bytes));
    }, { runs: 3_000, perCaseMs: 300 });
  }, FUZZ_TEST_TIMEOUT);

  it('Metadata, ListOffsets and DescribeLogDirs column decoders: decoded or MalformedResponseError', async () => {
    const metadata = new Encoder().writeInt32(0).writeInt32(1).writeInt32(1).writeString('127.0.0.1').writeInt32(9092).writeString(null).writeString('cid').writeInt32(1).writeInt32(1).writeInt16(0).writeString('t').writeInt8(0).writeInt32(1).writeInt16(0).writeInt32(0).writeInt32(1).writeArray([1], 'int32').writeArray([1], 'int32').writeArray([], 'int32');
    const listOffsets = new Encoder().writeInt32(0).writeInt32(1).writeString('t').writeInt32(2).writeInt32(0).writeInt16(0).writeInt64(-1).writeInt64(42).writeInt32(1).writeInt16(0).writeInt64(-1).writeInt64(43);
    const logDirs = new Encoder().writeInt32(0).writeInt32(1).writeInt16(0).writeString('/d').writeInt32(1).writeString('t').writeInt32(1).writeInt32(0).writeInt64(10).writeInt64(0).writeInt8(0);
    const decoders = [
      { raw: bytesOf(metadata), decode: (raw: Buffer) => decodeMetadataResponse(5, raw) },
      { raw: bytesOf(listOffsets), decode: (raw: Buffer) => decodeListOffsets(4, raw) },
      { raw: bytesOf(logDirs), decode: decodeDescribeLogDirs },
    ];
    for (const decoder of decoders) decoder.decode(decoder.raw);
    await fuzz('protocol Metadata/ListOffsets/DescribeLogDirs decoders', fc.tuple(fc.nat(decoders.length - 1), fc.context()).chain(([which]) => mutatedBytes(fc.constant(Uint8Array.from(decoders[which]!.raw)), 512).map((bytes) => [which, bytes] as const)), ([which, bytes]) => {
      try {
        decoders[which]!.decode(Buffer.from(bytes));
      } catch (error) {
        expectClearError(error, [MalformedResponseError]);
      }
    }, { runs: 3_000, perCaseMs: 300 });
  }, FUZZ_TEST_TIMEOUT);
});
