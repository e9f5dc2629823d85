// Consumer groups in bulk for tests and benchmarks: committed offsets for thousands of groups without
// starting a consumer per group. Each group gets one OffsetCommit with generation −1 and no member id,
// which is how an admin tool (or an application managing its own assignment) commits: the broker keeps
// a "simple" classic group with no protocol type and no members.
import Cluster from 'kafkajs/src/cluster/index.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';
import kafkajs from 'kafkajs';
import type { TestbedInfo } from './types';

const { logLevel } = kafkajs;

export interface GroupCommit {
  groupId: string;
  offsets: { topic: string; partition: number; offset: number }[];
}

/** kafkajs' Broker#offsetCommit (OffsetCommit v2–v7), which the internal typings leave out. */
interface OffsetCommitter {
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[] }>;
}

/** Commits every group's offsets, `concurrency` groups at a time. */
export async function commitGroupOffsets(info: TestbedInfo, groups: readonly GroupCommit[], concurrency = 32): Promise<void> {
  const cluster = new Cluster({
    brokers: info.listeners.plaintext.split(','),
    clientId: 'testbed-group-seeder',
    logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => undefined }),
    socketFactory: defaultSocketFactory(),
    connectionTimeout: 10_000,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    retry: { retries: 5 },
    metadataMaxAge: 300_000,
    allowAutoTopicCreation: false,
    maxInFlightRequests: null,
    isolationLevel: 1,
  } as never);
  await cluster.connect();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, groups.length) }, async () => {
        while (next < groups.length) {
          const group = groups[next++]!;
          const byTopic = new Map<string, { partition: number; offset: string }[]>();
          for (const { topic, partition, offset } of group.offsets) byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: String(offset) }]);
          // A fresh cluster creates __consumer_offsets on the first lookup, and its coordinators load for a moment.
          for (let attempt = 0; ; attempt++) {
            try {
              const coordinator = (await cluster.findGroupCoordinator({ groupId: group.groupId })) as unknown as OffsetCommitter;
              const { responses } = await coordinator.offsetCommit({
                groupId: group.groupId,
                groupGenerationId: -1,
                memberId: '',
                topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
              });
              const failed = responses.flatMap((response) => response.partitions).find((partition) => partition.errorCode !== 0);
              if (failed) throw new Error(`OffsetCommit for group '${group.groupId}' failed with error code ${failed.errorCode}.`);
              break;
            } catch (error) {
              if (attempt >= 30 || (error as { retriable?: boolean }).retriable !== true) throw error;
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          }
        }
      }),
    );
  } finally {
    await cluster.disconnect();
  }
}
