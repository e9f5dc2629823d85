import { describe, expect, it } from 'vitest';
import { decodeAlterReassignments, decodeDescribeCluster, decodeDescribeQuorum, decodeElectLeaders, encodeAlterReassignments, encodeDescribeCluster, encodeElectLeaders } from './cluster-apis';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';

/** A response as a broker sends it after kafkajs strips the correlation id: header tagged fields first. */
const response = () => new FlexibleWriter().taggedFields();

describe('DescribeCluster', () => {
  it('asks for fenced brokers at v2 only', () => {
    expect([...encodeDescribeCluster(2)]).toEqual([0, 0, 1, 1, 0]);
    expect([...encodeDescribeCluster(0)]).toEqual([0, 0, 0]);
  });

  it('reads brokers with rack and fencing', () => {
    const raw = response()
      .int32(0)
      .int16(0)
      .compactNullableString(null)
      .int8(1)
      .compactString('cluster-x')
      .int32(2)
      .compactArray([{ id: 1, fenced: false, rack: 'a' }, { id: 2, fenced: true, rack: null }], (w, broker) => w.int32(broker.id).compactString('127.0.0.1').int32(9092 + broker.id).compactNullableString(broker.rack).bool(broker.fenced).taggedFields())
      .int32(-2147483648)
      .taggedFields()
      .toBuffer();
    expect(decodeDescribeCluster(2, raw)).toEqual({
      errorCode: 0,
      errorMessage: null,
      clusterId: 'cluster-x',
      controllerId: 2,
      listsFenced: true,
      brokers: [
        { brokerId: 1, host: '127.0.0.1', port: 9093, rack: 'a', fenced: false },
        { brokerId: 2, host: '127.0.0.1', port: 9094, rack: null, fenced: true },
      ],
    });
  });
});

describe('DescribeQuorum', () => {
  const replica = (w: FlexibleWriter, id: number, end: number, version: number) => {
    w.int32(id);
    if (version >= 2) w.raw(Buffer.alloc(16));
    w.raw(Buffer.from(new BigInt64Array([BigInt(end)]).buffer).reverse());
    if (version >= 1) w.raw(Buffer.from(new BigInt64Array([1000n]).buffer).reverse()).raw(Buffer.from(new BigInt64Array([-1n]).buffer).reverse());
    w.taggedFields();
  };
  for (const version of [0, 1, 2]) {
    it(`reads the leader, voters and observers at v${version}`, () => {
      const writer = response().int16(0);
      if (version >= 2) writer.compactNullableString(null);
      writer.compactArray(['__cluster_metadata'], (t, name) =>
        t
          .compactString(name)
          .compactArray([0], (p) => {
            p.int32(0).int16(0);
            if (version >= 2) p.compactNullableString(null);
            p.int32(3).int32(7).raw(Buffer.from(new BigInt64Array([120n]).buffer).reverse());
            p.compactArray([3, 1], (v, id) => replica(v, id, id === 3 ? 120 : 110, version));
            p.compactArray([4], (o, id) => replica(o, id, 100, version));
            p.taggedFields();
          })
          .taggedFields(),
      );
      if (version >= 2) writer.compactArray([3], (n, id) => n.int32(id).compactArray([0], (l) => l.compactString('CONTROLLER').compactString('localhost').int16(0x9c40 - 0x10000).taggedFields()).taggedFields());
      const quorum = decodeDescribeQuorum(version, writer.taggedFields().toBuffer());
      expect(quorum).toMatchObject({ errorCode: 0, leaderId: 3, leaderEpoch: 7, highWatermark: 120 });
      expect(quorum.voters.map((voter) => [voter.replicaId, voter.logEndOffset, voter.lastFetchTimestamp, voter.lastCaughtUpTimestamp])).toEqual([
        [3, 120, version >= 1 ? 1000 : null, null],
        [1, 110, version >= 1 ? 1000 : null, null],
      ]);
      expect(quorum.observers.map((observer) => observer.replicaId)).toEqual([4]);
      if (version >= 2) expect(quorum.nodes).toEqual([{ nodeId: 3, listeners: [{ name: 'CONTROLLER', host: 'localhost', port: 40000 }] }]);
    });
  }
});

describe('ElectLeaders and AlterPartitionReassignments', () => {
  it('encodes null for every partition and a cancel as a null replica list', () => {
    const all = new FlexibleReader(encodeElectLeaders(null, 5000));
    all.skipTaggedFields();
    expect([all.int8(), all.uvarint(), all.int32()]).toEqual([0, 0, 5000]);

    const cancel = new FlexibleReader(encodeAlterReassignments('t', [{ partition: 2, replicas: null }, { partition: 3, replicas: [1, 2] }], 1000));
    cancel.skipTaggedFields();
    expect(cancel.int32()).toBe(1000);
    expect(cancel.uvarint()).toBe(2);
    expect(cancel.compactString()).toBe('t');
    expect(cancel.uvarint()).toBe(3);
    expect([cancel.int32(), cancel.uvarint()]).toEqual([2, 0]);
    cancel.skipTaggedFields();
    expect([cancel.int32(), ...cancel.compactInt32Array()]).toEqual([3, 1, 2]);
  });

  it('reads per-partition outcomes', () => {
    const elected = response()
      .int32(0)
      .int16(0)
      .compactArray(['orders'], (t, topic) => t.compactString(topic).compactArray([[0, 0], [1, 84]], (p, [partition, code]) => p.int32(partition!).int16(code!).compactNullableString(code ? 'not needed' : null).taggedFields()).taggedFields())
      .taggedFields()
      .toBuffer();
    expect(decodeElectLeaders(elected)).toEqual({ errorCode: 0, results: [{ topic: 'orders', partition: 0, errorCode: 0, errorMessage: null }, { topic: 'orders', partition: 1, errorCode: 84, errorMessage: 'not needed' }] });
    const moved = response()
      .int32(0)
      .int16(0)
      .compactNullableString(null)
      .compactArray(['orders'], (t, topic) => t.compactString(topic).compactArray([0], (p, partition) => p.int32(partition).int16(85).compactNullableString('no reassignment').taggedFields()).taggedFields())
      .taggedFields()
      .toBuffer();
    expect(decodeAlterReassignments(moved)).toEqual({ errorCode: 0, errorMessage: null, partitions: [{ topic: 'orders', partition: 0, errorCode: 85, errorMessage: 'no reassignment' }] });
  });
});
