// DescribeLogDirs (API key 35), which kafkajs does not implement: bytes on disk per topic partition
// and log directory, asked of every broker because each reports only its own disks. Needs DESCRIBE
// on the cluster.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { FetchCluster } from './fetch-cluster';
import { decodingResponse } from './malformed-response';

const API_KEY = 35;
/** ConnectionPool index kafkajs reserves for Fetch requests. */
const FETCH_CONNECTION = 1;
/** partition INT32, size INT64, offset_lag INT64, is_future BOOLEAN. */
const PARTITION_ENTRY_BYTES = 21;

export interface LogDirPartition {
  brokerId: number;
  logDir: string;
  topic: string;
  partition: number;
  sizeBytes: number;
  offsetLag: number;
  /** A replica being moved to this directory (AlterReplicaLogDirs); not yet the live copy. */
  isFuture: boolean;
}

/**
 * A response as columns: one entry per directory, per (directory, topic) and per partition, each
 * list ending where the next level's entries of that parent end. No object per partition.
 */
export interface LogDirsColumns {
  dirs: { errorCode: number; logDir: string; topicsEnd: number }[];
  topics: string[];
  partitionsEnd: number[];
  partitions: Int32Array;
  sizes: Float64Array;
  offsetLags: Float64Array;
  futures: Uint8Array;
}

/**
 * Request (v0, v1) => [topics]   (null: every topic)
 *   topics => topic [partitions]: STRING, [INT32]
 * Response (v0, v1) => throttle_time_ms [results]
 *   results => error_code log_dir [topics]: INT16, STRING
 *     topics => name [partitions]: STRING
 *       partitions => partition_index partition_size offset_lag is_future_key: INT32, INT64, INT64, BOOLEAN
 * v1 only changes throttling behaviour; v2+ are flexible versions, which we do not need.
 */
const describeLogDirsDefinition = {
  versions: ['0', '1'],
  protocol:
    ({ version }: { version: number }) =>
    ({ topics }: { topics: { topic: string; partitions: number[] }[] | null }) => ({
      request: {
        apiKey: API_KEY,
        apiVersion: version,
        apiName: 'DescribeLogDirs',
        encode: async () =>
          topics === null
            ? new Encoder().writeInt32(-1)
            : new Encoder().writeArray(topics.map(({ topic, partitions }) => new Encoder().writeString(topic).writeArray(partitions, 'int32'))),
      },
      response: {
        decode: async (raw: Buffer) => decodeDescribeLogDirs(raw),
        parse: async (data: unknown) => data,
      },
    }),
};

/**
 * Straight from the buffer into columns: a broker with 10,000 partitions answers with 10,000 entries,
 * and kafkajs' Decoder (a bigint and a string per 64-bit number, an object per partition) cost more
 * than the broker did.
 */
function decodeDescribeLogDirsUnchecked(raw: Buffer): LogDirsColumns {
  // Each partition entry takes 21 bytes, which bounds how many the buffer can hold.
  const capacity = Math.floor(raw.length / PARTITION_ENTRY_BYTES);
  const columns: LogDirsColumns = {
    dirs: [],
    topics: [],
    partitionsEnd: [],
    partitions: new Int32Array(capacity),
    sizes: new Float64Array(capacity),
    offsetLags: new Float64Array(capacity),
    futures: new Uint8Array(capacity),
  };
  let at = 4; // throttle_time_ms
  let count = 0;
  const readString = () => {
    const length = raw.readInt16BE(at);
    const value = length < 0 ? '' : raw.toString('utf8', at + 2, at + 2 + length);
    at += 2 + Math.max(0, length);
    return value;
  };
  const readCount = () => {
    const value = raw.readInt32BE(at);
    at += 4;
    return Math.max(0, value);
  };
  for (let dirs = readCount(); dirs > 0; dirs--) {
    const errorCode = raw.readInt16BE(at);
    at += 2;
    const logDir = readString();
    for (let topics = readCount(); topics > 0; topics--) {
      columns.topics.push(readString());
      for (let partitions = readCount(); partitions > 0; partitions--, count++) {
        columns.partitions[count] = raw.readInt32BE(at);
        columns.sizes[count] = readInt64AsNumber(raw, at + 4);
        columns.offsetLags[count] = readInt64AsNumber(raw, at + 12);
        columns.futures[count] = raw.readInt8(at + 20);
        at += PARTITION_ENTRY_BYTES;
      }
      columns.partitionsEnd.push(count);
    }
    columns.dirs.push({ errorCode, logDir, topicsEnd: columns.topics.length });
  }
  return columns;
}

