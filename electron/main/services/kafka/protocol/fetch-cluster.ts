// Group-less reading over kafkajs' cluster/broker layer: metadata, ListOffsets and Fetch sent straight
// to partition leaders, with no JoinGroup, no coordinator and no OffsetCommit. A principal with only
// READ + DESCRIBE on the topic can browse. See docs/decisions/0006-group-less-fetch.md.
import Cluster, { type InternalBroker } from 'kafkajs/src/cluster/index.js';
import filterAbortedMessages from 'kafkajs/src/consumer/filterAbortedMessages.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js';
import { requests } from 'kafkajs/src/protocol/requests/index.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { Clock } from '../../ports';
import { buildKafkaConfig, defaultClientTimeouts, type ClientTimeouts } from '../client-factory';
import type { KafkaConnectionSettings } from '../connection-settings';
import { registerCompressionCodecs } from './compression-codecs';
import { decodeFetchResponseV11, type DecodedFetchPartition, type DecodedFetchResponse } from './fetch-response';

const READ_COMMITTED = 1;
const EARLIEST = -2;
const LATEST = -1;
const METADATA_MAX_AGE_MS = 300_000;

/** Partition errors after which the leader may have moved: refresh metadata and ask again. */
const LEADERSHIP_ERRORS = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'REPLICA_NOT_AVAILABLE',
  'KAFKA_STORAGE_ERROR',
  'OFFSET_NOT_AVAILABLE',
  'NOT_COORDINATOR',
]);

export type OffsetSpec = 'earliest' | 'latest' | { timestamp: number };

export interface FetchedRecord {
  offset: bigint;
  timestamp: number;
  timestampType: 'create' | 'log-append';
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly { key: string; value: Buffer | null }[];
}

export interface PartitionFetchRequest {
  partition: number;
  offset: bigint;
}

export type FetchedPartition =
  | {
      partition: number;
      status: 'ok';
      highWatermark: bigint;
      /** Visible records at or after the requested offset, in offset order. */
      records: FetchedRecord[];
      /** Where to continue: past the last record seen, including control and aborted records. */
      nextOffset: bigint;
    }
  | { partition: number; status: 'offset-out-of-range' }
  | { partition: number; status: 'leader-changed' };

export interface FetchLimits {
  /** Upper bound of one Fetch response across all partitions (Kafka returns at least one batch). */
  maxBytes: number;
  partitionMaxBytes: number;
  maxWaitMs: number;
}

export interface FetchCluster {
  partitions(topic: string): Promise<number[]>;
  /** Offset per partition for earliest / latest (the last stable offset) / the first at or after a timestamp. */
  listOffsets(topic: string, partitions: number[], spec: OffsetSpec): Promise<Map<number, bigint>>;
  /** One Fetch per leader broker, sent in parallel. */
  fetch(topic: string, positions: PartitionFetchRequest[], limits: FetchLimits): Promise<FetchedPartition[]>;
  /** The brokers' node ids and a way to send them a request; for the DescribeLogDirs and config wrappers. */
  brokers(): Promise<InternalBroker[]>;
  anyBroker(): Promise<InternalBroker>;
  close(): Promise<void>;
}

interface RawMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | (Buffer | null)[]>;
  isControlRecord?: boolean;
  batchContext?: { timestampType?: number };
}

interface RawPartitionResponse {
  partition: number;
  errorCode: number;
  highWatermark: string;
  abortedTransactions: unknown[];
  messages: RawMessage[];
}

interface RawFetchResponse {
  errorCode?: number;
  responses: { topicName: string; partitions: RawPartitionResponse[] }[];
}

/** Builds a cluster from exactly the kafkajs configuration the client factory gives `new Kafka()`. */
export async function openFetchCluster(
  settings: KafkaConnectionSettings,
  clock: Clock,
  timeouts: Partial<ClientTimeouts> = {},
  log: (line: string) => void = () => undefined,
): Promise<FetchCluster> {
  return createFetchCluster(await openKafkaCluster(settings, clock, timeouts, log));
}

/** The connected kafkajs cluster behind a FetchCluster, for protocol wrappers that must choose which metadata to load. */
export async function openKafkaCluster(
  settings: KafkaConnectionSettings,
  clock: Clock,
  timeouts: Partial<ClientTimeouts> = {},
  log: (line: string) => void = () => undefined,
): Promise<Cluster> {
  registerCompressionCodecs();
  const { logLevel, logCreator, ...config } = buildKafkaConfig(settings, { ...defaultClientTimeouts, ...timeouts }, clock, log);
  const cluster = new Cluster({
    ...config,
    logger: createLogger({ level: logLevel, logCreator }),
    socketFactory: defaultSocketFactory(),
    // Matches what `new Kafka()` passes a cluster (enforceRequestTimeout defaults to true there).
    enforceRequestTimeout: true,
    metadataMaxAge: METADATA_MAX_AGE_MS,
    allowAutoTopicCreation: false,
    maxInFlightRequests: null,
    isolationLevel: READ_COMMITTED,
  });
  await cluster.connect();
  return cluster;
}

