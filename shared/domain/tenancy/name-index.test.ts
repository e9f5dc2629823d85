import { describe, expect, it } from 'vitest';
import { NameIndex } from './name-index';

describe('NameIndex', () => {
  const names = ['tx-b', 'ledger', 'tx-a', 'tx', 'txx', 'ty', 'Tx-upper', 'tx-ü'];
  const index = new NameIndex(names);
  const prefixed = (prefix: string) => {
    const found = new Set<number>();
    index.addPrefixMatches(prefix, found);
    return [...found].map((position) => names[position]).sort();
  };

  it('finds exact names by position', () => {
    expect(index.positionOf('tx-a')).toBe(2);
    expect(index.positionOf('missing')).toBeUndefined();
  });

  it.each([
    ['tx-', ['tx-a', 'tx-b', 'tx-ü']],
    ['tx', ['tx', 'tx-a', 'tx-b', 'tx-ü', 'txx']],
    ['Tx', ['Tx-upper']],
    ['zzz', []],
    ['', [...names].sort()],
  ])('prefix %j matches exactly what startsWith matches', (prefix, expected) => {
    expect(prefixed(prefix)).toEqual(expected);
    expect(prefixed(prefix)).toEqual(names.filter((name) => name.startsWith(prefix)).sort());
  });

  it('handles an empty list', () => {
    const found = new Set<number>();
    new NameIndex([]).addPrefixMatches('a', found);
    expect(found.size).toBe(0);
  });
});
