// The cluster-level APIs kafkajs lacks, written over its protocol layer like the group APIs:
// DescribeCluster v0–v2 (API key 60; v2 lists fenced brokers too, KIP-1073, which is how a stopped
// broker stays on the broker list), DescribeQuorum v0–v2 (API key 55: the KRaft controller quorum)
// and ElectLeaders v2 (API key 43: preferred leader election). A broker forwards DescribeQuorum and
// ElectLeaders to the active controller, so any broker will do. Field layouts follow the message
// definitions in Kafka's clients/src/main/resources/common/message/*.json.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { AppFailure } from '../../../../../shared/ipc/result';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';

export const CLUSTER_API_KEYS = { ElectLeaders: 43, DescribeQuorum: 55, DescribeCluster: 60 } as const;
type ClusterApi = keyof typeof CLUSTER_API_KEYS;

/** Versions implemented here, lowest first. */
const IMPLEMENTED: Record<ClusterApi, readonly number[]> = {
  ElectLeaders: [2],
  DescribeQuorum: [0, 1, 2],
  DescribeCluster: [0, 1, 2],
};

/** The highest version both sides know, or null. */
export function clusterApiVersion(broker: Pick<InternalBroker, 'versions'>, api: ClusterApi): number | null {
  const range = broker.versions?.[CLUSTER_API_KEYS[api]];
  if (!range) return null;
  const usable = IMPLEMENTED[api].filter((version) => version >= range.minVersion && version <= range.maxVersion);
  return usable.length === 0 ? null : usable[usable.length - 1]!;
}

async function send<T>(broker: InternalBroker, api: ClusterApi, encode: (version: number) => Buffer, decode: (version: number, raw: Buffer) => T): Promise<T> {
  const version = clusterApiVersion(broker, api);
  if (version === null) {
    const range = broker.versions?.[CLUSTER_API_KEYS[api]];
    throw new AppFailure(
      'UNSUPPORTED',
      range
        ? `Broker ${broker.nodeId} offers ${api} v${range.minVersion}–v${range.maxVersion}; Odradek needs v${IMPLEMENTED[api].join('/v')}.`
        : `Broker ${broker.nodeId} does not offer ${api} (API key ${CLUSTER_API_KEYS[api]}); it is not a KRaft cluster of Kafka 3.3 or later.`,
      { api, apiKey: CLUSTER_API_KEYS[api] },
    );
  }
  return broker.connectionPool.send<T>({
    request: { apiKey: CLUSTER_API_KEYS[api], apiVersion: version, apiName: api, encode: async () => new Encoder(0).writeBuffer(encode(version)) },
    response: { decode: async (raw: Buffer) => decode(version, raw), parse: async (data: unknown) => data },
  });
}

// ---------------------------------------------------------------------------------------------------
// DescribeCluster

export interface DescribedBroker {
  brokerId: number;
  host: string;
  port: number;
  rack: string | null;
  /** v2 only; false before (older brokers list only unfenced brokers). */
  fenced: boolean;
}

export interface ClusterDescription {
  errorCode: number;
  errorMessage: string | null;
  clusterId: string;
  controllerId: number;
  brokers: DescribedBroker[];
  /** Whether fenced brokers were asked for and can appear (v2). */
  listsFenced: boolean;
}

/** Request => include_cluster_authorized_operations endpoint_type(v1+) include_fenced_brokers(v2+) TAG. */
export function encodeDescribeCluster(version: number): Buffer {
  const writer = FlexibleWriter.request().bool(false);
  if (version >= 1) writer.int8(1); // brokers, not controllers
  if (version >= 2) writer.bool(true);
  return writer.taggedFields().toBuffer();
}

/** Response => throttle error_code error_message endpoint_type(v1+) cluster_id controller_id [brokers: id host port rack is_fenced(v2+) TAG] ops TAG. */
export function decodeDescribeCluster(version: number, raw: Buffer): ClusterDescription {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const errorMessage = reader.compactNullableString();
  if (version >= 1) reader.int8();
  const clusterId = reader.compactString();
  const controllerId = reader.int32();
  const brokers = reader.compactArray((r) => {
    const broker = { brokerId: r.int32(), host: r.compactString(), port: r.int32(), rack: r.compactNullableString(), fenced: version >= 2 ? r.bool() : false };
    r.skipTaggedFields();
    return broker;
  });
  reader.int32();
  reader.skipTaggedFields();
  return { errorCode, errorMessage, clusterId, controllerId, brokers, listsFenced: version >= 2 };
}

