// Whole-cluster group reads in as few requests as the protocol allows: ListGroups once per broker
// (each answers for the groups it coordinates, so the answer also names every group's coordinator),
// describes batched per coordinator and per protocol (DescribeGroups, ConsumerGroupDescribe,
// ShareGroupDescribe), committed offsets with one OffsetFetch per coordinator for many groups, and
// end offsets with one ListOffsets per leader for the union of the partitions. Every failure is kept
// per group: one unreadable group never fails the others.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { GroupRowError, GroupType } from '../../../../shared/domain/groups/group-schemas';
import type { ClientTimeouts } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import {
  decodeConsumerAssignment,
  decodeConsumerSubscriptionTopics,
  describeConsumerGroups,
  describeGroups,
  describeShareGroups,
  fetchCommittedOffsets,
  fetchShareGroupOffsets,
  findCoordinators,
  listGroups,
  type AssignedTopic,
  type ListedGroup,
} from '../kafka/protocol/group-apis';
import { openTopicsSession, type LeaderPartition, type TopicOffsets, type TopicsSession } from '../kafka/protocol/topics-batch';
import type { Clock } from '../ports';

/** Groups per describe or OffsetFetch request: large enough for few round trips, small enough for modest responses. */
export const GROUPS_PER_REQUEST = 500;
/** FindCoordinator keys per request. */
const KEYS_PER_FIND = 1_000;
/** Coordinator errors after which asking again (briefly) usually succeeds. */
const RETRIABLE_COORDINATOR = new Set(['COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_LOAD_IN_PROGRESS', 'NOT_COORDINATOR']);

export interface ListedGroupAt extends ListedGroup {
  /** The broker whose ListGroups named the group: its coordinator. */
  coordinator: number;
  kind: GroupType;
}

export interface MemberView {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  host: string;
  rackId: string | null;
  memberEpoch: number | null;
  subscribedTopics: string[] | null;
  assignment: { topic: string; partitions: number[] }[];
  targetAssignment: { topic: string; partitions: number[] }[] | null;
}

export interface GroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string | null;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  members: MemberView[];
}

export interface CommittedPartition {
  topic: string;
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  metadata: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: GroupRowError };

/** The classic and simple groups look the same to ListGroups before v5; the protocol type tells them apart. */
export function groupKind(listed: Pick<ListedGroup, 'type' | 'protocolType'>): GroupType {
  switch (listed.type.toLowerCase()) {
    case 'consumer':
      return 'consumer';
    case 'share':
      return 'share';
    case 'streams':
      return 'streams';
    case 'classic':
    case '':
      return listed.protocolType === '' ? 'simple' : 'classic';
    default:
      return 'unknown';
  }
}

/** A group error code in words, naming the principal where rights are missing. */
export function groupErrorOf(code: number | string, groupId: string, principal: string, brokerMessage?: string | null): GroupRowError {
  const type = typeof code === 'string' ? code : createErrorFromCode(code).type;
  const extra = brokerMessage ? ` (${brokerMessage})` : '';
  switch (type) {
    case 'GROUP_AUTHORIZATION_FAILED':
      return { code: type, message: `${principal} may not describe group '${groupId}': it needs DESCRIBE on the group.${extra}` };
    case 'TOPIC_AUTHORIZATION_FAILED':
      return { code: type, message: `${principal} may not describe a topic of group '${groupId}'.${extra}` };
    case 'GROUP_ID_NOT_FOUND':
      return { code: type, message: `Group '${groupId}' no longer exists (or changed type while being read).${extra}` };
    case 'COORDINATOR_NOT_AVAILABLE':
    case 'COORDINATOR_LOAD_IN_PROGRESS':
    case 'NOT_COORDINATOR':
      return { code: type, message: `The coordinator of group '${groupId}' is not available right now (${type}); refresh to try again.${extra}` };
    case 'UNSUPPORTED_VERSION':
      return { code: type, message: `The broker cannot describe group '${groupId}' with this request version.${extra}` };
    default:
      return { code: type, message: `Group '${groupId}' could not be read: ${type}.${extra}` };
  }
}

const failureOf = (error: unknown, groupId: string, principal: string): GroupRowError => {
  const type = (error as { type?: unknown })?.type;
  if (typeof type === 'string' && type !== 'UNKNOWN') return groupErrorOf(type, groupId, principal);
  return { code: (error as { code?: unknown })?.code === 'UNSUPPORTED' ? 'UNSUPPORTED' : 'REQUEST_FAILED', message: `Group '${groupId}' could not be read: ${(error as Error)?.message ?? String(error)}` };
};

