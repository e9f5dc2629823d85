// Why a group action is unavailable, for disabled buttons and their tooltips: the profile's safety
// settings and what Kafka itself would refuse (members present, share groups). Main checks all of it
// again, plus the tenant's policies; this only spares the user a request that would be refused.
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { topicPermissions } from '../topics/topic-permissions';

export type GroupAction = 'reset-offsets' | 'delete-offsets' | 'delete-group';

type GroupFacts = Pick<GroupDetail, 'groupId' | 'type' | 'state' | 'members'>;

const profileActionOf = { 'reset-offsets': 'reset-offsets', 'delete-offsets': 'reset-offsets', 'delete-group': 'delete-groups' } as const;

/** Null when allowed, else the reason in words. `topic` narrows delete-offsets to one topic. */
export function groupActionRefusal(profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined, group: GroupFacts | undefined, action: GroupAction, topic?: string): string | null {
  const denied = topicPermissions(profile)(profileActionOf[action]);
  if (denied) return denied;
  if (!group) return 'Loading the group…';
  if (group.type === 'share' && action !== 'delete-group') return `${group.groupId} is a share group: share groups keep no per-consumer committed offsets to reset or delete here.`;
  if (group.type === 'streams' || group.type === 'unknown') return `Odradek does not change offsets or delete groups of type '${group.type}' yet.`;
  const members = group.members.length;
  if (members === 0) return null;
  const who = members === 1 ? '1 active member' : `${members} active members`;
  if (action === 'delete-offsets' && topic !== undefined) {
    // Kafka refuses OffsetDelete only for topics the live members subscribe to (GROUP_SUBSCRIBED_TO_TOPIC).
    const reading = group.members.some((member) => (member.subscribedTopics ?? []).includes(topic) || member.assignment.some((entry) => entry.topic === topic));
    return reading ? `${group.groupId} has ${who} reading ${topic}; stop them before deleting its committed offsets.` : null;
  }
  const verb = action === 'delete-group' ? 'deleting the group' : 'changing its offsets';
  return `${group.groupId} has ${who} (state ${group.state}); Kafka refuses ${verb} while members are connected. Stop the consumers first.`;
}
