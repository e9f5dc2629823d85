import Encoder from 'kafkajs/src/protocol/encoder.js';
import { requests } from 'kafkajs/src/protocol/requests/index.js';
import { describe, expect, it } from 'vitest';
import { decodeMetadataResponse } from './topics-batch';

interface KafkajsMetadata {
  brokers: { nodeId: number; host: string; port: number }[];
  topicMetadata: { topicErrorCode: number; topic: string; isInternal?: boolean; partitionMetadata: { partitionErrorCode: number; partitionId: number; leader: number; replicas: number[]; isr: number[]; offlineReplicas?: number[] }[] }[];
}
interface KafkajsDefinition {
  protocol(options: { version: number }): (request: Record<string, unknown>) => { response: { decode(raw: Buffer): Promise<KafkajsMetadata> } };
}
const bytesOf = (encoder: Encoder) => (encoder as unknown as { buffer: Buffer }).buffer;

/** A Metadata response as a broker writes it: two brokers, a healthy topic and one with an offline partition. */
function metadataResponse(version: number): Buffer {
  const out = new Encoder();
  if (version >= 3) out.writeInt32(0);
  out.writeInt32(2);
  for (const [nodeId, port] of [
    [1, 9092],
    [2, 9093],
  ] as const) {
    out.writeInt32(nodeId).writeString('127.0.0.1').writeInt32(port);
    if (version >= 1) out.writeString(null);
  }
  if (version >= 2) out.writeString('cluster-id');
  if (version >= 1) out.writeInt32(1);
  out.writeInt32(2);
  const partition = (errorCode: number, id: number, leader: number, replicas: number[], isr: number[], offline: number[]) => {
    out.writeInt16(errorCode).writeInt32(id).writeInt32(leader).writeArray(replicas, 'int32').writeArray(isr, 'int32');
    if (version >= 5) out.writeArray(offline, 'int32');
  };
  out.writeInt16(0).writeString('orders');
  if (version >= 1) out.writeBoolean(false);
  out.writeInt32(2);
  partition(0, 1, 2, [2, 1], [2], []);
  partition(0, 0, 1, [1, 2], [1, 2], []);
  out.writeInt16(0).writeString('__consumer_offsets');
  if (version >= 1) out.writeBoolean(true);
  out.writeInt32(1);
  partition(5, 0, -1, [2], [], [2]);
  return bytesOf(out);
}

describe('Metadata response for every topic', () => {
  it.each([0, 1, 2, 3, 5, 6])('decodes v%i with per-topic and per-partition errors kept, partitions in order', (version) => {
    const decoded = decodeMetadataResponse(version, metadataResponse(version));
    expect(decoded.brokers).toEqual([
      { nodeId: 1, host: '127.0.0.1', port: 9092 },
      { nodeId: 2, host: '127.0.0.1', port: 9093 },
    ]);
    expect(decoded.topics).toEqual([
      {
        name: 'orders',
        isInternal: false,
        errorCode: 0,
        partitions: [
          { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2], offlineReplicas: [], errorCode: 0 },
          { partition: 1, leader: 2, replicas: [2, 1], isr: [2], offlineReplicas: [], errorCode: 0 },
        ],
      },
      {
        name: '__consumer_offsets',
        isInternal: version >= 1,
        errorCode: 0,
        partitions: [{ partition: 0, leader: -1, replicas: [2], isr: [], offlineReplicas: version >= 5 ? [2] : [], errorCode: 5 }],
      },
    ]);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('reads v%i as kafkajs does', async (version) => {
    const raw = metadataResponse(version);
    const kafkajs = await (requests['Metadata'] as KafkajsDefinition).protocol({ version })({ topics: [] }).response.decode(raw);
    const ours = decodeMetadataResponse(version, raw);
    expect(ours.brokers).toEqual(kafkajs.brokers.map(({ nodeId, host, port }) => ({ nodeId, host, port })));
    expect(ours.topics.map(({ name, errorCode, partitions }) => ({ name, errorCode, partitions: partitions.map(({ partition, leader, replicas, isr, errorCode }) => ({ partition, leader, replicas, isr, errorCode })) }))).toEqual(
      kafkajs.topicMetadata.map((topic) => ({
        name: topic.topic,
        errorCode: topic.topicErrorCode,
        partitions: topic.partitionMetadata
          .map((partition) => ({ partition: partition.partitionId, leader: partition.leader, replicas: partition.replicas, isr: partition.isr, errorCode: partition.partitionErrorCode }))
          .sort((a, b) => a.partition - b.partition),
      })),
    );
  });
});