export const describeCluster = (broker: InternalBroker) => send(broker, 'DescribeCluster', encodeDescribeCluster, decodeDescribeCluster);

// ---------------------------------------------------------------------------------------------------
// DescribeQuorum

export interface QuorumReplicaState {
  replicaId: number;
  logEndOffset: number;
  /** Milliseconds since the epoch; null when unknown (v0, or -1 from the leader). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
}

export interface QuorumDescription {
  errorCode: number;
  errorMessage: string | null;
  partitionErrorCode: number;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplicaState[];
  observers: QuorumReplicaState[];
  /** v2: the controllers' endpoints by node id. */
  nodes: { nodeId: number; listeners: { name: string; host: string; port: number }[] }[];
}

const METADATA_TOPIC = '__cluster_metadata';

/** Request => [topics: topic_name [partitions: partition_index TAG] TAG] TAG, always __cluster_metadata-0. */
export function encodeDescribeQuorum(): Buffer {
  return FlexibleWriter.request()
    .compactArray([METADATA_TOPIC], (w, topic) =>
      w
        .compactString(topic)
        .compactArray([0], (p, partition) => p.int32(partition).taggedFields())
        .taggedFields(),
    )
    .taggedFields()
    .toBuffer();
}

/** Offsets stay far below 2^53; -1 means unknown. */
const toNumber = (value: bigint) => Number(value);
const toTimestamp = (value: bigint) => (value < 0n ? null : Number(value));

/**
 * Response => error_code error_message(v2+) [topics: topic_name [partitions: partition_index error_code error_message(v2+)
 *   leader_id leader_epoch high_watermark [current_voters] [observers] TAG] TAG] [nodes](v2+) TAG
 * ReplicaState => replica_id replica_directory_id(v2+) log_end_offset last_fetch_timestamp(v1+) last_caught_up_timestamp(v1+) TAG
 */
export function decodeDescribeQuorum(version: number, raw: Buffer): QuorumDescription {
  const reader = FlexibleReader.response(raw);
  const errorCode = reader.int16();
  let errorMessage = version >= 2 ? reader.compactNullableString() : null;
  const replica = (r: FlexibleReader): QuorumReplicaState => {
    const replicaId = r.int32();
    if (version >= 2) r.uuid();
    const logEndOffset = toNumber(r.int64());
    const lastFetchTimestamp = version >= 1 ? toTimestamp(r.int64()) : null;
    const lastCaughtUpTimestamp = version >= 1 ? toTimestamp(r.int64()) : null;
    r.skipTaggedFields();
    return { replicaId, logEndOffset, lastFetchTimestamp, lastCaughtUpTimestamp };
  };
  const partitions = reader.compactArray((t) => {
    t.compactString();
    const found = t.compactArray((p) => {
      p.int32();
      const partitionErrorCode = p.int16();
      const partitionMessage = version >= 2 ? p.compactNullableString() : null;
      const leaderId = p.int32();
      const leaderEpoch = p.int32();
      const highWatermark = toNumber(p.int64());
      const voters = p.compactArray(replica);
      const observers = p.compactArray(replica);
      p.skipTaggedFields();
      return { partitionErrorCode, partitionMessage, leaderId, leaderEpoch, highWatermark, voters, observers };
    });
    t.skipTaggedFields();
    return found;
  }).flat();
  const nodes =
    version >= 2
      ? reader.compactArray((n) => {
          const nodeId = n.int32();
          const listeners = n.compactArray((l) => {
            const listener = { name: l.compactString(), host: l.compactString(), port: l.int16() & 0xffff };
            l.skipTaggedFields();
            return listener;
          });
          n.skipTaggedFields();
          return { nodeId, listeners };
        })
      : [];
  reader.skipTaggedFields();
  const partition = partitions[0];
  errorMessage ??= partition?.partitionMessage ?? null;
  return {
    errorCode,
    errorMessage,
    partitionErrorCode: partition?.partitionErrorCode ?? 0,
    leaderId: partition?.leaderId ?? -1,
    leaderEpoch: partition?.leaderEpoch ?? -1,
    highWatermark: partition?.highWatermark ?? -1,
    voters: partition?.voters ?? [],
    observers: partition?.observers ?? [],
    nodes,
  };
}

export const describeQuorum = (broker: InternalBroker) => send(broker, 'DescribeQuorum', encodeDescribeQuorum, decodeDescribeQuorum);

// ---------------------------------------------------------------------------------------------------
// ElectLeaders v2

