// Whole-cluster topic reads in as few requests as the protocol allows: one Metadata request for every
// topic, ListOffsets batched per leader broker (many topics per request) instead of one request per
// topic, and DescribeLogDirs once per broker — what makes a 10,000-topic list take seconds, not minutes.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js';
import { requests } from 'kafkajs/src/protocol/requests/index.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { Clock } from '../../ports';
import type { ClientTimeouts } from '../client-factory';
import type { KafkaConnectionSettings } from '../connection-settings';
import { describeLogDirs, describeTopicSizes, type LogDirPartition } from './describe-log-dirs';
import { listOffsetsBatchDefinition, type ListOffsetsColumns } from './list-offsets-batch';
import { createFetchCluster, openKafkaCluster } from './fetch-cluster';
import { checkedCount, decodingResponse } from './malformed-response';

const READ_UNCOMMITTED = 0;
const TIMESTAMPS = { earliest: -2n, latest: -1n } as const;
/** Keeps a single ListOffsets request (and its response) well under the broker's request size limits. */
const MAX_PARTITIONS_PER_REQUEST = 10_000;

export interface ClusterTopicPartition {
  partition: number;
  /** −1: no leader (offline). */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  errorCode: number;
}

export interface ClusterTopic {
  name: string;
  isInternal: boolean;
  errorCode: number;
  partitions: ClusterTopicPartition[];
}

export interface ClusterTopics {
  brokers: { nodeId: number; host: string; port: number }[];
  topics: ClusterTopic[];
}

export interface TopicsSession {
  /** Every topic the principal may describe, from one Metadata request (topics = null). */
  readonly metadata: ClusterTopics;
  /** Earliest or latest offsets of many partitions, one request per leader (see listOffsetsForTopics). */
  listOffsets(partitions: LeaderPartition[], spec: 'earliest' | 'latest'): Promise<TopicOffsets>;
  /** Replica sizes of every topic: one DescribeLogDirs per broker. */
  logDirs(): Promise<LogDirPartition[]>;
  /** The same request summed per topic (every live replica), without an entry per partition. */
  topicSizes(): Promise<Map<string, number>>;
  /** The brokers the metadata names, connected, by node id (for the group APIs, which go to coordinators). */
  brokers(): Promise<ReadonlyMap<number, InternalBroker>>;
  close(): Promise<void>;
}

/**
 * Connects and reads the metadata of every topic. kafkajs learns the brokers only through its own
 * metadata refresh, which with no target topic asks for every topic again and fails outright on one
 * offline partition; naming one healthy topic keeps that refresh to a single topic.
 */
export async function openTopicsSession(
  settings: KafkaConnectionSettings,
  clock: Clock,
  timeouts: Partial<ClientTimeouts> = {},
  log: (line: string) => void = () => undefined,
): Promise<TopicsSession> {
  const cluster = await openKafkaCluster(settings, clock, timeouts, log);
  try {
    const metadata = await describeAllTopics(await cluster.brokerPool.findConnectedBroker());
    const anchor = metadata.topics.find((topic) => topic.errorCode === 0 && topic.partitions.length > 0 && topic.partitions.every((partition) => partition.errorCode === 0));
    let brokersReady: Promise<Map<number, InternalBroker>> | undefined;
    const brokers = () =>
      (brokersReady ??= (async () => {
        if (anchor) await cluster.addTargetTopic(anchor.name);
        else await cluster.refreshMetadata();
        const found = await Promise.all(metadata.brokers.map(({ nodeId }) => cluster.findBroker({ nodeId }).then((broker) => [nodeId, broker] as const, () => null)));
        return new Map(found.filter((entry) => entry !== null));
      })());
    const fetchCluster = { ...createFetchCluster(cluster), brokers: async () => [...(await brokers()).values()] };
    return {
      metadata,
      listOffsets: async (partitions, spec) => listOffsetsForTopics(await brokers(), partitions, spec),
      logDirs: () => describeLogDirs(fetchCluster, null),
      topicSizes: () => describeTopicSizes(fetchCluster),
      brokers,
      close: () => cluster.disconnect(),
    };
  } catch (error) {
    await cluster.disconnect().catch(() => undefined);
    throw error;
  }
}

async function describeAllTopics(broker: InternalBroker): Promise<ClusterTopics> {
  // An empty topic list is encoded as null by kafkajs, which asks for all topics.
  const request = broker.lookupRequest(apiKeys.Metadata!, requests.Metadata)({ topics: [], allowAutoTopicCreation: false });
  // kafkajs' parse throws on the first topic or partition error; one offline partition must not fail the list.
  const version = request.request.apiVersion;
  return broker.connectionPool.send<ClusterTopics>({ ...request, response: { decode: async (raw: Buffer) => decodeMetadataResponse(version, raw), parse: async (data: unknown) => data } });
}

/**
 * Metadata response v0-v6 (the versions kafkajs negotiates) straight from the buffer, errors kept per
 * topic and partition. 20,000 partitions through kafkajs' decoder and a second mapping were a third of
 * the list's client time.
 *   v0 => [brokers: node_id host port] [topics: error_code name [partitions]]
 *   v1 adds rack to brokers, controller_id, is_internal; v2 cluster_id; v3+ throttle_time_ms first
 *   partitions => error_code partition_index leader_id [replicas] [isr]; v5+ [offline_replicas]
 */
