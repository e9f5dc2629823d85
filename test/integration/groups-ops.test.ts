// Offset resets, OffsetDelete and group delete against the real bed, through main's dispatcher and
// handlers exactly as the renderer calls them (so the tenancy guards and the contract's schemas apply):
// every reset mode with preview == applied (read back with a separate admin client), the refusals
// (active classic and KIP-848 members, a share group, ends that moved, read-only and missing actions,
// a wrong confirmation) and tenancy on every channel these add.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ResetPreview, ResetApplied } from '../../electron/main/services/groups/group-offsets';
import type { ResetRequest } from '../../shared/domain/groups/offset-reset';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { dispatcherCalls } from './support/dispatcher-calls';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { useArchiveOptions } from '../../testbed/cds';
import { commitGroupOffsets } from '../../testbed/groups';
import { adminClient, createTopics, produceWithKafkajs, startConsoleConsumer } from '../../testbed/helpers';
import { jvmOptions, log4jOptions } from '../../testbed/testbed';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'groups-ops' };
const run = `o${Date.now().toString(36)}`;
const topicA = `ops${run}-a`;
const topicB = `ops${run}-b`;
const foreignTopic = `other${run}-t`;
const group = {
  main: `ops${run}-main`,
  moved: `ops${run}-moved`,
  classic: `ops${run}-classic`,
  kip848: `ops${run}-848`,
  share: `ops${run}-share`,
  doomed: `ops${run}-doomed`,
  foreign: `other${run}-g`,
  denied: `ops${run}-denied`,
};
/** The first offset of the second batch written to each partition of topic A. */
const SECOND_BATCH = 20;
let secondBatchAt = 0;

let dataDir: string;
const answers: string[] = [];
let dispatcher: Dispatcher;

const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
/** Opens a stream and reads until its first batch or its end, then cancels it. */
async function firstFrames(name: string, request: unknown) {
  const frames: StreamFrame[] = [];
  let close = () => undefined as void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  let onMessage: ((message: unknown) => void) | undefined;
  const served = dispatcher.openStream(
    { name, request, credits: 4 },
    {
      post: (frame) => {
        frames.push(frame);
        if (frame.type !== 'progress' && frame.type !== 'phase') onMessage?.({ type: 'cancel' });
      },
      onMessage: (listener) => (onMessage = listener as never),
      onClose: (listener) => void closed.then(listener),
      close,
    },
    sender,
  );
  await served;
  return frames;
}

/** Committed offsets read by a separate admin client, as `topic-partition` → offset (−1: none). */
async function committedOffsets(groupId: string, topics: string[]): Promise<Record<string, number>> {
  const admin = await adminClient(bed);
  try {
    const result: Record<string, number> = {};
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) for (const { partition, offset } of partitions) result[`${topic}-${partition}`] = Number(offset);
    return result;
  } finally {
    await admin.disconnect();
  }
}

/** Preview, then apply with the preview's own fingerprint, rows and target; checks the contract's shapes on the way. */
async function previewAndApply(profileId: string, groupId: string, scope: ResetRequest['scope'], target: ResetRequest['target']) {
  const preview = await call<ResetPreview>('groups:reset-preview', { profileId, groupId, scope, target });
  expect(preview.blockers).toEqual([]);
  const applied = await call<ResetApplied>('groups:reset-apply', { profileId, groupId, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: groupId });
  expect(applied.rows).toEqual(preview.rows);
  expect(applied.fingerprint).toBe(preview.fingerprint);
  expect(applied.readBack).toEqual(preview.rows.map(({ topic, partition, target: offset }) => ({ topic, partition, committed: offset })));
  const readBack = await committedOffsets(groupId, [...new Set(preview.rows.map((row) => row.topic))]);
  for (const row of preview.rows) expect(readBack[`${row.topic}-${row.partition}`], `${row.topic}-${row.partition}`).toBe(row.target);
  return preview;
}

