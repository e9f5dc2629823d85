import { describe, expect, it } from 'vitest';
import { MESSAGE_CSV_COLUMNS, toMessageCsvRow } from './message-csv';
import type { ExportableRecord } from './message-jsonl';

const bytes = (text: string) => new TextEncoder().encode(text);
const record = (overrides: Partial<ExportableRecord> = {}): ExportableRecord => ({
  topic: 'orders',
  partition: 1,
  offset: '42',
  timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  key: bytes('k,1'),
  value: bytes('say "hi"\nbye'),
  headers: [{ key: 'h', value: new Uint8Array([0xff]) }],
  ...overrides,
});

describe('message CSV rows', () => {
  it('has one cell per column, with utf8 text kept as is and headers as JSON', () => {
    const row = toMessageCsvRow(record());
    expect(row).toHaveLength(MESSAGE_CSV_COLUMNS.length);
    expect(row).toEqual(['orders', '1', '42', '2026-01-02T03:04:05.006Z', 'k,1', 'utf8', 'say "hi"\nbye', 'utf8', '[{"key":"h","value":"/w==","encoding":"base64"}]']);
  });

  it('tells a null key or value from an empty one by the encoding cell', () => {
    expect(toMessageCsvRow(record({ key: null, value: new Uint8Array() })).slice(4, 8)).toEqual(['', '', '', 'utf8']);
  });

  it('writes non-UTF-8 values as base64', () => {
    expect(toMessageCsvRow(record({ value: new Uint8Array([0x80, 0x81]) })).slice(6, 8)).toEqual(['gIE=', 'base64']);
  });
});

describe('decoded CSV columns', () => {
  it('adds key_decoded and value_decoded only when asked', () => {
    const decoded = record({ valueDecoded: { schemaId: 3, problem: 'Schema 3 could not be fetched from the registry: not found.' } });
    expect(toMessageCsvRow(decoded)).toHaveLength(MESSAGE_CSV_COLUMNS.length);
    const cells = toMessageCsvRow(decoded, true);
    expect(cells).toHaveLength(MESSAGE_CSV_COLUMNS.length + 2);
    expect(cells.at(-2)).toBe('');
    expect(JSON.parse(cells.at(-1)!)).toEqual({ schemaId: 3, problem: 'Schema 3 could not be fetched from the registry: not found.' });
  });
});
