// The shapes consumer groups send over IPC: the streamed list (rows first, then lag patches keyed by
// group id, like the topic list) and one group's detail.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const profileId = z.string().min(1).max(128);
/** Kafka caps group ids only by the request size; 1 KiB is far beyond any real one. */
export const groupIdSchema = z.string().min(1).max(1024);

/**
 * - `classic`: the JoinGroup/SyncGroup protocol (consumers, Connect workers, ...), described with DescribeGroups.
 * - `consumer`: KIP-848's protocol, described with ConsumerGroupDescribe.
 * - `share`: KIP-932 share groups, described with ShareGroupDescribe.
 * - `streams`: KIP-1071 streams groups; listed, not described by Odradek yet.
 * - `simple`: a classic group without a protocol type and without members, which only commits offsets
 *   (a tool or an application managing its own assignment).
 * - `unknown`: a type this Odradek does not know, shown as the broker named it in `brokerType`.
 */
export const groupTypes = ['classic', 'consumer', 'share', 'streams', 'simple', 'unknown'] as const;
export type GroupType = (typeof groupTypes)[number];

/** Burrow's verdicts (groups-ops' lag-health rules); `unknown` until enough samples exist. */
export const lagHealthVerdicts = ['ok', 'warning', 'stall', 'stopped', 'unknown'] as const;
export type LagHealthVerdict = (typeof lagHealthVerdicts)[number];

export const groupHealthSchema = z.object({
  verdict: z.enum(lagHealthVerdicts),
  /** The verdict in words, e.g. "lag grew in 9 of 10 samples while offsets advanced". */
  reason: z.string(),
  /** Estimated seconds until lag reaches 0 at the current consumption and write rates; null when it does not shrink. */
  catchUpSeconds: z.number().nonnegative().nullable(),
});
export type GroupHealth = z.infer<typeof groupHealthSchema>;

/** Why a row (or one fact of it) could not be read; the rest of the list still loads. */
export const groupRowErrorSchema = z.object({
  /** Kafka's error name (GROUP_AUTHORIZATION_FAILED, COORDINATOR_NOT_AVAILABLE, ...) or an Odradek code. */
  code: z.string(),
  message: z.string(),
});
export type GroupRowError = z.infer<typeof groupRowErrorSchema>;

/** One row of the groups list; null means "not known yet" (or not readable for this principal: see `error`). */
export const groupRowSchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  /** The type as ListGroups named it ('classic', 'consumer', 'share', ...); '' from brokers before KIP-848. */
  brokerType: z.string(),
  /** The classic protocol type ('consumer', 'connect', '' for simple groups); 'consumer'/'share' for the new types. */
  protocolType: z.string(),
  /** The assignor: classic protocol name (range, cooperative-sticky, ...) or KIP-848 server assignor (uniform, range). */
  protocol: z.string().nullable(),
  /** As the broker says it: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Assigning, Reconciling, NotReady. */
  state: z.string(),
  members: count.nullable(),
  /** Topics with committed offsets or assigned to a member, sorted. */
  topics: z.array(z.string()).nullable(),
  /** Partitions with a committed offset. */
  partitions: count.nullable(),
  /** Sum over partitions of end offset − committed offset (never negative per partition). */
  totalLag: z.number().nonnegative().nullable(),
  /** The largest lag of one partition. */
  maxLag: z.number().nonnegative().nullable(),
  /** Node id of the group's coordinator broker. */
  coordinator: z.number().int().nullable(),
  health: groupHealthSchema.nullable(),
  error: groupRowErrorSchema.nullable(),
});
export type GroupRow = z.infer<typeof groupRowSchema>;

/** The list phase sends whole rows; later phases send patches keyed by group id. */
export const groupListItemSchema = groupRowSchema.partial().required({ groupId: true });
export type GroupListItem = z.infer<typeof groupListItemSchema>;

/**
 * - `list`: one ListGroups per broker; rows go out with type and state only.
 * - `describe`: members, assignor and topics, batched per coordinator.
 * - `offsets`: committed offsets (OffsetFetch, many groups per request) and end offsets (ListOffsets per leader): lag.
 */
