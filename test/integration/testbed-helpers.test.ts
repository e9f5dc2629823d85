// The data helpers other integration tests build on: bulk produce and consumer groups with lag.
import { describe, expect, inject, it } from 'vitest';
import {
  adminClient,
  countMessages,
  createConsumerGroup,
  createTopic,
  produceMessages,
  runKafkaTool,
  startConsoleConsumer,
  uniqueTopic,
  type GroupProtocol,
} from '../../testbed/helpers';

const testbed = inject('testbed');
// KIP-848 groups need the new group coordinator, on by default from Kafka 4.0.
const protocols: GroupProtocol[] = testbed.line === '4' ? ['classic', 'consumer'] : ['classic'];

describe('test bed helpers', () => {
  it('produces N records of a given size', async () => {
    const topic = uniqueTopic('helpers-produce');
    await createTopic(testbed, { topic, partitions: 2 });
    const result = await produceMessages(testbed, { topic, count: 5000, size: 512 });
    expect(result.count).toBe(5000);
    expect(await countMessages(testbed, topic)).toBe(5000);
  });

  it.each(protocols)('creates a %s consumer group with committed offsets and lag', async (protocol) => {
    const topic = uniqueTopic(`helpers-group-${protocol}`);
    await createTopic(testbed, { topic });
    await produceMessages(testbed, { topic, count: 1000, size: 100 });

    const groupId = `${topic}-group`;
    const { committed } = await createConsumerGroup(testbed, { groupId, topic, consume: 300, protocol });
    expect(committed).toEqual([{ partition: 0, offset: '300' }]);

    const admin = await adminClient(testbed);
    try {
      const [end] = await admin.fetchTopicOffsets(topic);
      expect(Number(end?.high) - Number(committed[0]?.offset)).toBe(700);
    } finally {
      await admin.disconnect();
    }
    if (testbed.line === '4') {
      // kafkajs' ListGroups cannot tell a KIP-848 group from a classic one; Kafka's own tool can.
      const { stdout } = await runKafkaTool(testbed, 'org.apache.kafka.tools.GroupsCommand', ['--bootstrap-server', testbed.listeners.plaintext, '--list']);
      const row = stdout.split('\n').find((line) => line.startsWith(`${groupId} `));
      expect(row?.trim().split(/\s+/).slice(1)).toEqual([protocol === 'classic' ? 'Classic' : 'Consumer', 'consumer']);
    }
  });

  it('keeps a classic group with a live member while a console consumer runs', async () => {
    const topic = uniqueTopic('helpers-live');
    await createTopic(testbed, { topic });
    const groupId = `${topic}-group`;
    const consumer = startConsoleConsumer(testbed, { groupId, topic });
    const admin = await adminClient(testbed);
    try {
      const deadline = Date.now() + 60_000;
      let group = (await admin.describeGroups([groupId])).groups[0];
      while ((group?.state !== 'Stable' || group.members.length !== 1) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        group = (await admin.describeGroups([groupId])).groups[0];
      }
      expect(group).toMatchObject({ state: 'Stable', protocolType: 'consumer' });
      expect(group?.members).toHaveLength(1);
    } finally {
      await admin.disconnect();
      await consumer.stop();
    }
  });
});
