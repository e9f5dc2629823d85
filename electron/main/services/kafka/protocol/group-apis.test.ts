import { describe, expect, it } from 'vitest';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';
import { captured } from './group-apis.captures';
import {
  decodeConsumerAssignment,
  decodeConsumerSubscriptionTopics,
  decodeDescribeGroups,
  decodeDescribeShareGroupOffsets,
  encodeDescribeShareGroupOffsets,
  decodeFindCoordinators,
  decodeListGroups,
  decodeNewProtocolDescribe,
  decodeOffsetFetch,
  encodeDescribeGroups,
  encodeFindCoordinators,
  encodeListGroups,
  encodeOffsetFetch,
  negotiatedVersion,
} from './group-apis';

describe('the flexible codec', () => {
  it('writes and reads unsigned varints across byte boundaries', () => {
    for (const value of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 28 + 5]) {
      const bytes = new FlexibleWriter().uvarint(value).toBuffer();
      expect(new FlexibleReader(bytes).uvarint()).toBe(value);
    }
    expect([...new FlexibleWriter().uvarint(300).toBuffer()]).toEqual([0xac, 0x02]);
  });

  it('encodes compact strings as length + 1 and null as 0', () => {
    expect([...new FlexibleWriter().compactString('ab').compactNullableString(null).toBuffer()]).toEqual([3, 0x61, 0x62, 0]);
    const reader = new FlexibleReader(Buffer.from([3, 0x61, 0x62, 0, 1]));
    expect([reader.compactString(), reader.compactNullableString(), reader.compactString()]).toEqual(['ab', null, '']);
  });

  it('skips tagged fields it does not know and says where a truncated response ends', () => {
    // Two tagged fields (tag 0: 2 bytes, tag 5: 1 byte), then an int16.
    const reader = new FlexibleReader(Buffer.from([2, 0, 2, 0xaa, 0xbb, 5, 1, 0xcc, 0x00, 0x07]));
    reader.skipTaggedFields();
    expect(reader.int16()).toBe(7);
    expect(() => new FlexibleReader(Buffer.from([0, 0])).int32()).toThrow('Truncated Kafka response: 4 byte(s) needed at offset 0 of 2.');
  });
});

