import { describe, expect, it } from 'vitest';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';
import { decodeAlterClientQuotas, decodeDescribeClientQuotas, encodeAlterClientQuotas, encodeDescribeClientQuotas } from './client-quota-apis';

describe('client quota codecs (v1, flexible)', () => {
  it('writes DescribeClientQuotas components, strict flag and tagged fields', () => {
    const body = encodeDescribeClientQuotas([{ entityType: 'user', match: { kind: 'exact', name: 'alice' } }, { entityType: 'client-id', match: { kind: 'default' } }], true);
    const reader = new FlexibleReader(body);
    reader.skipTaggedFields(); // request header
    const components = reader.compactArray((entry) => {
      const value = { type: entry.compactString(), match: entry.int8(), name: entry.compactNullableString() };
      entry.skipTaggedFields();
      return value;
    });
    expect(components).toEqual([
      { type: 'user', match: 0, name: 'alice' },
      { type: 'client-id', match: 1, name: null },
    ]);
    expect(reader.bool()).toBe(true);
    reader.skipTaggedFields();
    expect(reader.offset).toBe(body.length);
  });

  it('reads a DescribeClientQuotas response with doubles and a null (default) entity name', () => {
    const raw = new FlexibleWriter()
      .taggedFields() // response header
      .int32(0)
      .int16(0)
      .compactNullableString(null)
      .compactArray([0], (writer) => {
        writer.compactArray([['user', 'alice'] as const, ['client-id', null] as const], (entity, [type, name]) => entity.compactString(type).compactNullableString(name).taggedFields());
        writer.compactArray([['producer_byte_rate', 1048576.5] as const], (values, [key, value]) => values.compactString(key).float64(value).taggedFields());
        writer.taggedFields();
      })
      .taggedFields()
      .toBuffer();
    expect(decodeDescribeClientQuotas(raw)).toEqual({
      errorCode: 0,
      errorMessage: null,
      entries: [{ entity: [{ entityType: 'user', entityName: 'alice' }, { entityType: 'client-id', entityName: null }], values: { producer_byte_rate: 1048576.5 } }],
    });
  });

  it('writes AlterClientQuotas ops and reads per-entity errors', () => {
    const body = encodeAlterClientQuotas([{ entity: [{ entityType: 'user', entityName: null }], ops: [{ key: 'consumer_byte_rate', value: 10, remove: false }, { key: 'request_percentage', value: 0, remove: true }] }], false);
    const reader = new FlexibleReader(body);
    reader.skipTaggedFields();
    const entries = reader.compactArray((entry) => {
      const entity = entry.compactArray((part) => {
        const value = [part.compactString(), part.compactNullableString()];
        part.skipTaggedFields();
        return value;
      });
      const ops = entry.compactArray((op) => {
        const value = [op.compactString(), op.float64(), op.bool()];
        op.skipTaggedFields();
        return value;
      });
      entry.skipTaggedFields();
      return { entity, ops };
    });
    expect(entries).toEqual([{ entity: [['user', null]], ops: [['consumer_byte_rate', 10, false], ['request_percentage', 0, true]] }]);
    expect(reader.bool()).toBe(false);

    const response = new FlexibleWriter()
      .taggedFields()
      .int32(0)
      .compactArray([0], (writer) => {
        writer.int16(31).compactNullableString('no').compactArray([0], (entity) => entity.compactString('user').compactNullableString('bob').taggedFields());
        writer.taggedFields();
      })
      .taggedFields()
      .toBuffer();
    expect(decodeAlterClientQuotas(response)).toEqual([{ errorCode: 31, errorMessage: 'no', entity: [{ entityType: 'user', entityName: 'bob' }] }]);
  });
});
