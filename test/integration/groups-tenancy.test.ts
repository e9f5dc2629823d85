// Groups obey the tenant, through main's real dispatcher and handlers against the bed: only the
// tenant's groups are listed (counts over them), a group outside it or excluded by it is refused on
// the groups channels, and a topic an included group consumes is reachable (inference) while the
// topic's consuming groups show only the tenant's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GroupListItem, GroupListSummary } from '../../shared/domain/groups/group-schemas';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { TopicDetail } from '../../shared/domain/topics/topic-schemas';
import type { ClusterOverview, TenancyState } from '../../shared/ipc/contract';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { dispatcherCalls } from './support/dispatcher-calls';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { commitGroupOffsets } from '../../testbed/groups';
import { createTopics, produceWithKafkajs } from '../../testbed/helpers';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'groups-tenancy' };
const run = `gt${Date.now().toString(36)}`;
const topic = { ledger: `pay${run}-ledger`, audit: `aud${run}-audit` };
const group = { reader: `pay${run}-reader`, hidden: `pay${run}-hidden`, orders: `ord${run}-app` };

const policyText = `
tenants:
  - name: Payments
    resources:
      - include: ["cluster", "*", "topic", "pay${run}-*"]
      - include: ["cluster", "*", "group", "pay${run}-*"]
      - exclude: ["cluster", "*", "group", "${group.hidden}"]
    roles: [payments]
`;

let dataDir: string;
let dispatcher: Dispatcher;

const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
async function listGroups(profileId: string) {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream(
    { name: 'groups:list', request: { profileId }, credits: 1024 },
    { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
    sender,
  );
  const end = frames.at(-1);
  if (end?.type !== 'done') throw new Error(`groups:list did not finish: ${JSON.stringify(end)}`);
  const rows = new Map<string, GroupListItem>();
  for (const frame of frames) if (frame.type === 'batch') for (const item of frame.items as GroupListItem[]) rows.set(item.groupId, { ...rows.get(item.groupId), ...item });
  return { rows, summary: end.summary as GroupListSummary };
}
const ofThisRun = (names: Iterable<string>) => [...names].filter((name) => name.includes(run)).sort();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-groups-tenancy-'));
  await createTopics(bed, Object.values(topic).map((name) => ({ topic: name, partitions: 1 })));
  for (const name of Object.values(topic)) await produceWithKafkajs(bed, name, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
  await commitGroupOffsets(bed, [
    { groupId: group.reader, offsets: [{ topic: topic.audit, partition: 0, offset: 1 }, { topic: topic.ledger, partition: 0, offset: 3 }] },
    { groupId: group.hidden, offsets: [{ topic: topic.ledger, partition: 0, offset: 0 }] },
    { groupId: group.orders, offsets: [{ topic: topic.audit, partition: 0, offset: 2 }] },
  ]);
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([join(dataDir, 'rbac.yaml')]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  await call('profiles:save', { draft: { ...emptyProfileDraft('prod', 'groups-tenancy'), bootstrapServers: bed.listeners.plaintext.split(',') } });
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('groups inside a tenant', () => {
  it('without a policy every group is listed', async () => {
    expect(ofThisRun((await listGroups('prod')).rows.keys())).toEqual(ofThisRun(Object.values(group)));
  });

  it("lists only the tenant's groups, with counts over them, and the overview counts the same", async () => {
    await call('tenancy:attach-policy', { scope: 'profile', profileId: 'prod' });
    expect(await call<TenancyState>('tenancy:state', { profileId: 'prod' })).toMatchObject({ status: 'active', activeTenant: 'Payments' });
    const { rows, summary } = await listGroups('prod');
    expect([...rows.keys()]).toEqual([group.reader]);
    expect(rows.get(group.reader)).toMatchObject({ type: 'simple', topics: [topic.audit, topic.ledger], totalLag: 2, error: null });
    expect(summary).toMatchObject({ groups: 1, errors: 0 });
    expect((await call<ClusterOverview>('cluster:overview', { profileId: 'prod' })).groups).toBe(1);
  });

  it('refuses a group outside the tenant or excluded by it on groups:describe, and describes an included one', async () => {
    for (const groupId of [group.hidden, group.orders]) {
      expect(await refusal('groups:describe', { profileId: 'prod', groupId })).toMatchObject({ code: 'NOT_ALLOWED', message: `Consumer group '${groupId}' is not part of tenant 'Payments'.` });
    }
    expect(await call('groups:describe', { profileId: 'prod', groupId: group.reader })).toMatchObject({ groupId: group.reader, totalLag: 2 });
  });

  it("reaches a topic only an included group consumes (inference), and shows only the tenant's groups reading it", async () => {
    const detail = await call<TopicDetail>('topics:detail', { profileId: 'prod', topic: topic.audit });
    expect(detail.groups.map((entry) => ({ groupId: entry.groupId, lag: entry.lag }))).toEqual([{ groupId: group.reader, lag: 2 }]);
  });
});
