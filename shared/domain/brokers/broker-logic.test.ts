import { describe, expect, it } from 'vitest';
import { brokerFigures, electionConfirmationText, movedReplicas, previewConfigChanges, proposeReassignment, withQuorumLag } from './broker-logic';
import type { BrokerConfigEntry } from './broker-schemas';

describe('brokerFigures', () => {
  it('counts leadership, replicas, under-replicated partitions a broker leads and offline replicas', () => {
    const figures = brokerFigures(
      [
        { leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
        { leader: 2, replicas: [2, 3, 1], isr: [2, 3] },
        { leader: -1, replicas: [3], isr: [] },
        { leader: 1, replicas: [1], isr: [1] },
      ],
      [1, 2, 3, 4],
    );
    expect(Object.fromEntries(figures)).toEqual({
      1: { leaderPartitions: 2, replicas: 3, underReplicatedLed: 0, offlineReplicas: 0 },
      2: { leaderPartitions: 1, replicas: 2, underReplicatedLed: 1, offlineReplicas: 0 },
      3: { leaderPartitions: 0, replicas: 3, underReplicatedLed: 0, offlineReplicas: 1 },
      4: { leaderPartitions: 0, replicas: 0, underReplicatedLed: 0, offlineReplicas: 0 },
    });
  });
});

describe('withQuorumLag', () => {
  it("measures lag from the leader's log end offset and never below zero", () => {
    const replicas = withQuorumLag(
      1,
      [
        { replicaId: 1, logEndOffset: 100, lastFetchTimestamp: null, lastCaughtUpTimestamp: null },
        { replicaId: 2, logEndOffset: 90, lastFetchTimestamp: 5, lastCaughtUpTimestamp: 4 },
        { replicaId: 3, logEndOffset: 101, lastFetchTimestamp: 5, lastCaughtUpTimestamp: 5 },
      ],
      100,
    );
    expect(replicas.map(({ id, lag, isLeader }) => [id, lag, isLeader])).toEqual([
      [1, 0, true],
      [2, 10, false],
      [3, 0, false],
    ]);
  });
});

const entry = (overrides: Partial<BrokerConfigEntry> & { name: string }): BrokerConfigEntry => ({ value: null, source: 'default', sensitive: false, readOnly: false, synonyms: [], ...overrides });

describe('previewConfigChanges', () => {
  const entries = [
    entry({ name: 'message.max.bytes', value: '2000', source: 'dynamic-broker', synonyms: [{ name: 'message.max.bytes', value: '2000', source: 'dynamic-broker' }, { name: 'message.max.bytes', value: '1500', source: 'dynamic-default' }, { name: 'message.max.bytes', value: '1048588', source: 'default' }] }),
    entry({ name: 'log.retention.ms', value: '604800000', source: 'default', synonyms: [{ name: 'log.retention.hours', value: '168', source: 'default' }] }),
    entry({ name: 'node.id', value: '1', source: 'static', readOnly: true, synonyms: [{ name: 'node.id', value: '1', source: 'static' }] }),
    entry({ name: 'ssl.key.password', value: null, source: 'static', sensitive: true, synonyms: [{ name: 'ssl.key.password', value: null, source: 'static' }] }),
  ];

  it('shows a per-broker set and reset with the level that applies afterwards', () => {
    expect(previewConfigChanges(entries, 1, { 'log.retention.ms': '1000' }, ['message.max.bytes'])).toEqual([
      { name: 'log.retention.ms', operation: 'set', before: '604800000', beforeSource: 'default', beforeKey: 'log.retention.ms', after: '1000', afterSource: 'dynamic-broker', afterKey: 'log.retention.ms', sensitive: false, problem: null },
      { name: 'message.max.bytes', operation: 'reset', before: '2000', beforeSource: 'dynamic-broker', beforeKey: 'message.max.bytes', after: '1500', afterSource: 'dynamic-default', afterKey: 'message.max.bytes', sensitive: false, problem: null },
    ]);
  });

  it('works at the cluster-wide level from the defaults set, below a broker override', () => {
    const defaults = new Map([['message.max.bytes', '1500']]);
    const [reset] = previewConfigChanges(entries, null, {}, ['message.max.bytes'], defaults);
    expect(reset).toMatchObject({ before: '1500', beforeSource: 'dynamic-default', after: '1048588', afterSource: 'default', problem: null });
    const [set] = previewConfigChanges(entries, null, { 'log.retention.ms': '5' }, [], defaults);
    // The level below is Kafka's default of another key, in hours: said as such, not as milliseconds.
    expect(set).toMatchObject({ before: '168', beforeKey: 'log.retention.hours', beforeSource: 'default', after: '5', afterKey: 'log.retention.ms', afterSource: 'dynamic-default' });
    expect(previewConfigChanges(entries, null, {}, ['log.retention.ms'], defaults)[0]!.problem).toBe('log.retention.ms has no cluster-wide default to reset.');
  });

  it('names unknown and read-only keys, a reset of nothing, and never shows a sensitive new value', () => {
    const rows = previewConfigChanges(entries, 1, { 'node.id': '2', 'mesage.max.bytes': '1', 'ssl.key.password': 'secret' }, ['log.retention.ms']);
    expect(rows.map((row) => [row.name, row.problem])).toEqual([
      ['log.retention.ms', 'log.retention.ms has no value set on broker 1 to reset.'],
      ['mesage.max.bytes', 'mesage.max.bytes is not a configuration this broker reports; check the spelling.'],
      ['node.id', 'node.id is read-only: it changes only with a restart.'],
      ['ssl.key.password', null],
    ]);
    expect(rows.find((row) => row.name === 'ssl.key.password')).toMatchObject({ sensitive: true, after: null });
  });
});

describe('proposeReassignment', () => {
  it('keeps replicas already on chosen brokers and moves the rest to the least loaded', () => {
    const plan = proposeReassignment(
      [
        { partition: 0, replicas: [1, 2] },
        { partition: 1, replicas: [2, 3] },
        { partition: 2, replicas: [3, 1] },
      ],
      [2, 3, 4],
    );
    expect(plan).toEqual([
      { partition: 0, current: [1, 2], proposed: [2, 4] },
      { partition: 1, current: [2, 3], proposed: [2, 3] },
      { partition: 2, current: [3, 1], proposed: [3, 4] },
    ]);
    expect(movedReplicas(plan)).toBe(2);
  });

  it('spreads new preferred leaders, changes the replication factor on request and refuses too few brokers', () => {
    const plan = proposeReassignment(
      [
        { partition: 0, replicas: [1] },
        { partition: 1, replicas: [1] },
      ],
      [2, 3],
    );
    expect(plan.map((entry) => entry.proposed)).toEqual([[2], [3]]);
    expect(proposeReassignment([{ partition: 0, replicas: [1] }], [1, 2], 2)[0]!.proposed).toEqual([1, 2]);
    expect(() => proposeReassignment([{ partition: 0, replicas: [1, 2, 3] }], [1, 2])).toThrow('Replication factor 3 needs at least 3 brokers; 2 chosen.');
  });
});

describe('electionConfirmationText', () => {
  it('is the topic for one topic, a count for several, and a phrase for all', () => {
    expect(electionConfirmationText([{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }])).toBe('orders');
    expect(electionConfirmationText([{ topic: 'a', partition: 0 }, { topic: 'b', partition: 0 }])).toBe('elect 2 partitions');
    expect(electionConfirmationText(null)).toBe('elect all partitions');
  });
});
