// Tenancy enforcement for every channel and stream that acts through a profile, in one table. Inside a
// tenant, main refuses what the tenant does not show (the renderer's hiding is only a convenience),
// refuses new topic names the tenant does not include, and applies the policy file's RBAC policies on
// top of the profile's own safety settings (which the services still check). A unit test fails when a
// contract channel whose input names a profile has no entry here; at run time such a channel refuses
// inside a tenant rather than slip through.
import type { z } from 'zod';
import type { GroupListItem, GroupListProgress, GroupListSummary } from '../../../../shared/domain/groups/group-schemas';
import { deleteAclsConfirmation } from '../../../../shared/domain/acls';
import { quotaPrincipal } from '../../../../shared/domain/acls/access-schemas';
import { describePolicyRule, explainAction, type KpowAction } from '../../../../shared/domain/tenancy';
import type { TopicListItem } from '../../../../shared/domain/topics/topic-schemas';
import { channelNames, channels, streamNames, streams, type Channel, type ChannelOutput, type Channels, type StreamName, type Streams } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import type { TenancyAccess } from './tenancy-service';
import type { GuardedResourceType, TenantScope } from './tenant-scope';

/**
 * A resource a request touches, of any kind the tenancy seed's paths name: an existing one the tenant
 * must show, or a new name it must include. Topics, groups, brokers and principals live in the profile's
 * Kafka cluster; subjects in its Schema Registry and connectors in a Connect cluster, named by `domainId`.
 */
export interface ResourceUse {
  type: GuardedResourceType;
  name: string;
  need: 'visible' | 'new-name';
  /** The Kpow action checked against the file's policies, when it has any. */
  action?: KpowAction;
  /** The schema registry or Connect cluster id for subjects and connectors; the Kafka cluster otherwise. */
  domainId?: string;
}

type InputOf<C extends Channel> = z.output<Channels[C]['input']>;
type RequestOf<S extends StreamName> = z.output<Streams[S]['request']>;

/**
 * - `tenancy`: the handler works with tenancy itself (choosing a tenant, or answering through the scope).
 * - `read` / `browse`: the named resources must be visible; `mutate`: likewise, and the cluster changes;
 *   `create`: a new name must be included by the tenant's rules.
 */
export type GuardKind = 'tenancy' | 'read' | 'browse' | 'mutate' | 'create';

export interface ChannelGuard<C extends Channel> {
  kind: GuardKind;
  resources?(input: InputOf<C>): ResourceUse[];
  /** A Kpow action on the whole cluster (`["cluster", id]`), checked against the file's policies. */
  clusterAction?: KpowAction;
  /** Drops what the tenant does not show from a reply that lists more than the requested topic. */
  visibleOutput?(output: ChannelOutput<C>, scope: TenantScope): ChannelOutput<C>;
  /** Why this request cannot be made inside any tenant (e.g. it changes the whole registry); null when it can. */
  refuseInTenant?(input: InputOf<C>): string | null;
  /**
   * For tenancy:decisions only: the part of `resources` that can be decided before the whole input is
   * known (a reset's group before its scope and target are chosen). A use for a field not given is left
   * out; the request itself is always checked with `resources`.
   */
  ahead?(input: Partial<InputOf<C>>): ResourceUse[];
}

export interface StreamGuard<S extends StreamName> {
  kind: GuardKind;
  resources?(request: RequestOf<S>): ResourceUse[];
  clusterAction?: KpowAction;
  /** As ChannelGuard's `ahead`. */
  ahead?(request: Partial<RequestOf<S>>): ResourceUse[];
  /**
   * `topic-rows`: items are topic rows or patches keyed by name; `group-rows`: group rows or patches keyed
   * by group id. Only visible ones go out, in every phase, and the counts are over those.
   */
  items?: 'topic-rows' | 'group-rows';
}

/** An existing resource the tenant must show; `visible(topic)` for the common case of a topic. */
const visible = (name: string, action?: KpowAction, type: GuardedResourceType = 'topic'): ResourceUse => ({ type, name, need: 'visible', ...(action ? { action } : {}) });
const newName = (name: string, action: KpowAction, type: GuardedResourceType = 'topic'): ResourceUse => ({ type, name, need: 'new-name', action });

/** A connector in one of the profile's Connect clusters: tenancy paths `["connect", clusterId, "connector", name]`. */
const connector = (clusterId: string, name: string, need: ResourceUse['need'] = 'visible', action?: KpowAction): ResourceUse => ({ type: 'connector', name, need, domainId: clusterId, ...(action ? { action } : {}) });
const connectorActionKpow = { pause: 'CONNECT_ALTER_STATE', resume: 'CONNECT_ALTER_STATE', stop: 'CONNECT_ALTER_STATE', restart: 'CONNECT_ALTER_STATE', delete: 'CONNECT_DELETE' } as const;

