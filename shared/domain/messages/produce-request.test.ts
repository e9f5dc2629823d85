import { describe, expect, it } from 'vitest';
import { formatMessageJsonlLine } from './message-jsonl';
import {
  findJsonProblem,
  IDEMPOTENCE_NEEDS_ACKS_ALL,
  parseProduceLine,
  produceFileRequestSchema,
  produceRequestSchema,
  reproduceRequestSchema,
} from './produce-request';

const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

describe('produceRequestSchema', () => {
  it('defaults to no key, key-based partition, no compression, acks=all and idempotence', () => {
    const request = produceRequestSchema.parse({ profileId: 'p', topic: 't', value: 'hello' });
    expect(request).toMatchObject({ key: null, partition: null, compression: 'none', acks: 'all', idempotent: true, valueFormat: 'text', headers: [] });
  });

  it('refuses idempotence without acks=all, with the reason', () => {
    const result = produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: 'v', acks: 'leader' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ message: IDEMPOTENCE_NEEDS_ACKS_ALL, path: ['acks'] });
    expect(produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: 'v', acks: 'none', idempotent: false }).success).toBe(true);
  });

  it('checks a JSON value and names the line and column of the mistake', () => {
    const result = produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: '{\n  "a": 1,\n  "b": }', valueFormat: 'json' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^The value is not valid JSON: .* at line 3, column 8$/);
    expect(produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: '{"a": [1, 2]}', valueFormat: 'json' }).success).toBe(true);
  });

  it('refuses an unknown compression and a header without a name', () => {
    expect(produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: 'v', compression: 'brotli' }).success).toBe(false);
    expect(produceRequestSchema.safeParse({ profileId: 'p', topic: 't', value: 'v', headers: [{ key: '', value: 'x' }] }).success).toBe(false);
  });

  it('applies the same delivery rules to re-produce and bulk produce', () => {
    const source = { topic: 't', partition: 0, offset: '5' };
    expect(reproduceRequestSchema.parse({ profileId: 'p', source, targetTopic: 'u' })).toMatchObject({ partition: 'key', keepTimestamp: false, acks: 'all' });
    expect(reproduceRequestSchema.safeParse({ profileId: 'p', source, targetTopic: 'u', acks: 'none' }).success).toBe(false);
    expect(produceFileRequestSchema.parse({ profileId: 'p', topic: 't' })).toMatchObject({ partition: 'key', keepTimestamps: false, compression: 'none' });
    expect(produceFileRequestSchema.safeParse({ profileId: 'p', topic: 't', acks: 'leader' }).success).toBe(false);
  });
});

describe('findJsonProblem', () => {
  it('is null for valid JSON and locates the end of truncated input', () => {
    expect(findJsonProblem('[1, 2]')).toBeNull();
    expect(findJsonProblem('{"a": 1')).toMatchObject({ line: 1, column: 8 });
  });
});

describe('parseProduceLine', () => {
  it('reads an exported line back to the same bytes, base64 included', () => {
    const record = {
      topic: 'orders',
      partition: 2,
      offset: '17',
      timestamp: Date.UTC(2026, 0, 2),
      key: new TextEncoder().encode('k1'),
      value: Uint8Array.of(0xff, 0x00, 0xfe),
      headers: [{ key: 'trace', value: Uint8Array.of(0xc3, 0x28) }, { key: 'empty', value: null }],
    };
    const parsed = parseProduceLine(formatMessageJsonlLine(record));
    expect(parsed.key).toEqual(record.key);
    expect(parsed.value).toEqual(record.value);
    expect(parsed.headers).toEqual(record.headers);
    expect(parsed.partition).toBe(2);
    expect(parsed.timestamp).toBe(record.timestamp);
  });

  it('writes JSON keys, values and header maps as compact JSON text', () => {
    const parsed = parseProduceLine('{"key": 42, "value": {"id": 1, "tags": ["a"]}, "headers": {"source": "cli", "n": [1, 2]}, "timestamp": 1700000000000}');
    expect(text(parsed.key)).toBe('42');
    expect(text(parsed.value)).toBe('{"id":1,"tags":["a"]}');
    expect(parsed.headers.map((header) => [header.key, text(header.value)])).toEqual([
      ['source', 'cli'],
      ['n', '1'],
      ['n', '2'],
    ]);
    expect(parsed.timestamp).toBe(1_700_000_000_000);
  });

  it('takes a null value as a tombstone and a missing key as none', () => {
    expect(parseProduceLine('{"value": null}')).toEqual({ key: null, value: null, headers: [] });
  });

  it('says what is wrong with a bad line', () => {
    expect(() => parseProduceLine('{"value": "x",}')).toThrow("not valid JSON: Quoted object key expected but got '}' at line 1, column 15");
    expect(() => parseProduceLine('{"key": "k"}')).toThrow('value: a line needs a "value" (null for a tombstone)');
    expect(() => parseProduceLine('{"key": "k", "vaule": "typo"}')).toThrow('unknown field "vaule"');
    expect(() => parseProduceLine('{"value": "x", "vaule": 1}')).toThrow('unknown field "vaule"');
    expect(() => parseProduceLine('{"value": "***", "valueEncoding": "base64"}')).toThrow(/value: .*base64/);
    expect(() => parseProduceLine('{"value": 5, "valueEncoding": "base64"}')).toThrow('value: a base64 payload must be a string');
    expect(() => parseProduceLine('[1]')).toThrow(/JSON object/);
    expect(() => parseProduceLine('{"value": "v", "partition": -1}')).toThrow(/^partition: /);
  });
});
