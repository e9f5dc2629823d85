// The demo's background process: a few records per second into the live topics (values encoded with the
// registered schemas, keys, headers), the members that keep two groups alive (one keeping up, one too
// slow), and a KIP-848 console consumer (Kafka's own, `group.protocol=consumer`: kafkajs speaks only the
// classic protocol). Started detached by `npm run demo`; exits on SIGTERM (`npm run demo -- --stop`) or
// by itself when the bed's owner process is gone, taking its JVM with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { useArchiveOptions } from '../testbed/cds';
import { isAlive } from '../testbed/node-process';
import { jvmOptions, log4jOptions } from '../testbed/testbed';
import { DEMO_GROUPS, DEMO_TOPICS, sampleRecord } from './plan';
import { topicEncoders, type DemoBed } from './seed';
import { writeTrafficState, type TrafficConfig } from './state';

const { Kafka, logLevel } = kafkajs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const configFile = process.argv[2];
if (!configFile) {
  process.stderr.write('usage: traffic.ts CONFIG.json\n');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configFile, 'utf8')) as TrafficConfig;
const bed: DemoBed = { info: config.info, registryUrl: config.registryUrl };
const brokers = bed.info.listeners.plaintext.split(',');
const kafka = new Kafka({ clientId: 'odradek-demo-traffic', brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

let stopping = false;
const timers: NodeJS.Timeout[] = [];
const consumers: kafkajs.Consumer[] = [];
let kip848: ChildProcess | null = null;

function startKip848Member(groupId: string, topic: string): ChildProcess {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return spawn(
    java,
    [
      ...jvmOptions('fast-start'), ...useArchiveOptions(bed.info.kafkaVersion), ...log4jOptions(config.stateDir, 'tool'), '-cp', bed.info.classpath,
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server', bed.info.listeners.plaintext,
      '--topic', topic,
      '--group', groupId,
      '--consumer-property', 'group.protocol=consumer',
      '--consumer-property', 'client.id=inventory-projector-1',
    ],
    { stdio: 'ignore' },
  );
}

async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`stopping: ${reason}`);
  for (const timer of timers) clearInterval(timer);
  if (kip848 && kip848.exitCode === null) kip848.kill('SIGTERM');
  await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
  await producer.disconnect().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const encode = await topicEncoders(bed.registryUrl);
const producer = kafka.producer();
await producer.connect();

// Sequences continue after the history so keys and ids stay plausible.
const sequences = new Map(DEMO_TOPICS.map((topic) => [topic.name, topic.history]));
let produced = 0;
for (const topic of DEMO_TOPICS) {
  if (topic.ratePerSecond <= 0) continue;
  timers.push(
    setInterval(() => {
      const sequence = (sequences.get(topic.name) ?? 0) + 1;
      sequences.set(topic.name, sequence);
      const record = sampleRecord(topic, sequence, Date.now());
      producer
        .send({ topic: topic.name, messages: [{ key: record.key, value: encode(topic, record.value), headers: record.headers }] })
        .then(() => {
          produced += 1;
        })
        .catch((error: unknown) => log(`produce to ${topic.name} failed: ${error instanceof Error ? error.message : String(error)}`));
    }, Math.round(1000 / topic.ratePerSecond)),
  );
}

for (const group of DEMO_GROUPS) {
  if (group.member === 'kip848-console-consumer') {
    kip848 = startKip848Member(group.id, group.topic);
    kip848.once('exit', (code, signal) => {
      if (!stopping) log(`the KIP-848 member of ${group.id} exited (${signal ?? code})`);
    });
    continue;
  }
  if (group.member !== 'traffic-consumer' && group.member !== 'traffic-slow-consumer') continue;
  const consumer = kafka.consumer({ groupId: group.id, sessionTimeout: 30_000, heartbeatInterval: 3000 });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: group.topic, fromBeginning: true });
  const slow = group.member === 'traffic-slow-consumer';
  await consumer.run({
    // Committed every few seconds, not only at the end of a batch: the slow member's lag must show as it goes.
    autoCommitInterval: 5000,
    // The slow one handles a record every 2.5 s while its topic gets one a second: lag grows steadily.
    eachMessage: async ({ heartbeat }) => {
      if (slow) {
        await sleep(2500);
        await heartbeat();
      }
    },
  });
}

writeTrafficState(config.stateDir, { pid: process.pid, kip848Pid: kip848?.pid ?? null, bootstrap: bed.info.listeners.plaintext, startedAt: new Date().toISOString() });
log(`traffic running: ${DEMO_TOPICS.filter((topic) => topic.ratePerSecond > 0).map((topic) => `${topic.name} ${topic.ratePerSecond}/s`).join(', ')}`);

// The bed going away (kafka:down, the test run ending) ends the traffic too.
timers.push(
  setInterval(() => {
    if (!isAlive(bed.info.ownerPid)) void shutdown(`the bed's owner ${bed.info.ownerPid} is gone`);
  }, 2000),
);
timers.push(setInterval(() => log(`${produced} records produced so far`), 60_000));
