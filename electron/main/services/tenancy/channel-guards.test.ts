import { describe, expect, it } from 'vitest';
import { compileTenant, parsePolicyFile } from '../../../../shared/domain/tenancy';
import { channelNames, channels, streamNames, streams } from '../../../../shared/ipc/contract';
import type { AppFailure } from '../../../../shared/ipc/result';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import type { CapturedCluster } from '../snapshots/capture-snapshot';
import { channelGuards, explainRequests, guardHandlers, inputNamesProfile, streamGuards, type GuardDeps } from './channel-guards';
import type { TenancyAccess } from './tenancy-service';
import { TenantScope } from './tenant-scope';

describe('the guard table', () => {
  it('has an entry for every channel and stream whose input names a profile, so none can skip enforcement', () => {
    const profileChannels = channelNames.filter((channel) => inputNamesProfile(channels[channel].input));
    const profileStreams = streamNames.filter((name) => inputNamesProfile(streams[name].request));
    expect(profileChannels).toContain('topics:detail');
    expect(profileStreams).toContain('topics:list');
    expect(profileChannels.filter((channel) => channelGuards[channel] === undefined)).toEqual([]);
    expect(profileStreams.filter((name) => streamGuards[name] === undefined)).toEqual([]);
  });

  it('recognises profileId through unions, refinements and defaults', () => {
    expect(inputNamesProfile(channels['tenancy:attach-policy'].input)).toBe(true);
    expect(inputNamesProfile(channels['topics:alter-config'].input)).toBe(true);
    expect(inputNamesProfile(channels['profiles:get'].input)).toBe(false);
  });
});

const policy = parsePolicyFile(`
policies:
  - actions: [TOPIC_DATA_QUERY, TOPIC_CREATE, TOPIC_EDIT]
    effect: Allow
    resource: ["cluster", "*", "topic", "pay-*"]
    role: payments
  - actions: [TOPIC_DELETE]
    effect: Stage
    resource: ["cluster", "*", "topic", "pay-*"]
    role: payments
  - actions: [TOPIC_EDIT]
    effect: Deny
    resource: ["cluster", "*", "topic", "pay-ledger"]
    role: "*"
tenants:
  - name: Payments
    resources:
      - include: ["cluster", "*", "topic", "pay-*"]
      - include: ["cluster", "*", "group", "pay-*"]
      - exclude: ["cluster", "*", "topic", "pay-secret"]
    roles: [payments]
`).policy;
const payments = policy.tenants[0]!;

const captured: CapturedCluster = {
  cluster: {
    id: 'c1',
    name: 'prod',
    profileName: 'prod',
    brokers: [{ id: 1 }],
    topics: ['pay-ledger', 'pay-secret', 'orders', 'audit'].map((name) => ({ name, partitions: 2, replicaBytes: 10, writesPerSecond: 1, internal: false })),
    groups: [
      { name: 'pay-reader', topics: ['pay-ledger', 'audit'] },
      { name: 'orders-app', topics: ['orders'] },
    ],
    principals: [],
  },
  controllerId: 1,
  replicaBytesKnown: true,
  principalsKnown: true,
  ratesKnown: false,
};

function guarded(access: TenancyAccess) {
  const calls: string[] = [];
  const invalidated: string[] = [];
  const reply = (channel: string) => (input: unknown) => {
    calls.push(channel);
    return { channel, input } as never;
  };
  const handlers = Object.fromEntries(channelNames.map((channel) => [channel, reply(channel)])) as unknown as ChannelHandlers;
  handlers['topics:detail'] = async ({ topic }) => ({
    name: topic,
    internal: false,
    partitions: [],
    configs: [],
    groups: [
      { groupId: 'pay-reader', state: 'Stable', members: 1, lag: 0, partitions: [] },
      { groupId: 'orders-app', state: 'Stable', members: 1, lag: 0, partitions: [] },
    ],
    warnings: [],
  });
  const producers = Object.fromEntries(streamNames.map((name) => [name, async () => ({})])) as unknown as StreamProducers;
  producers['topics:list'] = async (_request, sink) => {
    await sink.batch(captured.cluster.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions })));
    sink.progress({ phase: 'metadata', done: 4, total: 4 });
    await sink.batch([{ name: 'orders', messages: 5 }, { name: 'pay-ledger', messages: 7 }]);
    // Summed over every group, hidden ones included: never crosses inside a tenant.
    await sink.batch([{ name: 'pay-ledger', consumerLag: 12 }]);
    return { topics: 4, partitions: 8, phaseMs: {}, warnings: [] };
  };
  const deps: GuardDeps = {
    access: async () => access,
    scope: async (_profileId, tenantAccess) => new TenantScope(captured, compileTenant(tenantAccess.tenant)),
    invalidate: (profileId) => void invalidated.push(profileId),
  };
  return { ...guardHandlers(handlers, producers, deps), calls, invalidated };
}

