// Tenancy enforcement for every channel and stream that acts through a profile, in one table. Inside a
// tenant, main refuses what the tenant does not show (the renderer's hiding is only a convenience),
// refuses new topic names the tenant does not include, and applies the policy file's RBAC policies on
// top of the profile's own safety settings (which the services still check). A unit test fails when a
// contract channel whose input names a profile has no entry here; at run time such a channel refuses
// inside a tenant rather than slip through.
import type { z } from 'zod';
import { decideAction, type KpowAction } from '../../../../shared/domain/tenancy';
import type { TopicListItem } from '../../../../shared/domain/topics/topic-schemas';
import { channelNames, channels, streamNames, streams, type Channel, type ChannelOutput, type Channels, type StreamName, type Streams } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import type { TenancyAccess } from './tenancy-service';
import type { TenantScope } from './tenant-scope';

/** A topic a request touches: an existing one the tenant must show, or a new name it must include. */
export interface TopicUse {
  topic: string;
  need: 'visible' | 'new-name';
  /** The Kpow action checked against the file's policies, when it has any. */
  action?: KpowAction;
}

type InputOf<C extends Channel> = z.output<Channels[C]['input']>;
type RequestOf<S extends StreamName> = z.output<Streams[S]['request']>;

/**
 * - `tenancy`: the handler works with tenancy itself (choosing a tenant, or answering through the scope).
 * - `read` / `browse`: the named topics must be visible; `mutate`: likewise, and the cluster changes;
 *   `create`: a new name must be included by the tenant's rules.
 */
export type GuardKind = 'tenancy' | 'read' | 'browse' | 'mutate' | 'create';

export interface ChannelGuard<C extends Channel> {
  kind: GuardKind;
  topics?(input: InputOf<C>): TopicUse[];
  /** A Kpow action on the whole cluster (`["cluster", id]`), checked against the file's policies. */
  clusterAction?: KpowAction;
  /** Drops what the tenant does not show from a reply that lists more than the requested topic. */
  visibleOutput?(output: ChannelOutput<C>, scope: TenantScope): ChannelOutput<C>;
}

export interface StreamGuard<S extends StreamName> {
  kind: GuardKind;
  topics?(request: RequestOf<S>): TopicUse[];
  clusterAction?: KpowAction;
  /** `topic-rows`: items are topic rows or patches keyed by name; only visible ones go out, in every phase. */
  items?: 'topic-rows';
}

const visible = (topic: string, action?: KpowAction): TopicUse => ({ topic, need: 'visible', ...(action ? { action } : {}) });

export const channelGuards: { [C in Channel]?: ChannelGuard<C> } = {
  'tenancy:state': { kind: 'tenancy' },
  'tenancy:attach-policy': { kind: 'tenancy' },
  'tenancy:detach-policy': { kind: 'tenancy' },
  'tenancy:select-roles': { kind: 'tenancy' },
  'tenancy:enter': { kind: 'tenancy' },
  'cluster:overview': { kind: 'tenancy' },
  'snapshots:capture': { kind: 'tenancy' },
  'topics:detail': {
    kind: 'read',
    topics: ({ topic }) => [visible(topic)],
    visibleOutput: (detail, scope) => ({ ...detail, groups: detail.groups.filter((group) => scope.isGroupVisible(group.groupId)) }),
  },
  'topics:create': { kind: 'create', topics: ({ name }) => [{ topic: name, need: 'new-name', action: 'TOPIC_CREATE' }] },
  'topics:clone': { kind: 'create', topics: ({ source, target }) => [visible(source), { topic: target, need: 'new-name', action: 'TOPIC_CREATE' }] },
  'topics:delete': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_DELETE')] },
  'topics:add-partitions': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_EDIT')] },
  'topics:alter-config': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_EDIT')] },
  'topics:purge': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_TRUNCATE')] },
  'messages:fetch': { kind: 'browse', topics: ({ topic }) => [visible(topic, 'TOPIC_DATA_QUERY')] },
  // Producing to a missing topic may auto-create it, so the name must still be the tenant's.
  'messages:produce': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_PRODUCE')] },
  'messages:reproduce': { kind: 'mutate', topics: ({ source, targetTopic }) => [visible(source.topic, 'TOPIC_DATA_QUERY'), visible(targetTopic, 'TOPIC_PRODUCE')] },
  // The plan comes from the policy text in the request, so it may name anything: reading which ACLs
  // exist is gated like editing them, a cluster-wide admin action.
  'acls:tenant-preview': { kind: 'read', clusterAction: 'ACL_EDIT' },
  'acls:tenant-apply': { kind: 'mutate', clusterAction: 'ACL_EDIT' },
};

