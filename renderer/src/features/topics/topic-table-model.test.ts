import { describe, expect, it } from 'vitest';
import type { TopicRow } from '../../../../shared/domain/topics/topic-schemas';
import { applyTopicItems, formatBytes, formatRate, visibleTopics } from './topic-table-model';

const row = (name: string, overrides: Partial<TopicRow> = {}): TopicRow => ({
  name,
  internal: false,
  partitions: 1,
  replicationFactor: 1,
  underReplicated: 0,
  offline: 0,
  sizeBytes: null,
  messages: null,
  writeRate: null,
  ...overrides,
});

describe('topic table model', () => {
  it('applies whole rows, then patches by name, ignoring patches for unknown topics', () => {
    const rows = new Map<string, TopicRow>();
    applyTopicItems(rows, [row('a'), row('b')]);
    applyTopicItems(rows, [{ name: 'a', sizeBytes: 10 }, { name: 'ghost', sizeBytes: 5 }]);
    applyTopicItems(rows, [{ name: 'a', messages: 3 }]);
    expect(rows.get('a')).toEqual(row('a', { sizeBytes: 10, messages: 3 }));
    expect(rows.has('ghost')).toBe(false);
  });

  it('filters by name and internal flag, sorts by any column with unknown values last', () => {
    const rows = [row('orders', { sizeBytes: 5 }), row('__consumer_offsets', { internal: true, sizeBytes: 50 }), row('Payments', { sizeBytes: null }), row('audit', { sizeBytes: 7 })];
    expect(visibleTopics(rows, { search: '', hideInternal: true }, { column: 'sizeBytes', direction: 'desc' }).map((entry) => entry.name)).toEqual(['audit', 'orders', 'Payments']);
    expect(visibleTopics(rows, { search: '', hideInternal: false }, { column: 'sizeBytes', direction: 'asc' }).map((entry) => entry.name)).toEqual(['orders', 'audit', '__consumer_offsets', 'Payments']);
    expect(visibleTopics(rows, { search: 'PAY', hideInternal: false }, { column: 'name', direction: 'asc' }).map((entry) => entry.name)).toEqual(['Payments']);
  });

  it('sorts 10,000 rows quickly', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => row(`topic-${(index * 7919) % 10_000}`, { messages: (index * 31) % 977 }));
    const started = performance.now();
    visibleTopics(rows, { search: 'topic-1', hideInternal: true }, { column: 'messages', direction: 'desc' });
    visibleTopics(rows, { search: '', hideInternal: false }, { column: 'name', direction: 'asc' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('formats sizes and rates', () => {
    expect(formatBytes(null)).toBe('…');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(2.5)).toBe('2.5/s');
    expect(formatRate(12_300)).toBe('12.3K/s');
  });
});
