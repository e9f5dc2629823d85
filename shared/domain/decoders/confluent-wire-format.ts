// The Confluent Schema Registry wire format: magic byte 0, a 4-byte big-endian schema id, then the
// serialized body (Avro, Protobuf with message indexes, or JSON). Decoding the body with the schema
// arrives with the Schema Registry feature; `SchemaResolver` is the hook it plugs into.
import type { DecodedPayload } from './payload';

export interface ConfluentWireFormat {
  schemaId: number;
  payload: Uint8Array;
}

const MAGIC_BYTE = 0;
const HEADER_BYTES = 5;

export function parseConfluentWireFormat(bytes: Uint8Array): ConfluentWireFormat | null {
  if (bytes.length < HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return null;
  const schemaId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  // Registry ids are positive int32s; id 0 or a negative int32 means these are just bytes starting with 0.
  if (schemaId === 0 || schemaId > 0x7fffffff) return null;
  return { schemaId, payload: bytes.subarray(HEADER_BYTES) };
}

/**
 * Decodes a registry-encoded body with its schema. Absent until the Schema Registry feature exists;
 * callers then keep the auto-detected result. Returns null when it cannot decode this schema.
 */
export interface SchemaResolver {
  decode(schemaId: number, payload: Uint8Array): Promise<Pick<DecodedPayload, 'kind' | 'text'> | null>;
}