export const channelGuards: { [C in Channel]?: ChannelGuard<C> } = {
  'tenancy:state': { kind: 'tenancy' },
  'tenancy:attach-policy': { kind: 'tenancy' },
  'tenancy:detach-policy': { kind: 'tenancy' },
  'tenancy:select-roles': { kind: 'tenancy' },
  'tenancy:enter': { kind: 'tenancy' },
  // Answers through this table itself (explainRequests): each asked request meets its own guard.
  'tenancy:decisions': { kind: 'tenancy' },
  'cluster:overview': { kind: 'tenancy' },
  'snapshots:capture': { kind: 'tenancy' },
  'topics:detail': {
    kind: 'read',
    resources: ({ topic }) => [visible(topic)],
    visibleOutput: (detail, scope) => ({ ...detail, groups: detail.groups.filter((group) => scope.isGroupVisible(group.groupId)) }),
  },
  'topics:create': { kind: 'create', resources: ({ name }) => [newName(name, 'TOPIC_CREATE')] },
  // Before the new name is typed only the source can be decided.
  'topics:clone': { kind: 'create', resources: ({ source, target }) => [visible(source), newName(target, 'TOPIC_CREATE')], ahead: ({ source, target }) => [visible(source!), ...(target === undefined ? [] : [newName(target, 'TOPIC_CREATE')])] },
  'topics:delete': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_DELETE')] },
  'topics:add-partitions': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_EDIT')] },
  'topics:alter-config': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_EDIT')] },
  'topics:purge': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_TRUNCATE')] },
  'messages:fetch': { kind: 'browse', resources: ({ topic }) => [visible(topic, 'TOPIC_DATA_QUERY')] },
  // Producing to a missing topic may auto-create it, so the name must still be the tenant's.
  'messages:produce': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_PRODUCE')] },
  'messages:reproduce': {
    kind: 'mutate',
    resources: ({ source, targetTopic }) => [visible(source.topic, 'TOPIC_DATA_QUERY'), visible(targetTopic, 'TOPIC_PRODUCE')],
    // Reading the source is known before a target topic is chosen.
    ahead: ({ source, targetTopic }) => [visible(source!.topic, 'TOPIC_DATA_QUERY'), ...(targetTopic === undefined ? [] : [visible(targetTopic, 'TOPIC_PRODUCE')])],
  },
  // Checking a value before producing: the topic as producing needs it, and the subject must be the tenant's.
  'messages:produce-preview': { kind: 'read', resources: ({ topic, schema }) => [visible(topic, 'TOPIC_PRODUCE'), visible(schema.subject, undefined, 'subject')] },
  // The plan comes from the policy text in the request, so it may name anything: reading which ACLs
  // exist is gated like editing them, a cluster-wide admin action.
  'acls:tenant-preview': { kind: 'read', clusterAction: 'ACL_EDIT' },
  'acls:tenant-apply': { kind: 'mutate', clusterAction: 'ACL_EDIT' },
  // ACLs and quotas: principals follow the tenant's principal rules (["cluster", "*", "principal", "User:x"]).
  'acls:list': { kind: 'read', visibleOutput: (list, scope) => (list.state === 'ok' ? { ...list, bindings: list.bindings.filter((row) => scope.isVisible('principal', row.principal)) } : list) },
  // A binding for a principal the tenant does not hold yet must be one its rules include.
  'acls:create': { kind: 'create', resources: ({ bindings }) => uniquePrincipals(bindings).map((principal) => newName(principal, 'ACL_EDIT', 'principal')) },
  'acls:delete-preview': {
    kind: 'read',
    visibleOutput: (preview, scope) => {
      const matched = preview.matched.filter((row) => scope.isVisible('principal', row.principal));
      return { matched, confirmation: deleteAclsConfirmation(matched) };
    },
  },
  'acls:delete': { kind: 'mutate', resources: ({ bindings }) => uniquePrincipals(bindings).map((principal) => visible(principal, 'ACL_EDIT', 'principal')) },
  'acls:copy-preview': { kind: 'read', resources: ({ from, to }) => [visible(from, undefined, 'principal'), newName(to, 'ACL_EDIT', 'principal')], ahead: ({ from, to }) => [visible(from!, undefined, 'principal'), ...(to === undefined ? [] : [newName(to, 'ACL_EDIT', 'principal')])] },
  'acls:copy': { kind: 'mutate', resources: ({ from, to }) => [visible(from, undefined, 'principal'), newName(to, 'ACL_EDIT', 'principal')], ahead: ({ from, to }) => [visible(from!, undefined, 'principal'), ...(to === undefined ? [] : [newName(to, 'ACL_EDIT', 'principal')])] },
  // The principal must be the tenant's, and the answer lists only the tenant's topics and groups.
  'acls:principal': {
    kind: 'read',
    resources: ({ principal }) => [visible(principal, undefined, 'principal')],
    visibleOutput: (view, scope) => ({ ...view, rows: view.rows.filter((row) => row.match !== 'name' || (row.resourceType !== 'TOPIC' && row.resourceType !== 'GROUP') || scope.isVisible(row.resourceType === 'TOPIC' ? 'topic' : 'group', row.name!)) }),
  },
  // A user's quota belongs to its principal (User:name); client-id and default quotas reach every tenant's clients.
  'quotas:list': { kind: 'read', visibleOutput: (list, scope) => ({ entries: list.entries.filter((entry) => quotaPrincipal(entry.entity) !== null && scope.isVisible('principal', quotaPrincipal(entry.entity)!)) }) },
  'quotas:set': { kind: 'mutate', resources: ({ entity }) => quotaUses(entity), refuseInTenant: ({ entity }) => quotaRefusal(entity) },
  'quotas:delete': { kind: 'mutate', resources: ({ entity }) => quotaUses(entity), refuseInTenant: ({ entity }) => quotaRefusal(entity) },
  'groups:describe': { kind: 'read', resources: ({ groupId }) => [visible(groupId, undefined, 'group')] },
  // Previewing a reset is the first step of editing the group, so it needs GROUP_EDIT like the apply.
  // Before the scope, target or topic is chosen, the group's own GROUP_EDIT decision is known.
  'groups:reset-preview': { kind: 'read', resources: (input) => resetResources(input), ahead: (input) => resetAhead(input) },
  'groups:reset-apply': { kind: 'mutate', resources: (input) => resetResources(input), ahead: (input) => resetAhead(input) },
  'groups:delete-offsets': {
    kind: 'mutate',
    resources: ({ groupId, topic }) => [visible(groupId, 'GROUP_EDIT', 'group'), visible(topic)],
    ahead: ({ groupId, topic }) => [visible(groupId!, 'GROUP_EDIT', 'group'), ...(topic === undefined ? [] : [visible(topic)])],
  },
  'groups:delete': { kind: 'mutate', resources: ({ groupId }) => [visible(groupId, 'GROUP_DELETE', 'group')] },
  'groups:lag-history': { kind: 'read', resources: ({ groupId }) => [visible(groupId, undefined, 'group')] },
  // Subjects live in the profile's Schema Registry: a use without `domainId` names it (TenantScope
  // knows its id, the one snapshots record), so `["schema", "*", "subject", "tx-*"]` applies.
  'schemas:list': {
    kind: 'read',
    visibleOutput: (list, scope) => ({ ...list, subjects: list.subjects.filter((row) => scope.isVisible('subject', row.subject, list.registryId)) }),
  },
  'schemas:subject': { kind: 'read', resources: ({ subject }) => [visible(subject, undefined, 'subject')] },
  'schemas:version': { kind: 'read', resources: ({ subject }) => [visible(subject, undefined, 'subject')] },
  'schemas:check': { kind: 'read', resources: ({ subject }) => [newName(subject, 'SCHEMA_CREATE', 'subject')] },
  // A new subject and a new version of an existing one alike: the name must be the tenant's.
  'schemas:register': { kind: 'create', resources: ({ subject }) => [newName(subject, 'SCHEMA_CREATE', 'subject')] },
  'schemas:set-compatibility': {
    kind: 'mutate',
    resources: ({ subject }) => (subject === null ? [] : [visible(subject, 'SCHEMA_VERSION_EDIT', 'subject')]),
    refuseInTenant: ({ subject }) => (subject === null ? 'the global compatibility level applies to every subject of the registry, not only the tenant\'s' : null),
  },
  'schemas:delete-compatibility': { kind: 'mutate', resources: ({ subject }) => [visible(subject, 'SCHEMA_VERSION_EDIT', 'subject')] },
  'schemas:mode': { kind: 'read', resources: ({ subject }) => (subject === null ? [] : [visible(subject, undefined, 'subject')]) },
  // Kpow has no mode action of its own: a subject's mode is edited like its compatibility.
  'schemas:set-mode': {
    kind: 'mutate',
    resources: ({ subject }) => (subject === null ? [] : [visible(subject, 'SCHEMA_VERSION_EDIT', 'subject')]),
    refuseInTenant: ({ subject }) => (subject === null ? 'the global mode applies to every subject of the registry, not only the tenant\'s' : null),
  },
  'schemas:delete': { kind: 'mutate', resources: ({ subject }) => [visible(subject, 'SCHEMA_DELETE', 'subject')] },
  // Brokers are named by id. The list and the quorum show only the tenant's brokers (none: no broker figures).
  'brokers:list': { kind: 'read', visibleOutput: (list, scope) => visibleBrokerList(list, scope) },
  // The cluster-wide default applies to every broker, not only the tenant's (like the registry's global compatibility).
  'brokers:configs': { kind: 'read', resources: ({ brokerId }) => brokerUses(brokerId), refuseInTenant: ({ brokerId }) => clusterDefaultRefusal(brokerId) },
  'brokers:config-preview': { kind: 'read', resources: ({ brokerId }) => brokerUses(brokerId, 'BROKER_EDIT'), refuseInTenant: ({ brokerId }) => clusterDefaultRefusal(brokerId), ahead: ({ brokerId }) => brokerUses(brokerId ?? null, 'BROKER_EDIT') },
  'brokers:alter-config': { kind: 'mutate', resources: ({ brokerId }) => brokerUses(brokerId, 'BROKER_EDIT'), refuseInTenant: ({ brokerId }) => clusterDefaultRefusal(brokerId), ahead: ({ brokerId }) => brokerUses(brokerId ?? null, 'BROKER_EDIT') },
  // A directory lists every topic on the broker: only the tenant's topics' partitions go out.
  'brokers:log-dirs': { kind: 'read', resources: ({ brokerId }) => brokerUses(brokerId), visibleOutput: (logDirs, scope) => visibleLogDirs(logDirs, scope) },
  'brokers:elect-leaders': {
    kind: 'mutate',
    resources: ({ partitions }) => [...new Set((partitions ?? []).map((entry) => entry.topic))].map((topic) => visible(topic, 'TOPIC_ELECT_LEADER')),
    refuseInTenant: ({ partitions }) => (partitions === null ? 'an election of every partition reaches topics outside the tenant; choose its partitions' : null),
    ahead: ({ partitions }) => [...new Set((partitions ?? []).map((entry) => entry.topic))].map((topic) => visible(topic, 'TOPIC_ELECT_LEADER')),
  },
  'brokers:reassignment-plan': { kind: 'read', resources: ({ topic, brokerIds }) => [visible(topic, 'TOPIC_ALTER_REASSIGNMENTS'), ...brokerIds.map((id) => visible(String(id), undefined, 'broker'))] },
  'brokers:reassign': {
    kind: 'mutate',
    resources: ({ topic, partitions }) => [visible(topic, 'TOPIC_ALTER_REASSIGNMENTS'), ...[...new Set(partitions.flatMap((entry) => entry.replicas))].map((id) => visible(String(id), undefined, 'broker'))],
    ahead: ({ topic }) => [visible(topic!, 'TOPIC_ALTER_REASSIGNMENTS')],
  },
  'brokers:reassignments': {
    kind: 'read',
    resources: ({ topic }) => (topic === undefined ? [] : [visible(topic)]),
    visibleOutput: (list, scope) => ({ reassignments: list.reassignments.filter((entry) => scope.isTopicVisible(entry.topic)) }),
  },
  'brokers:cancel-reassignment': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_ALTER_REASSIGNMENTS')] },
  // Connectors live in the profile's Connect clusters, named by the cluster's id in the profile, so
  // `["connect", "*", "connector", "tx-*"]` applies; lists drop what the tenant does not show.
  'connect:clusters': { kind: 'read' },
  'connect:list': {
    kind: 'read',
    visibleOutput: (list, scope) => {
      const connectors = list.connectors.filter((row) => scope.isVisible('connector', row.name, row.clusterId));
      return { clusters: list.clusters.map((cluster) => ({ ...cluster, connectors: connectors.filter((row) => row.clusterId === cluster.id).length })), connectors };
    },
  },
  'connect:detail': { kind: 'read', resources: ({ clusterId, connector: name }) => [connector(clusterId, name)] },
  'connect:action': {
    kind: 'mutate',
    resources: ({ clusterId, connector: name, action }) => [connector(clusterId, name, 'visible', connectorActionKpow[action])],
    ahead: ({ clusterId, connector: name, action }) => [connector(clusterId!, name!, 'visible', action === undefined ? undefined : connectorActionKpow[action])],
  },
  'connect:plugins': { kind: 'read' },
  // Validating names no connector the tenant must show; a new name is checked when it is saved.
  'connect:validate': { kind: 'read', resources: ({ clusterId, connector: name }) => (name ? [connector(clusterId, name)] : []) },
  'connect:save': {
    kind: 'create',
    resources: ({ clusterId, connector: name, mode }) => [mode === 'create' ? connector(clusterId, name, 'new-name', 'CONNECT_CREATE') : connector(clusterId, name, 'visible', 'CONNECT_EDIT_CONFIG')],
  },
  'connect:offsets': { kind: 'read', resources: ({ clusterId, connector: name }) => [connector(clusterId, name)] },
  'connect:change-offsets': { kind: 'mutate', resources: ({ clusterId, connector: name }) => [connector(clusterId, name, 'visible', 'CONNECT_EDIT_CONFIG')] },
  'connect:worker': { kind: 'read' },
};

