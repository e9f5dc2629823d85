// The shapes the broker screens and `odradek brokers` send over IPC: the broker list with the KRaft
// quorum, a broker's (or the cluster-wide default) configuration and its edits, log directories,
// preferred leader election and partition reassignment.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const profileId = z.string().min(1).max(128);
const brokerId = z.number().int().min(0).max(2 ** 31 - 1);
const topicName = z.string().min(1).max(255);

export const brokerStatuses = ['alive', 'fenced', 'unreachable'] as const;

export const brokerRowSchema = z.object({
  id: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  rack: z.string().nullable(),
  /**
   * `alive`: registered, unfenced and in the metadata; `fenced`: registered with the controller but
   * fenced (stopped, or lost its session); `unreachable`: in the metadata but it did not answer.
   */
  status: z.enum(brokerStatuses),
  isController: z.boolean(),
  /** Partitions this broker leads. */
  leaderPartitions: count,
  /** Replicas assigned to this broker (whether in sync or not). */
  replicas: count,
  /** Partitions it leads whose in-sync replicas are fewer than their replicas. */
  underReplicatedLed: count,
  /** Partitions with a replica here that have no leader at all. */
  offlineReplicas: count,
  /** Bytes on disk over its log directories (DescribeLogDirs); null when it was not answered. */
  diskBytes: z.number().nonnegative().nullable(),
  /** Log directories reporting an error (offline disk); null when not known. */
  failedLogDirs: count.nullable(),
});
export type BrokerRow = z.infer<typeof brokerRowSchema>;

export const quorumReplicaSchema = z.object({
  id: z.number().int(),
  logEndOffset: z.number().int(),
  /** Leader's log end offset minus this one's (0 for the leader). */
  lag: z.number().int().nonnegative(),
  lastFetchTimestamp: z.number().nullable(),
  lastCaughtUpTimestamp: z.number().nullable(),
  isLeader: z.boolean(),
});
export type QuorumReplica = z.infer<typeof quorumReplicaSchema>;

export const quorumSchema = z.object({
  leaderId: z.number().int(),
  leaderEpoch: z.number().int(),
  highWatermark: z.number().int(),
  voters: z.array(quorumReplicaSchema),
  observers: z.array(quorumReplicaSchema),
});
export type Quorum = z.infer<typeof quorumSchema>;

export const brokerListInputSchema = z.object({ profileId });

export const brokerListSchema = z.object({
  clusterId: z.string(),
  /** The tenant the list is scoped to; null without a policy. */
  tenant: z.string().nullable(),
  /** The active controller (KRaft: the quorum leader); null when unknown or hidden by the tenant. */
  controllerId: z.number().int().nullable(),
  brokers: z.array(brokerRowSchema),
  /** null: not a KRaft cluster, not allowed, or hidden by the tenant; `quorumNote` says which. */
  quorum: quorumSchema.nullable(),
  quorumNote: z.string().nullable(),
  /** Whether fenced (stopped) brokers can appear: DescribeCluster v2, Kafka 4.0+. */
  listsFenced: z.boolean(),
  warnings: z.array(z.string()),
  sampledAt: z.number(),
});
export type BrokerList = z.infer<typeof brokerListSchema>;

export const brokerConfigSources = ['dynamic-broker', 'dynamic-default', 'static', 'default', 'dynamic-logger', 'unknown'] as const;
export type BrokerConfigSource = (typeof brokerConfigSources)[number];

export const brokerConfigSynonymSchema = z.object({ name: z.string(), value: z.string().nullable(), source: z.enum(brokerConfigSources) });

export const brokerConfigEntrySchema = z.object({
  name: z.string(),
  /** null when sensitive (masked) or unset. */
  value: z.string().nullable(),
  source: z.enum(brokerConfigSources),
  sensitive: z.boolean(),
  /** Not dynamically updatable: only a restart with a new server.properties changes it. */
  readOnly: z.boolean(),
  /** Every level that sets it, highest precedence first (the entry's own source included). */
  synonyms: z.array(brokerConfigSynonymSchema),
});
export type BrokerConfigEntry = z.infer<typeof brokerConfigEntrySchema>;

/** `brokerId: null` is the cluster-wide dynamic default (`--entity-default`). */
export const brokerConfigsInputSchema = z.object({ profileId, brokerId: brokerId.nullable() });
export const brokerConfigsSchema = z.object({ brokerId: z.number().int().nullable(), entries: z.array(brokerConfigEntrySchema) });
export type BrokerConfigs = z.infer<typeof brokerConfigsSchema>;

const configKey = z.string().min(1).max(255);
export const brokerConfigChangeInputSchema = z.object({
  profileId,
  brokerId: brokerId.nullable(),
  set: z.record(configKey, z.string().max(16_384)).default({}),
  reset: z.array(configKey).max(500).default([]),
});
export type BrokerConfigChange = z.infer<typeof brokerConfigChangeInputSchema>;

