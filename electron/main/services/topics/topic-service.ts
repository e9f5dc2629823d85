// Topic detail and actions. Every action checks the profile's safety settings here in main — the
// renderer's disabled buttons are a courtesy, this is the guard — and reports Kafka's refusals in
// plain words (kafka-error-words.ts).
import type { Admin } from 'kafkajs';
import { isActionAllowed, type ConnectionProfile, type ProfileAction } from '../../../../shared/domain/profile/profile-schema';
import { checkTopicName, looksInternal } from '../../../../shared/domain/topics/topic-names';
import type { TopicConfigEntry, TopicDetail } from '../../../../shared/domain/topics/topic-schemas';
import { AppFailure } from '../../../../shared/ipc/result';
import { groupsConsumingTopic, withGroupSession } from '../groups/group-service';
import { withAdminClient, withOpened } from '../kafka/admin-session';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { openFetchCluster, type FetchCluster } from '../kafka/protocol/fetch-cluster';
import { incrementalAlterConfigs, type ConfigChange } from '../kafka/protocol/incremental-alter-configs';
import { openTopicsSession, type TopicsSession } from '../kafka/protocol/topics-batch';
import type { Clock } from '../ports';
import { describeKafkaFailure, principalOf, proxyGap, refuseBehindProxy } from './kafka-error-words';

export interface TopicServiceDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  factory: KafkaClientFactory;
  clock: Clock;
  log?(line: string): void;
}

export interface CreateTopicRequest {
  profileId: string;
  name: string;
  partitions?: number | undefined;
  replicationFactor?: number | undefined;
  configs: Record<string, string>;
}

export type PurgeRequest = { kind: 'all' } | { kind: 'offsets'; offsets: { partition: number; offset: number }[] };

const actionWords: Record<ProfileAction, string> = {
  'create-topics': 'create topics',
  'edit-topics': 'change topics',
  'delete-topics': 'delete topics or their records',
  produce: 'produce',
  'reset-offsets': 'reset offsets',
  'delete-groups': 'delete groups',
  'edit-acls': 'change ACLs',
  'edit-quotas': 'change client quotas',
  'edit-schemas': 'change schemas',
  'export-data': 'export data',
  'edit-brokers': 'change broker configuration',
  'reassign-partitions': 'elect leaders or move partitions',
  'operate-connectors': 'pause, resume, stop or restart connectors',
  'edit-connectors': 'create, change or delete connectors or their offsets',
};

/** Refuses with NOT_ALLOWED unless the profile permits the action. */
export function assertActionAllowed(profile: Pick<ConnectionProfile, 'name' | 'safety'>, action: ProfileAction): void {
  if (isActionAllowed(profile, action)) return;
  const why = profile.safety.readOnly ? 'is read-only' : `does not allow the '${action}' action`;
  throw new AppFailure('NOT_ALLOWED', `Profile '${profile.name}' ${why}, so Odradek will not ${actionWords[action]} through it. Change the profile's safety settings to allow it.`, { action });
}