function decodeMetadataResponseUnchecked(version: number, raw: Buffer): ClusterTopics {
  let at = version >= 3 ? 4 : 0;
  const readInt32 = () => {
    const value = raw.readInt32BE(at);
    at += 4;
    return value;
  };
  const readInt16 = () => {
    const value = raw.readInt16BE(at);
    at += 2;
    return value;
  };
  const readString = () => {
    const length = readInt16();
    if (length < 0) return null;
    at += length;
    return raw.toString('utf8', at - length, at);
  };
  // A count is checked against the bytes left before an array of that length is made.
  const readCount = (bytesPerItem: number) => checkedCount('Metadata', Math.max(0, readInt32()), raw.length - at, bytesPerItem);
  const readInt32Array = () => {
    const values: number[] = new Array(readCount(4));
    for (let index = 0; index < values.length; index++) values[index] = readInt32();
    return values;
  };
  const brokers: ClusterTopics['brokers'] = new Array(readCount(10));
  for (let index = 0; index < brokers.length; index++) {
    brokers[index] = { nodeId: readInt32(), host: readString() ?? '', port: readInt32() };
    if (version >= 1) readString(); // rack
  }
  if (version >= 2) readString(); // cluster_id
  if (version >= 1) readInt32(); // controller_id
  const topics: ClusterTopic[] = new Array(readCount(4));
  for (let topicIndex = 0; topicIndex < topics.length; topicIndex++) {
    const errorCode = readInt16();
    const name = readString() ?? '';
    const isInternal = version >= 1 ? raw.readInt8(at++) !== 0 : false;
    const partitions: ClusterTopicPartition[] = new Array(readCount(18));
    for (let index = 0; index < partitions.length; index++) {
      const partitionError = readInt16();
      const partition = readInt32();
      const leader = readInt32();
      const replicas = readInt32Array();
      const isr = readInt32Array();
      partitions[index] = { partition, leader, replicas, isr, offlineReplicas: version >= 5 ? readInt32Array() : [], errorCode: partitionError };
    }
    partitions.sort((a, b) => a.partition - b.partition);
    topics[topicIndex] = { name, isInternal, errorCode, partitions };
  }
  return { brokers, topics };
}

export interface LeaderPartition {
  topic: string;
  partition: number;
  leader: number;
}

export interface TopicOffsets {
  /** topic → offsets indexed by partition (holes for partitions not asked about or failed). */
  offsets: Map<string, bigint[]>;
  /** Partitions without an answer: no leader, leader unreachable, or a per-partition error. */
  failed: { topic: string; partition: number; reason: string }[];
}

/**
 * Earliest or latest offsets of many topics' partitions: the partitions are grouped by the leader the
 * caller's metadata names, and each leader gets one request (or a few, past 10,000 partitions), all in
 * parallel. Per-partition errors are reported, not thrown, so one moved leader costs one partition.
 */
export async function listOffsetsForTopics(brokers: ReadonlyMap<number, InternalBroker>, partitions: LeaderPartition[], spec: 'earliest' | 'latest'): Promise<TopicOffsets> {
  const result: TopicOffsets = { offsets: new Map(), failed: [] };
  const byLeader = new Map<number, LeaderPartition[]>();
  for (const entry of partitions) {
    if (entry.leader < 0) {
      result.failed.push({ topic: entry.topic, partition: entry.partition, reason: 'no leader' });
      continue;
    }
    let group = byLeader.get(entry.leader);
    if (!group) byLeader.set(entry.leader, (group = []));
    group.push(entry);
  }
  if (byLeader.size === 0) return result;

  const requestsToSend: { broker: InternalBroker | undefined; leader: number; chunk: LeaderPartition[] }[] = [];
  for (const [leader, group] of byLeader) {
    for (let start = 0; start < group.length; start += MAX_PARTITIONS_PER_REQUEST) {
      requestsToSend.push({ broker: brokers.get(leader), leader, chunk: group.slice(start, start + MAX_PARTITIONS_PER_REQUEST) });
    }
  }
  await Promise.all(
    requestsToSend.map(async ({ broker, leader, chunk }) => {
      if (!broker) {
        for (const { topic, partition } of chunk) result.failed.push({ topic, partition, reason: `broker ${leader} is not reachable` });
        return;
      }
      try {
        const answer = await sendListOffsets(broker, chunk, TIMESTAMPS[spec]);
        let entry = 0;
        answer.topics.forEach((topic, index) => {
          let perPartition = result.offsets.get(topic);
          if (!perPartition) result.offsets.set(topic, (perPartition = []));
          for (const end = answer.partitionsEnd[index]!; entry < end; entry++) {
            const partition = answer.partitions[entry]!;
            const errorCode = answer.errorCodes[entry]!;
            if (errorCode !== 0) result.failed.push({ topic, partition, reason: createErrorFromCode(errorCode).type });
            else perPartition[partition] = answer.offsets[entry]!;
          }
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const { topic, partition } of chunk) result.failed.push({ topic, partition, reason });
      }
    }),
  );
  return result;
}

/** The chunk keeps the metadata's order, so each topic's partitions are already next to each other. */
async function sendListOffsets(broker: InternalBroker, chunk: LeaderPartition[], timestamp: bigint): Promise<ListOffsetsColumns> {
  const request = broker.lookupRequest(apiKeys.ListOffsets!, listOffsetsBatchDefinition)({
    targets: chunk,
    timestamp,
    // Sizes and counts are about what is stored, so the high watermark, not the last stable offset.
    isolationLevel: READ_UNCOMMITTED,
  });
  return broker.connectionPool.send<ListOffsetsColumns>(request);
}

/** decodeMetadataResponse with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeMetadataResponse(version: number, raw: Buffer): ClusterTopics {
  return decodingResponse('Metadata', () => decodeMetadataResponseUnchecked(version, raw));
}
