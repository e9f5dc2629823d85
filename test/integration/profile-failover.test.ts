// A profile with a failover cluster, on two independent brokers: the run's bed is `main`, a second
// one-node bed started here is `failover`. The profile is imported from Gateway-style KAFKA_MAIN_* /
// KAFKA_FAILOVER_* variables, switched only on request through main's dispatcher, and browsing after the
// switch shows the failover cluster's copy of the topic, replicated by Kafka's MirrorMaker 2
// (connect-mirror, identity replication policy so the name stays).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProfileSummary } from '../../shared/ipc/contract';
import type { StreamFrame } from '../../shared/ipc/stream';
import type { TopicListItem } from '../../shared/domain/topics/topic-schemas';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { Kafka } from 'kafkajs';
import { createTopics, kafkaConfig, produceWithKafkajs } from '../../testbed/helpers';
import { startMirrorMaker, type MirrorMaker } from '../../testbed/mirror';
import { tailLog } from '../../testbed/node-process';
import type { TestbedInfo } from '../../testbed/types';
import { startTestbed, type Testbed } from '../../testbed/testbed';
import { dispatcherCalls } from './support/dispatcher-calls';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'profile-failover' };
const run = `fo${Date.now().toString(36)}`;
const topic = `${run}-orders`;
const onlyOnFailover = `${run}-dr-only`;
const records = [
  { key: 'a', value: 'first', partition: 0 },
  { key: 'b', value: 'second', partition: 0 },
  { key: 'c', value: 'third', partition: 1 },
];

let failoverBed: Testbed;
let mirror: MirrorMaker | undefined;

/** Until MirrorMaker 2 has copied `count` records of the topic to the failover cluster. */
async function waitForReplica(info: TestbedInfo, name: string, count: number, logFile: string): Promise<void> {
  const admin = new Kafka(kafkaConfig(info, 'plaintext', { clientId: 'failover-wait' })).admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const offsets = await admin.fetchTopicOffsets(name).catch(() => []);
      if (offsets.reduce((sum, entry) => sum + Number(entry.high), 0) >= count) return;
      if (Date.now() > deadline) throw new Error(`MirrorMaker 2 did not replicate ${name} within 150 s; ${logFile}:\n${tailLog(logFile, 40)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
}
let dataDir: string;
let dispatcher: Dispatcher;
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);

async function browse(profileId: string) {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream({ name: 'messages:browse', request: { profileId, topic, limit: 10 }, credits: 1000 }, { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined }, sender);
  return frames.flatMap((frame) => (frame.type === 'batch' ? (frame.items as { partition: number; offset: string; key: { text?: string } | null; value: { text?: string } | null }[]) : []));
}
async function topicNames(profileId: string) {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream({ name: 'topics:list', request: { profileId, rateSampleMs: 0 }, credits: 100_000 }, { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined }, sender);
  return [...new Set(frames.flatMap((frame) => (frame.type === 'batch' ? (frame.items as TopicListItem[]).map((item) => item.name) : [])))].filter((name) => name.includes(run)).sort();
}
const summary = async () => (await call<{ profiles: ProfileSummary[] }>('profiles:list', undefined)).profiles.find((profile) => profile.id === 'dr')!;

beforeAll(async () => {
  failoverBed = await startTestbed({ nodes: 1 });
  await createTopics(bed, [{ topic, partitions: 2 }]);
  await produceWithKafkajs(bed, topic, records);
  await createTopics(failoverBed.info, [{ topic: onlyOnFailover, partitions: 1 }]);
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-failover-'));
  mirror = await startMirrorMaker({ source: bed.listeners.plaintext, target: failoverBed.info.listeners.plaintext, topics: topic, dataDir: join(dataDir, 'mm2') });
  await waitForReplica(failoverBed.info, topic, records.length, mirror.logFile);
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  const text = [
    `KAFKA_MAIN_BOOTSTRAP_SERVERS=${bed.listeners.saslPlaintext}`,
    'KAFKA_MAIN_SECURITY_PROTOCOL=SASL_PLAINTEXT',
    'KAFKA_MAIN_SASL_MECHANISM=SCRAM-SHA-512',
    `KAFKA_MAIN_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username="${bed.users.admin.username}" password="${bed.users.admin.password}";`,
    `KAFKA_FAILOVER_BOOTSTRAP_SERVERS=${failoverBed.info.listeners.saslPlaintext}`,
    'KAFKA_FAILOVER_SECURITY_PROTOCOL=SASL_PLAINTEXT',
    'KAFKA_FAILOVER_SASL_MECHANISM=PLAIN',
    `KAFKA_FAILOVER_SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="${failoverBed.info.users.admin.username}" password="${failoverBed.info.users.admin.password}";`,
    'KAFKA_FAILOVER_GATEWAY_ROLES=failover',
  ].join('\n');
  await call('profiles:import-save', { text, format: 'auto', id: 'dr', name: 'dr-profile' });
}, 360_000);
afterAll(async () => {
  await mirror?.stop();
  await failoverBed?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a profile with a failover cluster', () => {
  it('imports as one profile on its main cluster, the failover credentials in their own slots', async () => {
    const profile = await summary();
    expect(profile).toMatchObject({ activeCluster: 'main', bootstrapServers: bed.listeners.saslPlaintext.split(','), failover: { bootstrapServers: failoverBed.info.listeners.saslPlaintext.split(',') } });
    expect(await topicNames('dr')).toEqual([topic]);
  });

  it('switches only when asked; browsing then reads the failover copy, topics are the failover cluster’s', async () => {
    const before = await browse('dr');
    expect(before.map((row) => [row.partition, row.offset, row.value?.text])).toEqual([[0, '0', 'first'], [0, '1', 'second'], [1, '0', 'third']]);
    expect(await call('profiles:switch-cluster', { id: 'dr', to: 'failover' })).toEqual({ id: 'dr', activeCluster: 'failover', bootstrapServers: failoverBed.info.listeners.saslPlaintext.split(',') });
    expect(await summary()).toMatchObject({ activeCluster: 'failover' });
    expect(await topicNames('dr')).toEqual([onlyOnFailover, topic].sort());
    const after = await browse('dr');
    expect(after.map((row) => [row.partition, row.offset, row.key?.text, row.value?.text])).toEqual(before.map((row) => [row.partition, row.offset, row.key?.text, row.value?.text]));
  });

  it('switches back to main', async () => {
    await call('profiles:switch-cluster', { id: 'dr', to: 'main' });
    expect(await summary()).toMatchObject({ activeCluster: 'main' });
    expect(await topicNames('dr')).toEqual([topic]);
  });

  it('a profile without a failover cluster cannot be switched', async () => {
    await call('profiles:save', { draft: { schemaVersion: 1, id: 'single', name: 'single', environment: { tag: 'dev', colour: '#40c057' }, bootstrapServers: [bed.listeners.plaintext], securityProtocol: 'PLAINTEXT', sasl: null, tls: null, schemaRegistry: null, vendor: { preset: 'apache-kafka' }, topicDefaults: { replicationFactor: null, partitions: null }, safety: { readOnly: false, allowedActions: [] } } });
    expect(await refusal('profiles:switch-cluster', { id: 'single', to: 'failover' })).toMatchObject({ code: 'INVALID_INPUT', message: "Profile 'single' has no failover cluster; add one to the profile before switching to it." });
  });
});
