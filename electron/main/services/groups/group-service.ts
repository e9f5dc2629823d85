// One group's detail, the groups reading one topic (topic detail), and every group's topics (cluster
// snapshot and overview): all through the same group session as the list, so every screen agrees.
import { consumptionRate, partitionLag, summarizeLag } from '../../../../shared/domain/groups/group-lag';
import type { GroupDetail, GroupMember, GroupPartitionOffset } from '../../../../shared/domain/groups/group-schemas';
import type { TopicDetail } from '../../../../shared/domain/topics/topic-schemas';
import { AppFailure } from '../../../../shared/ipc/result';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { listGroups } from '../kafka/protocol/group-apis';
import type { Clock } from '../ports';
import { describeKafkaFailure, principalOf } from '../topics/kafka-error-words';
import { groupKind, openGroupSession, type CommittedPartition, type GroupDescription, type GroupSession, type ListedGroupAt } from './group-reads';
import { groupTopics } from './group-list';

export interface GroupServiceDeps {
  profiles: { resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  clock: Clock;
  sleep?(ms: number): Promise<void>;
  log?(line: string): void;
}

/** Runs `work` with a group session; Kafka failures come back as plain-word AppFailures. */
export async function withGroupSession<T>(settings: KafkaConnectionSettings, deps: Pick<GroupServiceDeps, 'clock' | 'log'>, doing: string, work: (session: GroupSession) => Promise<T>): Promise<T> {
  let session: GroupSession | undefined;
  try {
    session = await openGroupSession(settings, deps.clock, principalOf(settings), {}, deps.log);
    return await work(session);
  } catch (error) {
    throw describeKafkaFailure(error, doing, principalOf(settings));
  } finally {
    await session?.close().catch(() => undefined);
  }
}

/** The group as its coordinator lists it (type and state), found with one FindCoordinator and one ListGroups. */
export async function locateGroup(session: GroupSession, groupId: string): Promise<ListedGroupAt> {
  const found = (await session.coordinators([groupId])).get(groupId);
  if (!found) throw new AppFailure('KAFKA_ERROR', `No coordinator was named for group '${groupId}'.`);
  if (!found.ok) throw new AppFailure(found.error.code === 'GROUP_AUTHORIZATION_FAILED' ? 'NOT_ALLOWED' : 'KAFKA_ERROR', found.error.message, { kafkaError: found.error.code });
  const broker = (await session.brokers()).get(found.value);
  if (!broker) throw new AppFailure('KAFKA_ERROR', `The coordinator of group '${groupId}', broker ${found.value}, is not reachable.`);
  const listed = (await listGroups(broker)).groups.find((group) => group.groupId === groupId);
  if (!listed) throw new AppFailure('NOT_FOUND', `Group '${groupId}' does not exist (its coordinator, broker ${found.value}, does not list it) or ${session.principal} may not describe it.`);
  return { ...listed, coordinator: found.value, kind: groupKind(listed) };
}

export interface GroupOffsetsRead {
  sampledAt: number;
  committed: CommittedPartition[];
}

/**
 * The committed offsets of one group now: the hook groups-ops' lag sampler and the detail's rate use.
 * Throws the group's error (not authorized, coordinator moved) as an AppFailure.
 */
export async function readCommittedOffsets(session: GroupSession, group: Pick<ListedGroupAt, 'groupId' | 'coordinator' | 'kind'>, clock: Clock): Promise<GroupOffsetsRead> {
  const outcome = (await session.committed([group])).get(group.groupId);
  if (!outcome) throw new AppFailure('KAFKA_ERROR', `The coordinator did not answer for group '${group.groupId}'.`);
  if (!outcome.ok) throw new AppFailure(outcome.error.code === 'GROUP_AUTHORIZATION_FAILED' ? 'NOT_ALLOWED' : 'KAFKA_ERROR', outcome.error.message, { kafkaError: outcome.error.code });
  return { sampledAt: clock.now(), committed: outcome.value };
}

export function createGroupService(deps: GroupServiceDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    async describe(profileId: string, groupId: string, rateSampleMs = 0): Promise<GroupDetail> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withGroupSession(settings, deps, `Describing group '${groupId}'`, (session) => describeGroupDetail(session, groupId, { clock: deps.clock, sleep, rateSampleMs }));
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;

export async function describeGroupDetail(session: GroupSession, groupId: string, options: { clock: Clock; sleep(ms: number): Promise<void>; rateSampleMs: number }): Promise<GroupDetail> {
  const group = await locateGroup(session, groupId);
  const warnings: string[] = [];
  const [described, first] = await Promise.all([
    session.describe([group]),
    readCommittedOffsets(session, group, options.clock),
  ]);
  const outcome = described.get(groupId);
  let description: GroupDescription | undefined;
  if (outcome?.ok) description = outcome.value;
  else if (outcome) {
    if (outcome.error.code === 'GROUP_AUTHORIZATION_FAILED') throw new AppFailure('NOT_ALLOWED', outcome.error.message, { kafkaError: outcome.error.code });
    warnings.push(outcome.error.message);
  }
  if (group.kind === 'share') warnings.push("A share group commits no offsets: 'committed' is each share partition's start offset, below which every record is acknowledged.");

  let second: GroupOffsetsRead | undefined;
  if (options.rateSampleMs > 0) {
    await options.sleep(Math.max(0, options.rateSampleMs - (options.clock.now() - first.sampledAt)));
    second = await readCommittedOffsets(session, group, options.clock);
  }
  const latest = second ?? first;

  const owners = new Map<string, string>();
  for (const member of description?.members ?? []) for (const { topic, partitions } of member.assignment) for (const partition of partitions) owners.set(`${partition}\u0000${topic}`, member.memberId);
  // Assigned partitions without a commit still show, with no committed offset.
  const rows = new Map<string, { topic: string; partition: number; committed?: CommittedPartition }>();
  for (const entry of latest.committed) rows.set(`${entry.partition}\u0000${entry.topic}`, { topic: entry.topic, partition: entry.partition, committed: entry });
  for (const key of owners.keys()) {
    if (rows.has(key)) continue;
    const [partition, topic] = key.split('\u0000') as [string, string];
    rows.set(key, { topic, partition: Number(partition) });
  }
  const ends = await session.endOffsets([...rows.values()]);
  if (ends.unknownTopics.size > 0) warnings.push(`Topic(s) ${[...ends.unknownTopics].sort().join(', ')} are not in the metadata (deleted or not visible): their end offsets are unknown.`);
  if (ends.failed.length > 0) warnings.push(`End offsets of ${ends.failed.length} partition(s) could not be read (${[...new Set(ends.failed.map(({ reason }) => reason))].join('; ')}).`);

  const firstOffsets = new Map(first.committed.map((entry) => [`${entry.partition}\u0000${entry.topic}`, entry.offset]));
  const seconds = second ? (second.sampledAt - first.sampledAt) / 1000 : 0;
  const offsets: GroupPartitionOffset[] = [...rows.entries()]
    .map(([key, { topic, partition, committed }]) => {
      const end = ends.offsets.get(topic)?.[partition];
      return {
        topic,
        partition,
        committed: committed ? Number(committed.offset) : null,
        end: end === undefined ? null : Number(end),
        lag: committed ? partitionLag(committed.offset, end) : null,
        metadata: committed?.metadata ?? null,
        leaderEpoch: committed && committed.leaderEpoch >= 0 ? committed.leaderEpoch : null,
        owner: owners.get(key) ?? null,
        consumptionRate: second ? consumptionRate(firstOffsets.get(key), committed?.offset, seconds) : null,
      };
    })
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  const summary = summarizeLag(latest.committed.map(({ topic, partition, offset }) => ({ committed: offset, end: ends.offsets.get(topic)?.[partition] })));

  const members: GroupMember[] = (description?.members ?? []).map((member) => ({
    memberId: member.memberId,
    instanceId: member.instanceId,
    clientId: member.clientId,
    host: member.host,
    rackId: member.rackId,
    memberEpoch: member.memberEpoch,
    subscribedTopics: member.subscribedTopics,
    assignment: member.assignment,
    targetAssignment: member.targetAssignment,
  }));
  return {
    groupId,
    type: group.kind,
    brokerType: group.type,
    protocolType: description?.protocolType ?? group.protocolType,
    protocol: description?.protocol ?? null,
    state: description?.state ?? group.state,
    coordinator: group.coordinator,
    groupEpoch: description?.groupEpoch ?? null,
    assignmentEpoch: description?.assignmentEpoch ?? null,
    members,
    offsets,
    totalLag: summary.totalLag,
    maxLag: summary.maxLag,
    sampledAt: latest.sampledAt,
    warnings,
  };
}

/**
 * Groups with committed offsets on the topic or a member assigned to it, with lag per partition — the
 * topic detail's "consuming groups". ListGroups once, every group's offsets and describe batched per
 * coordinator, end offsets of the topic's partitions in one ListOffsets per leader.
 */
export async function groupsConsumingTopic(session: GroupSession, topic: string, warnings: string[]): Promise<TopicDetail['groups']> {
  const { groups, warnings: listWarnings } = await session.listAll();
  warnings.push(...listWarnings);
  const [committed, described] = await Promise.all([session.committed(groups), session.describe(groups)]);
  const failed = [...committed.values()].filter((outcome) => !outcome.ok).length;
  if (failed > 0) warnings.push(`Committed offsets of ${failed} group(s) could not be read (not authorized or unavailable).`);
  const matches = groups.filter((group) => {
    const outcome = committed.get(group.groupId);
    const description = described.get(group.groupId);
    return (outcome?.ok && outcome.value.some((entry) => entry.topic === topic)) || (description?.ok && groupTopics([], description.value).includes(topic));
  });
  if (matches.length === 0) return [];
  const metadata = session.topics.metadata.topics.find((entry) => entry.name === topic);
  const ends = await session.endOffsets((metadata?.partitions ?? []).map(({ partition }) => ({ topic, partition })));
  return matches.map((group) => {
    const outcome = committed.get(group.groupId);
    const description = described.get(group.groupId);
    const partitions = (outcome?.ok ? outcome.value : [])
      .filter((entry) => entry.topic === topic)
      .map(({ partition, offset }) => {
        const end = ends.offsets.get(topic)?.[partition];
        return { partition, committed: Number(offset), end: end === undefined ? Number(offset) : Number(end), lag: partitionLag(offset, end) ?? 0 };
      });
    return {
      groupId: group.groupId,
      state: description?.ok ? description.value.state : group.state || 'Unknown',
      members: description?.ok ? description.value.members.length : 0,
      lag: partitions.reduce((sum, partition) => sum + partition.lag, 0),
      partitions,
    };
  });
}

/** Every group with its state and the topics it reads (commits or assignments), for the cluster snapshot and overview. */
export async function groupsWithTopics(session: GroupSession, warn: (message: string) => void): Promise<{ name: string; state?: string; topics: string[] }[]> {
  const { groups, warnings } = await session.listAll();
  for (const warning of warnings) warn(warning);
  const [committed, described] = await Promise.all([session.committed(groups), session.describe(groups)]);
  return groups.map((group) => {
    const outcome = committed.get(group.groupId);
    const description = described.get(group.groupId);
    if (outcome && !outcome.ok) warn(`Committed offsets of group '${group.groupId}' were not captured: ${outcome.error.message}`);
    const state = description?.ok ? description.value.state : group.state;
    return { name: group.groupId, ...(state ? { state } : {}), topics: groupTopics(outcome?.ok ? outcome.value : [], description?.ok ? description.value : undefined) };
  });
}