export interface GroupSession {
  readonly topics: TopicsSession;
  readonly principal: string;
  brokers(): Promise<ReadonlyMap<number, InternalBroker>>;
  /** ListGroups on every broker in parallel; a broker that does not answer becomes a warning. */
  listAll(): Promise<{ groups: ListedGroupAt[]; warnings: string[] }>;
  /** FindCoordinator v4, many keys per request; retried briefly while coordinators load. */
  coordinators(groupIds: readonly string[]): Promise<Map<string, Outcome<number>>>;
  describe(groups: readonly { groupId: string; kind: GroupType; coordinator: number }[]): Promise<Map<string, Outcome<GroupDescription>>>;
  /**
   * Committed offsets (OffsetFetch); for share groups (`kind: 'share'`) the share-partition start
   * offsets (DescribeShareGroupOffsets), which stand where a committed offset does.
   */
  committed(groups: readonly { groupId: string; coordinator: number; kind?: GroupType }[]): Promise<Map<string, Outcome<CommittedPartition[]>>>;
  /** High watermarks (as kafka-consumer-groups uses) of the union of the partitions, one ListOffsets per leader. */
  endOffsets(partitions: readonly { topic: string; partition: number }[]): Promise<TopicOffsets & { unknownTopics: Set<string> }>;
  close(): Promise<void>;
}

export async function openGroupSession(
  settings: KafkaConnectionSettings,
  clock: Clock,
  principal: string,
  timeouts: Partial<ClientTimeouts> = {},
  log?: (line: string) => void,
): Promise<GroupSession> {
  return groupSessionOver(await openTopicsSession(settings, clock, timeouts, log), principal);
}