/** Sizes stay far below 2^53 bytes, so a double holds them exactly without a bigint per value. */
const readInt64AsNumber = (raw: Buffer, at: number) => raw.readInt32BE(at) * 2 ** 32 + raw.readUInt32BE(at + 4);

async function askEveryBroker(cluster: FetchCluster, topics: string[] | null): Promise<{ brokerId: number; columns: LogDirsColumns }[]> {
  const brokers = await cluster.brokers();
  return Promise.all(
    brokers.map(async (broker) => {
      const request = broker.lookupRequest(API_KEY, describeLogDirsDefinition)({
        // Partitions must be listed per topic; asking for all of a topic's partitions needs metadata first.
        topics: topics === null ? null : await Promise.all(topics.map(async (topic) => ({ topic, partitions: await cluster.partitions(topic) }))),
      });
      // kafkajs keeps a second connection per broker for Fetch. Sizes go there, so the broker works on
      // them alongside the ListOffsets the topic list queues on the first connection.
      const columns = await (await broker.connectionPool.getConnection(FETCH_CONNECTION)).send<LogDirsColumns>(request);
      for (const dir of columns.dirs) if (dir.errorCode !== 0) throw createErrorFromCode(dir.errorCode);
      return { brokerId: broker.nodeId ?? -1, columns };
    }),
  );
}

/** Calls `visit` for every (directory, topic) entry with the range of its partitions in the columns. */
function forEachTopic(columns: LogDirsColumns, visit: (logDir: string, topic: string, from: number, to: number) => void): void {
  let topic = 0;
  for (const dir of columns.dirs) {
    for (; topic < dir.topicsEnd; topic++) visit(dir.logDir, columns.topics[topic]!, topic === 0 ? 0 : columns.partitionsEnd[topic - 1]!, columns.partitionsEnd[topic]!);
  }
}

/** Sizes of the given topics (null: all topics) on every broker's log directories. */
export async function describeLogDirs(cluster: FetchCluster, topics: string[] | null): Promise<LogDirPartition[]> {
  const entries: LogDirPartition[] = [];
  for (const { brokerId, columns } of await askEveryBroker(cluster, topics)) {
    forEachTopic(columns, (logDir, topic, from, to) => {
      for (let index = from; index < to; index++) {
        entries.push({
          brokerId,
          logDir,
          topic,
          partition: columns.partitions[index]!,
          sizeBytes: columns.sizes[index]!,
          offsetLag: columns.offsetLags[index]!,
          isFuture: columns.futures[index] !== 0,
        });
      }
    });
  }
  return entries;
}

/** Bytes on disk per topic, every replica counted, replicas still being moved (future) not. */
export async function describeTopicSizes(cluster: FetchCluster): Promise<Map<string, number>> {
  const bytes = new Map<string, number>();
  for (const { columns } of await askEveryBroker(cluster, null)) {
    forEachTopic(columns, (_logDir, topic, from, to) => {
      let sum = bytes.get(topic) ?? 0;
      for (let index = from; index < to; index++) if (columns.futures[index] === 0) sum += columns.sizes[index]!;
      bytes.set(topic, sum);
    });
  }
  return bytes;
}

/** One broker's directories as they are, a failed directory with its error instead of a thrown request. */
export interface BrokerLogDir {
  logDir: string;
  errorCode: number;
  partitions: { topic: string; partition: number; sizeBytes: number; offsetLag: number; isFuture: boolean }[];
}

/** Every directory of one broker (and every topic in it), for the broker screen's log dirs. */
export async function describeBrokerLogDirs(broker: InternalBroker): Promise<BrokerLogDir[]> {
  const request = broker.lookupRequest(API_KEY, describeLogDirsDefinition)({ topics: null });
  const columns = await (await broker.connectionPool.getConnection(FETCH_CONNECTION)).send<LogDirsColumns>(request);
  const dirs = new Map<string, BrokerLogDir>(columns.dirs.map((dir) => [dir.logDir, { logDir: dir.logDir, errorCode: dir.errorCode, partitions: [] }]));
  forEachTopic(columns, (logDir, topic, from, to) => {
    const dir = dirs.get(logDir)!;
    for (let index = from; index < to; index++) {
      dir.partitions.push({ topic, partition: columns.partitions[index]!, sizeBytes: columns.sizes[index]!, offsetLag: columns.offsetLags[index]!, isFuture: columns.futures[index] !== 0 });
    }
  });
  return [...dirs.values()];
}

/** decodeDescribeLogDirs with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeDescribeLogDirs(raw: Buffer): LogDirsColumns {
  return decodingResponse('DescribeLogDirs', () => decodeDescribeLogDirsUnchecked(raw));
}
