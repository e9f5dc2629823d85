// Codecs for the compression types kafkajs cannot handle itself (it has gzip only), and a bounded gzip. Pure JS (zstd
// compression: Emscripten WebAssembly), so nothing native is downloaded or rebuilt for Electron.
// Default imports: these are CommonJS packages, and Node's ESM loader cannot see their named exports.
import { promisify } from 'node:util';
import { gzip, unzip } from 'node:zlib';
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

/**
 * The most one record batch may decompress to. Every format states (or implies) its output size up
 * front, and the libraries allocate what it claims: a 20-byte frame claiming 2 GB would take 2 GB. So
 * the claim is checked against this first. Kafka batches are at most message.max.bytes compressed
 * (1 MiB by default); 128 MiB leaves room for very compressible data.
 */
export const MAX_DECOMPRESSED_BATCH_BYTES = 128 * 1024 * 1024;
const MAX_MIB = MAX_DECOMPRESSED_BATCH_BYTES / 1024 / 1024;

function refuseClaim(format: string, claimed: number): never {
  throw new Error(`A ${format} record batch claims ${claimed} bytes uncompressed, more than the ${MAX_MIB} MiB Odradek decompresses; it was not read.`);
}

export function decompressSnappy(input: Uint8Array): Uint8Array {
  if (!hasXerialHeader(input)) return snappyUncompress(input);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const blocks: Uint8Array[] = [];
  let total = 0;
  let position = XERIAL_HEADER_BYTES;
  while (position + 4 <= input.length) {
    const length = view.getInt32(position);
    position += 4;
    if (length < 0 || position + length > input.length) throw new Error('Truncated xerial snappy block.');
    const block = snappyUncompress(input.subarray(position, position + length));
    total += block.length;
    if (total > MAX_DECOMPRESSED_BATCH_BYTES) refuseClaim('snappy', total);
    blocks.push(block);
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

function snappyUncompress(input: Uint8Array): Uint8Array {
  try {
    return snappyjs.uncompress(input, MAX_DECOMPRESSED_BATCH_BYTES);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/too big/.test(message)) throw new Error(`A snappy record batch claims more than the ${MAX_MIB} MiB Odradek decompresses; it was not read.`);
    throw new Error(`A snappy record batch is malformed: ${message}`);
  }
}

export function decompressLz4(input: Uint8Array): Uint8Array {
  return lz4js.decompress(input, checkLz4Frame(input));
}

const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_SIZES: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 };

/**
 * Walks an LZ4 frame's header and block sizes (no decoding) and returns the most it can decompress
 * to. lz4js trusts both: a content size of 2^40 is allocated as such, and a block size past the end
 * of the input sends its decoder looping for a minute. Anything that does not add up is refused here.
 */
function checkLz4Frame(input: Uint8Array): number {
  const malformed = (why: string): never => {
    throw new Error(`An lz4 record batch is malformed: ${why}.`);
  };
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (input.length < 7 || view.getUint32(0, true) !== LZ4_MAGIC) malformed('it does not start with an lz4 frame header');
  const flags = input[4]!;
  if ((flags & 0xc0) !== LZ4_FLG_VERSION_1) malformed(`frame version ${flags >> 6} is not 1`);
  const blockMax = LZ4_BLOCK_SIZES[(input[5]! >> 4) & 7] ?? malformed('its block size code is invalid');
  const blockChecksums = (flags & 0x10) !== 0;
  const hasContentSize = (flags & 0x08) !== 0;
  const contentChecksum = (flags & 0x04) !== 0;
  let at = 6;
  let bound = 0;
  if (hasContentSize) {
    if (at + 8 > input.length) malformed('its header is cut short');
    const contentSize = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
    if (contentSize > MAX_DECOMPRESSED_BATCH_BYTES) refuseClaim('lz4', contentSize);
    at += 8;
  }
  if (flags & 0x01) at += 4; // dictionary id
  at += 1; // header checksum
  for (;;) {
    if (at + 4 > input.length) malformed('it ends before its end mark');
    const word = view.getUint32(at, true);
    at += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (size > blockMax) malformed(`a block claims ${size} bytes, more than the frame's ${blockMax}-byte blocks`);
    if (at + size > input.length) malformed(`a block claims ${size} bytes with ${input.length - at} left`);
    bound += word & 0x80000000 ? size : blockMax;
    if (bound > MAX_DECOMPRESSED_BATCH_BYTES) refuseClaim('lz4', bound);
    at += size + (blockChecksums ? 4 : 0);
  }
  if (contentChecksum) at += 4;
  if (at > input.length) malformed('its checksum is cut short');
  return bound;
}