/** A broker by id; the cluster-wide default (null) names no broker and is refused inside a tenant instead. */
function brokerUses(brokerId: number | null, action?: KpowAction): ResourceUse[] {
  return brokerId === null ? [] : [visible(String(brokerId), action, 'broker')];
}

function clusterDefaultRefusal(brokerId: number | null | undefined): string | null {
  return brokerId === null ? "the cluster-wide broker default applies to every broker, not only the tenant's" : null;
}

/** Only the tenant's brokers, the quorum only over them, and the controller only when it is one of them. */
function visibleBrokerList(list: ChannelOutput<'brokers:list'>, scope: TenantScope): ChannelOutput<'brokers:list'> {
  const shown = (id: number) => scope.isVisible('broker', String(id));
  const brokers = list.brokers.filter((broker) => shown(broker.id));
  const quorum = list.quorum && { ...list.quorum, voters: list.quorum.voters.filter((voter) => shown(voter.id)), observers: list.quorum.observers.filter((observer) => shown(observer.id)) };
  const quorumShown = quorum !== null && quorum.voters.length + quorum.observers.length > 0;
  return {
    ...list,
    tenant: scope.tenantName,
    brokers,
    controllerId: list.controllerId !== null && shown(list.controllerId) ? list.controllerId : null,
    quorum: quorumShown ? { ...quorum, leaderId: shown(quorum.leaderId) ? quorum.leaderId : -1 } : null,
    quorumNote: quorumShown ? list.quorumNote : list.quorum || list.quorumNote ? `Tenant '${scope.tenantName}' shows no controller of the quorum.` : null,
    // Warnings name brokers by id: only the tenant's.
    warnings: list.warnings.filter((warning) => !/^Broker (\d+)/.test(warning) || shown(Number(/^Broker (\d+)/.exec(warning)![1]))),
  };
}

