// The broker channels on their own three-node bed (started here so only this file pays for it): three
// brokers and three voters; a reassignment of a small topic that completes; cancelling when nothing
// moves; a stopped broker listed as fenced within seconds while other channels keep answering; and a
// preferred leader election that brings leadership back after the broker returns.
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerList, ElectLeadersResult, ReassignmentPlan, Reassignments } from '../../shared/domain/brokers/broker-schemas';
import { electionConfirmationText } from '../../shared/domain/brokers/broker-logic';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { TopicDetail } from '../../shared/domain/topics/topic-schemas';
import type { ClusterOverview } from '../../shared/ipc/contract';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { adminClient, produceWithKafkajs, startNode, stopNode, uniqueTopic } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';
import { dispatcherCalls } from './support/dispatcher-calls';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sender = { kind: 'bridge' as const, session: 'brokers-cluster' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let bed: Testbed;
let admin: Admin;
let dataDir: string;
let dispatcher: Dispatcher;
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
const profileId = 'three';

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await sleep(250);
  }
}
const partitionOf = async (topic: string) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.find((entry) => entry.partitionId === 0)!;

beforeAll(async () => {
  bed = await startTestbed({ nodes: 3 });
  admin = await adminClient(bed.info);
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-brokers-cluster-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  await call('profiles:save', { draft: { ...emptyProfileDraft(profileId, 'three-nodes'), bootstrapServers: bed.info.listeners.plaintext.split(',') } });
}, 180_000);
afterAll(async () => {
  await admin?.disconnect();
  await bed?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('brokers on three nodes', () => {
  it('lists three live brokers and three voters of the quorum', async () => {
    const list = await call<BrokerList>('brokers:list', { profileId });
    expect(list.brokers.map((broker) => [broker.id, broker.status])).toEqual([
      [1, 'alive'],
      [2, 'alive'],
      [3, 'alive'],
    ]);
    expect(list.brokers.filter((broker) => broker.isController)).toHaveLength(1);
    expect(list.quorum!.voters.map((voter) => voter.id).sort()).toEqual([1, 2, 3]);
    expect(list.quorum!.voters.find((voter) => voter.isLeader)?.id).toBe(list.controllerId);
  });

  it('moves a one-replica topic from broker 1 to broker 2 and the reassignment completes', async () => {
    const topic = uniqueTopic('move');
    await admin.createTopics({ topics: [{ topic, replicaAssignment: [{ partition: 0, replicas: [1] }] }], waitForLeaders: true });
    await produceWithKafkajs(bed.info, topic, Array.from({ length: 50 }, (_, index) => ({ value: `m${index}` })));
    const plan = await call<ReassignmentPlan>('brokers:reassignment-plan', { profileId, topic, brokerIds: [2] });
    expect(plan).toEqual({ topic, movedReplicas: 1, partitions: [{ partition: 0, current: [1], proposed: [2] }] });
    const partitions = plan.partitions.map(({ partition, proposed }) => ({ partition, replicas: proposed }));
    expect(await refusal('brokers:reassign', { profileId, topic, partitions, confirmation: 'move' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await call('brokers:reassign', { profileId, topic, partitions, confirmation: topic })).toEqual({ partitions: [{ partition: 0, error: null }] });
    const { ms } = await until('the reassignment', async () => ({ ongoing: (await call<Reassignments>('brokers:reassignments', { profileId, topic })).reassignments.length, replicas: (await partitionOf(topic)).replicas }), (state) => state.ongoing === 0 && state.replicas.join() === '2');
    console.log(`[brokers] reassignment of 50 records completed in ${ms} ms`);
    // Nothing is moving any more: cancelling says so per partition instead of pretending.
    const cancelled = await call<{ partitions: { partition: number; error: string | null }[] }>('brokers:cancel-reassignment', { profileId, topic, partitions: [0], confirmation: topic });
    expect(cancelled.partitions).toEqual([{ partition: 0, error: expect.stringMatching(/no.*reassignment/i) }]);
    expect(await call('brokers:cancel-reassignment', { profileId, topic, partitions: null, confirmation: topic })).toEqual({ partitions: [] });
  });

  it('a stopped broker shows as fenced within seconds, other channels keep answering, and an election brings its leadership back', async () => {
    const topic = uniqueTopic('elect');
    await admin.createTopics({ topics: [{ topic, replicaAssignment: [{ partition: 0, replicas: [1, 2, 3] }] }], waitForLeaders: true });
    expect((await partitionOf(topic)).leader).toBe(1);

    await stopNode(bed.info, 1);
    try {
      const { value: list, ms } = await until('broker 1 listed as stopped', () => call<BrokerList>('brokers:list', { profileId }), (found) => found.brokers.find((broker) => broker.id === 1)?.status === 'fenced', 15_000);
      console.log(`[brokers] stopped broker listed as fenced after ${ms} ms`);
      expect(ms).toBeLessThan(10_000);
      expect(list.brokers.filter((broker) => broker.status === 'alive').map((broker) => broker.id)).toEqual([2, 3]);
      const stopped = list.brokers.find((broker) => broker.id === 1)!;
      expect(stopped).toMatchObject({ leaderPartitions: 0, diskBytes: null, isController: false });
      expect(stopped.replicas).toBeGreaterThan(0);
      expect(list.quorum!.voters.map((voter) => voter.id).sort()).toEqual([1, 2, 3]);
      // The other screens' channels answer while the broker is down.
      // The overview counts the brokers in the metadata: the live ones.
      expect((await call<ClusterOverview>('cluster:overview', { profileId })).brokers).toBe(2);
      const detail = await call<TopicDetail>('topics:detail', { profileId, topic });
      expect(detail.partitions[0]!.leader).not.toBe(1);
      expect(await refusal('brokers:configs', { profileId, brokerId: 1 })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Broker 1 is not in the cluster') });
    } finally {
      await startNode(bed.info, 1);
    }
    await until('broker 1 back in sync', () => partitionOf(topic), (partition) => partition.isr.length === 3, 60_000);
    const back = await until('broker 1 listed as alive', () => call<BrokerList>('brokers:list', { profileId }), (found) => found.brokers.every((broker) => broker.status === 'alive'));
    expect(back.value.brokers.find((broker) => broker.id === 1)!.leaderPartitions).toBeGreaterThanOrEqual(0);
    expect((await partitionOf(topic)).leader).not.toBe(1);

    const partitions = [{ topic, partition: 0 }];
    const elected = await call<ElectLeadersResult>('brokers:elect-leaders', { profileId, partitions, confirmation: electionConfirmationText(partitions) });
    expect(elected).toEqual({ results: [{ topic, partition: 0, outcome: 'elected', message: null }] });
    await until('broker 1 leading again', () => partitionOf(topic), (partition) => partition.leader === 1, 10_000);
    const again = await call<ElectLeadersResult>('brokers:elect-leaders', { profileId, partitions, confirmation: topic });
    expect(again.results[0]!.outcome).toBe('already-preferred');
  });
});
