// Helpers for integration tests and benchmarks: clients per listener, topics, bulk data, consumer
// groups, ACLs for the restricted user, and fault injection.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import type { Admin, KafkaConfig, SASLOptions } from 'kafkajs';
import { jvmOptions, log4jOptions, type JvmProfile } from './testbed';
import { useArchiveOptions } from './cds';
import { fetchToken } from './oauth';
import { killNode as killNodeProcess, signalNode, spawnNode, stopNode as stopNodeProcess, waitForNodeReady } from './node-process';
import type { TestbedInfo, TestbedNodeInfo } from './types';

const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;
const execFileAsync = promisify(execFile);

export type ClientAccess =
  | 'plaintext'
  | 'sasl-plain'
  | 'sasl-scram-256'
  | 'sasl-scram-512'
  | 'mtls'
  | 'sasl-ssl-plain'
  | 'sasl-ssl-scram-256'
  | 'sasl-ssl-scram-512'
  | 'oauth';

export const ALL_ACCESS: readonly ClientAccess[] = [
  'plaintext',
  'sasl-plain',
  'sasl-scram-256',
  'sasl-scram-512',
  'mtls',
  'sasl-ssl-plain',
  'sasl-ssl-scram-256',
  'sasl-ssl-scram-512',
  'oauth',
];

