// What the renderer may ask the producer to write, and how one line of a bulk-produce file becomes a
// record. Payloads cross IPC as text only; the bytes of a re-produced message never leave main.
// Registry serialization: `valueFormat: 'schema'` (or a `keySchema`) names a subject and version whose
// schema main encodes the JSON text with (Confluent wire format); `messages:produce-preview` checks the
// same text against the same schema before anything is sent.
import { parse as parseLosslessJson } from 'lossless-json';
import { z } from 'zod';
import { decodeJsonlBytes, jsonlEncodingSchema } from './message-jsonl';
import { offsetStringSchema } from './browse-request';

export const compressionTypes = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionType = (typeof compressionTypes)[number];

/** `all` waits for every in-sync replica, `leader` for the leader only, `none` for nothing. */
export const ackModes = ['all', 'leader', 'none'] as const;
export type AckMode = (typeof ackModes)[number];

export const payloadFormats = ['text', 'json', 'schema'] as const;
export type PayloadFormat = (typeof payloadFormats)[number];

/** Text typed into the producer; Kafka's own default limit is 1 MiB, so anything far larger is a mistake. */
export const PRODUCE_TEXT_MAX = 16 * 1024 * 1024;
export const PRODUCE_HEADERS_MAX = 1_000;

const topicName = z.string().min(1).max(249);
const profileId = z.string().min(1).max(128);
const partitionNumber = z.number().int().nonnegative().max(1_000_000);

export const produceHeaderSchema = z.object({
  key: z.string().min(1, 'a header needs a name').max(1024),
  value: z.string().max(PRODUCE_TEXT_MAX),
});
export type ProduceHeader = z.infer<typeof produceHeaderSchema>;

const deliveryShape = {
  compression: z.enum(compressionTypes).default('none'),
  acks: z.enum(ackModes).default('all'),
  /** Kafka's default since 3.0: retries cannot duplicate or reorder records. */
  idempotent: z.boolean().default(true),
};

export const IDEMPOTENCE_NEEDS_ACKS_ALL =
  'An idempotent producer needs acks=all: Kafka only guarantees no duplicates when every in-sync replica has the record. Choose acks=all or turn idempotence off.';

function checkDelivery(request: { acks: AckMode; idempotent: boolean }, context: z.RefinementCtx): void {
  if (request.idempotent && request.acks !== 'all') context.addIssue({ code: 'custom', message: IDEMPOTENCE_NEEDS_ACKS_ALL, path: ['acks'] });
}

/** The registry schema to encode a JSON value with: a subject's version, or its latest. */
export const schemaChoiceSchema = z.object({
  subject: z.string().min(1).max(1024),
  version: z.union([z.number().int().positive(), z.literal('latest')]).default('latest'),
  /** Protobuf: which message type of the schema (full name); default its first message. */
  messageType: z.string().min(1).max(1024).optional(),
});
export type SchemaChoice = z.infer<typeof schemaChoiceSchema>;

function checkSchemaPart(part: 'key' | 'value', text: string | null, schema: SchemaChoice | undefined, context: z.RefinementCtx): void {
  if (schema === undefined) return;
  if (text === null) {
    context.addIssue({ code: 'custom', message: `A null ${part} is written as null, not with a schema: clear the ${part} schema or give a value.`, path: [`${part}Schema`] });
    return;
  }
  const problem = findJsonProblem(text);
  if (problem) context.addIssue({ code: 'custom', message: `The ${part} is encoded with a schema, so it must be JSON: ${problem.message}`, path: [part] });
}

export const produceRequestSchema = z
  .object({
    profileId,
    topic: topicName,
    /** Null: no key, so the default partitioner spreads records (sticky per batch). */
    key: z.string().max(PRODUCE_TEXT_MAX).nullable().default(null),
    /** Null writes a tombstone (deletes the key on a compacted topic). */
    value: z.string().max(PRODUCE_TEXT_MAX).nullable(),
    /**
     * `json` checks the value parses before anything is sent; the text is written as typed. `schema`
     * encodes the JSON value with `valueSchema` from the profile's registry.
     */
    valueFormat: z.enum(payloadFormats).default('text'),
    valueSchema: schemaChoiceSchema.optional(),
    /** Encodes the key (JSON text) with this registry schema; omitted writes the key as typed. */
    keySchema: schemaChoiceSchema.optional(),
    headers: z.array(produceHeaderSchema).max(PRODUCE_HEADERS_MAX).default([]),
    /** Null: the partition follows from the key (murmur2, like the Java client). */
    partition: partitionNumber.nullable().default(null),
    ...deliveryShape,
  })
  .superRefine((request, context) => {
    checkDelivery(request, context);
    if (request.valueFormat === 'json' && request.value !== null) {
      const problem = findJsonProblem(request.value);
      if (problem) context.addIssue({ code: 'custom', message: `The value is not valid JSON: ${problem.message}`, path: ['value'] });
    }
    if (request.valueFormat === 'schema' && request.valueSchema === undefined) {
      context.addIssue({ code: 'custom', message: 'Choose the subject (and version) to encode the value with.', path: ['valueSchema'] });
    }
    if (request.valueFormat !== 'schema' && request.valueSchema !== undefined) {
      context.addIssue({ code: 'custom', message: "A value schema is only used with valueFormat 'schema'.", path: ['valueSchema'] });
    }
    if (request.valueFormat === 'schema') checkSchemaPart('value', request.value, request.valueSchema, context);
    checkSchemaPart('key', request.key, request.keySchema, context);
  });
