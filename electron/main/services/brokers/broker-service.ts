// Brokers and controllers: the broker list (metadata, DescribeCluster with fenced brokers, per-broker
// DescribeLogDirs, the KRaft quorum), broker configuration and its incremental edits, log directories,
// preferred leader election and partition reassignment. Profile actions are checked here in main
// (`edit-brokers`, `reassign-partitions`); tenancy is the guard table's (channel-guards.ts).
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { brokerFigures, electionConfirmationText, movedReplicas, previewConfigChanges, proposeReassignment, withQuorumLag } from '../../../../shared/domain/brokers/broker-logic';
import type {
  BrokerConfigChange,
  BrokerConfigEntry,
  BrokerConfigPreview,
  BrokerConfigs,
  BrokerConfigSource,
  BrokerList,
  BrokerLogDirs,
  BrokerRow,
  ElectLeadersResult,
  Quorum,
  ReassignmentPlan,
  Reassignments,
} from '../../../../shared/domain/brokers/broker-schemas';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import { withAdminClient, withOpened } from '../kafka/admin-session';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { alterReassignments, describeCluster, describeQuorum, electPreferredLeaders, type ClusterDescription } from '../kafka/protocol/cluster-apis';
import { describeBrokerLogDirs } from '../kafka/protocol/describe-log-dirs';
import { openFetchCluster, type FetchCluster } from '../kafka/protocol/fetch-cluster';
import { incrementalAlterConfigs, type ConfigChange } from '../kafka/protocol/incremental-alter-configs';
import { openTopicsSession, type TopicsSession } from '../kafka/protocol/topics-batch';
import type { Clock } from '../ports';
import { assertActionAllowed } from '../topics/topic-service';
import { describeKafkaFailure, principalOf } from '../topics/kafka-error-words';

export interface BrokerServiceDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  factory: KafkaClientFactory;
  clock: Clock;
  /** How long one broker may take to answer DescribeLogDirs before the list goes on without it. */
  brokerTimeoutMs?: number;
  log?(line: string): void;
}

/** DescribeConfigs' config_source codes (KIP-226). */
const sourceNames: Record<number, BrokerConfigSource> = { 2: 'dynamic-broker', 3: 'dynamic-default', 4: 'static', 5: 'default', 6: 'dynamic-logger' };

const BROKER_RESOURCE = 4;
const ELECTION_NOT_NEEDED = 84;

interface RawConfigEntry {
  configName: string;
  configValue: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  configSynonyms?: { configName: string; configValue: string | null; configSource: number }[];
}

