// Issue 6, "enforced in main": a profile with a policy file attached, driven through main's real
// dispatcher and handlers against the test bed, exactly as the renderer would call them. Excluded
// topics are refused on every channel, new names must be the tenant's, policies decide actions, a
// broken file fails closed, and the overview and snapshot count only what the tenant sees.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { ClusterSnapshot } from '../../shared/domain/snapshot/snapshot';
import type { TopicListItem } from '../../shared/domain/topics/topic-schemas';
import type { ClusterOverview, TenancyState } from '../../shared/ipc/contract';
import type { StreamFrame } from '../../shared/ipc/stream';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { dispatcherCalls } from './support/dispatcher-calls';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { adminClient, createTopics, produceWithKafkajs } from '../../testbed/helpers';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'tenancy-enforcement' };
const run = `t${Date.now().toString(36)}`;
const topic = {
  ledger: `pay${run}-ledger`,
  cards: `pay${run}-cards`,
  secret: `pay${run}-secret`,
  orders: `ord${run}-orders`,
  audit: `aud${run}-audit`,
};
const readerGroup = `pay${run}-reader`;
const ordersGroup = `ord${run}-app`;

const policyText = `
policies:
  - actions: [TOPIC_DATA_QUERY, TOPIC_DATA_DOWNLOAD, TOPIC_PRODUCE, TOPIC_CREATE, TOPIC_EDIT, TOPIC_TRUNCATE, TOPIC_DELETE]
    effect: Allow
    resource: ["cluster", "*", "topic", "pay${run}-*"]
    role: payments
  - actions: [TOPIC_DELETE]
    effect: Stage
    resource: ["cluster", "*", "topic", "${topic.ledger}"]
    role: payments
  - actions: [TOPIC_EDIT]
    effect: Deny
    resource: ["cluster", "tenancy-prod", "topic", "${topic.cards}"]
    role: "*"
tenants:
  - name: Payments
    resources:
      - include: ["cluster", "*", "topic", "pay${run}-*"]
      - include: ["cluster", "*", "group", "pay${run}-*"]
      - exclude: ["cluster", "*", "topic", "${topic.secret}"]
    roles: [payments]
  - name: Orders
    resources:
      - include: ["cluster", "*", "topic", "ord${run}-*"]
    roles: [orders]
`;

let dataDir: string;
let answers: string[];
let dispatcher: Dispatcher;
const secrets = createMemorySecretStore();

function start(): Dispatcher {
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets, dialogs: createQueuedDialogs(answers) });
  return createDispatcher({ handlers, producers, isTrustedSender: () => true });
}

