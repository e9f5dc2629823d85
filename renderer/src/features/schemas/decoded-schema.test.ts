import { describe, expect, it } from 'vitest';
import { decodedSchemaView } from './decoded-schema';

describe('decoded schema view', () => {
  it('names id, subject/version and type of a decoded part', () => {
    expect(decodedSchemaView({ format: 'confluent', schemaId: 7, type: 'PROTOBUF', subject: 'orders-value', version: 2, messageType: 'com.example.Order' })).toEqual({
      id: 'schema id 7',
      subjectVersion: 'orders-value v2',
      type: 'Protobuf · com.example.Order',
      problem: null,
      validationErrors: [],
    });
  });

  it('keeps the id and the reason when the part could not be decoded, and says only what is known', () => {
    expect(decodedSchemaView({ format: 'confluent', schemaId: 99, problem: 'Schema id 99 is not in the registry.' })).toEqual({ id: 'schema id 99', subjectVersion: null, type: null, problem: 'Schema id 99 is not in the registry.', validationErrors: [] });
    expect(decodedSchemaView({ format: 'confluent', schemaId: 3, type: 'JSON', subject: 'x', validationErrors: ['/total must be number'] })).toMatchObject({ subjectVersion: 'x', type: 'JSON Schema', validationErrors: ['/total must be number'] });
  });
});
