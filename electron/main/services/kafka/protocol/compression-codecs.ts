// Read-side codecs for the compression types kafkajs cannot decode itself (it reads gzip only). Pure
// JS, so nothing native is downloaded or rebuilt for Electron. Browsing never produces, so compress
// is refused with a clear error rather than silently writing something a broker might reject.
// Default imports: these are CommonJS packages, and Node's ESM loader cannot see their named exports.
import kafkajs from 'kafkajs';
import { decompress as decompressZstd } from 'fzstd';
import lz4js from 'lz4js';
import snappyjs from 'snappyjs';

const { CompressionCodecs, CompressionTypes } = kafkajs;

/** Kafka's Java client writes snappy in xerial's stream framing: this magic, two int32s, then blocks. */
const XERIAL_MAGIC = Uint8Array.of(0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00);
const XERIAL_HEADER_BYTES = 16;

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

function readOnlyCodec(name: string, decompress: (input: Uint8Array) => Uint8Array) {
  return () => ({
    async compress(): Promise<Buffer> {
      throw new Error(`Odradek reads ${name} but does not write it.`);
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
  CompressionCodecs[CompressionTypes.Snappy] = readOnlyCodec('snappy', decompressSnappy);
  CompressionCodecs[CompressionTypes.LZ4] = readOnlyCodec('lz4', decompressLz4);
  CompressionCodecs[CompressionTypes.ZSTD] = readOnlyCodec('zstd', decompressZstandard);
}
