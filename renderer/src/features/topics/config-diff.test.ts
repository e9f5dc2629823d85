import { describe, expect, it } from 'vitest';
import { diffConfig, formatConfigLines } from './config-diff';

describe('diffConfig', () => {
  const current = { 'retention.ms': '1000', 'cleanup.policy': 'compact' };

  it('touches only changed, added and removed keys', () => {
    const text = formatConfigLines(current).replace('1000', '2000') + '\nmax.message.bytes = 300000\n# a comment';
    expect(diffConfig(current, text)).toEqual({ set: { 'retention.ms': '2000', 'max.message.bytes': '300000' }, reset: [], problems: [] });
    expect(diffConfig(current, 'retention.ms=1000')).toEqual({ set: {}, reset: ['cleanup.policy'], problems: [] });
  });

  it('reports lines that are not key=value and repeated keys', () => {
    expect(diffConfig({}, 'oops\na=1\na=2').problems).toEqual(['Line 1: write key=value.', 'Line 3: a is given twice.']);
  });
});
