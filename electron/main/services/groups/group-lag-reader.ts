// The lag sampler's reads, over the groups service's session: ListGroups once per broker (type, state,
// coordinator), members from the batched describes, committed offsets with one OffsetFetch per
// coordinator for all watched groups, end offsets with one ListOffsets per leader for the union.
// Also the offset changes' view of one group (type, state, member count).
import { AppFailure } from '../../../../shared/ipc/result';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import type { Clock } from '../ports';
import type { GroupState, GroupStateReader } from './group-offsets';
import type { LagSnapshot, LagSnapshotGroup, LagSnapshotReader } from './group-lag-history';
import { locateGroup, withGroupSession } from './group-service';

export interface GroupReadDeps {
  profiles: { resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  clock: Clock;
  log?(line: string): void;
}

export function createLagSnapshotReader(deps: GroupReadDeps): LagSnapshotReader {
  return {
    async read(profileId, groupIds) {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withGroupSession(settings, deps, 'Sampling consumer group lag', async (session): Promise<LagSnapshot> => {
        const { groups: listed } = await session.listAll();
        const wanted = new Set(groupIds);
        const watched = listed.filter((group) => wanted.has(group.groupId));
        const [described, committed] = await Promise.all([session.describe(watched), session.committed(watched.filter((group) => group.kind !== 'share'))]);
        const union = [...committed.values()].flatMap((outcome) => (outcome.ok ? outcome.value : []));
        const ends = await session.endOffsets(union);
        const at = deps.clock.now();
        const result = new Map<string, LagSnapshotGroup>();
        for (const groupId of groupIds) result.set(groupId, { members: null, partitions: [], error: `Group '${groupId}' is not listed by any broker (deleted, or not visible to ${session.principal}).` });
        for (const group of watched) {
          const description = described.get(group.groupId);
          const members = description?.ok ? description.value.members.length : null;
          if (group.kind === 'share') {
            result.set(group.groupId, { members, partitions: [], error: null });
            continue;
          }
          const outcome = committed.get(group.groupId);
          if (!outcome?.ok) {
            result.set(group.groupId, { members, partitions: [], error: outcome?.error.message ?? 'The coordinator did not answer.' });
            continue;
          }
          result.set(group.groupId, {
            members,
            partitions: outcome.value.map(({ topic, partition, offset }) => {
              const end = ends.offsets.get(topic)?.[partition];
              return { topic, partition, committed: Number(offset), end: end === undefined ? null : Number(end) };
            }),
            error: null,
          });
        }
        return { at, groups: result };
      });
    },
  };
}

/** Type, state and member count of one group; a group no broker lists is an empty simple group to be (offsets may still be committed for it). */
export function createGroupStateReader(deps: GroupReadDeps): GroupStateReader {
  return {
    async read(profileId, groupId): Promise<GroupState> {
      const settings = await deps.profiles.resolveConnection(profileId);
      return withGroupSession(settings, deps, `Describing group '${groupId}'`, async (session) => {
        let group;
        try {
          group = await locateGroup(session, groupId);
        } catch (error) {
          if (error instanceof AppFailure && error.code === 'NOT_FOUND') return { type: 'simple', state: 'Dead', members: 0, exists: false };
          throw error;
        }
        const outcome = (await session.describe([group])).get(groupId);
        if (!outcome?.ok) {
          throw new AppFailure(outcome?.error.code === 'GROUP_AUTHORIZATION_FAILED' ? 'NOT_ALLOWED' : 'KAFKA_ERROR', outcome?.error.message ?? `Group '${groupId}' could not be described.`);
        }
        return { type: group.kind, state: outcome.value.state, members: outcome.value.members.length, exists: true };
      });
    },
  };
}
