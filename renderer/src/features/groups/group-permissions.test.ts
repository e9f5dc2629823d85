import { describe, expect, it } from 'vitest';
import { decisionLookup } from '../tenancy/decisions';
import { groupActionRefusal, groupAskId, groupAsks } from './group-permissions';

const profile = (readOnly: boolean) => ({ name: 'bed', safety: { readOnly, allowedActions: ['reset-offsets', 'delete-groups'] } }) as never;
const group = (members = 0) => ({ groupId: 'pay-reader', type: 'classic', state: members ? 'Stable' : 'Empty', members: Array.from({ length: members }, () => ({ assignment: [] })) }) as never;

describe('group permissions with main’s decisions (issue 17)', () => {
  it('asks each action’s request for the group, and delete-offsets per topic with committed offsets', () => {
    expect(groupAsks('pay-reader', ['pay-events'])).toEqual([
      { id: 'groups:reset-apply', request: 'groups:reset-apply', input: { groupId: 'pay-reader' } },
      { id: 'groups:delete-offsets', request: 'groups:delete-offsets', input: { groupId: 'pay-reader' } },
      { id: 'groups:delete', request: 'groups:delete', input: { groupId: 'pay-reader' } },
      { id: 'groups:delete-offsets pay-events', request: 'groups:delete-offsets', input: { groupId: 'pay-reader', topic: 'pay-events' } },
    ]);
  });

  it('disables an action the tenant’s policy denies with main’s reason, after the profile’s own settings', () => {
    const asks = groupAsks('pay-reader', ['pay-events', 'audit']);
    const denied = "GROUP_DELETE on consumer group 'pay-reader' is denied by the policy file's policy 2.";
    const hidden = "Topic 'audit' is not part of tenant 'Payments'.";
    const decisions = decisionLookup(asks, [{ reason: null }, { reason: null }, { reason: denied }, { reason: null }, { reason: hidden }]);
    expect(groupActionRefusal(profile(false), group(), 'delete-group', undefined, decisions)).toBe(denied);
    expect(groupActionRefusal(profile(false), group(), 'reset-offsets', undefined, decisions)).toBeNull();
    expect(groupActionRefusal(profile(false), group(), 'delete-offsets', 'pay-events', decisions)).toBeNull();
    expect(groupActionRefusal(profile(false), group(), 'delete-offsets', 'audit', decisions)).toBe(hidden);
    // The profile's read-only setting comes first; the policy before Kafka's own refusal (active members).
    expect(groupActionRefusal(profile(true), group(), 'delete-group', undefined, decisions)).toBe("Profile 'bed' is read-only.");
    expect(groupActionRefusal(profile(false), group(2), 'delete-group', undefined, decisions)).toBe(denied);
    expect(groupActionRefusal(profile(false), group(2), 'reset-offsets', undefined, decisions)).toMatch(/has 2 active members/);
    // Unanswered (no policy file, or not answered yet): only the other checks apply.
    expect(groupActionRefusal(profile(false), group(), 'delete-group', undefined, decisionLookup(asks, undefined))).toBeNull();
    expect(groupAskId('delete-offsets', 'audit')).toBe('groups:delete-offsets audit');
  });
});
