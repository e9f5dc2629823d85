import { describe, expect, it } from 'vitest';
import type { GroupDetail, GroupPartitionOffset } from '../../../../shared/domain/groups/group-schemas';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { formatAssignment, formatRecordRate, offsetsByTopic, reconciling } from './group-detail-model';
import { groupActionRefusal } from './group-permissions';

const offset = (topic: string, partition: number, lag: number | null, consumptionRate: number | null = 1): GroupPartitionOffset => ({
  topic,
  partition,
  committed: 0,
  end: lag,
  lag,
  metadata: null,
  leaderEpoch: null,
  owner: null,
  consumptionRate,
});

const member = (overrides: Partial<GroupDetail['members'][number]> = {}): GroupDetail['members'][number] => ({
  memberId: 'm-1',
  instanceId: null,
  clientId: 'app',
  host: '/127.0.0.1',
  rackId: null,
  memberEpoch: null,
  subscribedTopics: ['orders'],
  assignment: [{ topic: 'orders', partitions: [0] }],
  targetAssignment: null,
  ...overrides,
});

const profile = (safety: ConnectionProfile['safety']) => ({ name: 'bed', safety });
const writable = profile({ readOnly: false, allowedActions: ['reset-offsets', 'delete-groups'] });
const group = (overrides: Partial<Pick<GroupDetail, 'type' | 'members' | 'state'>> = {}) => ({ groupId: 'billing', type: 'classic' as const, state: 'Empty', members: [], ...overrides });

describe('group detail model', () => {
  it('groups partitions by topic with totals that stay unknown when one part is', () => {
    const topics = offsetsByTopic([offset('orders', 1, 5), offset('audit', 0, 2, null), offset('orders', 0, 3)]);
    expect(topics.map((entry) => [entry.topic, entry.partitions.map((partition) => partition.partition), entry.lag, entry.consumptionRate])).toEqual([
      ['audit', [0], 2, null],
      ['orders', [0, 1], 8, 2],
    ]);
    expect(offsetsByTopic([offset('orders', 0, null), offset('orders', 1, 4)])[0]!.lag).toBeNull();
  });

  it('collapses partition runs in assignments', () => {
    expect(formatAssignment([{ topic: 'orders', partitions: [3, 0, 1, 2, 7, 9, 10] }, { topic: 'audit', partitions: [1] }, { topic: 'empty', partitions: [] }])).toBe('orders 0-3, 7, 9-10; audit 1');
    expect(formatAssignment([])).toBe('nothing');
    expect(formatAssignment(null)).toBe('—');
  });

  it('sees a KIP-848 member that has not reconciled to its target', () => {
    expect(reconciling([{ topic: 'a', partitions: [0, 1] }], [{ topic: 'a', partitions: [1, 0] }])).toBe(false);
    expect(reconciling([{ topic: 'a', partitions: [0, 1] }], [{ topic: 'a', partitions: [0] }])).toBe(true);
    expect(reconciling([{ topic: 'a', partitions: [0] }], null)).toBe(false);
  });

  it('formats rates, never turning an unmeasured one into 0', () => {
    expect(formatRecordRate(null)).toBe('—');
    expect(formatRecordRate(0)).toBe('0/s');
    expect(formatRecordRate(12.345)).toBe('12.3/s');
    expect(formatRecordRate(45_600)).toBe('45.6K/s');
  });
});

describe('group action refusals', () => {
  it('follows the profile: read-only, or an action not allowed', () => {
    expect(groupActionRefusal(profile({ readOnly: true, allowedActions: ['reset-offsets'] }), group(), 'reset-offsets')).toBe("Profile 'bed' is read-only.");
    expect(groupActionRefusal(profile({ readOnly: false, allowedActions: ['reset-offsets'] }), group(), 'delete-group')).toBe("Profile 'bed' does not allow 'delete-groups'.");
    expect(groupActionRefusal(undefined, group(), 'reset-offsets')).toBe('Loading the profile…');
    expect(groupActionRefusal(writable, group(), 'reset-offsets')).toBeNull();
  });

  it('refuses while members are connected, and for share groups', () => {
    const active = group({ state: 'Stable', members: [member(), member({ memberId: 'm-2' })] });
    expect(groupActionRefusal(writable, active, 'reset-offsets')).toBe('billing has 2 active members (state Stable); Kafka refuses changing its offsets while members are connected. Stop the consumers first.');
    expect(groupActionRefusal(writable, active, 'delete-group')).toMatch(/refuses deleting the group while members are connected/);
    expect(groupActionRefusal(writable, group({ type: 'share' }), 'reset-offsets')).toMatch(/is a share group/);
  });

  it('allows deleting offsets of a topic no live member reads', () => {
    const active = group({ state: 'Stable', members: [member()] });
    expect(groupActionRefusal(writable, active, 'delete-offsets', 'orders')).toBe('billing has 1 active member reading orders; stop them before deleting its committed offsets.');
    expect(groupActionRefusal(writable, active, 'delete-offsets', 'old-topic')).toBeNull();
  });
});