function visibleLogDirs(logDirs: ChannelOutput<'brokers:log-dirs'>, scope: TenantScope): ChannelOutput<'brokers:log-dirs'> {
  return {
    ...logDirs,
    dirs: logDirs.dirs.map((dir) => {
      const partitions = dir.partitions.filter((partition) => scope.isTopicVisible(partition.topic));
      return { ...dir, partitions, hiddenPartitions: dir.hiddenPartitions + dir.partitions.length - partitions.length };
    }),
  };
}

export const streamGuards: { [S in StreamName]?: StreamGuard<S> } = {
  'topics:list': { kind: 'read', items: 'topic-rows' },
  'groups:list': { kind: 'read', items: 'group-rows' },
  // The watch names its groups, so each one is checked rather than filtered out of the frames.
  'groups:watch': { kind: 'read', resources: ({ groupIds }) => groupIds.map((groupId) => visible(groupId, undefined, 'group')) },
  'messages:browse': { kind: 'browse', resources: ({ topic }) => [visible(topic, 'TOPIC_DATA_QUERY')] },
  'messages:export': { kind: 'browse', resources: ({ topic }) => [visible(topic, 'TOPIC_DATA_DOWNLOAD')] },
  'messages:produce-file': { kind: 'mutate', resources: ({ topic }) => [visible(topic, 'TOPIC_PRODUCE')] },
};

