// Fault injection on the shared single-node bed: a crashed broker comes back and consumption resumes;
// a hung broker makes requests time out instead of hanging.
import kafkajs from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { createTopic, kafkaConfig, killNode, pauseNode, produceMessages, resumeNode, startNode, uniqueTopic } from '../../testbed/helpers';

const { Kafka } = kafkajs;
const testbed = inject('testbed');
const firstNode = testbed.nodes[0]?.id ?? 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault injection', () => {
  it('kill -9 during consumption: after a restart the consumer resumes and receives everything', async () => {
    const topic = uniqueTopic('fault-kill');
    const total = 20_000;
    await createTopic(testbed, { topic, partitions: 3 });
    await produceMessages(testbed, { topic, count: total, size: 100, acks: 'all' });

    const consumer = new Kafka({
      ...kafkaConfig(testbed, 'plaintext'),
      retry: { retries: 30, initialRetryTime: 300, maxRetryTime: 2000 },
    }).consumer({ groupId: `${topic}-group`, maxBytesPerPartition: 16 * 1024 });
    const seen = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    // Slow batches keep consumption going long enough to be interrupted.
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) seen.add(`${batch.partition}:${message.offset}`);
        await sleep(30);
      },
    });
    try {
      while (seen.size < 1000) await sleep(20);
      expect(seen.size).toBeLessThan(total);
      await killNode(testbed, firstNode);
      await sleep(1000);
      await startNode(testbed, firstNode);
      const deadline = Date.now() + 90_000;
      while (seen.size < total && Date.now() < deadline) await sleep(100);
      expect(seen.size).toBe(total);
    } finally {
      await consumer.disconnect();
    }
  });

  it('SIGSTOP: a request to a hung broker times out instead of hanging; SIGCONT recovers', async () => {
    const admin = new Kafka({
      ...kafkaConfig(testbed, 'plaintext'),
      requestTimeout: 3000,
      connectionTimeout: 2000,
      retry: { retries: 0 },
    }).admin();
    await admin.connect();
    try {
      await admin.listTopics();
      pauseNode(testbed, firstNode);
      const started = Date.now();
      try {
        await expect(admin.listTopics()).rejects.toThrow(/timed out|timeout/i);
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        resumeNode(testbed, firstNode);
      }
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await admin.listTopics();
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(250);
        }
      }
    } finally {
      await admin.disconnect();
    }
  });
});
