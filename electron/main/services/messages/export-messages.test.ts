import { describe, expect, it } from 'vitest';
import type { ExportableRecord } from '../../../../shared/domain/messages/message-jsonl';
import { openEncoder, suggestedExportName } from './export-messages';

const record = (index: number): ExportableRecord => ({
  topic: 'orders',
  partition: 0,
  offset: String(index),
  timestamp: 0,
  key: null,
  value: new TextEncoder().encode(`value ${index}`),
  headers: [],
});

describe('export encoders', () => {
  // Nobody reads the encoder here, as when the disk is slow: it must ask the writer to wait long before
  // it holds much, or an export would pile up in memory.
  it.each(['jsonl', 'csv'] as const)('%s asks the writer to wait while its output is not consumed', (format) => {
    const acceptedBeforeWait = (next: (index: number) => ExportableRecord) => {
      const encoder = openEncoder(format);
      let accepted = 0;
      while (encoder.write(next(accepted)) && accepted < 100_000) accepted += 1;
      return accepted;
    };
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    expect(acceptedBeforeWait((index) => ({ ...record(index), value: big }))).toBeLessThanOrEqual(4);
    expect(acceptedBeforeWait(record)).toBeLessThan(100_000);
  });

  it('suggests the topic and the day as the file name', () => {
    expect(suggestedExportName('orders.v2', 'csv', Date.UTC(2026, 10, 23, 16))).toBe('orders.v2-2026-11-23.csv');
    expect(suggestedExportName('orders', 'jsonl', 0)).toBe('orders-1970-01-01.jsonl');
  });
});