function startShareConsumer(groupId: string, topic: string): { stop(): Promise<void> } {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [...jvmOptions('fast-start'), ...useArchiveOptions(bed.kafkaVersion), ...log4jOptions(bed.dataDir, 'tool'), '-cp', bed.classpath, 'org.apache.kafka.tools.consumer.ConsoleShareConsumer', '--bootstrap-server', bed.listeners.plaintext, '--topic', topic, '--group', groupId],
    { stdio: 'ignore' },
  );
  return { stop: () => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))) };
}

/** Polls the preview until the group has a member that has committed on `topic` (or until it has no members). */
async function waitForMembers(groupId: string, topic: string, present: boolean) {
  await expect
    .poll(
      async () => {
        const preview = await call<ResetPreview>('groups:reset-preview', { profileId: 'ops', groupId, scope: { kind: 'topic', topic }, target: { kind: 'earliest' } });
        return present ? preview.group.members > 0 && preview.rows.every((row) => row.current !== null) : preview.group.members === 0;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
}

const policyText = `
policies:
  - actions: [GROUP_EDIT, GROUP_DELETE]
    effect: Allow
    resource: ["cluster", "*", "group", "ops${run}-*"]
    role: ops
  - actions: [GROUP_EDIT, GROUP_DELETE]
    effect: Deny
    resource: ["cluster", "*", "group", "${group.denied}"]
    role: "*"
tenants:
  - name: Ops
    resources:
      - include: ["cluster", "*", "topic", "ops${run}-*"]
      - include: ["cluster", "*", "group", "ops${run}-*"]
    roles: [ops]
`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-groups-ops-'));
  await createTopics(bed, [
    { topic: topicA, partitions: 3 },
    { topic: topicB, partitions: 2 },
    { topic: foreignTopic, partitions: 1 },
  ]);
  const batch = (count: number, partitions: number) => Array.from({ length: count * partitions }, (_, index) => ({ value: `m${index}`, partition: index % partitions }));
  await produceWithKafkajs(bed, topicA, batch(SECOND_BATCH, 3));
  await new Promise((resolve) => setTimeout(resolve, 50));
  secondBatchAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await produceWithKafkajs(bed, topicA, batch(10, 3));
  await produceWithKafkajs(bed, topicB, batch(5, 2));
  await produceWithKafkajs(bed, foreignTopic, batch(3, 1));
  const a = (partition: number, offset: number) => ({ topic: topicA, partition, offset });
  const b = (partition: number, offset: number) => ({ topic: topicB, partition, offset });
  await commitGroupOffsets(bed, [
    { groupId: group.main, offsets: [a(0, 5), a(1, 10), a(2, 15), b(0, 1), b(1, 2)] },
    { groupId: group.moved, offsets: [a(0, 1), a(1, 1), a(2, 1)] },
    { groupId: group.doomed, offsets: [b(0, 1)] },
    { groupId: group.foreign, offsets: [{ topic: foreignTopic, partition: 0, offset: 1 }] },
    { groupId: group.denied, offsets: [b(0, 1)] },
  ]);
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs(answers) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  const servers = bed.listeners.plaintext.split(',');
  const save = (id: string, safety?: { readOnly: boolean; allowedActions: string[] }) => {
    const draft = emptyProfileDraft(id, `groups-${id}`);
    return call('profiles:save', { draft: { ...draft, bootstrapServers: servers, ...(safety ? { safety } : {}) } });
  };
  await save('ops');
  await save('ops-ro', { readOnly: true, allowedActions: ['reset-offsets', 'delete-groups'] });
  await save('ops-limited', { readOnly: false, allowedActions: ['produce'] });
  await save('ops-tenant');
  answers.push(join(dataDir, 'rbac.yaml'));
  await call('tenancy:attach-policy', { scope: 'profile', profileId: 'ops-tenant' });
  await call('tenancy:select-roles', { profileId: 'ops-tenant', roles: ['ops'] });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('offset reset: every mode, preview == applied', () => {
  it('earliest over every topic of the group', async () => {
    const preview = await previewAndApply('ops', group.main, { kind: 'group' }, { kind: 'earliest' });
    expect(preview.rows.map((row) => [row.topic, row.partition, row.current, row.target, row.lagBefore, row.lagAfter])).toEqual([
      [topicA, 0, 5, 0, 25, 30],
      [topicA, 1, 10, 0, 20, 30],
      [topicA, 2, 15, 0, 15, 30],
      [topicB, 0, 1, 0, 4, 5],
      [topicB, 1, 2, 0, 3, 5],
    ]);
    expect(preview.group).toEqual({ type: 'simple', state: 'Empty', members: 0, exists: true });
  });

  it('latest for one topic', async () => {
    const preview = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA }, { kind: 'latest' });
    expect(preview.rows.map((row) => row.target)).toEqual([30, 30, 30]);
    expect(preview.totals).toMatchObject({ lagAfter: 0, changed: 3 });
  });

  it('a timestamp, resolved with ListOffsets by time', async () => {
    const preview = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA }, { kind: 'timestamp', timestamp: secondBatchAt });
    expect(preview.rows.map((row) => row.target)).toEqual([SECOND_BATCH, SECOND_BATCH, SECOND_BATCH]);
    const future = await call<ResetPreview>('groups:reset-preview', { profileId: 'ops', groupId: group.main, scope: { kind: 'topic', topic: topicA }, target: { kind: 'timestamp', timestamp: Date.now() + 3_600_000 } });
    expect(future.rows.map((row) => [row.target, row.note])).toEqual(Array(3).fill([30, `No record at or after ${new Date(future.target.kind === 'timestamp' ? future.target.timestamp : 0).toISOString()}: the end.`]));
  });

  it('"N minutes ago" becomes the timestamp it meant at preview time, and apply uses that instant', async () => {
    const preview = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicB }, { kind: 'ago', ms: 30 * 60_000 });
    expect(preview.target.kind).toBe('timestamp');
    expect(preview.rows.map((row) => row.target)).toEqual([0, 0]);
    expect(await refusal('groups:reset-apply', { profileId: 'ops', groupId: group.main, scope: preview.scope, target: { kind: 'ago', ms: 60_000 }, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: group.main })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/preview's target/),
    });
  });

  it('one offset on chosen partitions, clamped to the range with a note', async () => {
    const preview = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA, partitions: [0, 2] }, { kind: 'offset', offset: 7 });
    expect(preview.rows.map((row) => [row.partition, row.target])).toEqual([
      [0, 7],
      [2, 7],
    ]);
    const clamped = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA, partitions: [1] }, { kind: 'offset', offset: 999 });
    expect(clamped.rows[0]).toMatchObject({ target: 30, clamped: 'end', note: '999 is past the end (30); set to the end.' });
  });

  it('a specific offset per partition', async () => {
    const offsets = [
      { topic: topicA, partition: 0, offset: 3 },
      { topic: topicA, partition: 1, offset: 4 },
      { topic: topicA, partition: 2, offset: 29 },
    ];
    const preview = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA }, { kind: 'offsets', offsets });
    expect(preview.rows.map((row) => row.target)).toEqual([3, 4, 29]);
  });

  it('shift back and forward, clamped at both ends', async () => {
    const back = await previewAndApply('ops', group.main, { kind: 'topic', topic: topicA }, { kind: 'shift', by: -4 });
    expect(back.rows.map((row) => [row.current, row.target, row.clamped])).toEqual([
      [3, 0, 'start'],
      [4, 0, null],
      [29, 25, null],
    ]);
    const forward = await previewAndApply('ops', group.main, { kind: 'group' }, { kind: 'shift', by: 10 });
    expect(forward.rows.map((row) => [row.topic, row.target])).toEqual([
      [topicA, 10],
      [topicA, 10],
      [topicA, 30],
      [topicB, 5],
      [topicB, 5],
    ]);
    expect(forward.totals.clamped).toBe(3);
  });
});

