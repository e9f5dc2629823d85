import { describe, expect, it } from 'vitest';
import { decodeOffsetDelete, encodeOffsetDelete } from './group-offset-writes';

describe('OffsetDelete v0', () => {
  it('encodes group_id and topics with their partitions', () => {
    const bytes = encodeOffsetDelete('g1', [{ topic: 'ab', partitions: [0, 7] }]);
    expect([...bytes]).toEqual([0, 2, 0x67, 0x31, 0, 0, 0, 1, 0, 2, 0x61, 0x62, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7]);
  });

  it('decodes the group error and per-partition errors by name', () => {
    // error_code 0, throttle 0, one topic "ab" with partition 0 ok and partition 7 GROUP_SUBSCRIBED_TO_TOPIC (86).
    const raw = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0x61, 0x62, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 86]);
    expect(decodeOffsetDelete(raw)).toEqual({
      error: null,
      partitions: [
        { topic: 'ab', partition: 0, error: null },
        { topic: 'ab', partition: 7, error: 'GROUP_SUBSCRIBED_TO_TOPIC' },
      ],
    });
    // GROUP_ID_NOT_FOUND (69) for the whole request.
    expect(decodeOffsetDelete(Buffer.from([0, 69, 0, 0, 0, 0, 0, 0, 0, 0])).error).toBe('GROUP_ID_NOT_FOUND');
  });
});