export function createTopicService(deps: TopicServiceDeps) {
  /** Runs `work` with a connected admin client; Kafka failures come back as plain-word AppFailures. */
  const withAdmin = <T>(settings: KafkaConnectionSettings, doing: string, work: (admin: Admin) => Promise<T>) => withAdminClient(deps.factory, settings, doing, work);
  const withCluster = <T>(settings: KafkaConnectionSettings, doing: string, work: (cluster: FetchCluster) => Promise<T>) => withOpened(() => openFetchCluster(settings, deps.clock, {}, deps.log), settings, doing, work);
  const withTopicsSession = <T>(settings: KafkaConnectionSettings, doing: string, work: (session: TopicsSession) => Promise<T>) => withOpened(() => openTopicsSession(settings, deps.clock, {}, deps.log), settings, doing, work);
  /** The profile (for its safety settings) and its connection, after the action check. */
  const authorize = async (profileId: string, action: ProfileAction) => {
    const profile = await deps.profiles.get(profileId);
    assertActionAllowed(profile, action);
    return { profile, settings: await deps.profiles.resolveConnection(profileId) };
  };

  const createTopic = async (profile: ConnectionProfile, settings: KafkaConnectionSettings, request: Omit<CreateTopicRequest, 'profileId'>, doing: string, extraWarnings: string[] = []) =>
    withAdmin(settings, doing, async (admin) => {
      const existing = await admin.listTopics();
      if (existing.includes(request.name)) throw new AppFailure('CONFLICT', `${doing} failed: topic already exists.`, { kafkaError: 'TOPIC_ALREADY_EXISTS' });
      const check = checkTopicName(request.name, existing);
      if (!check.ok) throw new AppFailure('INVALID_INPUT', `${doing} failed: ${check.reason}`);
      const partitions = request.partitions ?? profile.topicDefaults.partitions ?? -1;
      // WarpStream keeps durability in object storage: replication factor 1 unless told otherwise.
      const replicationFactor = request.replicationFactor ?? profile.topicDefaults.replicationFactor ?? (profile.vendor.preset === 'warpstream' ? 1 : -1);
      const created = await admin.createTopics({
        topics: [
          {
            topic: request.name,
            numPartitions: partitions,
            replicationFactor,
            configEntries: Object.entries(request.configs).map(([name, value]) => ({ name, value })),
          },
        ],
      });
      if (!created) throw new AppFailure('CONFLICT', `${doing} failed: topic already exists.`, { kafkaError: 'TOPIC_ALREADY_EXISTS' });
      return { name: request.name, partitions, replicationFactor, warnings: [...(check.warning ? [check.warning] : []), ...extraWarnings] };
    });

  return {
    async detail(profileId: string, topic: string): Promise<TopicDetail> {
      const settings = await deps.profiles.resolveConnection(profileId);
      const warnings: string[] = [];
      const { partitions, internal, sizes } = await withTopicsSession(settings, `Describing topic '${topic}'`, async (session) => {
        const metadata = session.metadata.topics.find((entry) => entry.name === topic);
        if (!metadata) throw new AppFailure('NOT_FOUND', `Topic '${topic}' does not exist or is not visible to ${principalOf(settings)}.`);
        const sizeByPartition = new Map<number, number>();
        const noSizes = proxyGap(settings, 'sizes');
        if (noSizes) warnings.push(noSizes);
        else try {
          for (const entry of await session.logDirs()) {
            // The largest replica stands for the partition's log; followers may trail it.
            if (entry.topic === topic && !entry.isFuture) sizeByPartition.set(entry.partition, Math.max(sizeByPartition.get(entry.partition) ?? 0, entry.sizeBytes));
          }
        } catch (error) {
          warnings.push(`Partition sizes are not available: ${(error as Error).message}`);
        }
        return { partitions: metadata.partitions, internal: metadata.isInternal || looksInternal(topic), sizes: sizeByPartition };
      });

      return withAdmin(settings, `Describing topic '${topic}'`, async (admin) => {
        const offsets = await partitionOffsets(admin, topic).catch((error: unknown) => {
          warnings.push(`${describeKafkaFailure(error, 'Reading the offsets', principalOf(settings)).message} Offsets are shown once the partitions have leaders again.`);
          return new Map<number, { start: number; end: number }>();
        });
        const noConfigs = proxyGap(settings, 'topic-configs');
        if (noConfigs) warnings.push(noConfigs);
        const configs = noConfigs
          ? []
          : await describeTopicConfigs(admin, topic).catch((error: unknown) => {
              warnings.push(describeKafkaFailure(error, 'Reading the configuration', principalOf(settings)).message);
              return [];
            });
        const groups = await withGroupSession(settings, deps, 'Reading the groups of this topic', (session) => groupsConsumingTopic(session, topic, warnings)).catch((error: unknown) => {
          warnings.push(`Consumer groups are not available: ${(error as Error).message}`);
          return [];
        });
        return {
          name: topic,
          internal,
          partitions: partitions.map((partition) => ({
            partition: partition.partition,
            leader: partition.leader,
            replicas: partition.replicas,
            isr: partition.isr,
            offlineReplicas: partition.offlineReplicas,
            startOffset: offsets.get(partition.partition)?.start ?? null,
            endOffset: offsets.get(partition.partition)?.end ?? null,
            sizeBytes: sizes.get(partition.partition) ?? null,
          })),
          configs,
          groups,
          warnings,
        };
      });
    },

    async create(request: CreateTopicRequest) {
      const { profile, settings } = await authorize(request.profileId, 'create-topics');
      return createTopic(profile, settings, request, `Creating topic '${request.name}'`);
    },

    async delete({ profileId, topic, confirmation }: { profileId: string; topic: string; confirmation: string }) {
      if (confirmation !== topic) throw new AppFailure('INVALID_INPUT', `Type the topic name '${topic}' exactly to confirm deleting it; nothing was deleted.`);
      const { settings } = await authorize(profileId, 'delete-topics');
      await withAdmin(settings, `Deleting topic '${topic}'`, (admin) => admin.deleteTopics({ topics: [topic] }));
      return { deleted: true };
    },

    async addPartitions({ profileId, topic, totalPartitions }: { profileId: string; topic: string; totalPartitions: number }) {
      const { settings } = await authorize(profileId, 'edit-topics');
      refuseBehindProxy(settings, 'add-partitions');
      const doing = `Adding partitions to '${topic}'`;
      return withAdmin(settings, doing, async (admin) => {
        const current = (await admin.fetchTopicOffsets(topic)).length;
        if (totalPartitions <= current) {
          throw new AppFailure('INVALID_INPUT', `${doing} failed: it has ${current} partitions and Kafka can only add partitions, so the new count must be more than ${current}.`);
        }
        await admin.createPartitions({ topicPartitions: [{ topic, count: totalPartitions }] });
        return { partitions: totalPartitions };
      });
    },

    /** Incremental: only the named keys change; every other override on the topic stays. */
    async alterConfig({ profileId, topic, set, reset }: { profileId: string; topic: string; set: Record<string, string>; reset: string[] }) {
      const { settings } = await authorize(profileId, 'edit-topics');
      refuseBehindProxy(settings, 'topic-config-changes');
      const changes: ConfigChange[] = [
        ...Object.entries(set).map(([name, value]) => ({ name, operation: 'set' as const, value })),
        ...reset.map((name) => ({ name, operation: 'delete' as const })),
      ];
      await withCluster(settings, `Changing the configuration of '${topic}'`, async (cluster) => {
        // Targeting the topic first keeps kafkajs' metadata refresh to this topic instead of all of them.
        await cluster.partitions(topic);
        await incrementalAlterConfigs(cluster, [{ type: 'topic', name: topic, changes }]);
      });
      return { changed: changes.map((change) => change.name) };
    },

    async purge({ profileId, topic, upTo }: { profileId: string; topic: string; upTo: PurgeRequest }) {
      const { settings } = await authorize(profileId, 'delete-topics');
      refuseBehindProxy(settings, 'purge');
      return withAdmin(settings, `Purging records of '${topic}'`, async (admin) => {
        const before = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, Number(entry.low)]));
        const targets =
          upTo.kind === 'all'
            ? [...before.keys()].map((partition) => ({ partition, offset: '-1' }))
            : upTo.offsets.map(({ partition, offset }) => {
                if (!before.has(partition)) throw new AppFailure('INVALID_INPUT', `Topic '${topic}' has no partition ${partition}.`);
                return { partition, offset: String(offset) };
              });
        await admin.deleteTopicRecords({ topic, partitions: targets });
        const after = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, Number(entry.low)]));
        return { partitions: targets.map(({ partition }) => ({ partition, startBefore: before.get(partition) ?? 0, startAfter: after.get(partition) ?? 0 })) };
      });
    },

    /** A new topic with the source's overrides, partition count and replication factor (unless given). */
    async clone({ profileId, source, target, partitions, replicationFactor }: { profileId: string; source: string; target: string; partitions?: number | undefined; replicationFactor?: number | undefined }) {
      const { profile, settings } = await authorize(profileId, 'create-topics');
      // Cloning copies the source's configuration, which cannot be read behind such a proxy.
      refuseBehindProxy(settings, 'topic-configs');
      const { configs, shape } = await withAdmin(settings, `Reading topic '${source}' to clone it`, async (admin) => {
        const metadata = (await admin.fetchTopicMetadata({ topics: [source] })).topics[0];
        return { configs: await describeTopicConfigs(admin, source), shape: { partitions: metadata?.partitions.length ?? 1, replicationFactor: metadata?.partitions[0]?.replicas.length ?? 1 } };
      });
      const overrides = configs.filter((entry) => entry.isOverride);
      const masked = overrides.filter((entry) => entry.value === null).map((entry) => entry.name);
      const copied = Object.fromEntries(overrides.filter((entry) => entry.value !== null).map((entry) => [entry.name, entry.value as string]));
      return createTopic(
        profile,
        settings,
        { name: target, partitions: partitions ?? shape.partitions, replicationFactor: replicationFactor ?? shape.replicationFactor, configs: copied },
        `Cloning '${source}' into '${target}'`,
        masked.length > 0 ? [`Sensitive values are not readable and were not copied: ${masked.join(', ')}.`] : [],
      );
    },
  };
}

