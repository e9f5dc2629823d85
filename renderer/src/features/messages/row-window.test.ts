import { describe, expect, it } from 'vitest';
import { rowKey, RowWindow } from './row-window';
import { testRows } from './test-rows';

const offsets = (window: RowWindow) => window.snapshot().map((row) => Number(row.offset));

describe('row window', () => {
  it('fills up to capacity when bounded and reports refused rows', () => {
    const window = new RowWindow(5, 'stop-at-capacity');
    expect(window.add(testRows(0, 3))).toBe(true);
    expect(window.add(testRows(3, 2))).toBe(true);
    expect(window.add(testRows(5, 2))).toBe(false);
    expect(offsets(window)).toEqual([0, 1, 2, 3, 4]);
    expect(window.add(testRows(7, 1))).toBe(false);
    expect([window.size, window.dropped]).toEqual([5, 0]);
  });

  it('keeps the newest rows when sliding and counts what slid out', () => {
    const window = new RowWindow(4, 'slide');
    window.add(testRows(0, 3));
    expect(window.add(testRows(3, 3))).toBe(true);
    expect(offsets(window)).toEqual([2, 3, 4, 5]);
    window.add(testRows(6, 10));
    expect(offsets(window)).toEqual([12, 13, 14, 15]);
    expect(window.dropped).toBe(12);
    expect(window.snapshot('newest-on-top').map((row) => Number(row.offset))).toEqual([15, 14, 13, 12]);
  });

  it('hands out snapshots that later additions do not change', () => {
    const window = new RowWindow(10, 'slide');
    window.add(testRows(0, 2));
    const snapshot = window.snapshot();
    window.add(testRows(2, 2));
    expect(snapshot).toHaveLength(2);
    expect(rowKey(snapshot[1]!)).toBe('0:1');
  });
});
