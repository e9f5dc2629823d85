// P0: read a whole topic of 1M x 1 KB records from the beginning. Peer: kcat. Odradek: kafkajs set up
// as the app's browse path will be (library defaults, fetch sizes raised). BENCH_MESSAGES scales it.
import kafkajs from 'kafkajs';
import { createTopic, kafkaConfig, produceMessages, uniqueTopic } from '../testbed/helpers';
import type { TestbedInfo } from '../testbed/types';
import { consumeWithKcat } from './peers';
import type { Benchmark } from './types';

const { Kafka } = kafkajs;
const MESSAGE_SIZE = 1024;
const PARTITIONS = 3;

async function consumeWithKafkajs(info: TestbedInfo, topic: string, expected: number): Promise<{ count: number; ms: number }> {
  const started = Date.now();
  const consumer = new Kafka(kafkaConfig(info, 'plaintext', { clientId: 'odradek-bench' })).consumer({
    groupId: `${topic}-odradek`,
    maxBytes: 64 * 1024 * 1024,
    maxBytesPerPartition: 16 * 1024 * 1024,
  });
  let count = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`kafkajs read ${count} of ${expected} in 10 minutes`)), 600_000);
      consumer
        .run({
          // Browsing reads, it does not commit.
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            count += batch.messages.length;
            if (count >= expected) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return { count, ms: Date.now() - started };
  } finally {
    await consumer.disconnect();
  }
}

const p0: Benchmark = async (ctx) => {
  const messages = Number.parseInt(process.env.BENCH_MESSAGES ?? '1000000', 10);
  if (!Number.isInteger(messages) || messages < 1) throw new Error(`BENCH_MESSAGES must be a positive integer, not ${process.env.BENCH_MESSAGES}`);
  const info = await ctx.requireTestbed();
  const topic = uniqueTopic('bench-p0');
  await createTopic(info, { topic, partitions: PARTITIONS });

  const produced = await produceMessages(info, { topic, count: messages, size: MESSAGE_SIZE });
  ctx.log(`produced ${messages} x ${MESSAGE_SIZE} B in ${produced.ms} ms (${produced.messagesPerSecond} msg/s, ProducerPerformance incl. JVM start)`);

  const kcat = await consumeWithKcat(info, topic);
  if (kcat.count !== messages) throw new Error(`kcat read ${kcat.count} of ${messages} records`);
  ctx.log(`kcat read ${kcat.count} in ${kcat.ms} ms`);
  const odradek = await consumeWithKafkajs(info, topic, messages);
  ctx.log(`kafkajs read ${odradek.count} in ${odradek.ms} ms`);

  const rate = (result: { count: number; ms: number }) => (result.count / result.ms) * 1000;
  const scale = messages === 1_000_000 ? '1M' : messages.toLocaleString('en-US');
  return [
    {
      id: 'P0 consume',
      metric: `consume ${scale} x 1 KB from the beginning (${PARTITIONS} partitions)`,
      unit: 'msg/s',
      odradek: rate(odradek),
      peer: { name: 'kcat -C -e -o beginning -q', value: rate(kcat) },
      ratio: rate(odradek) / rate(kcat),
      notes: `kafkajs consumer (maxBytes 64 MiB, maxBytesPerPartition 16 MiB, eachBatch, no commits); produce took ${produced.ms} ms`,
    },
  ];
};

export default p0;