const uniquePrincipals = (bindings: readonly { principal: string }[]) => [...new Set(bindings.map((binding) => binding.principal))];
const quotaUses = (entity: InputOf<'quotas:set'>['entity']): ResourceUse[] => {
  const principal = quotaPrincipal(entity);
  return principal === null ? [] : [visible(principal, 'QUOTA_EDIT', 'principal')];
};
const quotaRefusal = (entity: InputOf<'quotas:set'>['entity']) =>
  quotaPrincipal(entity) === null ? 'client-id and default quotas apply to clients of every tenant; only a named user\'s own quota can be changed inside a tenant' : null;

/** The group (GROUP_EDIT) and every topic a reset names; a whole-group scope covers the group's own topics. */
function resetResources({ groupId, scope, target }: InputOf<'groups:reset-preview'>): ResourceUse[] {
  const topics = new Set<string>();
  if (scope.kind === 'topic') topics.add(scope.topic);
  if (target.kind === 'offsets') for (const { topic } of target.offsets) topics.add(topic);
  return [visible(groupId, 'GROUP_EDIT', 'group'), ...[...topics].map((topic) => visible(topic))];
}

function resetAhead(input: Partial<InputOf<'groups:reset-preview'>>): ResourceUse[] {
  return input.scope !== undefined && input.target !== undefined ? resetResources(input as InputOf<'groups:reset-preview'>) : [visible(input.groupId!, 'GROUP_EDIT', 'group')];
}

