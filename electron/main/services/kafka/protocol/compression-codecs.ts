// Codecs for the compression types kafkajs cannot handle itself (it has gzip only). Pure JS (zstd
// compression: Emscripten WebAssembly), so nothing native is downloaded or rebuilt for Electron.
// Default imports: these are CommonJS packages, and Node's ESM loader cannot see their named exports.
import kafkajs from 'kafkajs';
import { decompress as decompressZstd } from 'fzstd';
import lz4js from 'lz4js';
import lz4Blocks from 'lz4js/lz4.js';
import lz4xxh32 from 'lz4js/xxh32.js';
import snappyjs from 'snappyjs';
import zstdCodec from 'zstd-codec';

const { CompressionCodecs, CompressionTypes } = kafkajs;

/** Kafka's Java client writes snappy in xerial's stream framing: this magic, two int32s, then blocks. */
const XERIAL_MAGIC = Uint8Array.of(0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00);
const XERIAL_HEADER_BYTES = 16;
const XERIAL_BLOCK_BYTES = 32 * 1024;
const LZ4_FLG_VERSION_1 = 0x40;
const LZ4_FLG_BLOCK_INDEPENDENCE = 0x20;
/** Block maximum size 64 KiB (BD code 4), Kafka's default. */
const LZ4_BD_64KB = 4 << 4;
const LZ4_BLOCK_BYTES = 64 * 1024;
/** lz4js' hash table size (1 << 16 entries). */
const LZ4_HASH_ENTRIES = 1 << 16;

export function decompressSnappy(input: Uint8Array): Uint8Array {
  if (!hasXerialHeader(input)) return snappyjs.uncompress(input);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const blocks: Uint8Array[] = [];
  let position = XERIAL_HEADER_BYTES;
  while (position + 4 <= input.length) {
    const length = view.getInt32(position);
    position += 4;
    if (length < 0 || position + length > input.length) throw new Error('Truncated xerial snappy block.');
    blocks.push(snappyjs.uncompress(input.subarray(position, position + length)));
    position += length;
  }
  return concat(blocks);
}

/** Written the way Kafka's Java client does (xerial framing, 32 KiB blocks) so every consumer reads it. */
export function compressSnappy(input: Uint8Array): Uint8Array {
  const header = new Uint8Array(XERIAL_HEADER_BYTES);
  header.set(XERIAL_MAGIC);
  const headerView = new DataView(header.buffer);
  headerView.setInt32(8, 1);
  headerView.setInt32(12, 1);
  const parts: Uint8Array[] = [header];
  for (let position = 0; position < input.length; position += XERIAL_BLOCK_BYTES) {
    const block = snappyjs.compress(input.slice(position, position + XERIAL_BLOCK_BYTES));
    const length = new Uint8Array(4);
    new DataView(length.buffer).setInt32(0, block.length);
    parts.push(length, block);
  }
  return concat(parts);
}

/**
 * An LZ4 frame as Kafka's Java client writes it: independent 64 KiB blocks, no checksums. lz4js' own
 * compress links each block to the previous one, which brokers refuse ("Dependent block stream is unsupported").
 */
export function compressLz4(input: Uint8Array): Uint8Array {
  const header = Uint8Array.of(0x04, 0x22, 0x4d, 0x18, LZ4_FLG_VERSION_1 | LZ4_FLG_BLOCK_INDEPENDENCE, LZ4_BD_64KB, 0);
  header[6] = (lz4xxh32.hash(0, header, 4, 2) >> 8) & 0xff;
  const parts: Uint8Array[] = [header];
  const scratch = new Uint8Array(lz4Blocks.compressBound(LZ4_BLOCK_BYTES));
  for (let position = 0; position < input.length; position += LZ4_BLOCK_BYTES) {
    const block = input.subarray(position, position + LZ4_BLOCK_BYTES);
    // A fresh hash table per block keeps every match inside its block.
    const size = lz4Blocks.compressBlock(block, scratch, 0, block.length, new Uint32Array(LZ4_HASH_ENTRIES));
    const stored = size === 0 || size >= block.length;
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, stored ? (0x80000000 | block.length) >>> 0 : size, true);
    parts.push(length, stored ? block : scratch.slice(0, size));
  }
  parts.push(new Uint8Array(4));
  return concat(parts);
}

interface ZstdSimple {
  compress(input: Uint8Array, level?: number): Uint8Array | null;
}
let zstdSimple: Promise<ZstdSimple> | undefined;

/** Level 3 is zstd's (and Kafka's) default. The WebAssembly module loads on first use. */
export async function compressZstandard(input: Uint8Array): Promise<Uint8Array> {
  zstdSimple ??= new Promise((resolve) => zstdCodec.ZstdCodec.run((zstd) => resolve(new zstd.Simple())));
  const compressed = (await zstdSimple).compress(input, 3);
  if (!compressed) throw new Error('zstd compression failed.');
  return compressed;
}

export function decompressLz4(input: Uint8Array): Uint8Array {
  return lz4js.decompress(input);
}

export function decompressZstandard(input: Uint8Array): Uint8Array {
  return decompressZstd(input);
}

function hasXerialHeader(input: Uint8Array): boolean {
  if (input.length < XERIAL_HEADER_BYTES) return false;
  return XERIAL_MAGIC.every((byte, index) => input[index] === byte);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function codec(compress: (input: Uint8Array) => Uint8Array | Promise<Uint8Array>, decompress: (input: Uint8Array) => Uint8Array) {
  return () => ({
    async compress(encoder: { buffer: Buffer }): Promise<Buffer> {
      return asBuffer(await compress(encoder.buffer));
    },
    async decompress(buffer: Buffer): Promise<Buffer> {
      return asBuffer(decompress(buffer));
    },
  });
}

let registered = false;

/** Registers snappy, lz4 and zstd with kafkajs once per process; later calls do nothing. */
export function registerCompressionCodecs(): void {
  if (registered) return;
  registered = true;
  CompressionCodecs[CompressionTypes.Snappy] = codec(compressSnappy, decompressSnappy);
  CompressionCodecs[CompressionTypes.LZ4] = codec(compressLz4, decompressLz4);
  CompressionCodecs[CompressionTypes.ZSTD] = codec(compressZstandard, decompressZstandard);
}