export type TopicService = ReturnType<typeof createTopicService>;

/** DescribeConfigs' config_source codes (KIP-226); kafkajs' ConfigSource enum is not importable from ESM. */
const sourceNames: Record<number, TopicConfigEntry['source']> = {
  1: 'topic',
  2: 'broker-dynamic',
  3: 'broker-default-dynamic',
  4: 'broker-static',
  5: 'default',
};

async function describeTopicConfigs(admin: Admin, topic: string): Promise<TopicConfigEntry[]> {
  const { resources } = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: true });
  const entries = resources[0]?.configEntries ?? [];
  return entries
    .map((entry) => {
      const source = sourceNames[entry.configSource] ?? 'unknown';
      // Brokers already send null for sensitive values; masking here too keeps a misbehaving proxy from leaking one.
      const mask = (value: string | null | undefined) => (entry.isSensitive ? null : (value ?? null));
      return {
        name: entry.configName,
        value: mask(entry.configValue),
        isOverride: source === 'topic',
        source,
        sensitive: entry.isSensitive,
        readOnly: entry.readOnly,
        inherited: (entry.configSynonyms ?? [])
          .filter((synonym) => synonym.configSource !== entry.configSource)
          .map((synonym) => ({ source: sourceNames[synonym.configSource] ?? 'unknown', value: mask(synonym.configValue) })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Start and end offsets per partition. Right after partitions are created or added, or while a leader is
 * being elected, brokers answer with retriable errors for a moment: ask again briefly before giving up.
 */
async function partitionOffsets(admin: Admin, topic: string, attempts = 4): Promise<Map<number, { start: number; end: number }>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.map((entry) => [entry.partition, { start: Number(entry.low), end: Number(entry.high) }]));
    } catch (error) {
      // kafkajs gives up with a wrapper whose cause carries the broker's (retriable) answer.
      const { retriable, cause } = error as { retriable?: boolean; cause?: { retriable?: boolean } };
      if (attempt >= attempts || !(retriable || cause?.retriable)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