/** A group session on a topics session that is already open (the topic list's lag phase); closing it closes both. */
export function groupSessionOver(topics: TopicsSession, principal: string): GroupSession {
  const leaders = new Map<string, number[]>();
  for (const topic of topics.metadata.topics) {
    const byPartition: number[] = [];
    for (const { partition, leader } of topic.partitions) byPartition[partition] = leader;
    leaders.set(topic.name, byPartition);
  }
  const brokerOf = async (nodeId: number): Promise<InternalBroker> => {
    const broker = (await topics.brokers()).get(nodeId);
    if (!broker) throw new Error(`broker ${nodeId} is not reachable`);
    return broker;
  };
  /** Requests per coordinator in chunks, all in parallel; a failed request fails only its chunk's groups. */
  const perCoordinator = async <G extends { groupId: string; coordinator: number }, T>(
    groups: readonly G[],
    ask: (broker: InternalBroker, chunk: G[]) => Promise<Map<string, Outcome<T>>>,
  ): Promise<Map<string, Outcome<T>>> => {
    const byCoordinator = new Map<number, G[]>();
    for (const group of groups) {
      let list = byCoordinator.get(group.coordinator);
      if (!list) byCoordinator.set(group.coordinator, (list = []));
      list.push(group);
    }
    const result = new Map<string, Outcome<T>>();
    const jobs: Promise<void>[] = [];
    for (const [coordinator, list] of byCoordinator) {
      for (let start = 0; start < list.length; start += GROUPS_PER_REQUEST) {
        const chunk = list.slice(start, start + GROUPS_PER_REQUEST);
        jobs.push(
          (async () => {
            try {
              for (const [groupId, outcome] of await ask(await brokerOf(coordinator), chunk)) result.set(groupId, outcome);
            } catch (error) {
              for (const { groupId } of chunk) result.set(groupId, { ok: false, error: failureOf(error, groupId, principal) });
            }
          })(),
        );
      }
    }
    await Promise.all(jobs);
    return result;
  };

  /**
   * perCoordinator, then again for the groups whose coordinator moved or was still loading: their
   * coordinators found anew with one batched FindCoordinator, up to three times.
   */
  const atCoordinators = async <G extends { groupId: string; coordinator: number }, T>(
    groups: readonly G[],
    ask: (broker: InternalBroker, chunk: G[]) => Promise<Map<string, Outcome<T>>>,
  ): Promise<Map<string, Outcome<T>>> => {
    const result = await perCoordinator(groups, ask);
    for (let attempt = 0; attempt < 3; attempt++) {
      const retry = groups.filter((group) => {
        const outcome = result.get(group.groupId);
        return outcome !== undefined && !outcome.ok && RETRIABLE_COORDINATOR.has(outcome.error.code);
      });
      if (retry.length === 0) break;
      await delay(200 * 2 ** attempt);
      const found = await session.coordinators(retry.map(({ groupId }) => groupId));
      const moved: G[] = [];
      for (const group of retry) {
        const coordinator = found.get(group.groupId);
        if (coordinator?.ok) moved.push({ ...group, coordinator: coordinator.value });
        else if (coordinator) result.set(group.groupId, coordinator);
      }
      for (const [groupId, outcome] of await perCoordinator(moved, ask)) result.set(groupId, outcome);
    }
    return result;
  };

  const session: GroupSession = {
    topics,
    principal,
    brokers: () => topics.brokers(),

    async listAll() {
      const brokers = await topics.brokers();
      const warnings: string[] = [];
      const seen = new Map<string, ListedGroupAt>();
      for (const { nodeId } of topics.metadata.brokers) if (!brokers.has(nodeId)) warnings.push(`Broker ${nodeId} is not reachable: the groups it coordinates are missing from the list.`);
      await Promise.all(
        [...brokers].map(async ([nodeId, broker]) => {
          try {
            const answer = await listGroups(broker);
            if (answer.errorCode !== 0) {
              warnings.push(`Broker ${nodeId} refused ListGroups (${createErrorFromCode(answer.errorCode).type}): the groups it coordinates are missing from the list.`);
            }
            for (const group of answer.groups) seen.set(group.groupId, { ...group, coordinator: nodeId, kind: groupKind(group) });
          } catch (error) {
            warnings.push(`Broker ${nodeId} did not list its groups (${(error as Error).message}): they are missing from the list.`);
          }
        }),
      );
      const groups = [...seen.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
      return { groups, warnings };
    },

    async coordinators(groupIds) {
      const result = new Map<string, Outcome<number>>();
      let pending = [...new Set(groupIds)];
      for (let attempt = 0; pending.length > 0; attempt++) {
        const retry: string[] = [];
        const brokers = [...(await topics.brokers()).values()];
        if (brokers.length === 0) throw new Error('No broker is reachable.');
        await Promise.all(
          chunks(pending, KEYS_PER_FIND).map(async (keys, index) => {
            const answers = await findCoordinators(brokers[index % brokers.length]!, keys);
            for (const answer of answers) {
              if (answer.errorCode === 0) {
                result.set(answer.key, { ok: true, value: answer.nodeId });
                continue;
              }
              const type = createErrorFromCode(answer.errorCode).type;
              if (RETRIABLE_COORDINATOR.has(type) && attempt < 4) retry.push(answer.key);
              else result.set(answer.key, { ok: false, error: groupErrorOf(type, answer.key, principal, answer.errorMessage) });
            }
          }),
        );
        pending = retry;
        if (pending.length > 0) await delay(100 * 2 ** attempt);
      }
      return result;
    },

    describe(groups) {
      const byApi = { classic: [] as (typeof groups)[number][], consumer: [] as (typeof groups)[number][], share: [] as (typeof groups)[number][] };
      const result = new Map<string, Outcome<GroupDescription>>();
      for (const group of groups) {
        if (group.kind === 'consumer') byApi.consumer.push(group);
        else if (group.kind === 'share') byApi.share.push(group);
        else if (group.kind === 'classic' || group.kind === 'simple') byApi.classic.push(group);
        else result.set(group.groupId, { ok: false, error: { code: 'UNSUPPORTED', message: `Odradek cannot describe ${group.kind} group '${group.groupId}' yet; its offsets and lag are still read.` } });
      }
      return Promise.all([
        atCoordinators(byApi.classic, async (broker, chunk) => {
          const described = new Map<string, Outcome<GroupDescription>>();
          for (const group of await describeGroups(broker, chunk.map(({ groupId }) => groupId))) {
            if (group.errorCode !== 0) {
              described.set(group.groupId, { ok: false, error: groupErrorOf(group.errorCode, group.groupId, principal, group.errorMessage) });
              continue;
            }
            const consumerProtocol = group.protocolType === 'consumer';
            described.set(group.groupId, {
              ok: true,
              value: {
                groupId: group.groupId,
                state: group.state,
                protocolType: group.protocolType,
                protocol: group.protocol === '' ? null : group.protocol,
                groupEpoch: null,
                assignmentEpoch: null,
                members: group.members.map((member) => ({
                  memberId: member.memberId,
                  instanceId: member.instanceId,
                  clientId: member.clientId,
                  host: member.host,
                  rackId: null,
                  memberEpoch: null,
                  // Only the consumer protocol's bytes have a known layout (Connect's and others' do not).
                  subscribedTopics: consumerProtocol ? decodeConsumerSubscriptionTopics(member.metadata) : null,
                  assignment: (consumerProtocol ? decodeConsumerAssignment(member.assignment) : null) ?? [],
                  targetAssignment: null,
                })),
              },
            });
          }
          return described;
        }),
        ...(['consumer', 'share'] as const).map((kind) =>
          atCoordinators(byApi[kind], async (broker, chunk) => {
            const ask = kind === 'consumer' ? describeConsumerGroups : describeShareGroups;
            const described = new Map<string, Outcome<GroupDescription>>();
            for (const group of await ask(broker, chunk.map(({ groupId }) => groupId))) {
              if (group.errorCode !== 0) {
                described.set(group.groupId, { ok: false, error: groupErrorOf(group.errorCode, group.groupId, principal, group.errorMessage) });
                continue;
              }
              const names = (topicsOf: AssignedTopic[]) => topicsOf.map(({ topic, partitions }) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
              described.set(group.groupId, {
                ok: true,
                value: {
                  groupId: group.groupId,
                  state: group.state,
                  protocolType: kind,
                  protocol: group.assignor === '' ? null : group.assignor,
                  groupEpoch: group.groupEpoch,
                  assignmentEpoch: group.assignmentEpoch,
                  members: group.members.map((member) => ({
                    memberId: member.memberId,
                    instanceId: member.instanceId,
                    clientId: member.clientId,
                    host: member.host,
                    rackId: member.rackId,
                    memberEpoch: member.memberEpoch,
                    subscribedTopics: member.subscribedTopics,
                    assignment: names(member.assignment),
                    targetAssignment: member.targetAssignment ? names(member.targetAssignment) : null,
                  })),
                },
              });
            }
            return described;
          }),
        ),
      ]).then((maps) => {
        for (const map of maps) for (const [groupId, outcome] of map) result.set(groupId, outcome);
        return result;
      });
    },

    async committed(groups) {
      const read = (ask: typeof fetchCommittedOffsets) => async (broker: InternalBroker, chunk: readonly { groupId: string }[]) => {
        const answers = new Map<string, Outcome<CommittedPartition[]>>();
        for (const group of await ask(broker, chunk.map(({ groupId }) => groupId))) {
          if (group.errorCode !== 0) {
            answers.set(group.groupId, { ok: false, error: groupErrorOf(group.errorCode, group.groupId, principal) });
            continue;
          }
          const partitions: CommittedPartition[] = [];
          for (const entry of group.partitions) {
            // -1: no commit for an asked partition; a partition error (e.g. a topic the principal may not describe) skips it.
            if (entry.errorCode === 0 && entry.offset >= 0n) partitions.push({ topic: entry.topic, partition: entry.partition, offset: entry.offset, leaderEpoch: entry.leaderEpoch, metadata: entry.metadata });
          }
          partitions.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
          answers.set(group.groupId, { ok: true, value: partitions });
        }
        return answers;
      };
      const [classic, share] = await Promise.all([
        atCoordinators(groups.filter((group) => group.kind !== 'share'), read(fetchCommittedOffsets)),
        atCoordinators(groups.filter((group) => group.kind === 'share'), read(fetchShareGroupOffsets)),
      ]);
      for (const [groupId, outcome] of share) classic.set(groupId, outcome);
      return classic;
    },

    async endOffsets(partitions) {
      const unknownTopics = new Set<string>();
      const asked: LeaderPartition[] = [];
      const seen = new Set<string>();
      // Sorted by topic, so each topic's partitions are next to each other in the ListOffsets request.
      const sorted = [...partitions].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
      for (const { topic, partition } of sorted) {
        const key = `${partition}\u0000${topic}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const leader = leaders.get(topic)?.[partition];
        if (leader === undefined) unknownTopics.add(topic);
        else asked.push({ topic, partition, leader });
      }
      return { ...(await topics.listOffsets(asked, 'latest')), unknownTopics };
    },

    close: () => topics.close(),
  };
  return session;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