describe('group API requests', () => {
  it('start with the request header tagged fields and carry the fields of their version', () => {
    expect([...encodeListGroups(5)]).toEqual([0, 1, 1, 0]);
    expect([...encodeListGroups(4)]).toEqual([0, 1, 0]);
    expect([...encodeListGroups(3)]).toEqual([0, 0]);
    // key_type 0 (group), two keys, tagged fields.
    expect([...encodeFindCoordinators(['a', 'bc'])]).toEqual([0, 0, 3, 2, 0x61, 3, 0x62, 0x63, 0]);
    // groups ["g"], include_authorized_operations false.
    expect([...encodeDescribeGroups(['g'])]).toEqual([0, 2, 2, 0x67, 0, 0]);
    // v8: group "g" with topics null (all), tagged; require_stable false; tagged.
    expect([...encodeOffsetFetch(8, ['g'])]).toEqual([0, 2, 2, 0x67, 0, 0, 0, 0]);
    // v9 adds member_id null and member_epoch −1: read as an admin.
    expect([...encodeOffsetFetch(9, ['g'])]).toEqual([0, 2, 2, 0x67, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
  });

  it('negotiate the highest version both sides implement, or none', () => {
    const broker = (ranges: Record<number, { minVersion: number; maxVersion: number }>) => ({ versions: ranges });
    expect(negotiatedVersion(broker({ 9: { minVersion: 1, maxVersion: 10 } }), 'OffsetFetch')).toBe(9);
    expect(negotiatedVersion(broker({ 9: { minVersion: 0, maxVersion: 7 } }), 'OffsetFetch')).toBeNull();
    expect(negotiatedVersion(broker({ 16: { minVersion: 0, maxVersion: 4 } }), 'ListGroups')).toBe(4);
    expect(negotiatedVersion(broker({}), 'ConsumerGroupDescribe')).toBeNull();
    expect(negotiatedVersion({ versions: null }, 'ListGroups')).toBeNull();
  });
});

describe('group API responses captured from Kafka 4.3.1', () => {
  it('DescribeGroups v6: a classic group with a live range-assigned member, and the error for a KIP-848 group', () => {
    const [notClassic, classic] = decodeDescribeGroups(6, captured.describeGroupsV6);
    expect(notClassic).toMatchObject({ errorCode: 69, errorMessage: 'Group gsmoke-consumer is not a classic group.', groupId: 'gsmoke-consumer', state: 'Dead', members: [] });
    expect(classic).toMatchObject({ errorCode: 0, errorMessage: null, groupId: 'gcap-classic', state: 'Stable', protocolType: 'consumer', protocol: 'range' });
    const [member] = classic!.members;
    expect(member).toMatchObject({ instanceId: null, clientId: 'console-consumer', host: '/127.0.0.1' });
    expect(member!.memberId).toMatch(/^console-consumer-[0-9a-f-]{36}$/);
    expect(decodeConsumerSubscriptionTopics(member!.metadata)).toEqual(['gsmoke-t']);
    expect(decodeConsumerAssignment(member!.assignment)).toEqual([{ topic: 'gsmoke-t', partitions: [0, 1, 2] }]);
  });

  it('ConsumerGroupDescribe v0: member epoch, assignment and target assignment with topic ids', () => {
    const [group] = decodeNewProtocolDescribe('consumer', captured.consumerGroupDescribeV0);
    expect(group).toMatchObject({ errorCode: 0, errorMessage: null, groupId: 'gcap-848', state: 'Stable', groupEpoch: 6, assignmentEpoch: 6, assignor: 'uniform' });
    const [member] = group!.members;
    const assigned = [{ topicId: '4056c6e2fdd54b3f9b513b292b248cd2', topic: 'gsmoke-t', partitions: [0, 1, 2] }];
    expect(member).toEqual({
      memberId: 'Fmj09ZbsTOWNtFdTySoN9A',
      instanceId: null,
      rackId: null,
      memberEpoch: 6,
      clientId: 'console-consumer',
      host: '/127.0.0.1',
      subscribedTopics: ['gsmoke-t'],
      subscribedTopicRegex: '',
      assignment: assigned,
      targetAssignment: assigned,
    });
  });

  it('ShareGroupDescribe v1: a share member just joined, before its assignment (no instance id, regex or target assignment in this API)', () => {
    const [group] = decodeNewProtocolDescribe('share', captured.shareGroupDescribeV1);
    expect(group).toMatchObject({ errorCode: 0, groupId: 'gcap-share', state: 'Stable', groupEpoch: 2, assignor: 'simple' });
    expect(group!.members[0]).toMatchObject({ memberEpoch: 2, clientId: 'console-share-consumer', subscribedTopics: ['gsmoke-t'], instanceId: null, assignment: [], targetAssignment: null });
  });

  it('OffsetFetch v9: three groups in one answer, with leader epochs, metadata and a group without commits', () => {
    const groups = decodeOffsetFetch(captured.offsetFetchV9);
    expect(groups.map(({ groupId, errorCode, partitions }) => ({ groupId, errorCode, count: partitions.length }))).toEqual([
      { groupId: 'gsmoke-consumer', errorCode: 0, count: 3 },
      { groupId: 'gsmoke-simple', errorCode: 0, count: 2 },
      { groupId: 'gcap-none', errorCode: 0, count: 0 },
    ]);
    expect(groups[0]!.partitions.find((entry) => entry.partition === 0)).toEqual({ topic: 'gsmoke-t', partition: 0, offset: 6n, leaderEpoch: 0, metadata: '', errorCode: 0 });
    expect(groups[1]!.partitions).toEqual([
      { topic: 'gsmoke-t', partition: 0, offset: 5n, leaderEpoch: -1, metadata: '', errorCode: 0 },
      { topic: 'gsmoke-t', partition: 1, offset: 2n, leaderEpoch: -1, metadata: '', errorCode: 0 },
    ]);
  });

  it('FindCoordinator v4: one coordinator per key', () => {
    expect(decodeFindCoordinators(captured.findCoordinatorV4).map(({ key, nodeId, host, errorCode }) => ({ key, nodeId, host, errorCode }))).toEqual([
      { key: 'gsmoke-consumer', nodeId: 1, host: '127.0.0.1', errorCode: 0 },
      { key: 'gcap-share', nodeId: 1, host: '127.0.0.1', errorCode: 0 },
    ]);
  });

  it('ListGroups v3–v5: state from v4, type from v5 (known shape)', () => {
    const body = (version: number) => {
      const writer = new FlexibleWriter().taggedFields().int32(0).int16(0);
      writer.compactArray(['a', 'b'], (w, id) => {
        w.compactString(id).compactString(id === 'a' ? 'consumer' : '');
        if (version >= 4) w.compactString('Empty');
        if (version >= 5) w.compactString(id === 'a' ? 'consumer' : 'classic');
        w.taggedFields();
      });
      return writer.taggedFields().toBuffer();
    };
    expect(decodeListGroups(5, body(5)).groups).toEqual([
      { groupId: 'a', protocolType: 'consumer', state: 'Empty', type: 'consumer' },
      { groupId: 'b', protocolType: '', state: 'Empty', type: 'classic' },
    ]);
    expect(decodeListGroups(3, body(3)).groups[1]).toEqual({ groupId: 'b', protocolType: '', state: '', type: '' });
  });

  it('DescribeShareGroupOffsets v0: share-partition start offsets in the OffsetFetch shape (known shape)', () => {
    // groups ["s"] with topics null (every topic).
    expect([...encodeDescribeShareGroupOffsets(['s'])]).toEqual([0, 2, 2, 0x73, 0, 0, 0]);
    const topicId = Buffer.alloc(16, 0xab);
    const body = new FlexibleWriter().taggedFields().int32(0);
    body.compactArray(['s'], (w, id) => {
      w.compactString(id);
      w.compactArray(['t'], (topicWriter, topic) => {
        topicWriter.compactString(topic).raw(topicId);
        topicWriter.compactArray([0, 1], (p, partition) => p.int32(partition).int32(0).int32(partition === 0 ? 7 : 5).int32(3).int16(0).compactNullableString(null).taggedFields());
        topicWriter.taggedFields();
      });
      w.int16(0).compactNullableString(null).taggedFields();
    });
    expect(decodeDescribeShareGroupOffsets(body.taggedFields().toBuffer())).toEqual([
      {
        groupId: 's',
        errorCode: 0,
        partitions: [
          { topic: 't', partition: 0, offset: 7n, leaderEpoch: 3, metadata: null, errorCode: 0 },
          { topic: 't', partition: 1, offset: 5n, leaderEpoch: 3, metadata: null, errorCode: 0 },
        ],
      },
    ]);
  });

  it('refuses consumer-protocol bytes that are not that format instead of inventing an assignment', () => {
    expect(decodeConsumerAssignment(Buffer.from([0, 0, 0x7f, 0xff, 0xff, 0xff]))).toBeNull();
    expect(decodeConsumerAssignment(Buffer.alloc(0))).toEqual([]);
    expect(decodeConsumerSubscriptionTopics(Buffer.from([0, 1]))).toBeNull();
  });
});
