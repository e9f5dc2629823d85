// avro-js (the Apache Avro project's JavaScript implementation) ships no types; tests use its schema
// module (the package index also loads a deprecated validator needing an undeclared 'underscore') only
// as an independent decoder of what avsc encodes.
declare module 'avro-js/lib/schemas.js' {
  interface AvroJsType {
    fromBuffer(buffer: Buffer): Record<string, unknown>;
    toBuffer(value: unknown): Buffer;
  }
  export function createType(schema: unknown, options?: unknown): AvroJsType;
}
