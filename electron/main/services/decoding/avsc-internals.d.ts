// Types for the one internal avsc module the fast JSON text reader uses (avsc has no `exports` map,
// so the deep path is reachable; pinned by the avsc version in package.json).
declare module 'avsc/lib/utils.js' {
  /** avsc's reader/writer over a Buffer; its methods never throw on overflow, `pos` just moves past the end. */
  interface AvscTapConstructor {
    new (buf: Buffer, pos?: number): { buf: Buffer; pos: number };
  }
  const utils: { Tap: AvscTapConstructor };
  export default utils;
}
