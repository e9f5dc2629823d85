import { describe, expect, it } from 'vitest';
import { MAX_SHOWN, rankPaletteItems, type PaletteItem } from './palette-model';

const item = (label: string, group = 'Topics', keywords?: string): PaletteItem => ({ id: `${group}:${label}`, label, group, keywords, run: () => undefined });

describe('command palette ranking', () => {
  const items = [item('payments.v2'), item('orders'), item('orders-dlq'), item('audit.orders'), item('Topics', 'Screens', 'screen list'), item('Consumer groups', 'Screens')];

  it('keeps exact and prefix matches first, then word starts, then anywhere', () => {
    expect(rankPaletteItems(items, 'orders').map((entry) => entry.label)).toEqual(['orders', 'orders-dlq', 'audit.orders']);
    expect(rankPaletteItems(items, 'ORD').map((entry) => entry.label)).toEqual(['orders', 'orders-dlq', 'audit.orders']);
  });

  it('matches every word in the label, keywords or group', () => {
    expect(rankPaletteItems(items, 'screen topics').map((entry) => entry.label)).toEqual(['Topics']);
    expect(rankPaletteItems(items, 'groups consumer').map((entry) => entry.label)).toEqual(['Consumer groups']);
    expect(rankPaletteItems(items, 'nothing like this')).toEqual([]);
  });

  it('caps what it lists', () => {
    const many = Array.from({ length: 500 }, (_, index) => item(`topic-${index}`));
    expect(rankPaletteItems(many, '')).toHaveLength(MAX_SHOWN);
    expect(rankPaletteItems(many, 'topic')).toHaveLength(MAX_SHOWN);
  });
});
