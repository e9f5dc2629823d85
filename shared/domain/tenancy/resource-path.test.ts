import { describe, expect, it } from 'vitest';
import { matchesName, parseNamePattern, parseResourcePath, patternCovers, resourceRefFromPath } from './resource-path';

describe('name patterns', () => {
  it.each([
    { text: 'tx-topic', name: 'tx-topic', other: 'tx-topics' },
    { text: 'tx-top*', name: 'tx-topic', other: 'rx-topic' },
    { text: '*-topic', name: 'tx-topic', other: 'tx-topics' },
    { text: '*', name: 'anything', other: null },
  ])('$text matches $name and not $other', ({ text, name, other }) => {
    const pattern = parseNamePattern(text);
    if ('error' in pattern) throw new Error(pattern.error);
    expect(matchesName(pattern, name)).toBe(true);
    if (other !== null) expect(matchesName(pattern, other)).toBe(false);
  });

  it.each(['tx*topic', '*tx*', '**', ''])('%j is rejected', (text) => {
    expect(parseNamePattern(text)).toHaveProperty('error');
  });
});

describe('resource paths', () => {
  it.each([
    ['*'],
    ['cluster', '*'],
    ['cluster', 'prod', 'topic', 'tx-*'],
    ['cluster', '*', 'group', '*-group'],
    ['cluster', '*', 'broker', '*'],
    ['cluster', '*', 'principal', 'User:Kpow'],
    ['schema', '*', 'subject', 'tx-*'],
    ['connect', '*', 'connector', 'tx-*'],
    ['ksqldb', '*', 'ksqldb-source', '*'],
    ['ksqldb', 'ksql-1', 'ksqldb-query', 'CSAS_*'],
  ])('%j is valid', (...path) => {
    expect(parseResourcePath(path).ok).toBe(true);
  });

  it.each([
    [[], -1],
    [['topic', '*'], 0],
    [['cluster'], -1],
    [['cluster', '*', 'subject', 'x'], 2],
    [['schema', '*', 'topic', 'x'], 2],
    [['cluster', '*', 'topic'], -1],
    [['cluster', '*', 'topic', 'a', 'b'], 4],
    [['cluster', 'p*d', 'topic', 'x'], 1],
    [['cluster', 'prod-*', 'topic', 'x'], 1],
    [['schema', ''], 1],
  ])('%j is invalid at element %i', (path, index) => {
    const parsed = parseResourcePath(path as string[]);
    expect(parsed.ok ? null : parsed.problem.index).toBe(index);
  });

  it('domain patterns cover everything inside them; IDs match by id or profile name', () => {
    const cluster = parseResourcePath(['cluster', 'prod']);
    if (!cluster.ok) throw new Error('invalid');
    expect(patternCovers(cluster.pattern, resourceRefFromPath(['cluster', 'abc', 'topic', 'x'], 'prod')!)).toBe(true);
    expect(patternCovers(cluster.pattern, resourceRefFromPath(['cluster', 'prod', 'group', 'x'])!)).toBe(true);
    expect(patternCovers(cluster.pattern, resourceRefFromPath(['cluster', 'abc', 'topic', 'x'], 'dev')!)).toBe(false);
    expect(patternCovers(cluster.pattern, resourceRefFromPath(['schema', 'prod', 'subject', 'x'])!)).toBe(false);
  });
});