export interface ElectionResult {
  topic: string;
  partition: number;
  errorCode: number;
  errorMessage: string | null;
}

export interface ElectionAnswer {
  errorCode: number;
  results: ElectionResult[];
}

const PREFERRED = 0;

/** Request (v2) => election_type [topic_partitions: topic [partitions] TAG] (null: all) timeout_ms TAG. */
export function encodeElectLeaders(partitions: readonly { topic: string; partitions: readonly number[] }[] | null, timeoutMs: number): Buffer {
  return FlexibleWriter.request()
    .int8(PREFERRED)
    .compactNullableArray(partitions, (w, entry) =>
      w
        .compactString(entry.topic)
        .compactArray(entry.partitions, (p, partition) => p.int32(partition))
        .taggedFields(),
    )
    .int32(timeoutMs)
    .taggedFields()
    .toBuffer();
}

/** Response (v2) => throttle error_code [replica_election_results: topic [partition_result: id error_code error_message TAG] TAG] TAG. */
export function decodeElectLeaders(raw: Buffer): ElectionAnswer {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const results = reader
    .compactArray((t) => {
      const topic = t.compactString();
      const entries = t.compactArray((p) => {
        const result = { topic, partition: p.int32(), errorCode: p.int16(), errorMessage: p.compactNullableString() };
        p.skipTaggedFields();
        return result;
      });
      t.skipTaggedFields();
      return entries;
    })
    .flat();
  reader.skipTaggedFields();
  return { errorCode, results };
}

export const electPreferredLeaders = (broker: InternalBroker, partitions: readonly { topic: string; partitions: readonly number[] }[] | null, timeoutMs = 30_000) =>
  send(broker, 'ElectLeaders', () => encodeElectLeaders(partitions, timeoutMs), (_version, raw) => decodeElectLeaders(raw));

// ---------------------------------------------------------------------------------------------------
// AlterPartitionReassignments v0 (API key 45). kafkajs has it, but refuses the null replica list that
// cancels a reassignment; this one sends both.

const ALTER_REASSIGNMENTS = 45;

export interface ReassignmentOutcome {
  topic: string;
  partition: number;
  errorCode: number;
  errorMessage: string | null;
}

/** Request (v0) => timeout_ms [topics: name [partitions: partition_index replicas (null: cancel) TAG] TAG] TAG. */
export function encodeAlterReassignments(topic: string, partitions: readonly { partition: number; replicas: readonly number[] | null }[], timeoutMs: number): Buffer {
  return FlexibleWriter.request()
    .int32(timeoutMs)
    .compactArray([topic], (w, name) =>
      w
        .compactString(name)
        .compactArray(partitions, (p, entry) => p.int32(entry.partition).compactNullableArray(entry.replicas, (r, id) => r.int32(id)).taggedFields())
        .taggedFields(),
    )
    .taggedFields()
    .toBuffer();
}

/** Response (v0) => throttle error_code error_message [responses: name [partitions: partition_index error_code error_message TAG] TAG] TAG. */
export function decodeAlterReassignments(raw: Buffer): { errorCode: number; errorMessage: string | null; partitions: ReassignmentOutcome[] } {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const errorMessage = reader.compactNullableString();
  const partitions = reader
    .compactArray((t) => {
      const topic = t.compactString();
      const entries = t.compactArray((p) => {
        const outcome = { topic, partition: p.int32(), errorCode: p.int16(), errorMessage: p.compactNullableString() };
        p.skipTaggedFields();
        return outcome;
      });
      t.skipTaggedFields();
      return entries;
    })
    .flat();
  reader.skipTaggedFields();
  return { errorCode, errorMessage, partitions };
}

export async function alterReassignments(broker: InternalBroker, topic: string, partitions: readonly { partition: number; replicas: readonly number[] | null }[], timeoutMs = 30_000) {
  const range = broker.versions?.[ALTER_REASSIGNMENTS];
  if (!range || range.minVersion > 0) throw new AppFailure('UNSUPPORTED', `Broker ${broker.nodeId} does not offer AlterPartitionReassignments v0 (Kafka 2.4 or later).`);
  return broker.connectionPool.send<ReturnType<typeof decodeAlterReassignments>>({
    request: { apiKey: ALTER_REASSIGNMENTS, apiVersion: 0, apiName: 'AlterPartitionReassignments', encode: async () => new Encoder(0).writeBuffer(encodeAlterReassignments(topic, partitions, timeoutMs)) },
    response: { decode: async (raw: Buffer) => decodeAlterReassignments(raw), parse: async (data: unknown) => data },
  });
}
