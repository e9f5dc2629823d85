// Captures what a connected cluster holds into the offline snapshot format (docs/snapshot-format.md):
// brokers, topics with partitions, replica bytes and write rate, groups with the topics they consume,
// and ACL principals. The policy workspace and `odradek policy preview` evaluate tenants against it.
import kafkajs, { type Admin } from 'kafkajs';
import { SNAPSHOT_VERSION, type ClusterSnapshot, type SnapshotCluster, type SnapshotTopic } from '../../../../shared/domain/snapshot/snapshot';
import { groupsWithTopics, withGroupSession } from '../groups/group-service';
import { proxyGap } from '../topics/kafka-error-words';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { describeLogDirs } from '../kafka/protocol/describe-log-dirs';
import { openFetchCluster } from '../kafka/protocol/fetch-cluster';
import type { Clock } from '../ports';
import { captureSchemaRegistry } from '../schemas/registry-snapshot';

// kafkajs is CommonJS: Node's ESM loader (CLI, test bridge) sees only its default export.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

export interface CaptureOptions {
  /** The profile (environment) name recorded beside the cluster id; tenants may match either. */
  profileName: string;
  /** How long to watch end offsets to estimate write rates; 0 skips rates. */
  rateSampleMs?: number;
  /** Problems that did not stop the capture (e.g. no right to describe ACLs). */
  warn?(message: string): void;
}

interface CaptureDeps {
  factory: KafkaClientFactory;
  clock: Clock;
  sleep?(ms: number): Promise<void>;
}

const OFFSET_CONCURRENCY = 16;

export async function captureSnapshot(settings: KafkaConnectionSettings, deps: CaptureDeps, options: CaptureOptions): Promise<ClusterSnapshot> {
  const [cluster, registry] = await Promise.all([
    captureCluster(settings, deps, options),
    settings.schemaRegistry ? captureSchemaRegistry(settings.schemaRegistry, options.warn ?? (() => undefined)) : Promise.resolve(null),
  ]);
  return { version: SNAPSHOT_VERSION, capturedAt: new Date(deps.clock.now()).toISOString(), clusters: [cluster], schemaRegistries: registry ? [registry] : [], connectClusters: [], ksqlDbs: [] };
}

export async function captureCluster(settings: KafkaConnectionSettings, deps: CaptureDeps, options: CaptureOptions): Promise<SnapshotCluster> {
  return (await captureClusterDetails(settings, deps, options)).cluster;
}

/** The snapshot cluster plus what the snapshot format does not record, for the live overview. */
export interface CapturedCluster {
  cluster: SnapshotCluster;
  controllerId: number | null;
  /** False when DescribeLogDirs was refused: replica bytes are then unknown, not zero. */
  replicaBytesKnown: boolean;
  /** False when the principal may not describe ACLs. */
  principalsKnown: boolean;
  /** False when rates were not sampled (rateSampleMs 0). */
  ratesKnown: boolean;
  /** The profile's Schema Registry id (`schemaRegistryIdOf`), which subjects without a `domainId` belong to. */
  schemaRegistryId?: string | undefined;
}

export async function captureClusterDetails(settings: KafkaConnectionSettings, deps: CaptureDeps, options: CaptureOptions): Promise<CapturedCluster> {
  const warn = options.warn ?? (() => undefined);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const admin = deps.factory.create(settings).admin();
  await admin.connect();
  try {
    const description = await admin.describeCluster();
    const names = await admin.listTopics();
    const metadata = names.length > 0 ? (await admin.fetchTopicMetadata({ topics: names })).topics : [];

    const firstEnds = await endOffsetSums(admin, names, warn);
    const sampleStarted = deps.clock.now();
    const replicaBytes = await replicaBytesByTopic(settings, deps, names, warn);
    const rateSampleMs = options.rateSampleMs ?? 1_000;
    const writesPerSecond = new Map<string, number>();
    if (rateSampleMs > 0 && names.length > 0) {
      await sleep(Math.max(0, rateSampleMs - (deps.clock.now() - sampleStarted)));
      const secondEnds = await endOffsetSums(admin, names, () => undefined);
      const seconds = (deps.clock.now() - sampleStarted) / 1000;
      for (const name of names) if (firstEnds.has(name) && secondEnds.has(name)) writesPerSecond.set(name, Math.max(0, (secondEnds.get(name)! - firstEnds.get(name)!) / seconds));
    }

    const topics: SnapshotTopic[] = metadata.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.length,
      replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
      replicaBytes: replicaBytes?.get(topic.name) ?? 0,
      writesPerSecond: round(writesPerSecond.get(topic.name) ?? 0),
      internal: topic.name.startsWith('__'),
    }));

    const principals = await capturePrincipals(admin, warn);
    const cluster: SnapshotCluster = {
      id: description.clusterId,
      name: options.profileName,
      profileName: options.profileName,
      brokers: description.brokers.map((broker) => ({ id: broker.nodeId, host: broker.host, port: broker.port })),
      topics: topics.sort((a, b) => a.name.localeCompare(b.name)),
      groups: await withGroupSession(settings, deps, 'Reading consumer groups', (session) => groupsWithTopics(session, warn)),
      principals: principals ?? [],
    };
    return {
      cluster,
      controllerId: description.controller ?? null,
      replicaBytesKnown: replicaBytes !== null,
      principalsKnown: principals !== null,
      ratesKnown: rateSampleMs > 0,
    };
  } finally {
    await admin.disconnect();
  }
}

/** A topic with an offline partition (its broker stopped) has no end offsets to read: it is left out of the rates, not the capture. */
async function endOffsetSums(admin: Admin, topics: string[], warn: (message: string) => void): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  await forEachLimited(topics, OFFSET_CONCURRENCY, async (topic) => {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      sums.set(topic, offsets.reduce((sum, partition) => sum + Number(partition.high), 0));
    } catch (error) {
      warn(`End offsets of '${topic}' were not read (${(error as Error).message}); its write rate counts as 0.`);
    }
  });
  return sums;
}

/** Null when the cluster refused DescribeLogDirs. */
async function replicaBytesByTopic(settings: KafkaConnectionSettings, deps: CaptureDeps, topics: string[], warn: (message: string) => void): Promise<Map<string, number> | null> {
  const bytes = new Map<string, number>();
  if (topics.length === 0) return bytes;
  const noSizes = proxyGap(settings, 'sizes');
  if (noSizes) {
    warn(noSizes);
    return null;
  }
  const cluster = await openFetchCluster(settings, deps.clock);
  try {
    for (const entry of await describeLogDirs(cluster, topics)) {
      if (!entry.isFuture) bytes.set(entry.topic, (bytes.get(entry.topic) ?? 0) + entry.sizeBytes);
    }
  } catch (error) {
    warn(`Topic sizes were not captured: ${(error as Error).message}`);
    return null;
  } finally {
    await cluster.close();
  }
  return bytes;
}

/** Null when the principal may not describe ACLs. */
async function capturePrincipals(admin: Admin, warn: (message: string) => void): Promise<string[] | null> {
  try {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    return [...new Set(resources.flatMap((resource) => resource.acls.map((acl) => acl.principal)))].sort();
  } catch (error) {
    warn(`ACL principals were not captured: ${(error as Error).message}`);
    return null;
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
