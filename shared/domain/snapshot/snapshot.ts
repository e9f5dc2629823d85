// The offline picture of the resources Odradek can see: written by `odradek snapshot`, read by the
// tenancy preview/diff and the benchmarks. Validated with zod because it is user-supplied JSON.
import { z } from 'zod';

export const SNAPSHOT_VERSION = 1;

const name = z.string().min(1);
const count = z.number().int().nonnegative();
const quantity = z.number().nonnegative();

export const snapshotTopicSchema = z.object({
  name,
  partitions: count,
  replicationFactor: count.optional(),
  /** Bytes on disk summed over every replica of every partition. */
  replicaBytes: quantity,
  /** Records written per second, summed over partitions. */
  writesPerSecond: quantity,
  internal: z.boolean(),
});

export const snapshotGroupSchema = z.object({
  name,
  state: z.string().optional(),
  /** Topics the group consumes: the union of its committed offsets and its members' assignments. */
  topics: z.array(name),
});

export const snapshotBrokerSchema = z.object({
  id: z.number().int().nonnegative(),
  host: z.string().optional(),
  port: z.number().int().optional(),
  rack: z.string().nullable().optional(),
});

export const snapshotClusterSchema = z.object({
  /** The Kafka cluster id reported by the brokers. */
  id: name,
  /** The cluster's display name. */
  name,
  /** The connection profile (environment) name it was captured through, when it differs from `name`. */
  profileName: name.optional(),
  brokers: z.array(snapshotBrokerSchema),
  topics: z.array(snapshotTopicSchema),
  groups: z.array(snapshotGroupSchema),
  /** Principals that appear in the cluster's ACLs, e.g. "User:alice". */
  principals: z.array(name),
});

export const snapshotSchemaRegistrySchema = z.object({
  id: name,
  name,
  subjects: z.array(name),
});

export const snapshotConnectSchema = z.object({
  id: name,
  name,
  connectors: z.array(name),
});

export const snapshotKsqlDbSchema = z.object({
  id: name,
  name,
  sources: z.array(name),
  queries: z.array(name),
});

export const clusterSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  capturedAt: z.iso.datetime({ offset: true }),
  clusters: z.array(snapshotClusterSchema),
  schemaRegistries: z.array(snapshotSchemaRegistrySchema).default([]),
  connectClusters: z.array(snapshotConnectSchema).default([]),
  ksqlDbs: z.array(snapshotKsqlDbSchema).default([]),
});

export type SnapshotTopic = z.infer<typeof snapshotTopicSchema>;
export type SnapshotGroup = z.infer<typeof snapshotGroupSchema>;
export type SnapshotBroker = z.infer<typeof snapshotBrokerSchema>;
export type SnapshotCluster = z.infer<typeof snapshotClusterSchema>;
export type SnapshotSchemaRegistry = z.infer<typeof snapshotSchemaRegistrySchema>;
export type SnapshotConnect = z.infer<typeof snapshotConnectSchema>;
export type SnapshotKsqlDb = z.infer<typeof snapshotKsqlDbSchema>;
export type ClusterSnapshot = z.output<typeof clusterSnapshotSchema>;

export type SnapshotParseResult =
  | { ok: true; snapshot: ClusterSnapshot }
  | { ok: false; issues: Array<{ path: string; message: string }> };

/** Parses snapshot JSON text; every problem names the JSON path it concerns (e.g. `clusters[0].topics[3].name`). */
export function parseSnapshot(text: string): SnapshotParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = clusterSnapshotSchema.safeParse(json);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  };
}

function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
