import { describe, expect, it } from 'vitest';
import { defaultDiffPair, draftProblem, newSubjectProblem, prettySchema, referenceLabel, refusalReasons, sameSchema, schemaLanguage, schemaTemplate } from './schema-text';

describe('schema text', () => {
  it('pretty-prints Avro and JSON Schema, keeps Protobuf and odd text as they came', () => {
    expect(prettySchema('AVRO', '{"type":"record","name":"A","fields":[]}')).toEqual({ text: '{\n  "type": "record",\n  "name": "A",\n  "fields": []\n}', parsed: true });
    expect(prettySchema('JSON', '{"type":"object"}').text).toBe('{\n  "type": "object"\n}');
    expect(prettySchema('PROTOBUF', 'syntax = "proto3";\nmessage A {}')).toEqual({ text: 'syntax = "proto3";\nmessage A {}', parsed: true });
    expect(prettySchema('AVRO', '"string"').text).toBe('"string"');
    expect(prettySchema('AVRO', 'not json')).toEqual({ text: 'not json', parsed: false });
    expect(schemaLanguage('PROTOBUF')).toBe('protobuf');
    expect(schemaLanguage('AVRO')).toBe('json');
  });

  it('finds drafts that cannot go to the registry, with the line and column', () => {
    expect(draftProblem('AVRO', '  ')).toBe('The schema is empty.');
    expect(draftProblem('AVRO', '{"type": "record",\n "name": }')).toMatch(/^An Avro schema is JSON, and this is not: .* at line 2, column 10\.$/);
    expect(draftProblem('JSON', '{')).toMatch(/^A JSON schema is JSON/);
    expect(draftProblem('PROTOBUF', 'syntax = "proto3";')).toBe('A Protobuf schema needs at least one message, enum or service.');
    for (const type of ['AVRO', 'JSON', 'PROTOBUF'] as const) expect(draftProblem(type, schemaTemplate(type))).toBeNull();
  });

  it('treats re-spaced JSON as the same schema, but not a changed one', () => {
    expect(sameSchema('AVRO', '{"type":"string"}', '{\n  "type": "string"\n}')).toBe(true);
    expect(sameSchema('AVRO', '{"type":"string"}', '{"type":"int"}')).toBe(false);
    expect(sameSchema('PROTOBUF', 'message A {}\n', 'message A {}')).toBe(true);
    expect(sameSchema('JSON', '{', '{')).toBe(true);
  });

  it('opens a diff on the version shown and the one before it, or the two newest', () => {
    expect(defaultDiffPair([1], 1)).toBeNull();
    expect(defaultDiffPair([3, 1, 2], null)).toEqual({ left: 2, right: 3 });
    expect(defaultDiffPair([1, 2, 5], 2)).toEqual({ left: 1, right: 2 });
    expect(defaultDiffPair([1, 2, 5], 1)).toEqual({ left: 2, right: 5 });
    expect(defaultDiffPair([1, 2], 9)).toEqual({ left: 1, right: 2 });
  });

  it('checks a new subject’s name', () => {
    expect(newSubjectProblem(' ', [])).toBe('Name the subject.');
    expect(newSubjectProblem('orders-value', ['orders-value'])).toMatch(/exists: open it/);
    expect(newSubjectProblem('a\u0001', [])).toMatch(/control characters/);
    expect(newSubjectProblem('x'.repeat(256), [])).toMatch(/at most 255/);
    expect(newSubjectProblem(' orders-value ', [])).toBeNull();
  });

  it('labels references and reads the registry’s reasons off a refusal', () => {
    expect(referenceLabel({ name: 'com.example.Address', subject: 'address-value', version: 2 })).toBe('com.example.Address → address-value v2');
    const refused = Object.assign(new Error('incompatible'), { code: 'CONFLICT', details: { registry: { kind: 'incompatible', reasons: ['READER_FIELD_MISSING_DEFAULT_VALUE: total', 42] } } });
    expect(refusalReasons(refused)).toEqual(['READER_FIELD_MISSING_DEFAULT_VALUE: total']);
    expect(refusalReasons(new Error('plain'))).toEqual([]);
    expect(refusalReasons(null)).toEqual([]);
  });
});