/** A capture younger than this answers even a miss: re-reading the cluster on every refused request would let the renderer hammer it. */
const RECENT_CAPTURE_MS = 3_000;

/** Kinds after which the cluster's topics differ, so the next check must read them again. */
const changesTopics = new Set<GuardKind>(['create', 'mutate']);

export interface GuardDeps {
  access(profileId: string): Promise<TenancyAccess>;
  /** `maxAgeMs`: how recent the capture behind the scope must be (default: the cache's TTL). */
  scope(profileId: string, access: Extract<TenancyAccess, { kind: 'tenant' }>, maxAgeMs?: number): Promise<TenantScope>;
  invalidate(profileId: string): void;
}

/** Wraps every handler and producer whose input names a profile with its guard. */
export function guardHandlers(handlers: ChannelHandlers, producers: StreamProducers, deps: GuardDeps): { handlers: ChannelHandlers; producers: StreamProducers } {
  const guardedHandlers: Record<string, unknown> = { ...handlers };
  for (const channel of channelNames) {
    if (!inputNamesProfile(channels[channel].input)) continue;
    const guard = channelGuards[channel] as ChannelGuard<Channel> | undefined;
    if (guard?.kind === 'tenancy') continue;
    const handler = handlers[channel] as (input: unknown, context: unknown) => unknown;
    guardedHandlers[channel] = async (input: { profileId: string }, context: unknown) => {
      const tenancy = await enter(channel, guard, input, deps);
      const output = await handler(input, context);
      if (guard && changesTopics.has(guard.kind)) deps.invalidate(input.profileId);
      return tenancy && guard?.visibleOutput ? guard.visibleOutput(output as never, tenancy.scope) : output;
    };
  }

  const guardedProducers: Record<string, unknown> = { ...producers };
  for (const name of streamNames) {
    if (!inputNamesProfile(streams[name].request)) continue;
    const guard = streamGuards[name] as StreamGuard<StreamName> | undefined;
    if (guard?.kind === 'tenancy') continue;
    const producer = producers[name] as (request: unknown, sink: StreamSink<unknown, unknown>) => Promise<unknown>;
    guardedProducers[name] = async (request: { profileId: string }, sink: StreamSink<unknown, unknown>) => {
      const tenancy = await enter(name, guard, request, deps);
      if (!tenancy || guard?.items === undefined) {
        const summary = await producer(request, sink);
        if (guard && changesTopics.has(guard.kind)) deps.invalidate(request.profileId);
        return summary;
      }
      if (guard.items === 'group-rows') return visibleGroupRows(producer, request, sink as StreamSink<GroupListItem, GroupListProgress>, tenancy.scope);
      return visibleTopicRows(producer, request, sink as StreamSink<TopicListItem, TopicListProgress>, tenancy.scope);
    };
  }
  return { handlers: guardedHandlers as ChannelHandlers, producers: guardedProducers as StreamProducers };
}

