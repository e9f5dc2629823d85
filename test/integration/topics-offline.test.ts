// The topic list on a degraded cluster: a three-node bed of its own, one broker stopped. A topic whose
// only replica lived there is offline, an RF 3 topic is under-replicated, and the list still completes
// (its other facts arrive, the offline topic's count stays empty with a warning). After a restart both
// are healthy again.
import kafkajs from 'kafkajs';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicListItem } from '../../shared/domain/topics/topic-schemas';
import type { StreamSink } from '../../shared/ipc/stream';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { streamTopicList, type TopicListProgress, type TopicListSummary } from '../../electron/main/services/topics/topic-list';
import { createTopic, kafkaConfig, startNode, stopNode, uniqueTopic } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';

const { Kafka } = kafkajs;
const STOPPED_NODE = 3;
/** How long the controller may take to fence the stopped broker, or to take it back. */
const SETTLE_MS = 60_000;

async function listTopics(settings: KafkaConnectionSettings): Promise<{ rows: Map<string, TopicListItem>; summary: TopicListSummary }> {
  const rows = new Map<string, TopicListItem>();
  const sink: StreamSink<TopicListItem, TopicListProgress> = {
    signal: new AbortController().signal,
    async batch(items) {
      for (const item of items) rows.set(item.name, { ...rows.get(item.name), ...item });
    },
    progress() {},
    phase() {},
  };
  const summary = await streamTopicList(settings, { rateSampleMs: 0 }, sink, { clock: systemClock });
  return { rows, summary };
}

/** Lists until the rows of interest satisfy `done` (the controller acts asynchronously), then returns that list. */
async function listUntil(settings: KafkaConnectionSettings, done: (rows: Map<string, TopicListItem>) => boolean) {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const listed = await listTopics(settings);
    if (done(listed.rows) || Date.now() > deadline) return listed;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('topics:list with a broker down', () => {
  let bed: Testbed;
  let admin: Admin;
  let settings: KafkaConnectionSettings;
  const single = uniqueTopic('offline-rf1');
  const replicated = uniqueTopic('offline-rf3');

  beforeAll(async () => {
    bed = await startTestbed({ nodes: 3 });
    // Bootstrap through the nodes that stay up, so connecting never depends on the stopped one.
    const survivors = bed.info.nodes.filter((node) => node.id !== STOPPED_NODE).map((node) => node.listeners.plaintext);
    settings = { name: 'topics-offline', bootstrapServers: survivors, tls: null, sasl: null };
    admin = new Kafka({ ...kafkaConfig(bed.info, 'plaintext'), retry: { retries: 10, maxRetryTime: 2000 } }).admin();
    await admin.connect();
    // Two partitions, both placed on the node that will stop: the whole topic goes offline.
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic: single, replicaAssignment: [{ partition: 0, replicas: [STOPPED_NODE] }, { partition: 1, replicas: [STOPPED_NODE] }] }],
    });
    await createTopic(bed.info, { topic: replicated, partitions: 1, replicationFactor: 3 });
  }, 180_000);

  afterAll(async () => {
    await admin?.disconnect();
    await bed?.stop();
  });

  it('counts offline and under-replicated partitions, still lists everything, and recovers after a restart', async () => {
    const healthy = await listUntil(settings, (rows) => rows.get(single)?.messages === 0 && rows.get(replicated)?.messages === 0);
    expect(healthy.rows.get(single)).toMatchObject({ partitions: 2, replicationFactor: 1, offline: 0, underReplicated: 0, messages: 0 });
    expect(healthy.rows.get(replicated)).toMatchObject({ partitions: 1, replicationFactor: 3, offline: 0, underReplicated: 0 });

    await stopNode(bed.info, STOPPED_NODE);
    const degraded = await listUntil(settings, (rows) => rows.get(single)?.offline === 2 && rows.get(replicated)?.underReplicated === 1);
    // Metadata lists only live replicas in a leaderless partition's ISR, so offline counts as under-replicated too.
    expect(degraded.rows.get(single)).toMatchObject({ partitions: 2, offline: 2, underReplicated: 2, messages: null });
    expect(degraded.rows.get(replicated)).toMatchObject({ partitions: 1, replicationFactor: 3, offline: 0, underReplicated: 1, messages: 0 });
    // Sizes come from the brokers that are up; offsets of the offline topic cannot be read, which is said.
    expect(degraded.rows.get(replicated)?.sizeBytes).toBe(0);
    expect(degraded.summary.warnings.join(' ')).toMatch(/Offsets of \d+ topic\(s\) could not be read/);

    await startNode(bed.info, STOPPED_NODE);
    const recovered = await listUntil(settings, (rows) => rows.get(single)?.offline === 0 && rows.get(replicated)?.underReplicated === 0 && rows.get(single)?.messages === 0);
    expect(recovered.rows.get(single)).toMatchObject({ offline: 0, underReplicated: 0, messages: 0 });
    expect(recovered.rows.get(replicated)).toMatchObject({ offline: 0, underReplicated: 0, messages: 0 });
  }, 240_000);
});
