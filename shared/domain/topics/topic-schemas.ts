// The shapes topic management sends over IPC: the streamed list, the detail view and the actions.
import { z } from 'zod';
import { checkTopicName } from './topic-names';

const count = z.number().int().nonnegative();

export const topicListPhases = ['metadata', 'sizes', 'offsets', 'lag', 'rates'] as const;
export type TopicListPhase = (typeof topicListPhases)[number];

/** One row of the topic list; null means "not known yet" (or not available to this principal). */
export const topicRowSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: count,
  replicationFactor: count,
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicated: count,
  /** Partitions without a leader. */
  offline: count,
  /** Bytes on disk over every replica (DescribeLogDirs). */
  sizeBytes: z.number().nonnegative().nullable(),
  /** Sum of end − start offsets: approximate (compaction and transaction markers). */
  messages: z.number().nonnegative().nullable(),
  /** Messages per second between two samples of the end offsets. */
  writeRate: z.number().nonnegative().nullable(),
  /**
   * Sum over the groups with committed offsets on the topic of their lag on it (the groups service's
   * numbers); null: no group commits on it. Absent until the lag phase.
   */
  consumerLag: z.number().nonnegative().nullable().optional(),
});
export type TopicRow = z.infer<typeof topicRowSchema>;

/** The metadata phase sends whole rows; later phases send patches keyed by name. */
export const topicListItemSchema = topicRowSchema.partial().required({ name: true });
export type TopicListItem = z.infer<typeof topicListItemSchema>;

export const topicListRequestSchema = z.object({
  profileId: z.string().min(1).max(128),
  /** Gap between the two end-offset samples behind the write rate; 0 skips rates. */
  rateSampleMs: z.number().int().min(0).max(30_000).default(1_000),
});

export const topicListProgressSchema = z.object({ phase: z.enum(topicListPhases), done: count, total: count });

export const topicListSummarySchema = z.object({
  topics: count,
  partitions: count,
  /** Milliseconds from the request to the end of each phase. */
  phaseMs: z.partialRecord(z.enum(topicListPhases), z.number().nonnegative()),
  /** Phases that could not run in full (e.g. no right to DescribeLogDirs); the rows stay usable. */
  warnings: z.array(z.string()),
});

export const topicPartitionDetailSchema = z.object({
  partition: count,
  leader: z.number().int(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  startOffset: z.number().nullable(),
  endOffset: z.number().nullable(),
  sizeBytes: z.number().nonnegative().nullable(),
});

export const topicConfigEntrySchema = z.object({
  name: z.string(),
  /** null when the broker masks it (sensitive) or has no value. */
  value: z.string().nullable(),
  /** Set on this topic, as opposed to inherited from the broker or Kafka's default. */
  isOverride: z.boolean(),
  source: z.enum(['topic', 'broker-dynamic', 'broker-default-dynamic', 'broker-static', 'default', 'unknown']),
  sensitive: z.boolean(),
  readOnly: z.boolean(),
  /** What the value would be without this level: the next synonyms down the precedence chain. */
  inherited: z.array(z.object({ source: z.string(), value: z.string().nullable() })),
});
export type TopicConfigEntry = z.infer<typeof topicConfigEntrySchema>;

export const topicGroupLagSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  members: count,
  lag: z.number().nonnegative(),
  partitions: z.array(z.object({ partition: count, committed: z.number(), end: z.number(), lag: z.number().nonnegative() })),
});

export const topicDetailSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.array(topicPartitionDetailSchema),
  configs: z.array(topicConfigEntrySchema),
  groups: z.array(topicGroupLagSchema),
  warnings: z.array(z.string()),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

const profileId = z.string().min(1).max(128);
const topicName = z.string().min(1).max(255);
/** A name for a new topic: Kafka's rules are checked here so main never sends an illegal one. */
const newTopicName = z.string().superRefine((name, ctx) => {
  const check = checkTopicName(name);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});
const configValues = z.record(z.string().min(1).max(255), z.string().max(16_384));

export const createTopicInputSchema = z.object({
  profileId,
  name: newTopicName,
  /** Omitted: the profile's topic default, else the cluster's. */
  partitions: z.number().int().min(1).max(100_000).optional(),
  replicationFactor: z.number().int().min(1).max(32).optional(),
  configs: configValues.default({}),
});

export const createTopicOutputSchema = z.object({
  name: z.string(),
  /** −1: left to the cluster's default. */
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
  warnings: z.array(z.string()),
});

export const deleteTopicInputSchema = z.object({ profileId, topic: topicName, confirmation: z.string() });
export const addPartitionsInputSchema = z.object({ profileId, topic: topicName, totalPartitions: z.number().int().min(1).max(100_000) });
export const alterTopicConfigInputSchema = z
  .object({ profileId, topic: topicName, set: configValues.default({}), reset: z.array(z.string().min(1).max(255)).default([]) })
  .refine((input) => Object.keys(input.set).length + input.reset.length > 0, { message: 'Name at least one key to set or reset.' })
  .refine((input) => input.reset.every((key) => !Object.hasOwn(input.set, key)), { message: 'A key cannot be both set and reset.' });

export const purgeTopicInputSchema = z.object({
  profileId,
  topic: topicName,
  /** all: every partition up to its end; offsets: each named partition up to (not including) the offset. */
  upTo: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('offsets'), offsets: z.array(z.object({ partition: count, offset: z.number().int().nonnegative() })).min(1) }),
  ]),
});
export const purgeTopicOutputSchema = z.object({
  partitions: z.array(z.object({ partition: count, startBefore: z.number(), startAfter: z.number() })),
});

export const cloneTopicInputSchema = z.object({
  profileId,
  source: topicName,
  target: newTopicName,
  /** Omitted: the source's partition count and replication factor. */
  partitions: z.number().int().min(1).max(100_000).optional(),
  replicationFactor: z.number().int().min(1).max(32).optional(),
});
