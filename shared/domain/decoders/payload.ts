// Turning raw key, value and header bytes into something a person can read, without ever throwing or
// mangling bytes: anything that is not valid, printable UTF-8 is shown as binary (base64 + hex).
// Pure: Uint8Array and TextDecoder only, so main decodes rows and the renderer can re-decode.
import { bytesToBase64, bytesToHex } from './binary';
import { parseConfluentWireFormat, type SchemaDescription, type SchemaTextOutcome } from './confluent-wire-format';

export type PayloadKind = 'json' | 'text' | 'binary';

export interface DecodedPayload {
  kind: PayloadKind;
  /** Text or JSON as written (possibly cut at `maxPreviewBytes`); base64 of the preview bytes for binary. */
  text: string;
  /** Hex of the first bytes, for binary payloads only. */
  hexPreview?: string;
  /** Size of the whole payload in bytes. */
  size: number;
  /** True when `text` covers only the first `maxPreviewBytes` bytes. */
  truncated: boolean;
  /** Set when the bytes carry the Confluent Schema Registry header (magic 0 + 4-byte schema id). */
  schema?: PayloadSchema;
}

/**
 * The registry header and, once a resolver looked at it, the schema it names and how decoding went:
 * `problem` (in words) when the schema could not be fetched or the bytes do not match it (the payload
 * then shows the raw bytes), `validationErrors` when a JSON Schema message decodes but does not validate.
 */
export interface PayloadSchema extends Partial<SchemaDescription> {
  format: 'confluent';
  schemaId: number;
  problem?: string;
  validationErrors?: string[];
}

export interface DecodeOptions {
  /** Bytes kept in `text`; larger payloads are cut (on a character boundary for text). */
  maxPreviewBytes: number;
  /**
   * Faster base64 and hex with the same output (main passes Buffer-based ones: binary parts of every
   * browsed record are encoded); the portable ones otherwise.
   */
  encoders?: BinaryEncoders;
}

export interface BinaryEncoders {
  base64(bytes: Uint8Array): string;
  /** As `bytesToHex`: lower-case, a space between bytes. */
  hex(bytes: Uint8Array): string;
}

const portableEncoders: BinaryEncoders = { base64: bytesToBase64, hex: bytesToHex };

export const HEX_PREVIEW_BYTES = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 decoded, or null; never throws. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

// C0 controls other than tab, line feed and carriage return, DEL, and C1 controls: not "text".
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function isPrintableText(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text);
}

/**
 * The same test on UTF-8 bytes, before decoding. It runs for every key, value and header browsed, so
 * it checks four bytes at a time: a word with no byte below 0x20, no 0x7f and no high bit (plain
 * printable ASCII) is skipped; only other words are looked at byte by byte. Several times faster than
 * the regular expression over the decoded string.
 */
export function hasControlCharacters(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let index = 0;
  const head = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  for (; index < head; index++) if (isControlAt(bytes, index)) return true;
  const wordCount = (length - index) >>> 2;
  if (wordCount > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + index, wordCount);
    for (let word = 0; word < wordCount; word++) {
      const value = words[word]!;
      const delFree = value ^ 0x7f7f7f7f;
      const anyBelowSpace = (value - 0x20202020) & ~value & 0x80808080;
      const anyDel = (delFree - 0x01010101) & ~delFree & 0x80808080;
      if ((anyBelowSpace | anyDel | (value & 0x80808080)) === 0) continue;
      const first = index + word * 4;
      for (let at = first; at < first + 4; at++) if (isControlAt(bytes, at)) return true;
    }
    index += wordCount * 4;
  }
  for (; index < length; index++) if (isControlAt(bytes, index)) return true;
  return false;
}

function isControlAt(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index]!;
  if (byte < 0x20) return byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;
  if (byte === 0x7f) return true;
  // C1 controls U+0080-U+009F are encoded C2 80 - C2 9F.
  if (byte === 0xc2) {
    const next = bytes[index + 1] ?? 0;
    return next >= 0x80 && next <= 0x9f;
  }
  return false;
}

