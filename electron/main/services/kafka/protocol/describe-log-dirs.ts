// DescribeLogDirs (API key 35), which kafkajs does not implement: bytes on disk per topic partition
// and log directory, asked of every broker because each reports only its own disks. Needs DESCRIBE
// on the cluster.
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { FetchCluster } from './fetch-cluster';

const API_KEY = 35;

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

interface DescribeLogDirsResponse {
  results: {
    errorCode: number;
    logDir: string;
    topics: { name: string; partitions: { partition: number; size: string; offsetLag: string; isFuture: boolean }[] }[];
  }[];
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
        decode: async (raw: Buffer): Promise<DescribeLogDirsResponse> => {
          const decoder = new Decoder(raw);
          decoder.readInt32();
          return {
            results: decoder.readArray((result) => ({
              errorCode: result.readInt16(),
              logDir: result.readString() ?? '',
              topics: result.readArray((topic) => ({
                name: topic.readString() ?? '',
                partitions: topic.readArray((partition) => ({
                  partition: partition.readInt32(),
                  size: partition.readInt64().toString(),
                  offsetLag: partition.readInt64().toString(),
                  isFuture: partition.readBoolean(),
                })),
              })),
            })),
          };
        },
        parse: async (data: unknown) => data,
      },
    }),
};

/** Sizes of the given topics (null: all topics) on every broker's log directories. */
export async function describeLogDirs(cluster: FetchCluster, topics: string[] | null): Promise<LogDirPartition[]> {
  const brokers = await cluster.brokers();
  const perBroker = await Promise.all(
    brokers.map(async (broker) => {
      const request = broker.lookupRequest(API_KEY, describeLogDirsDefinition)({
        // Partitions must be listed per topic; asking for all of a topic's partitions needs metadata first.
        topics: topics === null ? null : await Promise.all(topics.map(async (topic) => ({ topic, partitions: await cluster.partitions(topic) }))),
      });
      const response = await broker.connectionPool.send<DescribeLogDirsResponse>(request);
      return response.results.flatMap((result) => {
        if (result.errorCode !== 0) throw createErrorFromCode(result.errorCode);
        return result.topics.flatMap((topic) =>
          topic.partitions.map((partition) => ({
            brokerId: broker.nodeId ?? -1,
            logDir: result.logDir,
            topic: topic.name,
            partition: partition.partition,
            sizeBytes: Number(partition.size),
            offsetLag: Number(partition.offsetLag),
            isFuture: partition.isFuture,
          })),
        );
      });
    }),
  );
  return perBroker.flat();
}
