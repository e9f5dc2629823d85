import { describe, expect, it } from 'vitest';
import { diffConfig, formatConfigLines, visibleConfigs } from './config-diff';

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

  it('checks known keys by type and range, by line', () => {
    expect(diffConfig({}, 'retention.ms=7d\ncleanup.policy=compact\nmin.insync.replicas=0').problems).toEqual([
      'Line 1: retention.ms takes a whole number of milliseconds, not "7d".',
      'Line 3: min.insync.replicas must be between 1 and 2147483647; 0 is outside.',
    ]);
  });
});

describe('visibleConfigs', () => {
  const entries = [
    { name: 'retention.ms', value: '604800000', isOverride: true },
    { name: 'cleanup.policy', value: 'delete', isOverride: false },
    { name: 'segment.bytes', value: null, isOverride: false },
  ];
  it('filters by key or value text and by overrides only', () => {
    expect(visibleConfigs(entries, { text: '', overridesOnly: true }).map((entry) => entry.name)).toEqual(['retention.ms']);
    expect(visibleConfigs(entries, { text: 'DELETE', overridesOnly: false }).map((entry) => entry.name)).toEqual(['cleanup.policy']);
    expect(visibleConfigs(entries, { text: ' segment ', overridesOnly: false }).map((entry) => entry.name)).toEqual(['segment.bytes']);
  });
});
