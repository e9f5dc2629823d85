// Writes to a group's committed offsets, sent to its coordinator: OffsetCommit as an admin (generation
// −1, no member id: the coordinator accepts it only while the group has no members, classic or KIP-848)
// with every partition of a reset in ONE request, so a reset lands whole or not at all; and OffsetDelete
// (API key 47), which kafkajs does not implement.
import type Cluster from 'kafkajs/src/cluster/index.js';
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { decodingResponse } from './malformed-response';

const OFFSET_DELETE = 47;

/** The parts of kafkajs' cluster and broker used here, beyond what kafkajs-internals.d.ts declares. */
interface CoordinatorCluster {
  findGroupCoordinator(options: { groupId: string }): Promise<CoordinatorBroker>;
}
interface CoordinatorBroker extends InternalBroker {
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<unknown>;
}

export interface OffsetWrite {
  topic: string;
  partition: number;
  offset: number;
}

/** Commits every offset in one OffsetCommit; kafkajs throws the first partition error (e.g. UNKNOWN_MEMBER_ID while members are active). */
export async function commitGroupOffsets(cluster: Cluster, groupId: string, writes: readonly OffsetWrite[]): Promise<void> {
  const coordinator = await (cluster as unknown as CoordinatorCluster).findGroupCoordinator({ groupId });
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of writes) {
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push({ partition, offset: String(offset) });
  }
  await coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: '', topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) });
}

export interface OffsetDeleteAnswer {
  /** Group-level error type (GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP, GROUP_AUTHORIZATION_FAILED, ...), null when none. */
  error: string | null;
  partitions: { topic: string; partition: number; error: string | null }[];
}

/**
 * Request (v0) => group_id [topics]: STRING, [name [partition_index]: STRING, [INT32]]
 * Response (v0) => error_code throttle_time_ms [topics]: INT16, INT32, [name [partitions]]
 *   partitions => partition_index error_code: INT32, INT16
 * Kafka has only v0 (not flexible).
 */
export function encodeOffsetDelete(groupId: string, topics: readonly { topic: string; partitions: readonly number[] }[]): Buffer {
  const encoder = new Encoder().writeString(groupId).writeArray(topics.map(({ topic, partitions }) => new Encoder().writeString(topic).writeArray([...partitions], 'int32')));
  return (encoder as unknown as { buffer: Buffer }).buffer;
}

function decodeOffsetDeleteUnchecked(raw: Buffer): OffsetDeleteAnswer {
  const decoder = new Decoder(raw);
  const errorCode = decoder.readInt16();
  decoder.readInt32(); // throttle_time_ms
  const partitions: OffsetDeleteAnswer['partitions'] = [];
  decoder.readArray((topicDecoder) => {
    const topic = topicDecoder.readString() ?? '';
    topicDecoder.readArray((partitionDecoder) => {
      const partition = partitionDecoder.readInt32();
      const code = partitionDecoder.readInt16();
      partitions.push({ topic, partition, error: code === 0 ? null : createErrorFromCode(code).type });
    });
  });
  return { error: errorCode === 0 ? null : createErrorFromCode(errorCode).type, partitions };
}

/** Deletes the group's committed offsets of these partitions; the broker refuses partitions of topics an active member subscribes to. */
export async function deleteGroupOffsets(cluster: Cluster, groupId: string, topics: readonly { topic: string; partitions: readonly number[] }[]): Promise<OffsetDeleteAnswer> {
  const coordinator = await (cluster as unknown as CoordinatorCluster).findGroupCoordinator({ groupId });
  const range = (coordinator as { versions?: Record<number, { minVersion: number; maxVersion: number }> | null }).versions?.[OFFSET_DELETE];
  if (range === undefined) {
    throw Object.assign(new Error(`The coordinator (broker ${coordinator.nodeId}) does not offer OffsetDelete (API key 47); it needs Kafka 2.4 or later.`), { type: 'UNSUPPORTED_VERSION' });
  }
  const body = encodeOffsetDelete(groupId, topics);
  return coordinator.connectionPool.send<OffsetDeleteAnswer>({
    request: { apiKey: OFFSET_DELETE, apiVersion: 0, apiName: 'OffsetDelete', encode: async () => new Encoder(0).writeBuffer(body) },
    response: { decode: async (raw: Buffer) => decodeOffsetDelete(raw), parse: async (data: unknown) => data },
  });
}

/** decodeOffsetDelete with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeOffsetDelete(raw: Buffer): OffsetDeleteAnswer {
  return decodingResponse('OffsetDelete', () => decodeOffsetDeleteUnchecked(raw));
}
