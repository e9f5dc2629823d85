// What the renderer may ask of a message export (the `messages:export` stream): the browse request's
// range and filters, a format, and an optional row limit. Values are always written in full.
import { z } from 'zod';
import { BROWSE_LIMIT_MAX, browseRequestSchema } from './browse-request';

const browse = browseRequestSchema.shape;

export const exportFormatSchema = z.enum(['jsonl', 'csv']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportRequestSchema = z.object({
  profileId: browse.profileId,
  topic: browse.topic,
  partitions: browse.partitions,
  start: browse.start,
  direction: browse.direction,
  filters: browse.filters,
  /** Matching records to write; omitted writes every match up to the end offsets seen when the export starts. */
  limit: z.number().int().min(1).max(BROWSE_LIMIT_MAX).optional(),
  format: exportFormatSchema,
  /**
   * Also write registry-encoded keys and values decoded through the profile's Schema Registry
   * (`keyDecoded`/`valueDecoded` beside the raw bytes, which stay as stored so the file can be produced back).
   */
  decode: z.boolean().default(false),
});

export const exportProgressSchema = z.object({
  scanned: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  /** Bytes written to the file so far. */
  bytes: z.number().int().nonnegative(),
});

export const exportSummarySchema = exportProgressSchema.extend({
  /** Where the file was saved; null when the user closed the save dialog. */
  path: z.string().nullable(),
  /** True when nothing was written because the save dialog was cancelled. */
  cancelled: z.boolean(),
});

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;
export type ExportProgress = z.infer<typeof exportProgressSchema>;
export type ExportSummary = z.infer<typeof exportSummarySchema>;