const inTenant = (roles: string[], withPolicies = true): TenancyAccess => ({ kind: 'tenant', profileName: 'prod', tenant: payments, policies: withPolicies ? policy.policies : null, roles });
const context = { sender: { kind: 'bridge' as const, session: 't' } };
const failureOf = async (work: () => unknown) => {
  try {
    await work();
  } catch (error) {
    return error as AppFailure;
  }
  throw new Error('expected a refusal');
};

describe('guardHandlers', () => {
  it('passes everything through for a profile without a policy', async () => {
    const { handlers, calls, invalidated } = guarded({ kind: 'unrestricted', profileName: 'prod' });
    await handlers['topics:delete']({ profileId: 'p', topic: 'anything', confirmation: 'anything' }, context);
    expect(calls).toEqual(['topics:delete']);
    expect(invalidated).toEqual(['p']);
  });

  it('refuses a topic outside the tenant on every topic channel without calling the service or naming anything else', async () => {
    const { handlers, calls } = guarded(inTenant(['payments']));
    for (const [channel, input] of [
      ['topics:delete', { profileId: 'p', topic: 'orders', confirmation: 'orders' }],
      ['topics:purge', { profileId: 'p', topic: 'pay-secret', upTo: { kind: 'all' } }],
      ['messages:fetch', { profileId: 'p', topic: 'orders', partition: 0, offset: '0' }],
    ] as const) {
      const failure = await failureOf(() => (handlers[channel] as (input: unknown, ctx: unknown) => unknown)(input, context));
      expect(failure).toMatchObject({ code: 'NOT_ALLOWED', message: `Topic '${input.topic}' is not part of tenant 'Payments'.` });
    }
    expect(calls).toEqual([]);
  });

  it('shows a topic reached only through an included group (inference), but not for creating a new name', async () => {
    const { handlers } = guarded(inTenant(['payments'], false));
    expect(await handlers['topics:detail']({ profileId: 'p', topic: 'audit' }, context)).toMatchObject({ name: 'audit' });
    const failure = await failureOf(() => handlers['topics:create']({ profileId: 'p', name: 'orders-2', configs: {} }, context));
    expect(failure.message).toBe("Tenant 'Payments' does not include the topic name 'orders-2', so it cannot be created here; choose a name the tenant's rules include.");
    await handlers['topics:create']({ profileId: 'p', name: 'pay-new', configs: {} }, context);
  });

  it("drops the consuming groups the tenant does not show from a topic's detail", async () => {
    const { handlers } = guarded(inTenant(['payments']));
    const detail = await handlers['topics:detail']({ profileId: 'p', topic: 'pay-ledger' }, context);
    expect(detail.groups.map((group) => group.groupId)).toEqual(['pay-reader']);
  });

  it('applies policies: Allow passes, Deny wins, Stage needs approval, no match denies', async () => {
    const { handlers } = guarded(inTenant(['payments']));
    await handlers['topics:add-partitions']({ profileId: 'p', topic: 'pay-cards', totalPartitions: 3 }, context);
    expect(await failureOf(() => handlers['topics:add-partitions']({ profileId: 'p', topic: 'pay-ledger', totalPartitions: 3 }, context))).toMatchObject({
      code: 'NOT_ALLOWED',
      message: "TOPIC_EDIT on topic 'pay-ledger' is denied by the policy file's policy 3 (Deny TOPIC_EDIT on [cluster, *, topic, pay-ledger] for every role), which applies to the role payments.",
    });
    expect((await failureOf(() => handlers['topics:delete']({ profileId: 'p', topic: 'pay-cards', confirmation: 'pay-cards' }, context))).message).toBe(
      "TOPIC_DELETE on topic 'pay-cards' needs approval under the policy file's policy 2 (Stage TOPIC_DELETE on [cluster, *, topic, pay-*] for role payments); Odradek does not run staged actions.",
    );
    expect((await failureOf(() => handlers['topics:purge']({ profileId: 'p', topic: 'pay-cards', upTo: { kind: 'all' } }, context))).message).toBe(
      "TOPIC_TRUNCATE on topic 'pay-cards' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).",
    );
  });

  it('answers what requests not yet made would meet, through the same guards (issue 17)', async () => {
    const deps = (access: TenancyAccess): GuardDeps => ({ access: async () => access, scope: async (_profileId, tenantAccess) => new TenantScope(captured, compileTenant(tenantAccess.tenant)), invalidate: () => undefined });
    const asks = [
      { request: 'topics:add-partitions', input: { topic: 'pay-cards' } },
      { request: 'topics:alter-config', input: { topic: 'pay-ledger' } },
      { request: 'topics:delete', input: { topic: 'pay-cards' } },
      { request: 'messages:browse', input: { topic: 'orders' } },
      { request: 'messages:produce-file', input: { topic: 'pay-cards' } },
    ];
    const answers = await explainRequests('p', asks, deps(inTenant(['payments'])));
    expect(answers.map((answer) => [answer.request, answer.allowed])).toEqual([
      ['topics:add-partitions', true],
      ['topics:alter-config', false],
      ['topics:delete', false],
      ['messages:browse', false],
      ['messages:produce-file', false],
    ]);
    expect(answers[1]!.reason).toMatch(/denied by the policy file's policy 3 \(Deny TOPIC_EDIT/);
    expect(answers[3]!.reason).toBe("Topic 'orders' is not part of tenant 'Payments'.");
    expect(answers[4]!.reason).toMatch(/^TOPIC_PRODUCE on topic 'pay-cards' is not allowed: no policy/);
    expect((await explainRequests('p', asks, deps({ kind: 'unrestricted' } as TenancyAccess))).every((answer) => answer.allowed && answer.reason === null)).toBe(true);
    await expect(explainRequests('p', [{ request: 'topics:nonsense', input: {} }], deps(inTenant(['payments'])))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(explainRequests('p', [{ request: 'messages:reproduce', input: {} }], deps(inTenant(['payments'])))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('answers questions asked before the whole input is known: groups, stream channels, a clone or re-produce without its target', async () => {
    const deps: GuardDeps = { access: async () => inTenant(['payments']), scope: async (_profileId, tenantAccess) => new TenantScope(captured, compileTenant(tenantAccess.tenant)), invalidate: () => undefined };
    const answers = await explainRequests(
      'p',
      [
        { request: 'groups:reset-apply', input: { groupId: 'pay-reader' } },
        { request: 'groups:delete-offsets', input: { groupId: 'pay-reader' } },
        { request: 'groups:delete', input: { groupId: 'orders-app' } },
        { request: 'groups:delete-offsets', input: { groupId: 'pay-reader', topic: 'orders' } },
        { request: 'messages:export', input: { topic: 'pay-ledger' } },
        { request: 'messages:reproduce', input: { source: { topic: 'pay-ledger' } } },
        { request: 'topics:clone', input: { source: 'pay-ledger' } },
        { request: 'topics:clone', input: { source: 'pay-ledger', target: 'orders-copy' } },
      ],
      deps,
    );
    expect(answers.map((answer) => answer.reason)).toEqual([
      "GROUP_EDIT on consumer group 'pay-reader' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).",
      "GROUP_EDIT on consumer group 'pay-reader' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).",
      "Consumer group 'orders-app' is not part of tenant 'Payments'.",
      "GROUP_EDIT on consumer group 'pay-reader' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).",
      "TOPIC_DATA_DOWNLOAD on topic 'pay-ledger' is not allowed: no policy in the policy file allows it for the role payments (an action no policy allows is denied).",
      null,
      null,
      "Tenant 'Payments' does not include the topic name 'orders-copy', so it cannot be created here; choose a name the tenant's rules include.",
    ]);
    // A question missing the one name every answer needs is refused, never checked as 'undefined'.
    await expect(explainRequests('p', [{ request: 'groups:delete-offsets', input: {} }], deps)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(explainRequests('p', [{ request: 'messages:export', input: {} }], deps)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // The request itself is still checked with every resource: a delete-offsets on a hidden topic is refused.
    const { handlers } = guarded(inTenant(['payments']));
    expect(await failureOf(() => handlers['groups:delete-offsets']({ profileId: 'p', groupId: 'pay-reader', topic: 'orders', confirmation: 'pay-reader' } as never, context))).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('streams only the tenant’s topic rows and patches, with counts over them', async () => {
    const { producers } = guarded(inTenant(['payments']));
    const batches: unknown[][] = [];
    const progress: unknown[] = [];
    const sink: StreamSink<unknown, unknown> = {
      batch: async (items) => void batches.push(items),
      progress: (value) => void progress.push(value),
      phase: () => undefined,
      signal: new AbortController().signal,
    };
    const summary = await (producers['topics:list'] as (request: unknown, sink: StreamSink<unknown, unknown>) => Promise<unknown>)({ profileId: 'p', rateSampleMs: 0 }, sink);
    expect(batches).toEqual([
      [{ name: 'pay-ledger', partitions: 2 }, { name: 'audit', partitions: 2 }],
      [{ name: 'pay-ledger', messages: 7 }],
    ]);
    expect(progress).toEqual([{ phase: 'metadata', done: 2, total: 2 }]);
    expect(summary).toMatchObject({ topics: 2, partitions: 4 });
  });

  it('streams only the tenant’s groups, rows and patches alike, with counts over them; refuses describing a hidden group', async () => {
    const access = inTenant(['payments']);
    const producers = Object.fromEntries(streamNames.map((name) => [name, async () => ({})])) as unknown as StreamProducers;
    producers['groups:list'] = async (_request, sink) => {
      await sink.batch([{ groupId: 'pay-reader', type: 'classic' }, { groupId: 'orders-app', type: 'classic' }, { groupId: 'pay-locked', type: 'classic' }]);
      sink.progress({ phase: 'list', done: 3, total: 3 });
      await sink.batch([{ groupId: 'orders-app', totalLag: 9 }, { groupId: 'pay-locked', error: { code: 'GROUP_AUTHORIZATION_FAILED', message: 'no' } }]);
      return { groups: 3, errors: 2, phaseMs: {}, warnings: [] };
    };
    const handlers = Object.fromEntries(channelNames.map((channel) => [channel, async () => ({})])) as unknown as ChannelHandlers;
    const withGroup: CapturedCluster = { ...captured, cluster: { ...captured.cluster, groups: [...captured.cluster.groups, { name: 'pay-locked', topics: [] }] } };
    const guardedAll = guardHandlers(handlers, producers, {
      access: async () => access,
      scope: async (_profileId, tenantAccess) => new TenantScope(withGroup, compileTenant(tenantAccess.tenant)),
      invalidate: () => undefined,
    });
    const batches: unknown[][] = [];
    const progress: unknown[] = [];
    const sink: StreamSink<unknown, unknown> = { batch: async (items) => void batches.push(items), progress: (value) => void progress.push(value), phase: () => undefined, signal: new AbortController().signal };
    const summary = await (guardedAll.producers['groups:list'] as (request: unknown, sink: StreamSink<unknown, unknown>) => Promise<unknown>)({ profileId: 'p' }, sink);
    expect(batches).toEqual([
      [{ groupId: 'pay-reader', type: 'classic' }, { groupId: 'pay-locked', type: 'classic' }],
      [{ groupId: 'pay-locked', error: { code: 'GROUP_AUTHORIZATION_FAILED', message: 'no' } }],
    ]);
    expect(progress).toEqual([{ phase: 'list', done: 2, total: 2 }]);
    expect(summary).toEqual({ groups: 2, errors: 1, phaseMs: {}, warnings: [] });
    await expect(guardedAll.handlers['groups:describe']({ profileId: 'p', groupId: 'orders-app', rateSampleMs: 0 }, context)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: "Consumer group 'orders-app' is not part of tenant 'Payments'.",
    });
    await guardedAll.handlers['groups:describe']({ profileId: 'p', groupId: 'pay-reader', rateSampleMs: 0 }, context);
  });

  it('reads the cluster again before refusing a topic the cached capture cannot infer yet, and not for a visible one', async () => {
    // Since the cached capture, 'pay-reader' (an included group) started reading 'ledger-archive'.
    const later: CapturedCluster = {
      ...captured,
      cluster: {
        ...captured.cluster,
        topics: [...captured.cluster.topics, { name: 'ledger-archive', partitions: 1, replicaBytes: 0, writesPerSecond: 0, internal: false }],
        groups: [{ name: 'pay-reader', topics: ['pay-ledger', 'audit', 'ledger-archive'] }, ...captured.cluster.groups.slice(1)],
      },
    };
    const asked: (number | undefined)[] = [];
    const handlers = Object.fromEntries(channelNames.map((channel) => [channel, async () => ({ groups: [] })])) as unknown as ChannelHandlers;
    const producers = Object.fromEntries(streamNames.map((name) => [name, async () => ({})])) as unknown as StreamProducers;
    const { handlers: guardedHandlers } = guardHandlers(handlers, producers, {
      access: async () => inTenant(['payments'], false),
      scope: async (_profileId, access, maxAgeMs) => {
        asked.push(maxAgeMs);
        return new TenantScope(maxAgeMs === undefined ? captured : later, compileTenant(access.tenant));
      },
      invalidate: () => undefined,
    });
    await guardedHandlers['topics:detail']({ profileId: 'p', topic: 'pay-ledger' }, context);
    expect(asked).toEqual([undefined]);
    await guardedHandlers['topics:detail']({ profileId: 'p', topic: 'ledger-archive' }, context);
    expect(asked).toEqual([undefined, undefined, 3_000]);
    // Still refused when a recent capture does not show it either.
    await expect(guardedHandlers['topics:detail']({ profileId: 'p', topic: 'orders' }, context)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('tenant scope for every resource kind', () => {
  const schemaPolicy = parsePolicyFile(`
tenants:
  - name: Ledger
    resources:
      - include: ["cluster", "*", "group", "pay-*"]
      - include: ["cluster", "*", "broker", "1"]
      - include: ["schema", "registry-a", "subject", "pay-*"]
      - include: ["connect", "*", "connector", "pay-*"]
`).policy;
  const scope = new TenantScope(captured, compileTenant(schemaPolicy.tenants[0]!));

  it('answers groups, brokers, subjects and connectors by their own rules', () => {
    expect(scope.isVisible('group', 'pay-reader')).toBe(true);
    expect(scope.isVisible('group', 'orders-app')).toBe(false);
    expect(scope.isVisible('broker', '1')).toBe(true);
    expect(scope.isVisible('broker', '2')).toBe(false);
    expect(scope.isVisible('subject', 'pay-value', 'registry-a')).toBe(true);
    expect(scope.isVisible('subject', 'pay-value', 'registry-b')).toBe(false);
    expect(scope.isVisible('connector', 'pay-sink', 'connect-1')).toBe(true);
    expect(scope.isVisible('connector', 'orders-sink', 'connect-1')).toBe(false);
  });

  it('infers topics from included groups but never other kinds', () => {
    expect(scope.isVisible('topic', 'pay-ledger')).toBe(true);
    expect(scope.coversNew('topic', 'pay-ledger')).toBe(false);
    expect(scope.coversNew('group', 'pay-new')).toBe(true);
  });

  it('builds the policy path of each kind in its own domain', () => {
    expect(scope.pathOf('group', 'pay-reader')).toEqual(['cluster', 'c1', 'group', 'pay-reader']);
    expect(scope.pathOf('subject', 'pay-value', 'registry-a')).toEqual(['schema', 'registry-a', 'subject', 'pay-value']);
  });
});