export const streamGuards: { [S in StreamName]?: StreamGuard<S> } = {
  'topics:list': { kind: 'read', items: 'topic-rows' },
  'messages:browse': { kind: 'browse', topics: ({ topic }) => [visible(topic, 'TOPIC_DATA_QUERY')] },
  'messages:export': { kind: 'browse', topics: ({ topic }) => [visible(topic, 'TOPIC_DATA_DOWNLOAD')] },
  'messages:produce-file': { kind: 'mutate', topics: ({ topic }) => [visible(topic, 'TOPIC_PRODUCE')] },
};

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
      if (!tenancy || guard?.items !== 'topic-rows') {
        const summary = await producer(request, sink);
        if (guard && changesTopics.has(guard.kind)) deps.invalidate(request.profileId);
        return summary;
      }
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
  const uses = guard.topics?.(input as never) ?? [];
  let scope = await deps.scope(input.profileId, access);
  // A topic an included group started reading after the cached capture is not inferred yet: read the
  // cluster again before refusing it, unless the capture is only seconds old. (Topic lists keep the
  // cached capture: their first rows must not wait for every group's offsets.)
  if (uses.some((use) => use.need === 'visible' && !scope.isTopicVisible(use.topic))) {
    scope = await deps.scope(input.profileId, access, RECENT_CAPTURE_MS);
  }
  for (const use of uses) checkTopic(use, scope, access);
  if (guard.clusterAction !== undefined) checkPolicy(guard.clusterAction, ['cluster', scope.clusterId], 'the cluster', access);
  return { scope };
}

function checkTopic(use: TopicUse, scope: TenantScope, access: Extract<TenancyAccess, { kind: 'tenant' }>): void {
  const tenant = access.tenant.name;
  if (use.need === 'visible' && !scope.isTopicVisible(use.topic)) {
    throw new AppFailure('NOT_ALLOWED', `Topic '${use.topic}' is not part of tenant '${tenant}'.`, { tenant });
  }
  if (use.need === 'new-name' && !scope.coversNewTopic(use.topic)) {
    throw new AppFailure('NOT_ALLOWED', `Tenant '${tenant}' does not include the topic name '${use.topic}', so it cannot be created here; choose a name the tenant's rules include.`, { tenant });
  }
  if (use.action !== undefined) checkPolicy(use.action, ['cluster', scope.clusterId, 'topic', use.topic], `topic '${use.topic}'`, access);
}

/** Only when the file has policies: deny wins, no match denies, Stage needs an approval Odradek cannot give. */
function checkPolicy(action: KpowAction, path: string[], what: string, access: Extract<TenancyAccess, { kind: 'tenant' }>): void {
  if (access.policies === null) return;
  const decision = decideAction(access.policies, access.roles, action, path, { profileName: access.profileName });
  if (decision === 'deny') {
    throw new AppFailure('NOT_ALLOWED', `${action} on ${what} is denied by policy for the roles ${access.roles.join(', ') || '(none)'}.`, { action, decision });
  }
  if (decision === 'stage') {
    throw new AppFailure('NOT_ALLOWED', `${action} on ${what} needs approval (Stage) under the policy file; Odradek does not run staged actions.`, { action, decision });
  }
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
      const kept = items.filter((item) => scope.isTopicVisible(item.name));
      for (const item of kept) if (item.partitions !== undefined) partitions.set(item.name, item.partitions);
      if (kept.length > 0) await sink.batch(kept);
    },
  };
  const summary = (await producer(request, filtered as StreamSink<unknown, unknown>)) as TopicListSummary;
  return { ...summary, topics: partitions.size, partitions: [...partitions.values()].reduce((sum, count) => sum + count, 0) };
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