export type ProduceRequest = z.infer<typeof produceRequestSchema>;
export type ProduceRequestInput = z.input<typeof produceRequestSchema>;

export const produceResultSchema = z.object({
  topic: z.string(),
  /** Null with acks=none and a key-based partition: the broker does not answer, so neither is known. */
  partition: z.number().int().nullable(),
  /** Null with acks=none: the broker does not answer, so the offset is unknown. */
  offset: offsetStringSchema.nullable(),
  /** The record's timestamp (epoch ms) as written. */
  timestamp: z.number().int(),
});
export type ProduceResult = z.infer<typeof produceResultSchema>;

/** Checks JSON text against a registry schema without producing (the producer form's live validation). */
export const producePreviewRequestSchema = z.object({
  profileId,
  /** The topic the message would go to (tenancy checks it like producing). */
  topic: topicName,
  part: z.enum(['key', 'value']).default('value'),
  schema: schemaChoiceSchema,
  text: z.string().max(PRODUCE_TEXT_MAX),
});
export type ProducePreviewRequest = z.infer<typeof producePreviewRequestSchema>;
export type ProducePreviewRequestInput = z.input<typeof producePreviewRequestSchema>;

export const producePreviewResultSchema = z.object({
  /** The schema the text was checked against (what `latest` meant just now). */
  schemaId: z.number().int().positive(),
  subject: z.string(),
  version: z.number().int().nullable(),
  type: z.enum(['AVRO', 'PROTOBUF', 'JSON']),
  messageType: z.string().optional(),
  /** Every reason the text cannot be written with this schema, each naming where; empty when it can. */
  problems: z.array(z.string()),
  /** Bytes the encoded message would take (header included); null when there are problems. */
  size: z.number().int().nullable(),
  /** Hex of the first encoded bytes; null when there are problems. */
  hexPreview: z.string().nullable(),
});
export type ProducePreviewResult = z.infer<typeof producePreviewResultSchema>;

export const reproduceRequestSchema = z
  .object({
    profileId,
    source: z.object({ topic: topicName, partition: partitionNumber, offset: offsetStringSchema }),
    targetTopic: topicName,
    /** `same`: the source's partition number; `key`: chosen from the key like any new record. */
    partition: z.union([z.literal('same'), z.literal('key'), partitionNumber]).default('key'),
    /** Keep the source's timestamp instead of stamping the time of the re-produce. */
    keepTimestamp: z.boolean().default(false),
    /** Each replaces every source header of the same name, or is added. */
    headers: z.array(produceHeaderSchema).max(PRODUCE_HEADERS_MAX).default([]),
    ...deliveryShape,
  })
  .superRefine(checkDelivery);
export type ReproduceRequest = z.infer<typeof reproduceRequestSchema>;
export type ReproduceRequestInput = z.input<typeof reproduceRequestSchema>;

export const produceFileRequestSchema = z
  .object({
    profileId,
    topic: topicName,
    /** `key`: from each line's key; `file`: each line's `partition` (key-based where a line has none); or one partition for all. */
    partition: z.union([z.literal('key'), z.literal('file'), partitionNumber]).default('key'),
    /** Use each line's `timestamp` where it has one; otherwise every record gets the time it is sent. */
    keepTimestamps: z.boolean().default(false),
    ...deliveryShape,
  })
  .superRefine(checkDelivery);
export type ProduceFileRequest = z.infer<typeof produceFileRequestSchema>;
export type ProduceFileRequestInput = z.input<typeof produceFileRequestSchema>;

/** Bad lines reported in the summary; the rest are counted only. */
export const PRODUCE_FILE_ERRORS_KEPT = 50;
/** Line numbers kept per unused field. */
export const PRODUCE_FILE_UNUSED_LINES_KEPT = 10;

export const produceFileProgressSchema = z.object({
  /** Lines read so far, blank ones included, so a line number can be found in an editor. */
  lines: z.number().int(),
  produced: z.number().int(),
  failed: z.number().int(),
  /** Bytes of the file read so far, against `totalBytes`. */
  bytes: z.number().int(),
  totalBytes: z.number().int(),
});
export type ProduceFileProgress = z.infer<typeof produceFileProgressSchema>;

