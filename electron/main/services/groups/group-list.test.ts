import { describe, expect, it } from 'vitest';
import { describedPatch, lagPatches, listedRow } from './group-list';
import { groupErrorOf, groupKind, type ListedGroupAt } from './group-reads';

const listed = (groupId: string, type: string, protocolType = 'consumer'): ListedGroupAt => ({ groupId, type, protocolType, state: 'Empty', coordinator: 2, kind: groupKind({ type, protocolType }) });

describe('group rows', () => {
  it('name the type: classic, KIP-848 consumer, share, streams, simple (no protocol type) and unknown', () => {
    expect(['classic', 'consumer', 'share', 'streams', 'Consumer', 'future'].map((type) => groupKind({ type, protocolType: 'consumer' }))).toEqual([
      'classic', 'consumer', 'share', 'streams', 'consumer', 'unknown',
    ]);
    expect(groupKind({ type: 'classic', protocolType: '' })).toBe('simple');
    // Brokers before ListGroups v5 name no type: every group is classic there.
    expect(groupKind({ type: '', protocolType: 'connect' })).toBe('classic');
  });

  it('start with what ListGroups knows and nothing else', () => {
    expect(listedRow(listed('a', 'consumer'))).toEqual({
      groupId: 'a', type: 'consumer', brokerType: 'consumer', protocolType: 'consumer', protocol: null, state: 'Empty', members: null, topics: null,
      partitions: null, totalLag: null, maxLag: null, coordinator: 2, health: null, error: null,
    });
  });

  it('carry a describe error on the row, and lag from committed and end offsets', () => {
    const error = groupErrorOf('GROUP_AUTHORIZATION_FAILED', 'b', 'User:x');
    expect(error.message).toBe("User:x may not describe group 'b': it needs DESCRIBE on the group.");
    expect(describedPatch('b', { ok: false, error })).toEqual({ groupId: 'b', error });
    const groups = [listed('a', 'classic'), listed('b', 'classic'), listed('c', 'classic')];
    const committed = new Map([
      ['a', { ok: true as const, value: [{ topic: 't', partition: 0, offset: 4n, leaderEpoch: -1, metadata: null }, { topic: 'u', partition: 0, offset: 1n, leaderEpoch: -1, metadata: null }] }],
      ['b', { ok: false as const, error }],
      ['c', { ok: true as const, value: [{ topic: 'gone', partition: 0, offset: 1n, leaderEpoch: -1, metadata: null }] }],
    ]);
    const described = new Map([['b', { ok: false as const, error }]]);
    const { patches, unknownPartitions } = lagPatches(groups, committed, described, new Map([['t', [10n]]]));
    expect(patches).toEqual([
      // u's end offset is unknown: the totals hold what is known.
      { groupId: 'a', topics: ['t', 'u'], partitions: 2, totalLag: 6, maxLag: 6 },
      // The describe error is already on the row.
      { groupId: 'b', topics: [] },
      { groupId: 'c', topics: ['gone'], partitions: 1, totalLag: null, maxLag: null },
    ]);
    expect(unknownPartitions).toBe(2);
  });
});