export function decompressZstandard(input: Uint8Array): Uint8Array {
  checkZstandardClaims(input);
  return decompressZstd(input);
}

const ZSTD_MAGIC = 0xfd2fb528;
const ZSTD_BLOCK_MAX = 128 * 1024;

/**
 * Walks the frames' headers and block headers (no decoding) and refuses what fzstd would allocate
 * beyond the bound: a frame content size or window size, or blocks adding up to more.
 */
function checkZstandardClaims(input: Uint8Array): void {
  const malformed = (why: string): never => {
    throw new Error(`A zstd record batch is malformed: ${why}.`);
  };
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const littleEndian = (at: number, bytes: number) => {
    if (at + bytes > input.length) malformed('its frame header is cut short');
    let value = 0;
    for (let index = bytes - 1; index >= 0; index--) value = value * 256 + input[at + index]!;
    return value;
  };
  let at = 0;
  let total = 0;
  while (at < input.length) {
    if (at + 4 > input.length) malformed('a frame is cut short');
    const magic = view.getUint32(at, true);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      at += 8 + littleEndian(at + 4, 4); // skippable frame
      continue;
    }
    if (magic !== ZSTD_MAGIC) malformed('a frame does not start with the zstd magic number');
    const descriptor = littleEndian(at + 4, 1);
    at += 5;
    const contentSizeFlag = descriptor >> 6;
    const singleSegment = (descriptor >> 5) & 1;
    const hasChecksum = (descriptor >> 2) & 1;
    let window = 0;
    if (!singleSegment) {
      const windowDescriptor = littleEndian(at, 1);
      at += 1;
      const base = 2 ** (10 + (windowDescriptor >> 3));
      window = base + (base / 8) * (windowDescriptor & 7);
    }
    at += [0, 1, 2, 4][descriptor & 3]!;
    const contentSizeBytes = contentSizeFlag === 0 ? singleSegment : [0, 2, 4, 8][contentSizeFlag]!;
    const contentSize = contentSizeBytes === 0 ? 0 : littleEndian(at, contentSizeBytes) + (contentSizeBytes === 2 ? 256 : 0);
    at += contentSizeBytes;
    const claimed = contentSize || window;
    if (claimed > MAX_DECOMPRESSED_BATCH_BYTES) refuseClaim('zstd', claimed);
    for (let last = 0; !last; ) {
      const header = littleEndian(at, 3);
      at += 3;
      last = header & 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) malformed('a block has the reserved type');
      total += type === 2 ? Math.min(ZSTD_BLOCK_MAX, claimed || ZSTD_BLOCK_MAX) : size;
      if (total > MAX_DECOMPRESSED_BATCH_BYTES) refuseClaim('zstd', total);
      at += type === 1 ? 1 : size;
    }
    if (hasChecksum) at += 4;
  }
}

const unzipAsync = promisify(unzip);
const gzipAsync = promisify(gzip);

/** kafkajs' gzip inflates without a limit; this one stops at the bound. */
export async function decompressGzip(input: Uint8Array): Promise<Uint8Array> {
  try {
    return await unzipAsync(input, { maxOutputLength: MAX_DECOMPRESSED_BATCH_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`A gzip record batch inflates to more than the ${MAX_MIB} MiB Odradek decompresses; it was not read.`);
    }
    throw new Error(`A gzip record batch is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
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

function codec(compress: (input: Uint8Array) => Uint8Array | Promise<Uint8Array>, decompress: (input: Uint8Array) => Uint8Array | Promise<Uint8Array>) {
  return () => ({
    async compress(encoder: { buffer: Buffer }): Promise<Buffer> {
      return asBuffer(await compress(encoder.buffer));
    },
    async decompress(buffer: Buffer): Promise<Buffer> {
      return asBuffer(await decompress(buffer));
    },
  });
}

let registered = false;

/** Registers snappy, lz4 and zstd with kafkajs once per process; later calls do nothing. */
export function registerCompressionCodecs(): void {
  if (registered) return;
  registered = true;
  CompressionCodecs[CompressionTypes.GZIP] = codec(async (input) => gzipAsync(input), decompressGzip);
  CompressionCodecs[CompressionTypes.Snappy] = codec(compressSnappy, decompressSnappy);
  CompressionCodecs[CompressionTypes.LZ4] = codec(compressLz4, decompressLz4);
  CompressionCodecs[CompressionTypes.ZSTD] = codec(compressZstandard, decompressZstandard);
}
