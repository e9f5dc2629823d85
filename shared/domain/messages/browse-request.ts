// What the renderer may ask of the message browser, and the shapes of the rows, progress and summary
// it streams back (see the `messages:browse` stream). Offsets travel as decimal strings: they are int64.
import { z } from 'zod';

export const offsetStringSchema = z.string().regex(/^\d{1,19}$/, 'an offset is a non-negative integer');

export const BROWSE_LIMIT_MAX = 10_000_000;
export const REGEX_PATTERN_MAX = 256;
export const SUBSTRING_PATTERN_MAX = 1024;
export const PREVIEW_BYTES_DEFAULT = 16 * 1024;

export const browseStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beginning') }),
  z.object({ kind: z.literal('end') }),
  z.object({ kind: z.literal('offset'), offset: offsetStringSchema }),
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().nonnegative() }),
  /** The last N records of every selected partition. */
  z.object({ kind: z.literal('last'), count: z.number().int().min(1).max(1_000_000) }),
]);

const textFilterSchema = z
  .object({
    kind: z.literal('text'),
    target: z.enum(['key', 'value', 'header', 'any']),
    /** Only for target 'header': match this header's value; omitted matches any header. */
    headerName: z.string().min(1).max(256).optional(),
    match: z.enum(['substring', 'regex']),
    pattern: z.string().min(1).max(SUBSTRING_PATTERN_MAX),
    caseSensitive: z.boolean().default(false),
    negate: z.boolean().default(false),
  })
  .refine((filter) => filter.match !== 'regex' || filter.pattern.length <= REGEX_PATTERN_MAX, {
    message: `a regular expression may be at most ${REGEX_PATTERN_MAX} characters`,
    path: ['pattern'],
  });

const jsonScalarSchema = z.union([z.string().max(SUBSTRING_PATTERN_MAX), z.number(), z.boolean(), z.null()]);

const jsonFieldFilterSchema = z
  .object({
    kind: z.literal('json-field'),
    target: z.enum(['key', 'value']).default('value'),
    /** Dotted path with array indexes, e.g. `order.items[0].sku`. */
    path: z.string().min(1).max(256),
    operator: z.enum(['=', '!=', '<', '<=', '>', '>=', 'exists']),
    value: jsonScalarSchema.optional(),
  })
  .refine((filter) => filter.operator === 'exists' || filter.value !== undefined, {
    message: 'this comparison needs a value',
    path: ['value'],
  });

const timeRangeFilterSchema = z
  .object({
    kind: z.literal('time-range'),
    /** Inclusive bounds in epoch milliseconds. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
  })
  .refine((filter) => filter.from === undefined || filter.to === undefined || filter.from <= filter.to, {
    message: 'from must not be after to',
  });

const partitionFilterSchema = z.object({
  kind: z.literal('partition'),
  partitions: z.array(z.number().int().nonnegative()).min(1).max(10_000),
});

export const browseFilterSchema = z.union([textFilterSchema, jsonFieldFilterSchema, timeRangeFilterSchema, partitionFilterSchema]);

export const browseRequestSchema = z
  .object({
    /** The connection profile to browse with; main resolves it to settings. */
    profileId: z.string().min(1),
    topic: z.string().min(1).max(249),
    partitions: z.union([z.literal('all'), z.array(z.number().int().nonnegative()).min(1).max(10_000)]).default('all'),
    start: browseStartSchema.default({ kind: 'beginning' }),
    direction: z.enum(['oldest-first', 'newest-first']).default('oldest-first'),
    /** Matching rows to send before stopping; live tail keeps going and ignores it. */
    limit: z.number().int().min(1).max(BROWSE_LIMIT_MAX).default(500),
    /** All must match. */
    filters: z.array(browseFilterSchema).max(16).default([]),
    /** Keep fetching at the end of the partitions until cancelled (oldest-first only). */
    liveTail: z.boolean().default(false),
    /** Bytes of each key, value and header shown in a row; the full message is fetched on demand. */
    previewBytes: z.number().int().min(64).max(1024 * 1024).default(PREVIEW_BYTES_DEFAULT),
  })
  .refine((request) => !request.liveTail || request.direction === 'oldest-first', {
    message: 'live tail reads oldest-first',
    path: ['liveTail'],
  });

