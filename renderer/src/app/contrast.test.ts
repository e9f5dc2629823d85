import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './contrast';

const { colors } = DEFAULT_THEME;

describe('theme text contrast', () => {
  it('measures WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });

  it('Mantine’s own light-variant text misses 4.5:1 on its hover tint for indigo and orange (why the theme derives it)', () => {
    expect(contrastRatio(colors.indigo[9], colors.indigo[2])).toBeLessThan(4.5);
    expect(contrastRatio(colors.orange[9], colors.orange[1])).toBeLessThan(4.5);
    expect(contrastRatio(colors.orange[9], '#ffffff')).toBeLessThan(4.5);
  });

  it('derives text that reaches the ratio on every background, unchanged when it already does', () => {
    for (const name of ['indigo', 'orange', 'yellow', 'red', 'gray', 'lime'] as const) {
      const backgrounds = ['#ffffff', colors[name][1], colors[name][2]];
      const text = readableOn(colors[name][9], backgrounds, 5);
      for (const background of backgrounds) expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(5);
    }
    expect(readableOn('#000000', ['#ffffff'], 4.5)).toBe('#000000');
  });

  it('lightens the dark scheme’s dimmed grey until it reads on the dark body', () => {
    const dimmed = readableOn(colors.dark[2], [colors.dark[7], colors.dark[6]], 5, 'light');
    expect(contrastRatio(dimmed, colors.dark[7])).toBeGreaterThanOrEqual(5);
  });

  it('says so when no shade reaches the ratio', () => {
    expect(() => readableOn('#777777', ['#777777'], 4.5, 'dark')).not.toThrow();
    expect(() => readableOn('#ffffff', ['#ffffff'], 4.5, 'light')).toThrow('No shade of #ffffff reaches 4.5:1');
  });
});