/** Checks one request; returns the tenant's scope inside a tenant, null when the profile has no policy. */
async function enter(
  name: string,
  guard: ChannelGuard<Channel> | StreamGuard<StreamName> | undefined,
  input: { profileId: string },
  deps: GuardDeps,
): Promise<{ scope: TenantScope } | null> {
  const access = await deps.access(input.profileId);
  if (access.kind === 'unrestricted') return null;
  if (guard === undefined) {
    throw new AppFailure('NOT_ALLOWED', `'${name}' is not available inside tenant '${access.tenant.name}': it has no tenancy rule yet.`);
  }
  const refusal = 'refuseInTenant' in guard ? guard.refuseInTenant?.(input as never) : null;
  if (refusal) throw new AppFailure('NOT_ALLOWED', `'${name}' is not available inside tenant '${access.tenant.name}': ${refusal}.`);
  const uses = guard.resources?.(input as never) ?? [];
  let scope = await deps.scope(input.profileId, access);
  // A topic an included group started reading (or a group, broker, principal that appeared) after the
  // cached capture is not known yet: read the cluster again before refusing it, unless the capture is
  // only seconds old. (Lists keep the cached capture: their first rows must not wait for every group's offsets.)
  if (uses.some((use) => use.need === 'visible' && !scope.isVisible(use.type, use.name, use.domainId))) {
    scope = await deps.scope(input.profileId, access, RECENT_CAPTURE_MS);
  }
  for (const use of uses) checkResource(use, scope, access);
  if (guard.clusterAction !== undefined) checkPolicy(guard.clusterAction, ['cluster', scope.clusterId], 'the cluster', access);
  return { scope };
}

const resourceWords: Record<GuardedResourceType, string> = {
  topic: 'Topic',
  group: 'Consumer group',
  broker: 'Broker',
  principal: 'Principal',
  subject: 'Subject',
  connector: 'Connector',
};

function checkResource(use: ResourceUse, scope: TenantScope, access: Extract<TenancyAccess, { kind: 'tenant' }>): void {
  const tenant = access.tenant.name;
  const word = resourceWords[use.type];
  if (use.need === 'visible' && !scope.isVisible(use.type, use.name, use.domainId)) {
    throw new AppFailure('NOT_ALLOWED', `${word} '${use.name}' is not part of tenant '${tenant}'.`, { tenant, resourceType: use.type });
  }
  if (use.need === 'new-name' && !scope.coversNew(use.type, use.name, use.domainId)) {
    throw new AppFailure(
      'NOT_ALLOWED',
      `Tenant '${tenant}' does not include the ${word.toLowerCase()} name '${use.name}', so it cannot be created here; choose a name the tenant's rules include.`,
      { tenant, resourceType: use.type },
    );
  }
  if (use.action !== undefined) checkPolicy(use.action, scope.pathOf(use.type, use.name, use.domainId), `${word.toLowerCase()} '${use.name}'`, access);
}

/**
 * Only when the file has policies: deny wins, no match denies, Stage needs an approval Odradek cannot
 * give. A refusal names the rule that decided (effect, actions, resource, roles), or says none allowed it.
 */
function checkPolicy(action: KpowAction, path: string[], what: string, access: Extract<TenancyAccess, { kind: 'tenant' }>): void {
  if (access.policies === null) return;
  const { decision, rule } = explainAction(access.policies, access.roles, action, path, { profileName: access.profileName });
  const roles = access.roles.length === 0 ? 'no role' : `the role${access.roles.length === 1 ? '' : 's'} ${access.roles.join(', ')}`;
  const details = { action, decision, ...(rule ? { policy: rule.index + 1 } : {}) };
  if (decision === 'deny') {
    throw new AppFailure(
      'NOT_ALLOWED',
      rule
        ? `${action} on ${what} is denied by the policy file's ${describePolicyRule(rule)}, which applies to ${roles}.`
        : `${action} on ${what} is not allowed: no policy in the policy file allows it for ${roles} (an action no policy allows is denied).`,
      details,
    );
  }
  if (decision === 'stage' && rule) {
    throw new AppFailure('NOT_ALLOWED', `${action} on ${what} needs approval under the policy file's ${describePolicyRule(rule)}; Odradek does not run staged actions.`, details);
  }
}

/** A request the renderer may make next; the guard table decides it as it would the request itself. */
export interface RequestAsk {
  request: string;
  input: Record<string, unknown>;
}

/**
 * What the guard table would answer to each request, without making it: null when it would pass,
 * otherwise the refusal's words. The renderer disables what would be refused, with this reason.
 */