export const configChangeRowSchema = z.object({
  name: z.string(),
  operation: z.enum(['set', 'reset']),
  before: z.string().nullable(),
  beforeSource: z.enum(brokerConfigSources),
  /** The key `before` is the value of: a synonym may be another key in other units (log.retention.hours for log.retention.ms). */
  beforeKey: z.string(),
  /** What applies afterwards: the new value, or for a reset the next level's value (null if unknown or sensitive). */
  after: z.string().nullable(),
  afterSource: z.enum(brokerConfigSources),
  afterKey: z.string(),
  sensitive: z.boolean(),
  /** Why the row cannot be applied as it stands (read-only key, nothing to reset); null when fine. */
  problem: z.string().nullable(),
});
export type ConfigChangeRow = z.infer<typeof configChangeRowSchema>;

export const brokerConfigPreviewSchema = z.object({
  brokerId: z.number().int().nullable(),
  rows: z.array(configChangeRowSchema),
  /** The broker's own verdict on the change (IncrementalAlterConfigs with validate_only); null when it accepts. */
  rejected: z.string().nullable(),
});
export type BrokerConfigPreview = z.infer<typeof brokerConfigPreviewSchema>;

export const brokerLogDirsInputSchema = z.object({ profileId, brokerId });
export const logDirPartitionSchema = z.object({ topic: z.string(), partition: count, sizeBytes: z.number().nonnegative(), offsetLag: z.number().int(), isFuture: z.boolean() });
export const brokerLogDirsSchema = z.object({
  brokerId: z.number().int(),
  dirs: z.array(
    z.object({
      logDir: z.string(),
      /** The directory's error (e.g. KAFKA_STORAGE_ERROR for a failed disk), in words; null when healthy. */
      error: z.string().nullable(),
      totalBytes: z.number().nonnegative(),
      partitions: z.array(logDirPartitionSchema),
      /** Partitions of topics the tenant does not show (counted in totalBytes, not listed). */
      hiddenPartitions: count,
    }),
  ),
});
export type BrokerLogDirs = z.infer<typeof brokerLogDirsSchema>;

const topicPartition = z.object({ topic: topicName, partition: count });
export const electLeadersInputSchema = z.object({
  profileId,
  /** null: every partition of the cluster whose preferred leader is not leading. */
  partitions: z.array(topicPartition).min(1).max(100_000).nullable(),
  confirmation: z.string().max(300),
});
export const electLeadersResultSchema = z.object({
  results: z.array(z.object({ topic: z.string(), partition: count, outcome: z.enum(['elected', 'already-preferred', 'failed']), message: z.string().nullable() })),
});
export type ElectLeadersResult = z.infer<typeof electLeadersResultSchema>;

export const reassignmentPlanInputSchema = z.object({
  profileId,
  topic: topicName,
  /** The brokers the topic's replicas should live on. */
  brokerIds: z.array(brokerId).min(1).max(10_000),
  /** Omitted: keep each partition's replication factor. */
  replicationFactor: z.number().int().min(1).max(32).optional(),
});
export const partitionPlanSchema = z.object({ partition: count, current: z.array(z.number().int()), proposed: z.array(z.number().int()) });
export type PartitionPlan = z.infer<typeof partitionPlanSchema>;
export const reassignmentPlanSchema = z.object({
  topic: z.string(),
  partitions: z.array(partitionPlanSchema),
  /** Replicas that must be copied to a new broker. */
  movedReplicas: count,
});
export type ReassignmentPlan = z.infer<typeof reassignmentPlanSchema>;

export const reassignInputSchema = z.object({
  profileId,
  topic: topicName,
  partitions: z.array(z.object({ partition: count, replicas: z.array(brokerId).min(1).max(32) })).min(1).max(100_000),
  confirmation: z.string().max(300),
});
export const cancelReassignmentInputSchema = z.object({
  profileId,
  topic: topicName,
  /** null: every partition of the topic being reassigned. */
  partitions: z.array(count).min(1).max(100_000).nullable(),
  confirmation: z.string().max(300),
});
export const reassignmentsInputSchema = z.object({ profileId, topic: topicName.optional() });
export const reassignmentsSchema = z.object({
  reassignments: z.array(z.object({ topic: z.string(), partition: count, replicas: z.array(z.number().int()), adding: z.array(z.number().int()), removing: z.array(z.number().int()) })),
});
export type Reassignments = z.infer<typeof reassignmentsSchema>;
export const partitionOutcomesSchema = z.object({ partitions: z.array(z.object({ partition: count, error: z.string().nullable() })) });
