// Why a group action is unavailable, for disabled buttons and their tooltips: the profile's safety
// settings, what main's tenancy guards answered ahead for the request (tenancy:decisions: the tenant's
// GROUP_EDIT / GROUP_DELETE policies) and what Kafka itself would refuse (members present, share groups).
// Main checks all of it again; this only spares the user a request that would be refused.
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { topicPermissions } from '../topics/topic-permissions';

export type GroupAction = 'reset-offsets' | 'delete-offsets' | 'delete-group';

type GroupFacts = Pick<GroupDetail, 'groupId' | 'type' | 'state' | 'members'>;

const profileActionOf = { 'reset-offsets': 'reset-offsets', 'delete-offsets': 'reset-offsets', 'delete-group': 'delete-groups' } as const;

/** The request each action makes, as main's guards decide it. */
export const groupRequestOf = { 'reset-offsets': 'groups:reset-apply', 'delete-offsets': 'groups:delete-offsets', 'delete-group': 'groups:delete' } as const;

/** What is asked ahead for one group: each action's request, and delete-offsets per topic with committed offsets. */
export function groupAsks(groupId: string, offsetTopics: readonly string[]): Array<{ id: string; request: string; input: Record<string, unknown> }> {
  return [
    ...Object.values(groupRequestOf).map((request) => ({ id: request, request, input: { groupId } })),
    ...offsetTopics.map((topic) => ({ id: groupAskId('delete-offsets', topic), request: groupRequestOf['delete-offsets'], input: { groupId, topic } })),
  ];
}

/** The id of an action's answer among groupAsks'. */
export function groupAskId(action: GroupAction, topic?: string): string {
  return topic === undefined ? groupRequestOf[action] : `${groupRequestOf[action]} ${topic}`;
}

/**
 * Null when allowed, else the reason in words. `topic` narrows delete-offsets to one topic. `decisions`
 * looks up main's answers to groupAsks by groupAskId (null while unanswered or outside a policy).
 */
export function groupActionRefusal(
  profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined,
  group: GroupFacts | undefined,
  action: GroupAction,
  topic?: string,
  decisions?: (id: string) => string | null,
): string | null {
  const denied = topicPermissions(profile)(profileActionOf[action]);
  if (denied) return denied;
  const policy = decisions?.(groupAskId(action)) ?? (topic === undefined ? null : (decisions?.(groupAskId(action, topic)) ?? null));
  if (policy) return policy;
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
