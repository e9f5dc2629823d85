// Types for the compression packages that ship none (see kafka/protocol/compression-codecs.ts).

declare module 'zstd-codec' {
  const zstdCodec: {
    ZstdCodec: { run(onReady: (zstd: { Simple: new () => { compress(input: Uint8Array, level?: number): Uint8Array | null } }) => void): void };
  };
  export default zstdCodec;
}

declare module 'lz4js/xxh32.js' {
  const xxh32: { hash(seed: number, source: Uint8Array, start: number, length: number): number };
  export default xxh32;
}

/** lz4js' main module again, for the block-level calls its frame writer uses. */
declare module 'lz4js/lz4.js' {
  const lz4Blocks: {
    compressBound(length: number): number;
    /** Compresses src[start, start + length) into dst from 0; returns the compressed size (0: not compressible). */
    compressBlock(src: Uint8Array, dst: Uint8Array, start: number, length: number, hashTable: Uint32Array): number;
  };
  export default lz4Blocks;
}
