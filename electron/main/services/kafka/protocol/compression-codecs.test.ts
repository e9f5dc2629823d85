import kafkajs from 'kafkajs';
import lz4js from 'lz4js';
import snappyjs from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { decompressLz4, decompressSnappy, registerCompressionCodecs } from './compression-codecs';

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

describe('registerCompressionCodecs', () => {
  it('makes kafkajs decompress snappy, lz4 and zstd and refuses to compress with them', async () => {
    registerCompressionCodecs();
    const snappy = CompressionCodecs[CompressionTypes.Snappy]!();
    const decompressed = await snappy.decompress(Buffer.from(compressSnappyBlock(text)));
    expect(new Uint8Array(decompressed)).toEqual(text);
    expect(CompressionCodecs[CompressionTypes.ZSTD]).toBeTypeOf('function');
    await expect(CompressionCodecs[CompressionTypes.LZ4]!().compress({ buffer: Buffer.from('x') } as never)).rejects.toThrow(/does not write/);
  });
});