const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
async function stream(name: string, request: unknown) {
  const frames: StreamFrame[] = [];
  await dispatcher.openStream(
    { name, request, credits: 1024 },
    { post: (frame) => void frames.push(frame), onMessage: () => undefined, onClose: () => undefined, close: () => undefined },
    sender,
  );
  const end = frames.at(-1);
  return {
    items: frames.flatMap((frame) => (frame.type === 'batch' ? frame.items : [])),
    summary: end?.type === 'done' ? end.summary : null,
    error: end?.type === 'error' ? end.error : null,
  };
}
/** The rows of this run's topics, merged from the metadata rows and later patches. */
async function listedTopics(profileId: string) {
  const { items, error } = await stream('topics:list', { profileId, rateSampleMs: 0 });
  if (error) throw new Error(`topics:list failed: ${error.message}`);
  const rows = new Map<string, TopicListItem>();
  for (const item of items as TopicListItem[]) rows.set(item.name, { ...rows.get(item.name), ...item });
  return rows;
}
const ofThisRun = (names: Iterable<string>) => [...names].filter((name) => name.includes(run)).sort();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-tenancy-'));
  answers = [];
  await createTopics(bed, Object.values(topic).map((name) => ({ topic: name, partitions: 2 })));
  for (const name of Object.values(topic)) await produceWithKafkajs(bed, name, [{ key: 'k', value: `hello ${name}` }, { key: 'j', value: 'second' }]);
  const admin = await adminClient(bed);
  try {
    // Committed offsets alone make a group that consumes the topic (an empty classic group).
    await admin.setOffsets({ groupId: readerGroup, topic: topic.audit, partitions: [{ partition: 0, offset: '1' }] });
    await admin.setOffsets({ groupId: ordersGroup, topic: topic.orders, partitions: [{ partition: 0, offset: '1' }] });
  } finally {
    await admin.disconnect();
  }
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
  dispatcher = start();
  for (const [id, name] of [['prod', 'tenancy-prod'], ['broken', 'tenancy-broken']] as const) {
    await call('profiles:save', { draft: { ...emptyProfileDraft(id, name), bootstrapServers: bed.listeners.plaintext.split(',') } });
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tenancy enforced in main', () => {
  it('without a policy every topic is listed; attaching one asks to choose a tenant and refuses Kafka channels until then', async () => {
    expect((await call<TenancyState>('tenancy:state', { profileId: 'prod' })).status).toBe('none');
    expect(ofThisRun((await listedTopics('prod')).keys())).toEqual(ofThisRun(Object.values(topic)));

    answers.push(join(dataDir, 'rbac.yaml'));
    expect(await call('tenancy:attach-policy', { scope: 'profile', profileId: 'prod' })).toEqual({ path: join(dataDir, 'rbac.yaml') });
    const state = await call<TenancyState>('tenancy:state', { profileId: 'prod' });
    expect(state).toMatchObject({ status: 'choose', roles: { available: ['orders', 'payments'] }, policy: { attachedTo: 'profile', hasPolicies: true } });
    expect(state.tenants.map((tenant) => tenant.name)).toEqual(['Payments', 'Orders']);

    const expected = { code: 'NOT_ALLOWED', message: "Choose a tenant first: profile 'tenancy-prod' has 2 tenants available." };
    expect((await stream('topics:list', { profileId: 'prod', rateSampleMs: 0 })).error).toMatchObject(expected);
    expect(await refusal('topics:detail', { profileId: 'prod', topic: topic.ledger })).toMatchObject(expected);
    expect(await refusal('cluster:overview', { profileId: 'prod' })).toMatchObject(expected);
  });

  it('one role leaves one tenant, entered automatically and remembered after a restart', async () => {
    expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'prod', roles: ['payments'] })).toMatchObject({ status: 'active', activeTenant: 'Payments' });
    expect(await refusal('tenancy:enter', { profileId: 'prod', tenant: 'Orders' })).toMatchObject({ code: 'NOT_ALLOWED', message: "Tenant 'Orders' is not available to the roles payments." });
    dispatcher = start();
    expect(await call<TenancyState>('tenancy:state', { profileId: 'prod' })).toMatchObject({ status: 'active', activeTenant: 'Payments', roles: { selected: ['payments'] } });
  });

  it("topics:list shows only the tenant's topics, including one its group consumes (inference)", async () => {
    expect(ofThisRun((await listedTopics('prod')).keys())).toEqual([topic.audit, topic.cards, topic.ledger].sort());
    const detail = await call<{ groups: Array<{ groupId: string }> }>('topics:detail', { profileId: 'prod', topic: topic.audit });
    expect(detail.groups.map((group) => group.groupId)).toEqual([readerGroup]);
  });

  it('an excluded or foreign topic is refused on every channel, with a message that names only the tenant', async () => {
    for (const name of [topic.secret, topic.orders]) {
      const expected = { code: 'NOT_ALLOWED', message: `Topic '${name}' is not part of tenant 'Payments'.` };
      expect(await refusal('topics:detail', { profileId: 'prod', topic: name })).toMatchObject(expected);
      expect(await refusal('messages:fetch', { profileId: 'prod', topic: name, partition: 0, offset: '0' })).toMatchObject(expected);
      expect(await refusal('topics:delete', { profileId: 'prod', topic: name, confirmation: name })).toMatchObject(expected);
      expect(await refusal('topics:alter-config', { profileId: 'prod', topic: name, set: { 'retention.ms': '60000' } })).toMatchObject(expected);
      expect(await refusal('topics:purge', { profileId: 'prod', topic: name, upTo: { kind: 'all' } })).toMatchObject(expected);
      expect(await refusal('topics:add-partitions', { profileId: 'prod', topic: name, totalPartitions: 3 })).toMatchObject(expected);
      expect(await refusal('topics:clone', { profileId: 'prod', source: name, target: `pay${run}-copy` })).toMatchObject(expected);
      expect((await stream('messages:browse', { profileId: 'prod', topic: name })).error).toMatchObject(expected);
      expect((await stream('messages:export', { profileId: 'prod', topic: name, format: 'jsonl' })).error).toMatchObject(expected);
      expect((await stream('messages:produce-file', { profileId: 'prod', topic: name })).error).toMatchObject(expected);
      expect(await refusal('messages:produce', { profileId: 'prod', topic: name, value: 'x' })).toMatchObject(expected);
      expect(await refusal('messages:reproduce', { profileId: 'prod', source: { topic: name, partition: 0, offset: '0' }, targetTopic: topic.ledger })).toMatchObject(expected);
      expect(await refusal('messages:reproduce', { profileId: 'prod', source: { topic: topic.ledger, partition: 0, offset: '0' }, targetTopic: name })).toMatchObject(expected);
    }
    // Nothing was changed behind the refusals.
    const admin = await adminClient(bed);
    try {
      expect((await admin.fetchTopicMetadata({ topics: [topic.secret, topic.orders] })).topics.map((t) => t.partitions.length)).toEqual([2, 2]);
    } finally {
      await admin.disconnect();
    }
  });

  it("creating a topic the tenant's rules do not include is refused; an included name is created and then listed", async () => {
    expect(await refusal('topics:create', { profileId: 'prod', name: `ord${run}-new` })).toMatchObject({
      code: 'NOT_ALLOWED',
      message: `Tenant 'Payments' does not include the topic name 'ord${run}-new', so it cannot be created here; choose a name the tenant's rules include.`,
    });
    // Excluded names are not the tenant's either, even where a prefix rule would cover them.
    expect(await refusal('topics:create', { profileId: 'prod', name: topic.secret })).toMatchObject({ code: 'NOT_ALLOWED' });
    const created = `pay${run}-new`;
    expect(await call('topics:create', { profileId: 'prod', name: created, partitions: 1 })).toMatchObject({ name: created });
    expect((await listedTopics('prod')).has(created)).toBe(true);
    expect(await call('topics:delete', { profileId: 'prod', topic: created, confirmation: created })).toEqual({ deleted: true });
  });

  it('policies decide actions: Allow, Deny wins, Stage needs approval, no match denies', async () => {
    const browsed = await stream('messages:browse', { profileId: 'prod', topic: topic.ledger });
    expect(browsed.error).toBeNull();
    expect(browsed.items).toHaveLength(2);
    expect(await call('topics:add-partitions', { profileId: 'prod', topic: topic.ledger, totalPartitions: 3 })).toEqual({ partitions: 3 });
    expect(await refusal('topics:alter-config', { profileId: 'prod', topic: topic.cards, set: { 'retention.ms': '60000' } })).toMatchObject({
      code: 'NOT_ALLOWED',
      message: `TOPIC_EDIT on topic '${topic.cards}' is denied by the policy file's policy 3 (Deny TOPIC_EDIT on [cluster, tenancy-prod, topic, ${topic.cards}] for every role), which applies to the role payments.`,
    });
    expect(await refusal('topics:delete', { profileId: 'prod', topic: topic.ledger, confirmation: topic.ledger })).toMatchObject({
      code: 'NOT_ALLOWED',
      message: `TOPIC_DELETE on topic '${topic.ledger}' needs approval under the policy file's policy 2 (Stage TOPIC_DELETE on [cluster, *, topic, ${topic.ledger}] for role payments); Odradek does not run staged actions.`,
    });
    // Visible through inference, but no policy allows reading its data.
    const noMatch = { code: 'NOT_ALLOWED', message: `TOPIC_DATA_QUERY on topic '${topic.audit}' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).` };
    expect((await stream('messages:browse', { profileId: 'prod', topic: topic.audit })).error).toMatchObject(noMatch);
    expect(await refusal('messages:reproduce', { profileId: 'prod', source: { topic: topic.audit, partition: 0, offset: '0' }, targetTopic: topic.ledger })).toMatchObject(noMatch);

    // Asked ahead, the same guards give the same answers, so the renderer disables with these reasons.
    const decisions = await call<Array<{ request: string; allowed: boolean; reason: string | null }>>('tenancy:decisions', {
      profileId: 'prod',
      asks: [
        { request: 'topics:add-partitions', input: { topic: topic.ledger } },
        { request: 'topics:alter-config', input: { topic: topic.cards } },
        { request: 'messages:browse', input: { topic: topic.audit } },
      ],
    });
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, false, false]);
    expect(decisions[1]!.reason).toMatch(/^TOPIC_EDIT on topic '.*' is denied by the policy file's policy 3 \(Deny TOPIC_EDIT/);
    expect(decisions[2]!.reason).toBe(noMatch.message);
  });

  it("the overview's totals are the sums over the topic rows the tenant sees", async () => {
    const overview = await call<ClusterOverview>('cluster:overview', { profileId: 'prod' });
    const rows = [...(await listedTopics('prod')).values()];
    expect(overview).toMatchObject({ clusterId: bed.clusterId, tenant: 'Payments', topics: rows.length, groups: 1 });
    expect(ofThisRun(rows.map((row) => row.name))).toHaveLength(3);
    expect(overview.partitions).toBe(rows.reduce((sum, row) => sum + (row.partitions ?? 0), 0));
    expect(overview.internalTopics).toBe(rows.filter((row) => row.internal).length);
    expect(overview.replicaBytes).toBe(rows.reduce((sum, row) => sum + (row.sizeBytes ?? 0), 0));
    expect(overview.replicaBytes).toBeGreaterThan(0);
    expect(overview.writesPerSecond).not.toBeNull();
  });

  it('snapshots:capture writes only the visible topics and groups, atomically, to the chosen file', async () => {
    const path = join(dataDir, 'prod-snapshot.json');
    answers.push(path);
    const written = await call<{ path: string; topics: number; groups: number }>('snapshots:capture', { profileId: 'prod' });
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as ClusterSnapshot;
    const cluster = snapshot.clusters[0]!;
    expect(written).toEqual({ path, topics: cluster.topics.length, groups: cluster.groups.length });
    expect(ofThisRun(cluster.topics.map((t) => t.name))).toEqual([topic.audit, topic.cards, topic.ledger].sort());
    expect(cluster.groups.map((group) => group.name)).toEqual([readerGroup]);
    expect(JSON.stringify(snapshot)).not.toContain(topic.secret);
    expect(JSON.stringify(snapshot)).not.toContain(ordersGroup);
    // The file is a valid snapshot the policy workspace opens.
    answers.push(path);
    const chosen = await call<{ path: string }>('snapshots:choose-file', undefined);
    const opened = await call<{ snapshot: ClusterSnapshot }>('snapshots:open', { path: chosen.path });
    expect(opened.snapshot.clusters[0]!.topics.length).toBe(cluster.topics.length);
  });

  it('a policy file with errors fails closed: state invalid, every Kafka channel refuses', async () => {
    const brokenPath = join(dataDir, 'broken.yaml');
    writeFileSync(brokenPath, 'tenants:\n  - name: X\n    resources:\n      - include: ["cluster", "*", "topics", "x"]\n    roles: [a]\n');
    answers.push(brokenPath);
    await call('tenancy:attach-policy', { scope: 'profile', profileId: 'broken' });
    const state = await call<TenancyState>('tenancy:state', { profileId: 'broken' });
    expect(state.status).toBe('invalid');
    expect(state.policy?.problems[0]).toMatchObject({ severity: 'error', line: 4 });
    const expected = { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Profile 'tenancy-broken' has a policy file with 1 error \(broken\.yaml:4:\d+ .*\); fix it in the policy workspace\.$/) };
    expect((await stream('topics:list', { profileId: 'broken', rateSampleMs: 0 })).error).toMatchObject(expected);
    expect(await refusal('topics:detail', { profileId: 'broken', topic: topic.ledger })).toMatchObject(expected);
    expect((await stream('messages:browse', { profileId: 'broken', topic: topic.ledger })).error).toMatchObject(expected);
    expect(await refusal('snapshots:capture', { profileId: 'broken' })).toMatchObject(expected);
  });
});
