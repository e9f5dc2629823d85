// The Confluent Schema Registry wire format: magic byte 0, a 4-byte big-endian schema id, then the
// serialized body (Avro binary, Protobuf with its message-index path first, or JSON text). Framing and
// the message-index varints live here, pure; decoding bodies with their schema is a `SchemaResolver`.
import type { DecodedPayload } from './payload';

export interface ConfluentWireFormat {
  schemaId: number;
  payload: Uint8Array;
}

const MAGIC_BYTE = 0;
export const CONFLUENT_HEADER_BYTES = 5;
const MAX_SCHEMA_ID = 0x7fffffff;

export function parseConfluentWireFormat(bytes: Uint8Array): ConfluentWireFormat | null {
  if (bytes.length < CONFLUENT_HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return null;
  const schemaId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  // Registry ids are positive int32s; id 0 or a negative int32 means these are just bytes starting with 0.
  if (schemaId === 0 || schemaId > MAX_SCHEMA_ID) return null;
  return { schemaId, payload: bytes.subarray(CONFLUENT_HEADER_BYTES) };
}

/** The header and body as one message value. */
export function frameConfluentWireFormat(schemaId: number, body: Uint8Array): Uint8Array {
  if (!Number.isInteger(schemaId) || schemaId < 1 || schemaId > MAX_SCHEMA_ID) throw new RangeError(`${schemaId} is not a schema id (a positive 32-bit integer).`);
  const framed = new Uint8Array(CONFLUENT_HEADER_BYTES + body.length);
  framed[0] = MAGIC_BYTE;
  framed[1] = schemaId >>> 24;
  framed[2] = (schemaId >>> 16) & 255;
  framed[3] = (schemaId >>> 8) & 255;
  framed[4] = schemaId & 255;
  framed.set(body, CONFLUENT_HEADER_BYTES);
  return framed;
}

export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

/** Indexes in a path are bounded: a real schema never nests messages this deep or this many. */
const MAX_MESSAGE_INDEXES = 64;

/**
 * Protobuf's message-index path after the header: a zig-zag varint count, then that many zig-zag
 * varint indexes (top-level message, then nested ones). A count of 0 is the common shorthand for [0].
 */
export function readMessageIndexes(body: Uint8Array): { indexes: number[]; bodyOffset: number } {
  let at = 0;
  const next = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (at >= body.length) throw new WireFormatError('the message-index path after the schema id ends early');
      const byte = body[at++]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new WireFormatError('a message index is longer than a 32-bit varint');
    }
    return (result >>> 1) ^ -(result & 1);
  };
  const count = next();
  if (count < 0 || count > MAX_MESSAGE_INDEXES) throw new WireFormatError(`the message-index path claims ${count} indexes`);
  if (count === 0) return { indexes: [0], bodyOffset: at };
  const indexes: number[] = [];
  for (let index = 0; index < count; index++) {
    const value = next();
    if (value < 0) throw new WireFormatError(`message index ${value} is negative`);
    indexes.push(value);
  }
  return { indexes, bodyOffset: at };
}

/** The message-index path as written before a Protobuf body ([0] as the single byte 0, like Confluent's serializer). */
export function writeMessageIndexes(indexes: readonly number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const bytes: number[] = [];
  const push = (value: number) => {
    let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
    while (zigzag > 0x7f) {
      bytes.push((zigzag & 0x7f) | 0x80);
      zigzag >>>= 7;
    }
    bytes.push(zigzag);
  };
  push(indexes.length);
  for (const index of indexes) push(index);
  return Uint8Array.from(bytes);
}

/** What a decoded registry-encoded part says about its schema (shown with every decoded message). */
export interface SchemaDescription {
  type: 'AVRO' | 'PROTOBUF' | 'JSON';
  subject?: string;
  version?: number;
  /** Protobuf: the full name of the message type the index path named. */
  messageType?: string;
}

/**
 * The outcome of decoding one registry-encoded part: its readable value, or why it could not be
 * decoded (the raw bytes are then shown with that reason).
 */
export type SchemaDecodeOutcome =
  | { ok: true; schema: SchemaDescription; value: unknown; text: string; validationErrors?: string[] }
  | { ok: false; schema?: SchemaDescription; problem: string };

/** The same outcome without the value, for showing a part (browsing needs only its text). */
export type SchemaTextOutcome =
  | { ok: true; schema: SchemaDescription; text: string; validationErrors?: string[] }
  | { ok: false; schema?: SchemaDescription; problem: string };

/**
 * Decodes registry-encoded bodies for the browse path. Synchronous once the id is loaded, so browsing
 * does not pay a promise per record: `decode` returns undefined for an id not loaded yet, and the
 * caller awaits `load(id)` (which never rejects: a failure is remembered and `decode` reports it).
 */
export interface SchemaResolver {
  decode(schemaId: number, body: Uint8Array): SchemaDecodeOutcome | undefined;
  /** As `decode`, for display only: may skip building the value (faster for every browsed record). */
  decodeText?(schemaId: number, body: Uint8Array): SchemaTextOutcome | undefined;
  /** True when `decode` answers for this id without a `load` first. */
  ready(schemaId: number): boolean;
  /**
   * Fetches and compiles the id. `signal`: the asking view's; the fetch is aborted once every view that
   * asked with a signal has aborted (then the id is simply not loaded, and a later load asks again).
   */
  load(schemaId: number, signal?: AbortSignal): Promise<void>;
}

/** The payload fields a resolver's outcome sets on a row part. */
export type SchemaPayloadFields = Pick<DecodedPayload, 'kind' | 'text' | 'schema' | 'hexPreview' | 'truncated'>;
