// Every listener and SASL mechanism of the bed, exercised with kafkajs (the client the app uses).
// Also the compatibility run: KAFKA_VERSION=3.9 npm run test:compat.
import kafkajs from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { ALL_ACCESS, consumeMessages, createTopic, kafkaConfig, uniqueTopic } from '../../testbed/helpers';

const { Kafka } = kafkajs;
const testbed = inject('testbed');

describe(`test bed listeners (Kafka ${testbed.kafkaVersion})`, () => {
  it.each(ALL_ACCESS)('produces and consumes through %s', async (access) => {
    const topic = uniqueTopic(`listener-${access}`);
    await createTopic(testbed, { topic });
    const config = kafkaConfig(testbed, access);

    const producer = new Kafka(config).producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: access, value: `hello over ${access}` }] });
    } finally {
      await producer.disconnect();
    }

    const [message] = await consumeMessages(config, { topic, count: 1 });
    expect(message).toMatchObject({ key: access, value: `hello over ${access}`, partition: 0, offset: '0' });
  });

  it('describes the cluster over SCRAM-SHA-512 as the restricted user (no ACL needed)', async () => {
    const admin = new Kafka(kafkaConfig(testbed, 'sasl-scram-512', { user: 'restricted' })).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers).toHaveLength(testbed.nodes.length);
    } finally {
      await admin.disconnect();
    }
  });
});
