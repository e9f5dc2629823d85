// Changes to a group's committed offsets and to the group itself: reset (preview, then apply exactly the
// previewed table), delete a topic's committed offsets, delete the group. Every change checks the
// profile's safety settings here in main, refuses groups with active members (classic or KIP-848: Kafka
// accepts admin commits only for empty groups) and share or streams groups, and wants the group id typed
// as confirmation. Tenancy (GROUP_EDIT / GROUP_DELETE) is checked by the channel guards before these run.
import type { Admin } from 'kafkajs';
import type { z } from 'zod';
import type Cluster from 'kafkajs/src/cluster/index.js';
import type { GroupType } from '../../../../shared/domain/groups/group-schemas';
import {
  ResetPlanError,
  explainPlanChange,
  planReset,
  resolveTarget,
  scopePartitions,
  type ResetPartitionFacts,
  type ResetPlan,
  type ResetRequest,
  type resetAppliedSchema,
  type resetApplyRequestSchema,
  type resetPreviewSchema,
} from '../../../../shared/domain/groups/offset-reset';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import { withAdminClient } from '../kafka/admin-session';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { openKafkaCluster } from '../kafka/protocol/fetch-cluster';
import { commitGroupOffsets, deleteGroupOffsets } from '../kafka/protocol/group-offset-writes';
import type { Clock } from '../ports';
import { assertActionAllowed } from '../topics/topic-service';
import { describeKafkaFailure, kafkaErrorType, principalOf, refuseBehindProxy } from '../topics/kafka-error-words';

/** What the changes need to know about the group first: its type, state and how many members it has now. */
export interface GroupState {
  type: GroupType;
  state: string;
  members: number;
  /** False when no broker lists the group: offsets may still be committed for it (Kafka creates it). */
  exists: boolean;
}

/** The groups service's describe, narrowed to what offset changes need (a port, so tests and the CLI can pass their own). */
export interface GroupStateReader {
  read(profileId: string, groupId: string): Promise<GroupState>;
}

export interface GroupOffsetsDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  factory: KafkaClientFactory;
  clock: Clock;
  groups: GroupStateReader;
  log?(line: string): void;
}

export type ResetPreview = z.infer<typeof resetPreviewSchema>;
export type ResetApplyRequest = z.infer<typeof resetApplyRequestSchema>;
export type ResetApplied = z.infer<typeof resetAppliedSchema>;

/** Group types whose committed offsets are not the consumer offsets these changes edit. */
const notResettable: Partial<Record<GroupType, string>> = {
  share: 'is a share group (KIP-932): its members share partitions and it keeps share-partition state, not committed consumer offsets, so resetting or deleting offsets does not apply',
  streams: 'is a Kafka Streams group (KIP-1071); reset it with the Streams reset tool, which also handles its internal topics',
};