/** Races a broker's answer against a deadline, so one slow broker does not hold the list. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const errorWords = (code: number) => {
  const error = createErrorFromCode(code);
  return `${error.type}: ${error.message}`;
};

export function createBrokerService(deps: BrokerServiceDeps) {
  const brokerTimeoutMs = deps.brokerTimeoutMs ?? 5_000;
  const withSession = <T>(settings: KafkaConnectionSettings, doing: string, work: (session: TopicsSession) => Promise<T>) => withOpened(() => openTopicsSession(settings, deps.clock, {}, deps.log), settings, doing, work);
  const withCluster = <T>(settings: KafkaConnectionSettings, doing: string, work: (cluster: FetchCluster) => Promise<T>) => withOpened(() => openFetchCluster(settings, deps.clock, {}, deps.log), settings, doing, work);
  const authorize = async (profileId: string, action: 'edit-brokers' | 'reassign-partitions') => {
    const profile = await deps.profiles.get(profileId);
    assertActionAllowed(profile, action);
    return deps.profiles.resolveConnection(profileId);
  };
  /** The broker a broker resource must be asked of, or any broker for the cluster-wide default. */
  const brokerFor = async (cluster: FetchCluster, brokerId: number | null): Promise<InternalBroker> => {
    if (brokerId === null) return cluster.anyBroker();
    const found = (await cluster.brokers()).find((broker) => broker.nodeId === brokerId);
    if (!found) throw new AppFailure('NOT_FOUND', `Broker ${brokerId} is not in the cluster's metadata: it is stopped, fenced or does not exist.`);
    return found;
  };

  const describeBrokerConfigs = async (cluster: FetchCluster, brokerId: number | null): Promise<BrokerConfigEntry[]> => {
    const broker = (await brokerFor(cluster, brokerId)) as InternalBroker & { describeConfigs(request: unknown): Promise<{ resources: { errorCode: number; errorMessage: string | null; configEntries: RawConfigEntry[] }[] }> };
    const { resources } = await broker.describeConfigs({ resources: [{ type: BROKER_RESOURCE, name: brokerId === null ? '' : String(brokerId) }], includeSynonyms: true });
    const resource = resources[0];
    if (resource && resource.errorCode !== 0) throw createErrorFromCode(resource.errorCode);
    return (resource?.configEntries ?? [])
      .map((entry) => {
        // Brokers send null for sensitive values already; masking again keeps a misbehaving proxy from leaking one.
        const mask = (value: string | null | undefined) => (entry.isSensitive ? null : (value ?? null));
        return {
          name: entry.configName,
          value: mask(entry.configValue),
          source: sourceNames[entry.configSource] ?? 'unknown',
          sensitive: entry.isSensitive,
          readOnly: entry.readOnly,
          synonyms: (entry.configSynonyms ?? []).map((synonym) => ({ name: synonym.configName, value: mask(synonym.configValue), source: sourceNames[synonym.configSource] ?? 'unknown' })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  };

  const configTarget = (brokerId: number | null) => (brokerId === null ? 'the cluster-wide broker default' : `broker ${brokerId}`);
  const toChanges = ({ set, reset }: Pick<BrokerConfigChange, 'set' | 'reset'>): ConfigChange[] => [
    ...Object.entries(set).map(([name, value]) => ({ name, operation: 'set' as const, value })),
    ...reset.map((name) => ({ name, operation: 'delete' as const })),
  ];
  const checkChange = (change: Pick<BrokerConfigChange, 'set' | 'reset'>) => {
    const keys = Object.keys(change.set);
    if (keys.length + change.reset.length === 0) throw new AppFailure('INVALID_INPUT', 'Name at least one configuration to set or reset; nothing was changed.');
    const both = change.reset.filter((key) => keys.includes(key));
    if (both.length > 0) throw new AppFailure('INVALID_INPUT', `${both.join(', ')} cannot be both set and reset; nothing was changed.`);
  };

  const previewChange = async (cluster: FetchCluster, request: BrokerConfigChange): Promise<BrokerConfigPreview> => {
    checkChange(request);
    // The default resource lists only the defaults set; a broker's entries know every key and its levels.
    const entries = await describeBrokerConfigs(cluster, request.brokerId ?? (await cluster.anyBroker()).nodeId);
    const defaults = request.brokerId === null ? new Map((await describeBrokerConfigs(cluster, null)).map((entry) => [entry.name, entry.value])) : undefined;
    const rows = previewConfigChanges(entries, request.brokerId, request.set, request.reset, defaults);
    let rejected: string | null = null;
    try {
      await incrementalAlterConfigs(cluster, [{ type: 'broker', name: request.brokerId === null ? '' : String(request.brokerId), changes: toChanges(request) }], { validateOnly: true });
    } catch (error) {
      rejected = error instanceof Error ? error.message : String(error);
    }
    return { brokerId: request.brokerId, rows, rejected };
  };

  const reassignments = async (profileId: string, topic?: string): Promise<Reassignments> => {
    const settings = await deps.profiles.resolveConnection(profileId);
    return withAdminClient(deps.factory, settings, 'Listing partition reassignments', async (admin) => {
      const { topics } = await admin.listPartitionReassignments(topic === undefined ? {} : { topics: [{ topic, partitions: (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.map((entry) => entry.partitionId) }] });
      // kafkajs' types name the fields `topic` and `partitionIndex`; its decoder fills `name` and `partition`.
      const raw = topics as unknown as { name?: string; topic?: string; partitions: { partition?: number; partitionIndex?: number; replicas: number[]; addingReplicas?: number[]; removingReplicas?: number[] }[] }[];
      return {
        reassignments: raw
          .flatMap((entry) =>
            entry.partitions.map((partition) => ({ topic: entry.name ?? entry.topic ?? '', partition: partition.partition ?? partition.partitionIndex ?? 0, replicas: partition.replicas, adding: partition.addingReplicas ?? [], removing: partition.removingReplicas ?? [] })),
          )
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      };
    });
  };

  return {
    async list(profileId: string): Promise<BrokerList> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withSession(settings, 'Listing brokers', async (session) => {
        const warnings: string[] = [];
        const connected = await session.brokers();
        const any = connected.values().next().value as InternalBroker | undefined;
        let described: ClusterDescription | null = null;
        if (any) {
          try {
            described = await within(brokerTimeoutMs, describeCluster(any), `Broker ${any.nodeId}`);
            if (described.errorCode !== 0) throw createErrorFromCode(described.errorCode);
          } catch (error) {
            described = null;
            warnings.push(`DescribeCluster failed (${(error as Error).message}); stopped brokers cannot be listed.`);
          }
        }
        let quorum: Quorum | null = null;
        let quorumNote: string | null = null;
        if (any) {
          try {
            const answer = await within(brokerTimeoutMs, describeQuorum(any), `Broker ${any.nodeId}`);
            const code = answer.errorCode || answer.partitionErrorCode;
            if (code !== 0) throw createErrorFromCode(code);
            const leader = answer.voters.find((voter) => voter.replicaId === answer.leaderId);
            const leaderEnd = leader?.logEndOffset ?? answer.highWatermark;
            quorum = {
              leaderId: answer.leaderId,
              leaderEpoch: answer.leaderEpoch,
              highWatermark: answer.highWatermark,
              voters: withQuorumLag(answer.leaderId, answer.voters, leaderEnd),
              observers: withQuorumLag(answer.leaderId, answer.observers, leaderEnd),
            };
          } catch (error) {
            const message = error instanceof AppFailure ? error.message : (error as Error).message;
            quorumNote = /CLUSTER_AUTHORIZATION_FAILED|authoriz/i.test(message) ? `The controller quorum needs DESCRIBE on the cluster for ${principalOf(settings)}.` : `The controller quorum is not available: ${message}`;
          }
        }
        // Every broker the metadata or the controller knows, stopped (fenced) ones included.
        const known = new Map<number, { host: string; port: number; rack: string | null; fenced: boolean }>();
        for (const broker of session.metadata.brokers) known.set(broker.nodeId, { host: broker.host, port: broker.port, rack: null, fenced: false });
        for (const broker of described?.brokers ?? []) known.set(broker.brokerId, { host: broker.host, port: broker.port, rack: broker.rack, fenced: broker.fenced });
        const figures = brokerFigures(
          session.metadata.topics.flatMap((topic) => topic.partitions),
          known.keys(),
        );
        const disks = new Map<number, { bytes: number; failed: number } | null>();
        await Promise.all(
          [...known.keys()].map(async (id) => {
            const broker = connected.get(id);
            if (!broker || known.get(id)!.fenced) return disks.set(id, null);
            try {
              const dirs = await within(brokerTimeoutMs, describeBrokerLogDirs(broker), `Broker ${id}`);
              let bytes = 0;
              for (const dir of dirs) for (const partition of dir.partitions) if (!partition.isFuture) bytes += partition.sizeBytes;
              disks.set(id, { bytes, failed: dirs.filter((dir) => dir.errorCode !== 0).length });
            } catch (error) {
              disks.set(id, null);
              warnings.push(`Broker ${id}: log directories not available (${describeKafkaFailure(error, 'DescribeLogDirs', principalOf(settings)).message}).`);
            }
          }),
        );
        const controllerId = quorum?.leaderId ?? (described && described.controllerId >= 0 ? described.controllerId : null);
        const brokers: BrokerRow[] = [...known]
          .sort(([a], [b]) => a - b)
          .map(([id, broker]) => {
            const figure = figures.get(id)!;
            const disk = disks.get(id) ?? null;
            return {
              id,
              host: broker.host,
              port: broker.port,
              rack: broker.rack,
              status: broker.fenced ? 'fenced' : connected.has(id) ? 'alive' : 'unreachable',
              isController: controllerId === id,
              ...figure,
              diskBytes: disk?.bytes ?? null,
              failedLogDirs: disk?.failed ?? null,
            };
          });
        return {
          clusterId: described?.clusterId ?? '',
          tenant: null,
          controllerId,
          brokers,
          quorum,
          quorumNote,
          listsFenced: described?.listsFenced ?? false,
          warnings,
          sampledAt: deps.clock.now(),
        };
      });
    },

    async configs(profileId: string, brokerId: number | null): Promise<BrokerConfigs> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withCluster(settings, `Reading the configuration of ${configTarget(brokerId)}`, async (cluster) => ({ brokerId, entries: await describeBrokerConfigs(cluster, brokerId) }));
    },

    /** What the change would do, and whether the broker accepts it (validate_only); changes nothing. */
    async previewConfig(request: BrokerConfigChange): Promise<BrokerConfigPreview> {
      const settings = await deps.profiles.resolveConnection(request.profileId);
      return withCluster(settings, `Checking a change of ${configTarget(request.brokerId)}`, (cluster) => previewChange(cluster, request));
    },

    async alterConfig(request: BrokerConfigChange): Promise<{ changed: string[] }> {
      checkChange(request);
      const settings = await authorize(request.profileId, 'edit-brokers');
      return withCluster(settings, `Changing the configuration of ${configTarget(request.brokerId)}`, async (cluster) => {
        const preview = await previewChange(cluster, request);
        const problems = preview.rows.filter((row) => row.problem !== null).map((row) => row.problem);
        if (problems.length > 0) throw new AppFailure('INVALID_INPUT', `Nothing was changed: ${problems.join(' ')}`);
        if (preview.rejected) throw new AppFailure('INVALID_INPUT', `Nothing was changed: ${preview.rejected}`);
        await incrementalAlterConfigs(cluster, [{ type: 'broker', name: request.brokerId === null ? '' : String(request.brokerId), changes: toChanges(request) }]);
        return { changed: preview.rows.map((row) => row.name) };
      });
    },

    async logDirs(profileId: string, brokerId: number): Promise<BrokerLogDirs> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withCluster(settings, `Reading the log directories of broker ${brokerId}`, async (cluster) => {
        const broker = await brokerFor(cluster, brokerId);
        const dirs = await describeBrokerLogDirs(broker);
        return {
          brokerId,
          dirs: dirs.map((dir) => ({
            logDir: dir.logDir,
            error: dir.errorCode === 0 ? null : errorWords(dir.errorCode),
            totalBytes: dir.partitions.reduce((sum, partition) => sum + (partition.isFuture ? 0 : partition.sizeBytes), 0),
            partitions: dir.partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
            hiddenPartitions: 0,
          })),
        };
      });
    },

    async electLeaders({ profileId, partitions, confirmation }: { profileId: string; partitions: { topic: string; partition: number }[] | null; confirmation: string }): Promise<ElectLeadersResult> {
      const expected = electionConfirmationText(partitions);
      if (confirmation !== expected) throw new AppFailure('INVALID_INPUT', `Type '${expected}' exactly to confirm the election; nothing was elected.`);
      const settings = await authorize(profileId, 'reassign-partitions');
      return withCluster(settings, 'Electing preferred leaders', async (cluster) => {
        const byTopic = new Map<string, number[]>();
        for (const { topic, partition } of partitions ?? []) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
        const answer = await electPreferredLeaders(await cluster.anyBroker(), partitions === null ? null : [...byTopic].map(([topic, list]) => ({ topic, partitions: list })));
        if (answer.errorCode !== 0) throw createErrorFromCode(answer.errorCode);
        return {
          results: answer.results
            .map((result) => ({
              topic: result.topic,
              partition: result.partition,
              outcome: result.errorCode === 0 ? ('elected' as const) : result.errorCode === ELECTION_NOT_NEEDED ? ('already-preferred' as const) : ('failed' as const),
              message: result.errorCode === 0 || result.errorCode === ELECTION_NOT_NEEDED ? null : (result.errorMessage ?? errorWords(result.errorCode)),
            }))
            .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
        };
      });
    },

    /** A proposed placement of the topic's replicas on the chosen brokers; changes nothing. */
    async planReassignment({ profileId, topic, brokerIds, replicationFactor }: { profileId: string; topic: string; brokerIds: number[]; replicationFactor?: number | undefined }): Promise<ReassignmentPlan> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withSession(settings, `Planning a reassignment of '${topic}'`, async (session) => {
        const metadata = session.metadata.topics.find((entry) => entry.name === topic);
        if (!metadata || metadata.errorCode !== 0) throw new AppFailure('NOT_FOUND', `Topic '${topic}' does not exist or is not visible to ${principalOf(settings)}.`);
        const live = new Set(session.metadata.brokers.map((broker) => broker.nodeId));
        const missing = brokerIds.filter((id) => !live.has(id));
        if (missing.length > 0) throw new AppFailure('INVALID_INPUT', `Broker${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not alive in the cluster; choose live brokers.`);
        let plans;
        try {
          plans = proposeReassignment(metadata.partitions, brokerIds, replicationFactor);
        } catch (error) {
          throw new AppFailure('INVALID_INPUT', (error as Error).message);
        }
        return { topic, partitions: plans, movedReplicas: movedReplicas(plans) };
      });
    },

    async reassign({ profileId, topic, partitions, confirmation }: { profileId: string; topic: string; partitions: { partition: number; replicas: number[] }[]; confirmation: string }) {
      if (confirmation !== topic) throw new AppFailure('INVALID_INPUT', `Type the topic name '${topic}' exactly to confirm the reassignment; nothing was moved.`);
      for (const { partition, replicas } of partitions) {
        if (new Set(replicas).size !== replicas.length) throw new AppFailure('INVALID_INPUT', `Partition ${partition} names a broker twice in [${replicas.join(', ')}]; nothing was moved.`);
      }
      const settings = await authorize(profileId, 'reassign-partitions');
      return withCluster(settings, `Reassigning '${topic}'`, async (cluster) => outcomes(await alterReassignments(await cluster.anyBroker(), topic, partitions)));
    },

    async cancelReassignment({ profileId, topic, partitions, confirmation }: { profileId: string; topic: string; partitions: number[] | null; confirmation: string }) {
      if (confirmation !== topic) throw new AppFailure('INVALID_INPUT', `Type the topic name '${topic}' exactly to confirm cancelling; nothing was cancelled.`);
      const settings = await authorize(profileId, 'reassign-partitions');
      const ongoing = partitions ?? (await reassignments(profileId, topic)).reassignments.map((entry) => entry.partition);
      if (ongoing.length === 0) return { partitions: [] };
      return withCluster(settings, `Cancelling the reassignment of '${topic}'`, async (cluster) =>
        outcomes(await alterReassignments(await cluster.anyBroker(), topic, ongoing.map((partition) => ({ partition, replicas: null })))),
      );
    },

    reassignments,
  };
}

function outcomes(answer: { errorCode: number; errorMessage: string | null; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }) {
  if (answer.errorCode !== 0) throw new AppFailure('KAFKA_ERROR', answer.errorMessage ?? errorWords(answer.errorCode));
  return { partitions: answer.partitions.map((entry) => ({ partition: entry.partition, error: entry.errorCode === 0 ? null : (entry.errorMessage ?? errorWords(entry.errorCode)) })).sort((a, b) => a.partition - b.partition) };
}

export type BrokerService = ReturnType<typeof createBrokerService>;