/** A JSON object or array (scalars such as `42` or `"x"` read better as plain text). */
export function parseJsonDocument(text: string): unknown {
  const first = firstNonSpace(text);
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function prettyJson(text: string): string | null {
  const parsed = parseJsonDocument(text);
  return parsed === undefined ? null : JSON.stringify(parsed, null, 2);
}

/**
 * Auto-detects and decodes a payload: JSON if the whole payload parses as an object or array, text if it
 * is valid, printable UTF-8, else binary. A Confluent wire-format header is reported and its body decoded.
 */
export function decodePayload(bytes: Uint8Array, options: DecodeOptions): DecodedPayload {
  const wire = parseConfluentWireFormat(bytes);
  if (wire) {
    // The body is shown, the size is the whole part's; built in place rather than spread into a copy per part.
    const payload = decodeBody(wire.payload, options, bytes.length);
    payload.schema = { format: 'confluent', schemaId: wire.schemaId };
    return payload;
  }
  return decodeBody(bytes, options, bytes.length);
}

/**
 * The part as a resolver decoded it: the readable value as JSON text (cut to the preview size), or the
 * whole raw bytes as binary with the reason when decoding failed.
 */
export function withSchemaOutcome(bytes: Uint8Array, schemaId: number, outcome: SchemaTextOutcome, options: DecodeOptions): DecodedPayload {
  const size = bytes.length;
  if (outcome.ok) {
    const truncated = outcome.text.length > options.maxPreviewBytes;
    let schema: PayloadSchema;
    if (outcome.validationErrors && outcome.validationErrors.length > 0) {
      schema = { format: 'confluent', schemaId, ...outcome.schema, validationErrors: outcome.validationErrors };
    } else {
      schema = sharedPayloadSchema(schemaId, outcome.schema);
    }
    return { kind: 'json', text: truncated ? outcome.text.slice(0, options.maxPreviewBytes) : outcome.text, size, truncated, schema };
  }
  const truncated = size > options.maxPreviewBytes;
  const encoders = options.encoders ?? portableEncoders;
  return {
    kind: 'binary',
    text: encoders.base64(truncated ? bytes.subarray(0, options.maxPreviewBytes) : bytes),
    hexPreview: encoders.hex(bytes.length > HEX_PREVIEW_BYTES ? bytes.subarray(0, HEX_PREVIEW_BYTES) : bytes),
    size,
    truncated,
    schema: { format: 'confluent', schemaId, ...outcome.schema, problem: outcome.problem },
  };
}

/**
 * The same description for every row decoded with one schema: one object per schema rather than a
 * spread copy per browsed record. Rows leave main as structured clones, so sharing it is not visible.
 */
const payloadSchemas = new WeakMap<SchemaDescription, PayloadSchema>();
function sharedPayloadSchema(schemaId: number, description: SchemaDescription): PayloadSchema {
  const known = payloadSchemas.get(description);
  if (known !== undefined && known.schemaId === schemaId) return known;
  const schema: PayloadSchema = { format: 'confluent', schemaId, ...description };
  payloadSchemas.set(description, schema);
  return schema;
}

function decodeBody(bytes: Uint8Array, options: DecodeOptions, size: number): DecodedPayload {
  const maxPreviewBytes = options.maxPreviewBytes;
  const truncated = bytes.length > maxPreviewBytes;
  const whole = hasControlCharacters(bytes) ? null : decodeUtf8(bytes);
  if (whole !== null) {
    if (!truncated) {
      return { kind: parseJsonDocument(whole) === undefined ? 'text' : 'json', text: whole, size, truncated };
    }
    // Too large to parse for every row: it is JSON if it starts like a document; the full fetch parses it.
    const first = firstNonSpace(whole);
    const text = decodeUtf8(bytes.subarray(0, characterBoundary(bytes, maxPreviewBytes))) ?? '';
    return { kind: first === '{' || first === '[' ? 'json' : 'text', text, size, truncated };
  }
  const preview = truncated ? bytes.subarray(0, maxPreviewBytes) : bytes;
  const encoders = options.encoders ?? portableEncoders;
  return {
    kind: 'binary',
    text: encoders.base64(preview),
    hexPreview: encoders.hex(bytes.length > HEX_PREVIEW_BYTES ? bytes.subarray(0, HEX_PREVIEW_BYTES) : bytes),
    size,
    truncated,
  };
}

/** The largest cut at or below `limit` that does not split a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function characterBoundary(bytes: Uint8Array, limit: number): number {
  let cut = Math.min(limit, bytes.length);
  while (cut > 0 && cut < bytes.length && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}

function firstNonSpace(text: string): string | undefined {
  for (let index = 0; index < text.length && index < 1024; index++) {
    const char = text[index]!;
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t' && char !== '\uFEFF') return char;
  }
  return undefined;
}
