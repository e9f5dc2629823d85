// The JSON Lines format of exported messages, also accepted by bulk produce (see docs/message-export.md).
// Bytes that are valid UTF-8 are written as text, anything else as base64, so every record round-trips exactly.
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../decoders/binary';
import { offsetStringSchema } from './browse-request';

export const jsonlEncodingSchema = z.enum(['utf8', 'base64']);
export type JsonlEncoding = z.infer<typeof jsonlEncodingSchema>;

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const messageJsonlHeaderSchema = z
  .object({
    key: z.string(),
    value: z.string().nullable(),
    encoding: jsonlEncodingSchema.default('utf8'),
  })
  .strict()
  .refine((header) => header.encoding !== 'base64' || header.value === null || BASE64_PATTERN.test(header.value), {
    message: 'a base64 header value must be padded standard base64',
    path: ['value'],
  });

export const messageJsonlLineSchema = z
  .object({
    topic: z.string().min(1).max(249),
    partition: z.number().int().nonnegative(),
    /** Decimal string: offsets are int64 and would lose precision as JSON numbers. */
    offset: offsetStringSchema,
    timestamp: z.iso.datetime({ offset: true }),
    key: z.string().nullable(),
    keyEncoding: jsonlEncodingSchema.default('utf8'),
    value: z.string().nullable(),
    valueEncoding: jsonlEncodingSchema.default('utf8'),
    headers: z.array(messageJsonlHeaderSchema).default([]),
    /** Written by an export that decodes registry-encoded parts; informative only, never produced back. */
    keyDecoded: z.unknown().optional(),
    valueDecoded: z.unknown().optional(),
  })
  .strict()
  .refine((line) => line.keyEncoding !== 'base64' || line.key === null || BASE64_PATTERN.test(line.key), {
    message: 'a base64 key must be padded standard base64',
    path: ['key'],
  })
  .refine((line) => line.valueEncoding !== 'base64' || line.value === null || BASE64_PATTERN.test(line.value), {
    message: 'a base64 value must be padded standard base64',
    path: ['value'],
  });

export type MessageJsonlLine = z.infer<typeof messageJsonlLineSchema>;
export type MessageJsonlLineInput = z.input<typeof messageJsonlLineSchema>;

/**
 * A registry-encoded part as an export that decodes writes it beside the raw bytes: the schema and the
 * decoded value, or why it could not be decoded.
 */
export interface DecodedPart {
  schemaId: number;
  type?: 'AVRO' | 'PROTOBUF' | 'JSON';
  subject?: string;
  version?: number;
  messageType?: string;
  value?: unknown;
  problem?: string;
  validationErrors?: string[];
}

/** A record as read from Kafka, bytes untouched. */
export interface ExportableRecord {
  topic: string;
  partition: number;
  offset: string;
  /** Epoch milliseconds. */
  timestamp: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: ReadonlyArray<{ key: string; value: Uint8Array | null }>;
  /** Set by an export asked to decode: the registry-encoded key and value, decoded. */
  keyDecoded?: DecodedPart;
  valueDecoded?: DecodedPart;
}

// fatal: invalid UTF-8 must go to base64; ignoreBOM: a leading BOM is data and must survive the round trip.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** The bytes as text when they are valid UTF-8, otherwise as base64. */
export function encodeJsonlBytes(bytes: Uint8Array): { text: string; encoding: JsonlEncoding } {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytesToBase64(bytes), encoding: 'base64' };
  }
}

export function decodeJsonlBytes(text: string, encoding: JsonlEncoding): Uint8Array {
  if (encoding === 'utf8') return utf8Encoder.encode(text);
  if (!BASE64_PATTERN.test(text)) throw new Error('not padded standard base64');
  return base64ToBytes(text);
}

function encodeNullable(bytes: Uint8Array | null): { text: string | null; encoding: JsonlEncoding } {
  return bytes === null ? { text: null, encoding: 'utf8' } : encodeJsonlBytes(bytes);
}

export function toMessageJsonlLine(record: ExportableRecord): MessageJsonlLine {
  const key = encodeNullable(record.key);
  const value = encodeNullable(record.value);
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: new Date(record.timestamp).toISOString(),
    key: key.text,
    keyEncoding: key.encoding,
    value: value.text,
    valueEncoding: value.encoding,
    headers: record.headers.map((header) => {
      const encoded = encodeNullable(header.value);
      return { key: header.key, value: encoded.text, encoding: encoded.encoding };
    }),
    ...(record.keyDecoded ? { keyDecoded: record.keyDecoded } : {}),
    ...(record.valueDecoded ? { valueDecoded: record.valueDecoded } : {}),
  };
}

/** One line of the file, without the trailing newline. */
export function formatMessageJsonlLine(record: ExportableRecord): string {
  return JSON.stringify(toMessageJsonlLine(record));
}

/** Parses one line; throws a ZodError or SyntaxError naming what is wrong. */
export function parseMessageJsonlLine(line: string): MessageJsonlLine {
  return messageJsonlLineSchema.parse(JSON.parse(line));
}

/** The record bytes a parsed line stands for. */
export function messageJsonlLineBytes(line: MessageJsonlLine): {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: Array<{ key: string; value: Uint8Array | null }>;
} {
  return {
    key: line.key === null ? null : decodeJsonlBytes(line.key, line.keyEncoding),
    value: line.value === null ? null : decodeJsonlBytes(line.value, line.valueEncoding),
    headers: line.headers.map((header) => ({
      key: header.key,
      value: header.value === null ? null : decodeJsonlBytes(header.value, header.encoding),
    })),
  };
}