export function createGroupOffsetsService(deps: GroupOffsetsDeps) {
  const withAdmin = <T>(settings: KafkaConnectionSettings, doing: string, work: (admin: Admin) => Promise<T>) => withAdminClient(deps.factory, settings, doing, work);
  const withCluster = async <T>(settings: KafkaConnectionSettings, doing: string, work: (cluster: Cluster) => Promise<T>): Promise<T> => {
    let cluster: Cluster | undefined;
    try {
      cluster = await openKafkaCluster(settings, deps.clock, {}, deps.log);
      return await work(cluster);
    } catch (error) {
      throw describeGroupFailure(error, doing, principalOf(settings));
    } finally {
      await cluster?.disconnect().catch(() => undefined);
    }
  };

  const refuseType = (groupId: string, group: GroupState, doing: string) => {
    const why = notResettable[group.type];
    if (why) throw new AppFailure('UNSUPPORTED', `${doing} refused: group '${groupId}' ${why}.`, { groupType: group.type });
  };
  const membersBlocker = (groupId: string, group: GroupState): string | null =>
    group.members === 0
      ? null
      : `Group '${groupId}' has ${group.members} active member${group.members === 1 ? '' : 's'} (${group.type === 'consumer' ? 'KIP-848 consumer protocol' : group.type}, state ${group.state}); Kafka changes offsets only while a group is empty, so stop its consumers first.`;
  const confirm = (groupId: string, confirmation: string, what: string) => {
    if (confirmation !== groupId) throw new AppFailure('INVALID_INPUT', `Type the group id '${groupId}' exactly to confirm ${what}; nothing was changed.`);
  };

  /** Reads what the plan needs and plans; the same code for preview and apply, so they can only differ by what Kafka says. */
  const plan = async (settings: KafkaConnectionSettings, request: ResetRequest): Promise<ResetPlan> => {
    const target = resolveTarget(request.target, deps.clock.now());
    let planError: ResetPlanError | undefined;
    const planned = await withAdmin(settings, `Planning the offset reset of '${request.groupId}'`, async (admin) => {
      try {
        return await readAndPlan(admin);
      } catch (error) {
        // Kept aside: the admin session would word it as a Kafka failure.
        if (!(error instanceof ResetPlanError)) throw error;
        planError = error;
        return null;
      }
    });
    if (planError) throw planError;
    return planned!;

    async function readAndPlan(admin: Admin): Promise<ResetPlan> {
      const scopeTopics = request.scope.kind === 'topic' ? [request.scope.topic] : null;
      const ranges = new Map<string, Map<number, { start: number; end: number }>>();
      const readRanges = (topics: string[]) =>
        Promise.all(
          topics.map(async (topic) => {
            try {
              ranges.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, { start: Number(entry.low), end: Number(entry.high) }])));
            } catch (error) {
              if (kafkaErrorType(error) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
              if (request.scope.kind === 'topic') throw new ResetPlanError(`Topic '${topic}' does not exist.`);
              throw new ResetPlanError(`The group has committed offsets for '${topic}', which no longer exists; delete those offsets first or reset one topic at a time.`);
            }
          }),
        );
      // A named topic is checked first, so a typo is answered with its name rather than kafkajs' lookup error.
      if (scopeTopics) await readRanges(scopeTopics);
      const committed = (await admin.fetchOffsets(scopeTopics ? { groupId: request.groupId, topics: scopeTopics } : { groupId: request.groupId }))
        .flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition, offset: Number(offset) })))
        .filter((entry) => entry.offset >= 0);
      if (!scopeTopics) await readRanges([...new Set(committed.map((entry) => entry.topic))]);
      const partitionLists = new Map([...ranges].map(([topic, byPartition]) => [topic, [...byPartition.keys()].sort((a, b) => a - b)]));
      const chosen = scopePartitions(request.scope, target, partitionLists, committed);
      const atTime = new Map<string, Map<number, number>>();
      if (target.kind === 'timestamp') {
        await Promise.all(
          [...new Set(chosen.map((entry) => entry.topic))].map(async (topic) => {
            atTime.set(topic, new Map((await admin.fetchTopicOffsetsByTimestamp(topic, target.timestamp)).map((entry) => [entry.partition, Number(entry.offset)])));
          }),
        );
      }
      const committedBy = new Map(committed.map((entry) => [`${entry.topic}-${entry.partition}`, entry.offset]));
      const facts: ResetPartitionFacts[] = chosen.map(({ topic, partition }) => {
        const range = ranges.get(topic)!.get(partition)!;
        const at = atTime.get(topic)?.get(partition);
        return { topic, partition, committed: committedBy.get(`${topic}-${partition}`) ?? null, ...range, ...(at === undefined ? {} : { atTimestamp: at }) };
      });
      return planReset(request.groupId, request.scope, target, facts, deps.clock.now());
    }
  };

  /** Plan problems (no such partition, a shift without commits) are the request's, not Kafka's: INVALID_INPUT in words. */
  const planOrExplain = async (settings: KafkaConnectionSettings, request: ResetRequest) => {
    try {
      return await plan(settings, request);
    } catch (error) {
      if (error instanceof ResetPlanError) throw new AppFailure('INVALID_INPUT', `Resetting the offsets of '${request.groupId}': ${error.message}`);
      throw error;
    }
  };

  return {
    /** The table a reset would commit, and what would block applying it now. Changes nothing. */
    async previewReset(request: ResetRequest): Promise<ResetPreview> {
      const profile = await deps.profiles.get(request.profileId);
      const settings = await deps.profiles.resolveConnection(request.profileId);
      const group = await deps.groups.read(request.profileId, request.groupId);
      refuseType(request.groupId, group, 'Resetting offsets');
      const preview = await planOrExplain(settings, request);
      const blockers: string[] = [];
      const members = membersBlocker(request.groupId, group);
      if (members) blockers.push(members);
      try {
        assertActionAllowed(profile, 'reset-offsets');
      } catch (error) {
        blockers.push((error as Error).message);
      }
      return { ...preview, group, blockers };
    },

    /** Commits exactly the previewed rows, in one OffsetCommit, or refuses and changes nothing. */
    async applyReset(request: ResetApplyRequest): Promise<ResetApplied> {
      confirm(request.groupId, request.confirmation, 'the offset reset');
      if (request.target.kind === 'ago') {
        throw new AppFailure('INVALID_INPUT', "Apply takes the preview's target, where 'N minutes ago' is already a timestamp; send the preview's target back unchanged.");
      }
      const profile = await deps.profiles.get(request.profileId);
      assertActionAllowed(profile, 'reset-offsets');
      const settings = await deps.profiles.resolveConnection(request.profileId);
      const group = await deps.groups.read(request.profileId, request.groupId);
      refuseType(request.groupId, group, 'Resetting offsets');
      const members = membersBlocker(request.groupId, group);
      if (members) throw new AppFailure('CONFLICT', `Resetting offsets refused: ${members}`, { members: group.members, state: group.state });

      const fresh = await planOrExplain(settings, request);
      if (fresh.fingerprint !== request.fingerprint) {
        const why = explainPlanChange(request.previewed, fresh.rows) ?? 'The plan differs from the preview; nothing was changed. Preview again.';
        throw new AppFailure('CONFLICT', why, { reason: 'plan-changed', fingerprint: fresh.fingerprint });
      }
      await withCluster(settings, `Resetting the offsets of '${request.groupId}'`, (cluster) =>
        commitGroupOffsets(cluster, request.groupId, fresh.rows.map(({ topic, partition, target }) => ({ topic, partition, offset: target }))),
      );
      const readBack = await withAdmin(settings, `Reading back the offsets of '${request.groupId}'`, async (admin) => {
        const topics = [...new Set(fresh.rows.map((row) => row.topic))];
        const offsets = await admin.fetchOffsets({ groupId: request.groupId, topics });
        const byKey = new Map(offsets.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => [`${topic}-${partition}`, Number(offset)] as const)));
        return fresh.rows.map(({ topic, partition }) => {
          const committed = byKey.get(`${topic}-${partition}`);
          return { topic, partition, committed: committed === undefined || committed < 0 ? null : committed };
        });
      });
      return { groupId: request.groupId, rows: fresh.rows, fingerprint: fresh.fingerprint, readBack };
    },

    /** OffsetDelete for one topic's partitions (all the group has committed when none are named). */
    async deleteOffsets({ profileId, groupId, topic, partitions, confirmation }: { profileId: string; groupId: string; topic: string; partitions?: number[] | undefined; confirmation: string }) {
      confirm(groupId, confirmation, `deleting the committed offsets of '${topic}'`);
      const profile = await deps.profiles.get(profileId);
      assertActionAllowed(profile, 'reset-offsets');
      const settings = await deps.profiles.resolveConnection(profileId);
      const group = await deps.groups.read(profileId, groupId);
      refuseType(groupId, group, 'Deleting committed offsets');
      const doing = `Deleting the committed offsets of '${groupId}' for '${topic}'`;
      const committed = await withAdmin(settings, doing, async (admin) =>
        (await admin.fetchOffsets({ groupId, topics: [topic] })).flatMap((entry) => entry.partitions.filter((partition) => Number(partition.offset) >= 0).map((partition) => partition.partition)),
      );
      const chosen = partitions ?? committed;
      const missing = chosen.filter((partition) => !committed.includes(partition));
      if (chosen.length === 0) throw new AppFailure('NOT_FOUND', `${doing}: the group has no committed offsets for '${topic}'.`);
      if (missing.length > 0) throw new AppFailure('NOT_FOUND', `${doing}: the group has no committed offset for partition ${missing.join(', ')}.`);
      const answer = await withCluster(settings, doing, (cluster) => deleteGroupOffsets(cluster, groupId, [{ topic, partitions: [...chosen].sort((a, b) => a - b) }]));
      if (answer.error) throw describeGroupFailure({ type: answer.error }, doing, principalOf(settings));
      const refused = answer.partitions.filter((partition) => partition.error !== null);
      if (refused.length > 0) {
        const type = refused[0]!.error!;
        if (type === 'GROUP_SUBSCRIBED_TO_TOPIC') {
          throw new AppFailure('CONFLICT', `${doing} refused: an active member of the group is subscribed to '${topic}'; stop it (or change its subscription) first. Nothing was deleted.`, { kafkaError: type });
        }
        throw describeGroupFailure({ type }, doing, principalOf(settings));
      }
      return { topic, partitions: answer.partitions.map((partition) => partition.partition).sort((a, b) => a - b) };
    },

    /** DeleteGroups for one empty group. */
    async deleteGroup({ profileId, groupId, confirmation }: { profileId: string; groupId: string; confirmation: string }) {
      confirm(groupId, confirmation, 'deleting the group');
      const profile = await deps.profiles.get(profileId);
      assertActionAllowed(profile, 'delete-groups');
      const settings = await deps.profiles.resolveConnection(profileId);
      refuseBehindProxy(settings, 'delete-groups');
      const group = await deps.groups.read(profileId, groupId);
      if (!group.exists) throw new AppFailure('NOT_FOUND', `Deleting group '${groupId}' failed: no broker lists such a group (or the profile's principal may not describe it).`);
      const members = membersBlocker(groupId, group);
      if (members) throw new AppFailure('CONFLICT', `Deleting the group refused: ${members.replace('Kafka changes offsets only while a group is empty', 'Kafka deletes only empty groups')}`, { members: group.members });
      const doing = `Deleting group '${groupId}'`;
      await withAdmin(settings, doing, async (admin) => {
        try {
          await admin.deleteGroups([groupId]);
        } catch (error) {
          throw describeGroupFailure(error, doing, principalOf(settings));
        }
      });
      return { deleted: true };
    },
  };
}

