// The shapes of lag over time: what the `groups:watch` stream sends while a screen watches groups, and
// what `groups:lag-history` answers from main's in-memory history. Main samples only while someone
// watches, keeps the last hour at full resolution, and evaluates each group's health (lag-health.ts)
// over a sliding window of the newest samples.
import { z } from 'zod';
import { groupHealthSchema, groupIdSchema, lagHealthVerdicts } from './group-schemas';

const profileId = z.string().min(1).max(128);
const rate = z.number().nonnegative().nullable();

export const DEFAULT_SAMPLE_INTERVAL_MS = 5_000;
export const DEFAULT_HEALTH_WINDOW_SAMPLES = 10;
export const HISTORY_RETENTION_MS = 3_600_000;

export const lagWatchRequestSchema = z.object({
  profileId,
  /** The groups to sample: the rows of the open list, or the one open group. */
  groupIds: z.array(groupIdSchema).min(1).max(10_000),
  /** How often main samples while this watch is open; several watches share the shortest interval. */
  intervalMs: z.number().int().min(200).max(300_000).default(DEFAULT_SAMPLE_INTERVAL_MS),
  /** Samples per partition the health verdict is evaluated over (Burrow's window). */
  windowSamples: z.number().int().min(2).max(720).default(DEFAULT_HEALTH_WINDOW_SAMPLES),
  /** One group's screen: also lag per topic (with write vs consumption rate) and per-partition verdicts. */
  detail: z.boolean().default(false),
});
export type LagWatchRequest = z.infer<typeof lagWatchRequestSchema>;

/** One point of a series; rates are records per second since the point before (null for the first, or across a reset). */
export const lagPointSchema = z.object({ at: z.number(), lag: z.number().nonnegative().nullable(), consumptionRate: rate, writeRate: rate });
export type LagPoint = z.infer<typeof lagPointSchema>;

export const topicLagSchema = z.object({ topic: z.string(), lag: z.number().nonnegative().nullable(), consumptionRate: rate, writeRate: rate });

export const partitionVerdictSchema = z.object({
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  committed: z.number().nullable(),
  end: z.number().nullable(),
  lag: z.number().nonnegative().nullable(),
  verdict: z.enum(lagHealthVerdicts),
  reason: z.string(),
  catchUpSeconds: z.number().nonnegative().nullable(),
});

/** One group at one sample. */
export const groupLagFrameSchema = z.object({
  groupId: z.string(),
  at: z.number(),
  members: z.number().int().nonnegative().nullable(),
  lag: z.number().nonnegative().nullable(),
  maxLag: z.number().nonnegative().nullable(),
  consumptionRate: rate,
  writeRate: rate,
  health: groupHealthSchema,
  /** Why this group could not be sampled this time (not authorized, coordinator moving); the others still are. */
  error: z.string().nullable(),
  /** `detail` watches only. */
  topics: z.array(topicLagSchema).optional(),
  partitions: z.array(partitionVerdictSchema).optional(),
});
export type GroupLagFrame = z.infer<typeof groupLagFrameSchema>;

export const topicSeriesSchema = z.object({ topic: z.string(), points: z.array(lagPointSchema) });

/** A group's history as main holds it. */
export const lagHistorySchema = z.object({
  groupId: z.string(),
  intervalMs: z.number().int().positive().nullable(),
  points: z.array(lagPointSchema),
  /** Kept while the group is watched with `detail`. */
  topics: z.array(topicSeriesSchema),
  /** Whether main is sampling the group right now (someone watches it). */
  sampling: z.boolean(),
});
export type LagHistory = z.infer<typeof lagHistorySchema>;

/**
 * Items of `groups:watch`: first the history main already holds for each watched group (detail watches
 * only; a list would get thousands of series), then one `sample` item per tick with every watched group.
 */
export const lagWatchItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('history'), history: lagHistorySchema }),
  z.object({ kind: z.literal('sample'), at: z.number(), groups: z.array(groupLagFrameSchema) }),
]);
export type LagWatchItem = z.infer<typeof lagWatchItemSchema>;

/** Sent when samples had to be dropped because the screen did not take them fast enough. */
export const lagWatchProgressSchema = z.object({ samples: z.number().int().nonnegative(), dropped: z.number().int().nonnegative() });
export const lagWatchSummarySchema = z.object({ samples: z.number().int().nonnegative(), dropped: z.number().int().nonnegative() });

export const lagHistoryRequestSchema = z.object({ profileId, groupId: groupIdSchema });