export async function explainRequests(profileId: string, asks: readonly RequestAsk[], deps: GuardDeps): Promise<Array<{ request: string; allowed: boolean; reason: string | null }>> {
  const answers = [];
  for (const ask of asks) {
    const isChannel = (channelNames as readonly string[]).includes(ask.request);
    if (!isChannel && !(streamNames as readonly string[]).includes(ask.request)) throw new AppFailure('INVALID_INPUT', `'${ask.request}' is not a channel or stream of the contract.`);
    const guard = (isChannel ? channelGuards[ask.request as Channel] : streamGuards[ask.request as StreamName]) as ChannelGuard<Channel> | StreamGuard<StreamName> | undefined;
    let reason: string | null = null;
    if (guard?.kind !== 'tenancy') {
      const input = { ...ask.input, profileId };
      const lacks = () => new AppFailure('INVALID_INPUT', `The question about '${ask.request}' lacks the fields its guard reads (${Object.keys(ask.input).join(', ') || 'none given'}).`);
      let uses: ResourceUse[];
      try {
        uses = (guard?.ahead ?? guard?.resources)?.(input as never) ?? [];
      } catch {
        throw lacks();
      }
      // A name the question did not give would be checked as 'undefined': refuse the question instead.
      if (uses.some((use) => typeof use.name !== 'string' || use.name === '')) throw lacks();
      try {
        await enter(ask.request, guard === undefined ? undefined : { ...guard, resources: () => uses }, input, deps);
      } catch (error) {
        if (!(error instanceof AppFailure) || error.code !== 'NOT_ALLOWED') throw error;
        reason = error.message;
      }
    }
    answers.push({ request: ask.request, allowed: reason === null, reason });
  }
  return answers;
}

interface TopicListProgress {
  phase: string;
  done: number;
  total: number;
}
interface TopicListSummary {
  topics: number;
  partitions: number;
}

/** Passes on only the tenant's rows and patches; counts in progress and summary are over those rows. */
async function visibleTopicRows(
  producer: (request: unknown, sink: StreamSink<unknown, unknown>) => Promise<unknown>,
  request: unknown,
  sink: StreamSink<TopicListItem, TopicListProgress>,
  scope: TenantScope,
): Promise<unknown> {
  const partitions = new Map<string, number>();
  const filtered: StreamSink<TopicListItem, TopicListProgress> = {
    signal: sink.signal,
    phase: (phase, message) => sink.phase(phase, message),
    progress: ({ phase, done, total }) => {
      const shown = partitions.size;
      sink.progress({ phase, total: shown, done: total === 0 ? 0 : Math.min(shown, Math.round((done * shown) / total)) });
    },
    batch: async (items) => {
      // A topic's consumer lag sums every group's, hidden ones too: inside a tenant it does not cross.
      const kept = items.filter((item) => scope.isVisible('topic', item.name)).flatMap(({ consumerLag, ...item }) => (consumerLag === undefined || Object.keys(item).length > 1 ? [item] : []));
      for (const item of kept) if (item.partitions !== undefined) partitions.set(item.name, item.partitions);
      if (kept.length > 0) await sink.batch(kept);
    },
  };
  const summary = (await producer(request, filtered as StreamSink<unknown, unknown>)) as TopicListSummary;
  return { ...summary, topics: partitions.size, partitions: [...partitions.values()].reduce((sum, count) => sum + count, 0) };
}

/**
 * Passes on only the tenant's groups. A group's rows and patches are kept or dropped by its id alone, so
 * a patch of a hidden group never crosses; progress and the summary count the visible groups only.
 */
async function visibleGroupRows(
  producer: (request: unknown, sink: StreamSink<unknown, unknown>) => Promise<unknown>,
  request: unknown,
  sink: StreamSink<GroupListItem, GroupListProgress>,
  scope: TenantScope,
): Promise<unknown> {
  const shown = new Set<string>();
  const failed = new Set<string>();
  const filtered: StreamSink<GroupListItem, GroupListProgress> = {
    signal: sink.signal,
    phase: (phase, message) => sink.phase(phase, message),
    progress: ({ phase, done, total }) => {
      sink.progress({ phase, total: shown.size, done: total === 0 ? 0 : Math.min(shown.size, Math.round((done * shown.size) / total)) });
    },
    batch: async (items) => {
      const kept = items.filter((item) => scope.isVisible('group', item.groupId));
      for (const item of kept) {
        shown.add(item.groupId);
        if (item.error) failed.add(item.groupId);
        else if (item.error === null) failed.delete(item.groupId);
      }
      if (kept.length > 0) await sink.batch(kept);
    },
  };
  const summary = (await producer(request, filtered as StreamSink<unknown, unknown>)) as GroupListSummary;
  return { ...summary, groups: shown.size, errors: failed.size };
}

/** Whether a contract input schema has a `profileId` (in any branch of a union): such channels act through a profile. */
export function inputNamesProfile(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def['type']) {
    case 'object':
      return Object.hasOwn(def['shape'] as object, 'profileId');
    case 'union':
      return (def['options'] as z.ZodType[]).some(inputNamesProfile);
    case 'pipe':
      return inputNamesProfile(def['in'] as z.ZodType);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return inputNamesProfile(def['innerType'] as z.ZodType);
    default:
      return false;
  }
}
