// What every registry schema type compiles to: a codec from the body after the 5-byte header to a
// readable JSON value and back. Codecs are compiled once per schema id and reused for every message.

export type SchemaTypeName = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A schema as the registry gives it, references resolved (structurally the registry client's ResolvedSchema). */
export interface SchemaDocument {
  type: SchemaTypeName;
  schema: string;
  references: ReadonlyArray<{ name: string; subject?: string; version?: number; schema: SchemaDocument }>;
}

export interface DecodedBody {
  /** Plain JSON data (no class instances that JSON cannot show, no bigint). */
  value: unknown;
  /** The value as compact JSON text, as shown and filtered. */
  text: string;
  /** Protobuf: the full name of the message type the index path named. */
  messageType?: string;
  /** JSON Schema: the value parsed but breaks these rules. */
  validationErrors?: string[];
}

export interface EncodeOptions {
  /** Protobuf: the message type to write (full name, with or without the leading dot); default: the schema's first message. */
  messageType?: string;
}

export interface SchemaCodec {
  readonly type: SchemaTypeName;
  /** Throws SchemaMismatchError when the bytes do not match the schema. */
  decode(body: Uint8Array): DecodedBody;
  /**
   * The same text as `decode` without building the value, where a codec can do that faster (browsing
   * shows only the text); throws as `decode` does.
   */
  decodeText?(body: Uint8Array): Omit<DecodedBody, 'value'>;
  /** The problems that keep `value` from being written with this schema, each naming where; empty when it fits. */
  validate(value: unknown, options?: EncodeOptions): string[];
  /** The body to put after the header; throws SchemaValidationError listing every problem. */
  encode(value: unknown, options?: EncodeOptions): Uint8Array;
}

/** The bytes are not what the schema describes (truncated, trailing bytes, wrong types, bad UTF-8). */
export class SchemaMismatchError extends Error {
  override readonly name = 'SchemaMismatchError';
}

/** The schema itself cannot be compiled (syntax, an unknown type, a missing import). */
export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
}

export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError';
  constructor(readonly problems: string[]) {
    super(`The value does not match the schema: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
