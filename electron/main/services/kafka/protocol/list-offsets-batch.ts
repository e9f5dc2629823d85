// ListOffsets (API key 2) for thousands of partitions in one request. kafkajs' own definition builds a
// zero-filled 512-byte Encoder per topic and per partition, turns every offset into a string and
// answers with an object per partition; at 20,000 partitions that was most of the topic list's time
// (about 100 ms to encode one request on the development machine). Same wire format, one exact-size
// buffer out, columns in.
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { checkedCount, decodingResponse } from './malformed-response';

const API_KEY = 2;
/** partition INT32, error_code INT16, timestamp INT64, offset INT64. */
const PARTITION_ANSWER_BYTES = 22;

export interface ListOffsetsTarget {
  topic: string;
  partition: number;
}

/**
 * The answer as columns: `topics[i]`'s partitions are entries `partitionsEnd[i - 1]` (0 for the first)
 * up to `partitionsEnd[i]` of the partition columns. No object or bigint per partition until read.
 */
export interface ListOffsetsColumns {
  topics: string[];
  partitionsEnd: number[];
  partitions: Int32Array;
  errorCodes: Int16Array;
  offsets: BigInt64Array;
}

/**
 * Request (v1) => replica_id [topics]          (v2, v3 => replica_id isolation_level [topics])
 *   topics => topic [partitions]: STRING
 *     partitions => partition timestamp: INT32, INT64
 * Response (v1) => [responses]                 (v2, v3 => throttle_time_ms [responses])
 *   responses => topic [partitions]: STRING
 *     partitions => partition error_code timestamp offset: INT32, INT16, INT64, INT64
 * v3 only changes throttling; v4+ add leader epochs we do not use. Kafka 4 still answers v1–v3.
 */
export const listOffsetsBatchDefinition = {
  versions: ['1', '2', '3'],
  protocol:
    ({ version }: { version: number }) =>
    ({ targets, timestamp, isolationLevel }: { targets: readonly ListOffsetsTarget[]; timestamp: bigint; isolationLevel: number }) => ({
      request: {
        apiKey: API_KEY,
        apiVersion: version,
        apiName: 'ListOffsets',
        encode: async () => new Encoder(0).writeBuffer(encodeListOffsets(version, targets, timestamp, isolationLevel)),
      },
      response: {
        decode: async (raw: Buffer) => decodeListOffsets(version, raw),
        // Per-partition errors are the caller's to sort out, partition by partition.
        parse: async (columns: ListOffsetsColumns) => columns,
      },
    }),
};

/** Targets of one topic should be next to each other: each run of a topic becomes one topic entry. */
export function encodeListOffsets(version: number, targets: readonly ListOffsetsTarget[], timestamp: bigint, isolationLevel: number): Buffer {
  const runs: { name: Buffer; from: number; to: number }[] = [];
  for (let index = 0; index < targets.length; index++) {
    const last = runs[runs.length - 1];
    if (last && targets[last.from]!.topic === targets[index]!.topic) last.to = index + 1;
    else runs.push({ name: Buffer.from(targets[index]!.topic, 'utf8'), from: index, to: index + 1 });
  }
  let size = 4 + (version >= 2 ? 1 : 0) + 4 + targets.length * 12;
  for (const run of runs) size += 2 + run.name.length + 4;
  const buffer = Buffer.allocUnsafe(size);
  let at = buffer.writeInt32BE(-1, 0);
  if (version >= 2) at = buffer.writeInt8(isolationLevel, at);
  at = buffer.writeInt32BE(runs.length, at);
  for (const { name, from, to } of runs) {
    at = buffer.writeInt16BE(name.length, at);
    at += name.copy(buffer, at);
    at = buffer.writeInt32BE(to - from, at);
    for (let index = from; index < to; index++) {
      at = buffer.writeInt32BE(targets[index]!.partition, at);
      at = buffer.writeBigInt64BE(timestamp, at);
    }
  }
  return buffer;
}

function decodeListOffsetsUnchecked(version: number, raw: Buffer): ListOffsetsColumns {
  const capacity = Math.floor(raw.length / PARTITION_ANSWER_BYTES);
  const columns: ListOffsetsColumns = { topics: [], partitionsEnd: [], partitions: new Int32Array(capacity), errorCodes: new Int16Array(capacity), offsets: new BigInt64Array(capacity) };
  let at = version >= 2 ? 4 : 0; // throttle_time_ms from v2 on
  const topicCount = raw.readInt32BE(at);
  at += 4;
  let count = 0;
  for (let topic = 0; topic < topicCount; topic++) {
    // A negative length would step back and read the same bytes again, topicCount times.
    const nameLength = checkedCount('ListOffsets', raw.readInt16BE(at), raw.length - at - 2, 1);
    columns.topics.push(raw.toString('utf8', at + 2, at + 2 + nameLength));
    at += 2 + nameLength;
    const partitions = Math.max(0, raw.readInt32BE(at));
    at += 4;
    for (let index = 0; index < partitions; index++, count++) {
      columns.partitions[count] = raw.readInt32BE(at);
      columns.errorCodes[count] = raw.readInt16BE(at + 4);
      // at + 6: the timestamp, which we do not ask about
      columns.offsets[count] = raw.readBigInt64BE(at + 14);
      at += PARTITION_ANSWER_BYTES;
    }
    columns.partitionsEnd.push(count);
  }
  return columns;
}

/** decodeListOffsets with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeListOffsets(version: number, raw: Buffer): ListOffsetsColumns {
  return decodingResponse('ListOffsets', () => decodeListOffsetsUnchecked(version, raw));
}
