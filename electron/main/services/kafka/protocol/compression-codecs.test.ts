import kafkajs from 'kafkajs';
import lz4js from 'lz4js';
import snappyjs from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { compressLz4, compressSnappy, compressZstandard, decompressLz4, decompressSnappy, decompressZstandard, registerCompressionCodecs } from './compression-codecs';

const { CompressionCodecs, CompressionTypes } = kafkajs;
const compressSnappyBlock = snappyjs.compress;
const compressLz4Frame = lz4js.compress;

const text = new TextEncoder().encode('kafka '.repeat(5_000));

function xerialFrame(blocks: Uint8Array[]): Uint8Array {
  const header = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1];
  const parts = blocks.flatMap((block) => {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setInt32(0, block.length);
    return [...length, ...block];
  });
  return Uint8Array.from([...header, ...parts]);
}

describe('snappy', () => {
  it('reads raw snappy blocks', () => {
    expect(decompressSnappy(compressSnappyBlock(text))).toEqual(text);
  });

  it('reads xerial-framed snappy with several blocks, as the Java client writes it', () => {
    const framed = xerialFrame([compressSnappyBlock(text.subarray(0, 10_000)), compressSnappyBlock(text.subarray(10_000))]);
    expect(decompressSnappy(framed)).toEqual(text);
  });

  it('rejects a truncated frame', () => {
    const framed = xerialFrame([compressSnappyBlock(text)]);
    expect(() => decompressSnappy(framed.subarray(0, framed.length - 3))).toThrow(/Truncated/);
  });
});

describe('lz4', () => {
  it('reads the LZ4 frame format', () => {
    expect(decompressLz4(compressLz4Frame(text))).toEqual(text);
  });
});

describe('compressing', () => {
  it('writes snappy in xerial framing with 32 KiB blocks, as the Java client does', () => {
    const large = new TextEncoder().encode('kafka snappy '.repeat(10_000));
    const framed = compressSnappy(large);
    expect([...framed.subarray(0, 8)]).toEqual([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
    expect(decompressSnappy(framed)).toEqual(large);
  });

  it('writes an LZ4 frame of independent 64 KiB blocks, the only kind Kafka reads', () => {
    const large = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 7919) % 251 < 20 ? index % 256 : 65);
    const frame = compressLz4(large);
    expect(frame[4]! & 0x20).toBe(0x20);
    expect(decompressLz4(frame)).toEqual(large);
    expect(decompressLz4(compressLz4(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('writes zstd frames that a separate decoder reads', async () => {
    expect(decompressZstandard(await compressZstandard(text))).toEqual(text);
  });
});

describe('registerCompressionCodecs', () => {
  it('makes kafkajs compress and decompress snappy, lz4 and zstd', async () => {
    registerCompressionCodecs();
    for (const type of [CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD] as const) {
      const codec = CompressionCodecs[type]!();
      const compressed = await codec.compress({ buffer: Buffer.from(text) });
      expect(new Uint8Array(await codec.decompress(compressed))).toEqual(text);
    }
    const snappy = CompressionCodecs[CompressionTypes.Snappy]!();
    expect(new Uint8Array(await snappy.decompress(Buffer.from(compressSnappyBlock(text))))).toEqual(text);
  });
});
