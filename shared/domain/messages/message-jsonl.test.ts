import { describe, expect, it } from 'vitest';
import {
  decodeJsonlBytes,
  encodeJsonlBytes,
  formatMessageJsonlLine,
  messageJsonlLineBytes,
  messageJsonlLineSchema,
  parseMessageJsonlLine,
  toMessageJsonlLine,
  type ExportableRecord,
} from './message-jsonl';

const bytes = (text: string) => new TextEncoder().encode(text);
const record = (overrides: Partial<ExportableRecord> = {}): ExportableRecord => ({
  topic: 'orders',
  partition: 2,
  offset: '9223372036854775806',
  timestamp: Date.UTC(2026, 10, 23, 16, 5, 0, 123),
  key: bytes('order-17'),
  value: bytes('{"total":12.5}'),
  headers: [{ key: 'trace-id', value: bytes('abc') }],
  ...overrides,
});

describe('message JSON Lines', () => {
  it('writes UTF-8 bytes as text and keeps the offset as a decimal string', () => {
    expect(toMessageJsonlLine(record())).toEqual({
      topic: 'orders',
      partition: 2,
      offset: '9223372036854775806',
      timestamp: '2026-11-23T16:05:00.123Z',
      key: 'order-17',
      keyEncoding: 'utf8',
      value: '{"total":12.5}',
      valueEncoding: 'utf8',
      headers: [{ key: 'trace-id', value: 'abc', encoding: 'utf8' }],
    });
  });

  it('writes invalid UTF-8 as base64 and null as null', () => {
    const line = toMessageJsonlLine(record({ key: null, value: new Uint8Array([0xff, 0x00, 0xfe]), headers: [{ key: 'h', value: null }] }));
    expect(line).toMatchObject({ key: null, value: '/wD+', valueEncoding: 'base64', headers: [{ key: 'h', value: null }] });
  });

  it('round-trips every byte sequence, including a leading BOM, control bytes and lone surrogates', () => {
    const samples = [
      new Uint8Array([0xef, 0xbb, 0xbf, 0x41]),
      new Uint8Array([0x00, 0x01, 0x0a]),
      new Uint8Array([0xed, 0xa0, 0x80]),
      new Uint8Array([]),
      bytes('naïve – 日本語 🎉'),
      Uint8Array.from({ length: 256 }, (_, index) => index),
    ];
    for (const sample of samples) {
      const line = parseMessageJsonlLine(formatMessageJsonlLine(record({ key: sample, value: sample, headers: [{ key: 'x', value: sample }] })));
      const decoded = messageJsonlLineBytes(line);
      expect(decoded.key).toEqual(sample);
      expect(decoded.value).toEqual(sample);
      expect(decoded.headers[0]!.value).toEqual(sample);
    }
  });

  it('writes one line per record even when values contain newlines', () => {
    expect(formatMessageJsonlLine(record({ value: bytes('a\nb\r\nc') }))).not.toMatch(/[\r\n]/);
  });

  it('fills in utf8 encodings and empty headers for hand-written lines', () => {
    const line = messageJsonlLineSchema.parse({ topic: 't', partition: 0, offset: '0', timestamp: '2026-01-01T00:00:00Z', key: null, value: 'hi' });
    expect(line).toMatchObject({ keyEncoding: 'utf8', valueEncoding: 'utf8', headers: [] });
  });

  it('rejects bad lines with a specific message', () => {
    const valid = toMessageJsonlLine(record());
    expect(() => messageJsonlLineSchema.parse({ ...valid, offset: 12 })).toThrow(/offset/);
    expect(() => messageJsonlLineSchema.parse({ ...valid, offset: '-1' })).toThrow(/non-negative integer/);
    expect(() => messageJsonlLineSchema.parse({ ...valid, value: 'not base64!', valueEncoding: 'base64' })).toThrow(/base64 value/);
    expect(() => messageJsonlLineSchema.parse({ ...valid, timestamp: 'yesterday' })).toThrow(/timestamp/);
    expect(() => messageJsonlLineSchema.parse({ ...valid, extra: 1 })).toThrow(/extra/);
    expect(() => parseMessageJsonlLine('{"topic":')).toThrow(SyntaxError);
  });

  it('decodes base64 strictly', () => {
    expect(decodeJsonlBytes('/wD+', 'base64')).toEqual(new Uint8Array([0xff, 0x00, 0xfe]));
    expect(() => decodeJsonlBytes('/wD', 'base64')).toThrow(/base64/);
    expect(encodeJsonlBytes(new Uint8Array([0xc3]))).toEqual({ text: 'ww==', encoding: 'base64' });
  });
});

describe('decoded parts in an export', () => {
  const framed = Uint8Array.of(0, 0, 0, 0, 10, 2, 0xff);
  const record: ExportableRecord = {
    topic: 'orders',
    partition: 0,
    offset: '5',
    timestamp: 0,
    key: null,
    value: framed,
    headers: [],
    valueDecoded: { schemaId: 10, type: 'AVRO', subject: 'orders-value', version: 1, value: { name: 'a' } },
  };

  it('writes the decoded value beside the raw bytes, and the line still produces back the same bytes', () => {
    const line = formatMessageJsonlLine(record);
    expect(JSON.parse(line)).toMatchObject({ valueEncoding: 'base64', valueDecoded: { schemaId: 10, type: 'AVRO', value: { name: 'a' } } });
    expect(JSON.parse(line)).not.toHaveProperty('keyDecoded');
    expect(messageJsonlLineBytes(parseMessageJsonlLine(line)).value).toEqual(framed);
  });
});