export type GroupOffsetsService = ReturnType<typeof createGroupOffsetsService>;

/** Group-specific refusals in words; everything else as the topic actions word it. */
function describeGroupFailure(error: unknown, doing: string, principal: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const type = kafkaErrorType(error) ?? (error as { groups?: { error?: { type?: string } }[] })?.groups?.[0]?.error?.type;
  switch (type) {
    case 'UNKNOWN_MEMBER_ID':
    case 'ILLEGAL_GENERATION':
    case 'STALE_MEMBER_EPOCH':
    case 'REBALANCE_IN_PROGRESS':
      return new AppFailure('CONFLICT', `${doing} failed: the group has active members now (${type}); Kafka changes offsets only while a group is empty. Nothing was changed.`, { kafkaError: type });
    case 'NON_EMPTY_GROUP':
      return new AppFailure('CONFLICT', `${doing} failed: the group is not empty (NON_EMPTY_GROUP); stop its consumers first.`, { kafkaError: type });
    case 'GROUP_ID_NOT_FOUND':
      return new AppFailure('NOT_FOUND', `${doing} failed: the group does not exist (GROUP_ID_NOT_FOUND).`, { kafkaError: type });
    case 'GROUP_AUTHORIZATION_FAILED':
      return new AppFailure('NOT_ALLOWED', `${doing} failed: ${principal} is not authorized on the group (GROUP_AUTHORIZATION_FAILED).`, { kafkaError: type });
    default:
      return describeKafkaFailure(type && !(error instanceof Error) ? Object.assign(new Error(type), { type }) : error, doing, principal);
  }
}