export type BrowseStart = z.infer<typeof browseStartSchema>;
export type BrowseFilter = z.infer<typeof browseFilterSchema>;
export type TextFilter = z.infer<typeof textFilterSchema>;
export type JsonFieldFilter = z.infer<typeof jsonFieldFilterSchema>;
export type BrowseRequest = z.infer<typeof browseRequestSchema>;
export type BrowseRequestInput = z.input<typeof browseRequestSchema>;

export const decodedPayloadSchema = z.object({
  kind: z.enum(['json', 'text', 'binary']),
  text: z.string(),
  hexPreview: z.string().optional(),
  size: z.number().int().nonnegative(),
  truncated: z.boolean(),
  schema: z
    .object({
      format: z.literal('confluent'),
      schemaId: z.number().int().positive(),
      /** Set once the schema was fetched: what decoded this part. */
      type: z.enum(['AVRO', 'PROTOBUF', 'JSON']).optional(),
      subject: z.string().optional(),
      version: z.number().int().optional(),
      messageType: z.string().optional(),
      /** Why the part shows raw bytes: the schema could not be fetched, or the bytes do not match it. */
      problem: z.string().optional(),
      /** A JSON Schema message that parsed but does not validate against its schema. */
      validationErrors: z.array(z.string()).optional(),
    })
    .optional(),
});

export const browseRowSchema = z.object({
  partition: z.number().int().nonnegative(),
  offset: offsetStringSchema,
  timestamp: z.number().int(),
  timestampType: z.enum(['create', 'log-append']),
  key: decodedPayloadSchema.nullable(),
  value: decodedPayloadSchema.nullable(),
  headers: z.array(z.object({ key: z.string(), value: decodedPayloadSchema.nullable() })),
  /** Bytes of key, value and headers (keys + values) as stored. */
  sizes: z.object({ key: z.number().int(), value: z.number().int(), headers: z.number().int(), total: z.number().int() }),
  /** True when any part was cut to `previewBytes`; fetch the message in full to see all of it. */
  truncated: z.boolean(),
});

export const partitionPositionSchema = z.object({
  partition: z.number().int().nonnegative(),
  /** First offset of the range being read. */
  start: offsetStringSchema,
  /** End of the range (exclusive); null while live tailing. */
  end: offsetStringSchema.nullable(),
  /** Next offset to read (oldest-first) or the lowest offset read so far (newest-first). */
  position: offsetStringSchema,
  done: z.boolean(),
});

export const browseProgressSchema = z.object({
  scanned: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  /** Record bytes scanned (keys, values and headers). */
  bytes: z.number().int().nonnegative(),
  elapsedMs: z.number().int().nonnegative(),
  partitions: z.array(partitionPositionSchema),
  /**
   * The order rows are sent in. `timestamp`: merged across partitions by timestamp (oldest or newest
   * first), each partition in offset order, the limit counted in that order. `arrival`: live tail sends
   * rows as each partition delivers them (each partition in offset order, partitions interleaved as read).
   */
  order: z.enum(['timestamp', 'arrival']),
});

export const browseSummarySchema = browseProgressSchema.extend({
  /** Why the stream ended: every range read, or the row limit reached. */
  reason: z.enum(['end-of-range', 'limit']),
  /** Partitions where a start offset was asked past the partition's end offset, so nothing was there to read. */
  startPastEnd: z.array(z.object({ partition: z.number().int().nonnegative(), end: offsetStringSchema })).default([]),
});

export const fetchMessageRequestSchema = z.object({
  profileId: z.string().min(1),
  topic: z.string().min(1).max(249),
  partition: z.number().int().nonnegative(),
  offset: offsetStringSchema,
});

export type DecodedPayloadRow = z.infer<typeof decodedPayloadSchema>;
export type BrowseRow = z.infer<typeof browseRowSchema>;
export type PartitionPosition = z.infer<typeof partitionPositionSchema>;
export type BrowseProgress = z.infer<typeof browseProgressSchema>;
export type BrowseSummary = z.infer<typeof browseSummarySchema>;
export type BrowseOrder = BrowseProgress['order'];
export type FetchMessageRequest = z.infer<typeof fetchMessageRequestSchema>;