export const groupListPhases = ['list', 'describe', 'offsets'] as const;
export type GroupListPhase = (typeof groupListPhases)[number];

export const groupListRequestSchema = z.object({ profileId });
export type GroupListRequest = z.infer<typeof groupListRequestSchema>;

export const groupListProgressSchema = z.object({ phase: z.enum(groupListPhases), done: count, total: count });
export type GroupListProgress = z.infer<typeof groupListProgressSchema>;

export const groupListSummarySchema = z.object({
  groups: count,
  /** Rows whose `error` is set. */
  errors: count,
  /** Milliseconds from the request to the end of each phase. */
  phaseMs: z.partialRecord(z.enum(groupListPhases), z.number().nonnegative()),
  /** Problems that did not stop the list (a broker that did not answer ListGroups, end offsets not readable). */
  warnings: z.array(z.string()),
});
export type GroupListSummary = z.infer<typeof groupListSummarySchema>;

export const topicPartitionsSchema = z.object({ topic: z.string(), partitions: z.array(count) });
export type TopicPartitions = z.infer<typeof topicPartitionsSchema>;

export const groupMemberSchema = z.object({
  memberId: z.string(),
  /** group.instance.id of a static member. */
  instanceId: z.string().nullable(),
  clientId: z.string(),
  /** As the coordinator saw it, e.g. "/127.0.0.1". */
  host: z.string(),
  rackId: z.string().nullable(),
  /** KIP-848 and share groups: the member's epoch; null for classic groups. */
  memberEpoch: z.number().int().nullable(),
  /** Topics the member subscribed to (KIP-848, share, or a classic consumer's subscription). */
  subscribedTopics: z.array(z.string()).nullable(),
  /** What the member owns now. */
  assignment: z.array(topicPartitionsSchema),
  /** KIP-848: what the coordinator wants it to own once reconciled; null where the protocol has none. */
  targetAssignment: z.array(topicPartitionsSchema).nullable(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupPartitionOffsetSchema = z.object({
  topic: z.string(),
  partition: count,
  /** null: no committed offset (assigned but never committed). */
  committed: z.number().nullable(),
  /** The end offset (read-committed last stable offset); null when it could not be read. */
  end: z.number().nullable(),
  lag: z.number().nonnegative().nullable(),
  /** The commit's metadata string. */
  metadata: z.string().nullable(),
  /** The leader epoch recorded with the commit, where the broker gives it. */
  leaderEpoch: z.number().int().nullable(),
  /** Member id owning the partition now, if any. */
  owner: z.string().nullable(),
  /** Committed offset delta per second between two reads; null without a second read. */
  consumptionRate: z.number().nullable(),
});
export type GroupPartitionOffset = z.infer<typeof groupPartitionOffsetSchema>;

export const groupDetailRequestSchema = z.object({
  profileId,
  groupId: groupIdSchema,
  /** Gap between two reads of the committed offsets behind the consumption rate; 0 skips rates. */
  rateSampleMs: z.number().int().min(0).max(30_000).default(0),
});
export type GroupDetailRequest = z.infer<typeof groupDetailRequestSchema>;

export const groupDetailSchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  brokerType: z.string(),
  protocolType: z.string(),
  protocol: z.string().nullable(),
  state: z.string(),
  coordinator: z.number().int().nullable(),
  /** KIP-848 / share: the group epoch and the epoch of the target assignment. */
  groupEpoch: z.number().int().nullable(),
  assignmentEpoch: z.number().int().nullable(),
  members: z.array(groupMemberSchema),
  offsets: z.array(groupPartitionOffsetSchema),
  totalLag: z.number().nonnegative(),
  maxLag: z.number().nonnegative(),
  /** When the offsets were read (ms since the epoch). */
  sampledAt: z.number(),
  /** Facts that could not be read (end offsets of a topic without a leader, ...); the rest is shown. */
  warnings: z.array(z.string()),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;