export function createFetchCluster(cluster: Cluster): FetchCluster {
  const targetTopics = new Set<string>();
  const ensureTopic = async (topic: string) => {
    if (targetTopics.has(topic)) return;
    await cluster.addTargetTopic(topic);
    targetTopics.add(topic);
  };
  const leaderOf = (topic: string, partition: number): number => {
    const metadata = cluster.findTopicPartitionMetadata(topic).find((entry) => entry.partitionId === partition);
    if (!metadata) throw new Error(`Partition ${partition} of topic '${topic}' does not exist.`);
    return metadata.leader;
  };
  const byLeader = <T extends { partition: number }>(topic: string, items: T[]): Map<number, T[]> => {
    const groups = new Map<number, T[]>();
    for (const item of items) {
      const leader = leaderOf(topic, item.partition);
      groups.set(leader, [...(groups.get(leader) ?? []), item]);
    }
    return groups;
  };

  const listOffsetsOnce = async (topic: string, partitions: number[], spec: OffsetSpec) => {
    const timestamp = spec === 'earliest' ? EARLIEST : spec === 'latest' ? LATEST : spec.timestamp;
    const result = new Map<number, bigint>();
    const groups = byLeader(topic, partitions.map((partition) => ({ partition })));
    await Promise.all(
      [...groups].map(async ([nodeId, group]) => {
        const broker = await cluster.findBroker({ nodeId });
        const { responses } = await broker.listOffsets({
          isolationLevel: READ_COMMITTED,
          topics: [{ topic, partitions: group.map(({ partition }) => ({ partition, timestamp })) }],
        });
        for (const entry of responses.flatMap((response) => response.partitions)) {
          result.set(entry.partition, BigInt(entry.offset));
        }
      }),
    );
    return result;
  };

  return {
    async partitions(topic) {
      await ensureTopic(topic);
      const metadata = cluster.findTopicPartitionMetadata(topic);
      if (metadata.length === 0) throw new Error(`Topic '${topic}' does not exist or is not visible to this principal.`);
      return metadata.map((entry) => entry.partitionId).sort((a, b) => a - b);
    },

    async listOffsets(topic, partitions, spec) {
      await ensureTopic(topic);
      for (let attempt = 0; ; attempt++) {
        try {
          const offsets = await listOffsetsOnce(topic, partitions, spec);
          // A timestamp later than every record answers -1: there is nothing at or after it.
          if (typeof spec === 'object' && [...offsets.values()].some((offset) => offset < 0n)) {
            const latest = await listOffsetsOnce(topic, partitions, 'latest');
            for (const [partition, offset] of offsets) if (offset < 0n) offsets.set(partition, latest.get(partition) ?? 0n);
          }
          return offsets;
        } catch (error) {
          if (attempt >= 5 || !isLeadershipError(error)) throw error;
          await cluster.refreshMetadata();
          await delay(100 * 2 ** attempt);
        }
      }
    },

    async fetch(topic, positions, limits) {
      await ensureTopic(topic);
      let refreshNeeded = false;
      const groups = byLeader(topic, positions);
      const results = await Promise.all(
        [...groups].map(async ([nodeId, group]): Promise<FetchedPartition[]> => {
          try {
            const broker = await cluster.findBroker({ nodeId });
            const response = await sendFetch(broker, topic, group, limits);
            if (response.errorCode) throw createErrorFromCode(response.errorCode);
            return response.partitions.map((partition) => {
              const outcome = toFetchedPartition(partition, group.find((position) => position.partition === partition.partition)?.offset ?? 0n);
              if (outcome.status === 'leader-changed') refreshNeeded = true;
              return outcome;
            });
          } catch (error) {
            if (!isLeadershipError(error) && !isConnectionError(error)) throw error;
            refreshNeeded = true;
            return group.map(({ partition }) => ({ partition, status: 'leader-changed' as const }));
          }
        }),
      );
      if (refreshNeeded) await cluster.refreshMetadata().catch(() => undefined);
      return results.flat();
    },

    async brokers() {
      await cluster.refreshMetadata();
      return Promise.all(cluster.getNodeIds().map((nodeId) => cluster.findBroker({ nodeId })));
    },

    async anyBroker() {
      await cluster.refreshMetadata();
      return cluster.findControllerBroker();
    },

    async close() {
      await cluster.disconnect();
    },
  };
}