describe('offset reset: refusals', () => {
  it('refuses when the ends moved between preview and apply, and changes nothing', async () => {
    const preview = await call<ResetPreview>('groups:reset-preview', { profileId: 'ops', groupId: group.moved, scope: { kind: 'topic', topic: topicA }, target: { kind: 'latest' } });
    await produceWithKafkajs(bed, topicA, [{ value: 'late', partition: 1 }]);
    const error = await refusal('groups:reset-apply', { profileId: 'ops', groupId: group.moved, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: group.moved });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Ends moved since the preview (${topicA}-1 0..30 → 0..31); nothing was changed. Preview again and confirm the new table.`);
    expect(await committedOffsets(group.moved, [topicA])).toEqual({ [`${topicA}-0`]: 1, [`${topicA}-1`]: 1, [`${topicA}-2`]: 1 });
    // A second preview shows the new end and applies.
    const again = await previewAndApply('ops', group.moved, { kind: 'topic', topic: topicA }, { kind: 'latest' });
    expect(again.rows[1]!.target).toBe(31);
  });

  it('wants the group id typed as confirmation', async () => {
    const preview = await call<ResetPreview>('groups:reset-preview', { profileId: 'ops', groupId: group.moved, scope: { kind: 'group' }, target: { kind: 'earliest' } });
    expect(await refusal('groups:reset-apply', { profileId: 'ops', groupId: group.moved, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: 'yes' })).toEqual({
      code: 'INVALID_INPUT',
      message: `Type the group id '${group.moved}' exactly to confirm the offset reset; nothing was changed.`,
    });
  });

  it('refuses partitions that do not exist and a shift without committed offsets, in words', async () => {
    expect(await refusal('groups:reset-preview', { profileId: 'ops', groupId: group.main, scope: { kind: 'topic', topic: topicA, partitions: [5] }, target: { kind: 'earliest' } })).toEqual({
      code: 'INVALID_INPUT',
      message: `Resetting the offsets of '${group.main}': Topic '${topicA}' has no partition 5 (it has 3).`,
    });
    expect((await refusal('groups:reset-preview', { profileId: 'ops', groupId: group.doomed, scope: { kind: 'topic', topic: topicA }, target: { kind: 'shift', by: 1 } })).message).toMatch(/has none for/);
    expect(await refusal('groups:reset-preview', { profileId: 'ops', groupId: group.main, scope: { kind: 'topic', topic: `ops${run}-missing` }, target: { kind: 'earliest' } })).toEqual({
      code: 'INVALID_INPUT',
      message: `Resetting the offsets of '${group.main}': Topic 'ops${run}-missing' does not exist.`,
    });
  });

  it('read-only profiles and profiles without reset-offsets: the preview says why, the apply refuses', async () => {
    for (const [profileId, words] of [
      ['ops-ro', "Profile 'groups-ops-ro' is read-only"],
      ['ops-limited', "Profile 'groups-ops-limited' does not allow the 'reset-offsets' action"],
    ] as const) {
      const preview = await call<ResetPreview>('groups:reset-preview', { profileId, groupId: group.main, scope: { kind: 'group' }, target: { kind: 'earliest' } });
      expect(preview.blockers).toEqual([expect.stringContaining(words)]);
      const error = await refusal('groups:reset-apply', { profileId, groupId: group.main, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: group.main });
      expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining(words) });
      expect((await refusal('groups:delete-offsets', { profileId, groupId: group.main, topic: topicB, confirmation: group.main })).code).toBe('NOT_ALLOWED');
    }
    expect(await refusal('groups:delete', { profileId: 'ops-limited', groupId: group.doomed, confirmation: group.doomed })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("does not allow the 'delete-groups' action") });
    expect(await committedOffsets(group.doomed, [topicB])).toMatchObject({ [`${topicB}-0`]: 1 });
  });

  for (const protocol of ['classic', 'consumer'] as const) {
    it(`refuses while the group has active members (${protocol === 'classic' ? 'classic' : 'KIP-848 consumer'} protocol)`, async () => {
      const groupId = protocol === 'classic' ? group.classic : group.kip848;
      const consumer = startConsoleConsumer(bed, { groupId, topic: topicB, protocol });
      try {
        await waitForMembers(groupId, topicB, true);
        const preview = await call<ResetPreview>('groups:reset-preview', { profileId: 'ops', groupId, scope: { kind: 'topic', topic: topicB }, target: { kind: 'earliest' } });
        expect(preview.group).toMatchObject({ type: protocol, members: 1 });
        const words = `Group '${groupId}' has 1 active member (${protocol === 'consumer' ? 'KIP-848 consumer protocol' : 'classic'}, state ${preview.group.state}); Kafka changes offsets only while a group is empty, so stop its consumers first.`;
        expect(preview.blockers).toEqual([words]);
        expect(await refusal('groups:reset-apply', { profileId: 'ops', groupId, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: groupId })).toEqual({
          code: 'CONFLICT',
          message: `Resetting offsets refused: ${words}`,
          details: { members: 1, state: preview.group.state },
        });
        expect(await refusal('groups:delete', { profileId: 'ops', groupId, confirmation: groupId })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Kafka deletes only empty groups') });
        // Kafka itself refuses deleting offsets of a topic an active member subscribes to.
        expect(await refusal('groups:delete-offsets', { profileId: 'ops', groupId, topic: topicB, confirmation: groupId })).toMatchObject({
          code: 'CONFLICT',
          message: `Deleting the committed offsets of '${groupId}' for '${topicB}' refused: an active member of the group is subscribed to '${topicB}'; stop it (or change its subscription) first. Nothing was deleted.`,
        });
      } finally {
        await consumer.stop();
      }
      // Once the member has left, the same reset applies.
      await waitForMembers(groupId, topicB, false);
      await previewAndApply('ops', groupId, { kind: 'topic', topic: topicB }, { kind: 'earliest' });
    });
  }

  it('refuses share groups, where committed offsets do not apply', async () => {
    const consumer = startShareConsumer(group.share, topicB);
    try {
      await expect
        .poll(async () => (await dispatcher.invoke('groups:reset-preview', { profileId: 'ops', groupId: group.share, scope: { kind: 'topic', topic: topicB }, target: { kind: 'earliest' } }, sender)).ok, { timeout: 60_000, interval: 500 })
        .toBe(false);
      const error = await refusal('groups:reset-preview', { profileId: 'ops', groupId: group.share, scope: { kind: 'topic', topic: topicB }, target: { kind: 'earliest' } });
      expect(error).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/^Resetting offsets refused: group '.+' is a share group \(KIP-932\)/) });
      expect(await refusal('groups:delete-offsets', { profileId: 'ops', groupId: group.share, topic: topicB, confirmation: group.share })).toMatchObject({ code: 'UNSUPPORTED' });
    } finally {
      await consumer.stop();
    }
  });
});

describe('OffsetDelete and group delete', () => {
  it("deletes a topic's committed offsets (OffsetDelete) and only those", async () => {
    expect(await call('groups:delete-offsets', { profileId: 'ops', groupId: group.main, topic: topicB, confirmation: group.main })).toEqual({ topic: topicB, partitions: [0, 1] });
    const offsets = await committedOffsets(group.main, [topicA, topicB]);
    expect([offsets[`${topicB}-0`], offsets[`${topicB}-1`]]).toEqual([-1, -1]);
    expect(offsets[`${topicA}-0`]).toBeGreaterThanOrEqual(0);
    expect(await refusal('groups:delete-offsets', { profileId: 'ops', groupId: group.main, topic: topicB, confirmation: group.main })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/has no committed offsets for/) });
  });

  it('deletes an empty group after the typed confirmation', async () => {
    expect(await refusal('groups:delete', { profileId: 'ops', groupId: group.doomed, confirmation: 'doomed' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await call('groups:delete', { profileId: 'ops', groupId: group.doomed, confirmation: group.doomed })).toEqual({ deleted: true });
    expect(await committedOffsets(group.doomed, [topicB])).toEqual({ [`${topicB}-0`]: -1, [`${topicB}-1`]: -1 });
    expect(await refusal('groups:delete', { profileId: 'ops', groupId: group.doomed, confirmation: group.doomed })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('tenancy on every channel added here', () => {
  const request = (groupId: string, topic: string) => ({ profileId: 'ops-tenant', groupId, scope: { kind: 'topic', topic }, target: { kind: 'earliest' } });

  it("a group outside the tenant is refused on every channel, without touching it", async () => {
    const expected = { code: 'NOT_ALLOWED', message: `Consumer group '${group.foreign}' is not part of tenant 'Ops'.` };
    expect(await refusal('groups:reset-preview', request(group.foreign, foreignTopic))).toMatchObject(expected);
    expect(await refusal('groups:reset-apply', { ...request(group.foreign, foreignTopic), fingerprint: 'x', previewed: [], confirmation: group.foreign })).toMatchObject(expected);
    expect(await refusal('groups:delete-offsets', { profileId: 'ops-tenant', groupId: group.foreign, topic: foreignTopic, confirmation: group.foreign })).toMatchObject(expected);
    expect(await refusal('groups:delete', { profileId: 'ops-tenant', groupId: group.foreign, confirmation: group.foreign })).toMatchObject(expected);
    expect(await refusal('groups:lag-history', { profileId: 'ops-tenant', groupId: group.foreign })).toMatchObject(expected);
    const frames = await firstFrames('groups:watch', { profileId: 'ops-tenant', groupIds: [group.main, group.foreign], intervalMs: 200 });
    expect(frames.at(-1)).toMatchObject({ type: 'error', error: expected });
    expect(await committedOffsets(group.foreign, [foreignTopic])).toEqual({ [`${foreignTopic}-0`]: 1 });
  });

  it("a topic outside the tenant is refused even for the tenant's own group", async () => {
    expect(await refusal('groups:reset-preview', request(group.main, foreignTopic))).toMatchObject({ code: 'NOT_ALLOWED', message: `Topic '${foreignTopic}' is not part of tenant 'Ops'.` });
    expect(await refusal('groups:delete-offsets', { profileId: 'ops-tenant', groupId: group.main, topic: foreignTopic, confirmation: group.main })).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('policies decide GROUP_EDIT and GROUP_DELETE; an allowed group works through the tenant', async () => {
    expect(await refusal('groups:reset-preview', request(group.denied, topicB))).toMatchObject({ code: 'NOT_ALLOWED', message: `GROUP_EDIT on consumer group '${group.denied}' is denied by the policy file's policy 2 (Deny GROUP_EDIT, GROUP_DELETE on [cluster, *, group, ${group.denied}] for every role), which applies to the role ops.` });
    expect(await refusal('groups:delete', { profileId: 'ops-tenant', groupId: group.denied, confirmation: group.denied })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(new RegExp(`^GROUP_DELETE on consumer group '${group.denied}' is denied by the policy file's policy 2 \\(Deny GROUP_EDIT, GROUP_DELETE`)) });
    expect(await refusal('groups:delete-offsets', { profileId: 'ops-tenant', groupId: group.denied, topic: topicB, confirmation: group.denied })).toMatchObject({ code: 'NOT_ALLOWED' });
    const preview = await call<ResetPreview>('groups:reset-preview', request(group.main, topicA));
    expect(preview.rows).toHaveLength(3);
    expect(await call('groups:lag-history', { profileId: 'ops-tenant', groupId: group.main })).toMatchObject({ groupId: group.main, sampling: false });
    const frames = await firstFrames('groups:watch', { profileId: 'ops-tenant', groupIds: [group.main], intervalMs: 200 });
    expect(frames.find((frame) => frame.type === 'batch')).toMatchObject({ type: 'batch', items: [{ kind: 'sample', groups: [{ groupId: group.main, error: null }] }] });
  });
});
