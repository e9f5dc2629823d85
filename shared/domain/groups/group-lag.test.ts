import { describe, expect, it } from 'vitest';
import { consumptionRate, partitionLag, summarizeLag } from './group-lag';

describe('lag arithmetic', () => {
  it('is end minus committed, never negative, unknown without an end offset', () => {
    expect(partitionLag(5n, 10n)).toBe(5);
    expect(partitionLag(12n, 10n)).toBe(0);
    expect(partitionLag(5n, undefined)).toBeNull();
  });

  it('sums known partitions, keeps the largest, and counts the unknown ones apart', () => {
    expect(summarizeLag([{ committed: 0n, end: 10n }, { committed: 8n, end: 10n }, { committed: 3n, end: undefined }])).toEqual({ totalLag: 12, maxLag: 10, known: 2, unknown: 1 });
    expect(summarizeLag([])).toEqual({ totalLag: 0, maxLag: 0, known: 0, unknown: 0 });
  });

  it('gives a consumption rate only between two commits that did not go back', () => {
    expect(consumptionRate(100n, 250n, 1.5)).toBe(100);
    expect(consumptionRate(100n, 90n, 1)).toBeNull();
    expect(consumptionRate(undefined, 90n, 1)).toBeNull();
    expect(consumptionRate(1n, 2n, 0)).toBeNull();
  });
});