/** kafkajs settings for one way into the bed. `user` picks the SASL user (admin unless stated). */
export function kafkaConfig(
  info: TestbedInfo,
  access: ClientAccess,
  options: { user?: 'admin' | 'restricted'; clientId?: string } = {},
): KafkaConfig {
  const credentials = info.users[options.user ?? 'admin'];
  const base = { clientId: options.clientId ?? `testbed-${access}`, logLevel: logLevel.NOTHING };
  const ca = [readFileSync(info.tls.ca.cert, 'utf8')];
  const sasl = (mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'): SASLOptions => ({ mechanism, ...credentials });
  const brokers = (listener: keyof TestbedInfo['listeners']) => info.listeners[listener].split(',');
  switch (access) {
    case 'plaintext':
      return { ...base, brokers: brokers('plaintext') };
    case 'sasl-plain':
      return { ...base, brokers: brokers('saslPlaintext'), sasl: sasl('plain') };
    case 'sasl-scram-256':
      return { ...base, brokers: brokers('saslPlaintext'), sasl: sasl('scram-sha-256') };
    case 'sasl-scram-512':
      return { ...base, brokers: brokers('saslPlaintext'), sasl: sasl('scram-sha-512') };
    case 'mtls':
      return {
        ...base,
        brokers: brokers('ssl'),
        ssl: { ca, cert: readFileSync(info.tls.client.cert, 'utf8'), key: readFileSync(info.tls.client.key, 'utf8') },
      };
    case 'sasl-ssl-plain':
      return { ...base, brokers: brokers('saslSsl'), ssl: { ca }, sasl: sasl('plain') };
    case 'sasl-ssl-scram-256':
      return { ...base, brokers: brokers('saslSsl'), ssl: { ca }, sasl: sasl('scram-sha-256') };
    case 'sasl-ssl-scram-512':
      return { ...base, brokers: brokers('saslSsl'), ssl: { ca }, sasl: sasl('scram-sha-512') };
    case 'oauth':
      return {
        ...base,
        brokers: brokers('oauth'),
        sasl: {
          mechanism: 'oauthbearer',
          oauthBearerProvider: async () => ({ value: await fetchToken(info.oauth, info.oauth.clientSecret) }),
        },
      };
  }
}

/** A connected admin client on the PLAINTEXT listener (a super user). Disconnect it when done. */
export async function adminClient(info: TestbedInfo): Promise<Admin> {
  const admin = new Kafka(kafkaConfig(info, 'plaintext', { clientId: 'testbed-admin' })).admin();
  await admin.connect();
  return admin;
}

async function withAdmin<T>(info: TestbedInfo, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = await adminClient(info);
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
}

/**
 * Creates the topics and waits until every partition has a leader that answers ListOffsets. kafkajs' own
 * waitForLeaders gives up when a broker has not seen the new topic yet (UNKNOWN_TOPIC_OR_PARTITION, seen
 * with 3 nodes), and a leader in the metadata can still answer NOT_LEADER_OR_FOLLOWER for a moment on a
 * loaded machine, so poll both.
 */
export async function createTopics(info: TestbedInfo, topics: TopicSpec[], timeoutMs = 30_000): Promise<void> {
  await withAdmin(info, async (admin) => {
    await admin.createTopics({
      waitForLeaders: false,
      topics: topics.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions ?? 1,
        replicationFactor: spec.replicationFactor ?? 1,
        configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    const deadline = Date.now() + timeoutMs;
    let lastProblem = '';
    for (;;) {
      try {
        const metadata = await admin.fetchTopicMetadata({ topics: topics.map((spec) => spec.topic) });
        const notReady = topics.filter((spec) => {
          const partitions = metadata.topics.find((topic) => topic.name === spec.topic)?.partitions ?? [];
          return partitions.length !== (spec.partitions ?? 1) || partitions.some((partition) => partition.leader < 0);
        });
        if (notReady.length === 0) {
          for (const spec of topics) await admin.fetchTopicOffsets(spec.topic);
          return;
        }
        lastProblem = `no leader yet for ${notReady.map((spec) => spec.topic).join(', ')}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) throw new Error(`topics not ready after ${timeoutMs} ms: ${lastProblem}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

export const createTopic = (info: TestbedInfo, spec: TopicSpec) => createTopics(info, [spec]);

/** Sum over partitions of (high watermark - log start): the number of records a full read returns. */
export async function countMessages(info: TestbedInfo, topic: string): Promise<number> {
  return withAdmin(info, async (admin) => {
    // Leadership can move (a restarted node, a 3-node bed); NOT_LEADER answers are worth a few retries.
    for (let attempt = 1; ; attempt++) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
      } catch (error) {
        if (attempt >= 20 || (error as { retriable?: boolean }).retriable !== true) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
}

export interface KafkaToolResult {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a class from the bed's own Kafka jars (tools log WARN+ to stderr). */
export async function runKafkaTool(
  info: TestbedInfo,
  mainClass: string,
  args: string[],
  options: { jvm?: JvmProfile; timeoutMs?: number } = {},
): Promise<KafkaToolResult> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const t0 = Date.now();
  try {
    const { stdout, stderr } = await execFileAsync(
      java,
      [
        ...jvmOptions(options.jvm ?? 'fast-start'),
        ...useArchiveOptions(info.kafkaVersion),
        ...log4jOptions(info.dataDir, 'tool'),
        '-cp',
        info.classpath,
        mainClass,
        ...args,
      ],
      { timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { stdout, stderr, ms: Date.now() - t0 };
  } catch (error) {
    const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${mainClass} ${args.join(' ')} failed: ${message}\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

export interface ProduceResult {
  count: number;
  ms: number;
  messagesPerSecond: number;
}

/**
 * Fills a topic with `count` random records of `size` bytes using Kafka's ProducerPerformance
 * (about 1M x 1 KB in well under a minute here). The topic must exist.
 */
export async function produceMessages(
  info: TestbedInfo,
  options: { topic: string; count: number; size: number; acks?: '0' | '1' | 'all' },
): Promise<ProduceResult> {
  const before = await countMessages(info, options.topic);
  const result = await runKafkaTool(
    info,
    'org.apache.kafka.tools.ProducerPerformance',
    [
      '--topic', options.topic,
      '--num-records', String(options.count),
      '--record-size', String(options.size),
      '--throughput', '-1',
      '--producer-props',
      `bootstrap.servers=${info.listeners.plaintext}`,
      `acks=${options.acks ?? '1'}`,
      'linger.ms=10',
      'batch.size=524288',
      'buffer.memory=134217728',
      'compression.type=none',
    ],
    // C2 pays for itself beyond a few thousand records.
    { jvm: options.count >= 100_000 ? 'throughput' : 'fast-start' },
  );
  const after = await countMessages(info, options.topic);
  if (after - before < options.count) {
    throw new Error(`ProducerPerformance reported success but the topic grew by ${after - before} of ${options.count}:\n${result.stdout}`);
  }
  return { count: options.count, ms: result.ms, messagesPerSecond: Math.round((options.count / result.ms) * 1000) };
}

/** Small, exact messages through kafkajs (for tests that check content). */
export async function produceWithKafkajs(
  info: TestbedInfo,
  topic: string,
  messages: { key?: string; value: string; partition?: number }[],
): Promise<void> {
  const producer = new Kafka(kafkaConfig(info, 'plaintext', { clientId: 'testbed-producer' })).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

export type GroupProtocol = 'classic' | 'consumer';

/**
 * Makes a consumer group that has read and committed the first `consume` records of `topic` and left
 * the rest as lag, using Kafka's own ConsoleConsumer: `classic` or KIP-848 `consumer` protocol (4.x).
 * max.poll.records=1 makes the committed offsets exact; spread over partitions as the broker assigns.
 */
export async function createConsumerGroup(
  info: TestbedInfo,
  options: { groupId: string; topic: string; consume: number; protocol?: GroupProtocol },
): Promise<{ committed: { partition: number; offset: string }[] }> {
  if (options.consume < 1) throw new Error('consume must be at least 1 (a group commits by reading)');
  await runKafkaTool(info, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
    '--bootstrap-server', info.listeners.plaintext,
    '--topic', options.topic,
    '--group', options.groupId,
    '--from-beginning',
    '--max-messages', String(options.consume),
    '--timeout-ms', '60000',
    '--consumer-property', `group.protocol=${options.protocol ?? 'classic'}`,
    '--consumer-property', 'max.poll.records=1',
    '--consumer-property', 'enable.auto.commit=true',
  ]);
  return withAdmin(info, async (admin) => {
    const [offsets] = await admin.fetchOffsets({ groupId: options.groupId, topics: [options.topic] });
    return { committed: (offsets?.partitions ?? []).map(({ partition, offset }) => ({ partition, offset })) };
  });
}

export type AclResource = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID';
export type AclOperation =
  | 'ALL' | 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE' | 'CLUSTER_ACTION' | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS' | 'IDEMPOTENT_WRITE';

export interface AclGrant {
  resourceType: AclResource;
  /** For CLUSTER use "kafka-cluster". */
  resourceName: string;
  operations: AclOperation[];
  patternType?: 'LITERAL' | 'PREFIXED';
  /** Defaults to the restricted user. */
  principal?: string;
}

function aclEntries(info: TestbedInfo, grant: AclGrant) {
  return grant.operations.map((operation) => ({
    resourceType: AclResourceTypes[grant.resourceType],
    resourceName: grant.resourceName,
    resourcePatternType: ResourcePatternTypes[grant.patternType ?? 'LITERAL'],
    principal: grant.principal ?? `User:${info.users.restricted.username}`,
    host: '*',
    operation: AclOperationTypes[operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

/** ALLOW ACLs, by default for the restricted user; the authorizer applies them within a moment. */
export async function grantAcl(info: TestbedInfo, grant: AclGrant): Promise<void> {
  await withAdmin(info, (admin) => admin.createAcls({ acl: aclEntries(info, grant) }).then(() => undefined));
}

export async function revokeAcl(info: TestbedInfo, grant: AclGrant): Promise<void> {
  await withAdmin(info, (admin) => admin.deleteAcls({ filters: aclEntries(info, grant) }).then(() => undefined));
}

// Fault injection. Nodes are addressed by id (1..n); each works from any process.

function nodeById(info: TestbedInfo, id: number): TestbedNodeInfo {
  const node = info.nodes.find((candidate) => candidate.id === id);
  if (node === undefined) throw new Error(`no node ${id} in this test bed (nodes: ${info.nodes.map((n) => n.id).join(', ')})`);
  return node;
}

/** Graceful stop (SIGTERM, controlled shutdown). */
export const stopNode = (info: TestbedInfo, id: number) => stopNodeProcess(nodeById(info, id));
/** kill -9: no shutdown at all, as in a crash or power loss. */
export const killNode = (info: TestbedInfo, id: number) => killNodeProcess(nodeById(info, id));
/** SIGSTOP: the JVM stays, sockets stay open, nothing answers, like a hung broker. */
export const pauseNode = (info: TestbedInfo, id: number) => void signalNode(nodeById(info, id), 'SIGSTOP');
export const resumeNode = (info: TestbedInfo, id: number) => void signalNode(nodeById(info, id), 'SIGCONT');

/** Starts a stopped or killed node and waits until it is back in the cluster metadata. */
export async function startNode(info: TestbedInfo, id: number, timeoutMs = 120_000): Promise<void> {
  const node = nodeById(info, id);
  // Detached: the broker must outlive a test worker; the bed's owner stops it by its pid file.
  spawnNode(node, { detached: true });
  await waitForNodeReady(node, { expectBrokers: 1, timeoutMs });
}

export async function restartNode(info: TestbedInfo, id: number): Promise<void> {
  await stopNode(info, id);
  await startNode(info, id);
}

/** Starts Kafka's console consumer in the background, e.g. to keep a group with live members. */
export function startConsoleConsumer(
  info: TestbedInfo,
  options: { groupId: string; topic: string; protocol?: GroupProtocol },
): { stop(): Promise<void> } {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [
      ...jvmOptions('fast-start'), ...useArchiveOptions(info.kafkaVersion), ...log4jOptions(info.dataDir, 'tool'), '-cp', info.classpath,
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server', info.listeners.plaintext,
      '--topic', options.topic,
      '--group', options.groupId,
      '--consumer-property', `group.protocol=${options.protocol ?? 'classic'}`,
    ],
    { stdio: 'ignore' },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface ReceivedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
}

/**
 * Reads `count` records from the beginning of `topic` with a fresh consumer group and the given client
 * settings; rejects on timeout with how many arrived.
 */
export async function consumeMessages(
  config: KafkaConfig,
  options: { topic: string; count: number; groupId?: string; timeoutMs?: number },
): Promise<ReceivedMessage[]> {
  const consumer = new Kafka(config).consumer({
    groupId: options.groupId ?? `testbed-read-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const received: ReceivedMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`consumed ${received.length} of ${options.count} messages from ${options.topic} before the timeout`)),
        options.timeoutMs ?? 30_000,
      );
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) {
          clearTimeout(timer);
          reject(event.payload.error);
        }
      });
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            received.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null });
            if (received.length >= options.count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    return received;
  } finally {
    await consumer.disconnect();
  }
}

/** A topic name unique to this run, so tests never see each other's data. */
export function uniqueTopic(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