export const produceFileSummarySchema = z.object({
  /** Null when the open dialog was cancelled: nothing was read. */
  path: z.string().nullable(),
  lines: z.number().int(),
  produced: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /**
   * Line fields the chosen mode did not use (a line's `partition` in key-based or one-partition mode, its
   * `timestamp` without keep-timestamps): those records were produced, but not as the line says.
   */
  unused: z
    .array(
      z.object({
        field: z.enum(['partition', 'timestamp']),
        /** Lines that had the field. */
        lines: z.number().int(),
        /** The first of them, for finding them in an editor. */
        firstLines: z.array(z.number().int()),
        message: z.string(),
      }),
    )
    .default([]),
});
export type ProduceFileSummary = z.infer<typeof produceFileSummarySchema>;

/** One record from a file line, bytes ready for Kafka. */
export interface ProduceLineRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: Array<{ key: string; value: Uint8Array | null }>;
  partition?: number;
  /** Epoch milliseconds. */
  timestamp?: number;
}

export class ProduceLineError extends Error {
  override readonly name = 'ProduceLineError';
}

const encoder = new TextEncoder();

/** A JSON value as text: strings stay as they are, anything else becomes compact JSON. */
const payloadText = (value: unknown): string | null => (value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

// Lines come from JSON.parse, so every value is JSON already: z.unknown() spares re-checking it (a third of the parse time).
const jsonValue = z.unknown().optional();
const headerListSchema = z.array(
  z.object({ key: z.string().min(1, 'a header needs a name'), value: jsonValue, encoding: jsonlEncodingSchema.default('utf8') }).strict(),
);
const headerMapSchema = z.record(z.string().min(1, 'a header needs a name'), jsonValue);

/**
 * A bulk-produce line: the export format (shared/domain/messages/message-jsonl.ts) or the convenient
 * form where `key`, `value` and header values may be any JSON (non-strings written as compact JSON)
 * and `headers` may be an object `{name: value}` (an array value repeats the header).
 */
const produceLineSchema = z
  .object({
    topic: z.string().optional(),
    partition: z.number().int().nonnegative().optional(),
    offset: z.union([offsetStringSchema, z.number().int().nonnegative()]).optional(),
    timestamp: z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]).optional(),
    key: jsonValue,
    keyEncoding: jsonlEncodingSchema.default('utf8'),
    value: jsonValue,
    valueEncoding: jsonlEncodingSchema.default('utf8'),
    headers: z.union([headerListSchema, headerMapSchema]).default([]),
    // What a decoding export writes beside the bytes; the bytes are what is produced.
    keyDecoded: jsonValue,
    valueDecoded: jsonValue,
  })
  .strict()
  .refine((line) => line.value !== undefined, { message: 'a line needs a "value" (null for a tombstone)', path: ['value'] });

/** Parses one non-blank line; throws ProduceLineError saying what is wrong and where. */
export function parseProduceLine(line: string): ProduceLineRecord {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    const problem = findJsonProblem(line) ?? { message: (error as Error).message };
    throw new ProduceLineError(`not valid JSON: ${problem.message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ProduceLineError('a line must be a JSON object with at least a "value"');
  const parsed = produceLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message;
    throw new ProduceLineError(`${where}${message}`);
  }
  const data = parsed.data;
  const bytes = (field: string, value: unknown, encoding: 'utf8' | 'base64'): Uint8Array | null => {
    const text = payloadText(value ?? null);
    if (text === null) return null;
    if (encoding === 'base64' && typeof value !== 'string') throw new ProduceLineError(`${field}: a base64 payload must be a string`);
    try {
      return encoding === 'utf8' ? encoder.encode(text) : decodeJsonlBytes(text, 'base64');
    } catch (error) {
      throw new ProduceLineError(`${field}: ${(error as Error).message}`);
    }
  };
  const headers = Array.isArray(data.headers)
    ? data.headers.map((header, index) => ({ key: header.key, value: bytes(`headers.${index}.value`, header.value, header.encoding) }))
    : Object.entries(data.headers).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((entry) => ({ key, value: bytes(`headers.${key}`, entry, 'utf8') })));
  const record: ProduceLineRecord = {
    key: bytes('key', data.key, data.keyEncoding),
    value: bytes('value', data.value, data.valueEncoding),
    headers,
  };
  if (data.partition !== undefined) record.partition = data.partition;
  if (data.timestamp !== undefined) record.timestamp = typeof data.timestamp === 'number' ? data.timestamp : Date.parse(data.timestamp);
  return record;
}

/** Where JSON text stops parsing, as a message with line and column (1-based); null when it parses. */
export function findJsonProblem(text: string): { message: string; line: number; column: number } | null {
  try {
    JSON.parse(text);
    return null;
  } catch {
    // Engines word JSON.parse errors differently and some omit the position; lossless-json always names it.
    let reason = 'not valid JSON';
    let index = text.length;
    try {
      parseLosslessJson(text);
    } catch (error) {
      const found = /^(.*) at position (\d+)$/.exec((error as Error).message);
      if (found) {
        reason = found[1]!;
        index = Number(found[2]);
      }
    }
    const before = text.slice(0, index);
    const line = before.split('\n').length;
    const column = index - before.lastIndexOf('\n');
    return { message: `${reason} at line ${line}, column ${column}`, line, column };
  }
}
