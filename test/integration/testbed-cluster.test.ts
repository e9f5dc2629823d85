// Three-node mode: its own bed (3 combined broker+controller JVMs, static quorum), started here rather
// than in the global setup so only this file pays for it.
import kafkajs from 'kafkajs';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopic, kafkaConfig, stopNode, uniqueTopic } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';

const { Kafka } = kafkajs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('three-node test bed', () => {
  let bed: Testbed;
  let admin: Admin;

  beforeAll(async () => {
    bed = await startTestbed({ nodes: 3 });
    console.log(`[testbed] 3-node Kafka ${bed.info.kafkaVersion} up in ${bed.timings.total} ms`);
    admin = new Kafka({ ...kafkaConfig(bed.info, 'plaintext'), retry: { retries: 10, maxRetryTime: 2000 } }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await bed?.stop();
  });

  it('lists three brokers in the metadata', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.map((broker) => broker.nodeId).sort()).toEqual([1, 2, 3]);
  });

  it('moves leadership of an RF 3 topic away from a stopped node', async () => {
    const topic = uniqueTopic('rf3');
    await createTopic(bed.info, { topic, partitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const partition = async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions[0];

    const before = await partition();
    expect(before?.replicas).toHaveLength(3);
    expect(before?.isr).toHaveLength(3);
    const oldLeader = before?.leader ?? -1;

    await stopNode(bed.info, oldLeader);
    let after = await partition();
    const deadline = Date.now() + 30_000;
    while ((after?.leader === oldLeader || after?.isr.includes(oldLeader)) && Date.now() < deadline) {
      await sleep(250);
      after = await partition();
    }
    expect(after?.leader).not.toBe(oldLeader);
    expect([1, 2, 3]).toContain(after?.leader);
    expect(after?.isr).toHaveLength(2);
    expect(after?.isr).not.toContain(oldLeader);
  });
});