async function sendFetch(broker: InternalBroker, topic: string, group: PartitionFetchRequest[], limits: FetchLimits): Promise<DecodedFetchResponse> {
  const buildFetch = broker.lookupRequest(apiKeys.Fetch!, requests.Fetch);
  const protocolRequest = buildFetch({
    replicaId: -1,
    isolationLevel: READ_COMMITTED,
    maxWaitTime: limits.maxWaitMs,
    minBytes: 1,
    maxBytes: limits.maxBytes,
    topics: [
      {
        topic,
        partitions: group.map(({ partition, offset }) => ({ partition, fetchOffset: offset.toString(), maxBytes: limits.partitionMaxBytes })),
      },
    ],
    rackId: '',
  });
  const requested = new Map(group.map(({ partition, offset }) => [partition, offset]));
  const decodeWithKafkajs = async (raw: Buffer) => fromKafkajsResponse((await protocolRequest.response.decode(raw)) as RawFetchResponse, requested);
  const decode =
    protocolRequest.request.apiVersion === 11
      ? async (raw: Buffer) => (await decodeFetchResponseV11(raw, requested)) ?? decodeWithKafkajs(raw)
      : decodeWithKafkajs;
  // kafkajs' parse throws on the first partition error; we keep the per-partition codes instead, so
  // one moved leader or truncated log does not fail the partitions that read fine.
  return broker.connectionPool.send<DecodedFetchResponse>({ ...protocolRequest, response: { decode, parse: async (data: unknown) => data } });
}

function toFetchedPartition(decoded: DecodedFetchPartition, requestedOffset: bigint): FetchedPartition {
  if (decoded.errorCode !== 0) {
    const error = createErrorFromCode(decoded.errorCode);
    if (error.type === 'OFFSET_OUT_OF_RANGE') return { partition: decoded.partition, status: 'offset-out-of-range' };
    if (LEADERSHIP_ERRORS.has(error.type)) return { partition: decoded.partition, status: 'leader-changed' };
    throw error;
  }
  return {
    partition: decoded.partition,
    status: 'ok',
    highWatermark: decoded.highWatermark,
    records: decoded.records,
    nextOffset: decoded.nextOffset ?? requestedOffset,
  };
}

/** Legacy message sets (and Fetch versions other than 11) go through kafkajs' decoder. */
function fromKafkajsResponse(response: RawFetchResponse, requested: Map<number, bigint>): DecodedFetchResponse {
  return {
    errorCode: response.errorCode ?? 0,
    partitions: response.responses
      .flatMap((entry) => entry.partitions)
      .map((raw) => {
        const requestedOffset = requested.get(raw.partition) ?? 0n;
        // Compressed batches start before the requested offset; those records were already read.
        const inRange = raw.messages.filter((message) => BigInt(message.offset) >= requestedOffset);
        const last = inRange[inRange.length - 1];
        const visible = filterAbortedMessages({ messages: inRange, abortedTransactions: raw.abortedTransactions }).filter(
          (message) => !message.isControlRecord,
        );
        return {
          partition: raw.partition,
          errorCode: raw.errorCode,
          highWatermark: BigInt(raw.highWatermark),
          records: visible.map(toRecord),
          nextOffset: last ? BigInt(last.offset) + 1n : null,
        };
      }),
  };
}

function toRecord(message: RawMessage): FetchedRecord {
  const headers: { key: string; value: Buffer | null }[] = [];
  for (const [key, value] of Object.entries(message.headers ?? {})) {
    for (const single of Array.isArray(value) ? value : [value]) headers.push({ key, value: single });
  }
  return {
    offset: BigInt(message.offset),
    timestamp: Number(message.timestamp),
    timestampType: message.batchContext?.timestampType === 1 ? 'log-append' : 'create',
    key: message.key,
    value: message.value,
    headers,
  };
}

function isLeadershipError(error: unknown): boolean {
  const type = (error as { type?: unknown })?.type;
  return typeof type === 'string' && LEADERSHIP_ERRORS.has(type);
}

function isConnectionError(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return (
    name === 'KafkaJSConnectionError' ||
    name === 'KafkaJSConnectionClosedError' ||
    name === 'KafkaJSBrokerNotFound' ||
    name === 'KafkaJSRequestTimeoutError' ||
    name === 'KafkaJSLockTimeout'
  );
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
