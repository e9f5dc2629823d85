import { describe, expect, it } from 'vitest';
import { filterConfigs, parsePartitionList, profileRefusal, quorumRows, sinceWords } from './broker-view';

const entry = (name: string, value: string | null, source: 'default' | 'static' | 'dynamic-broker') => ({ name, value, source, sensitive: false, readOnly: false, synonyms: [] });

describe('broker view', () => {
  it('filters configs by key or value, and to those set somewhere', () => {
    const entries = [entry('message.max.bytes', '2000', 'dynamic-broker'), entry('log.dirs', '/tmp/x', 'static'), entry('num.io.threads', '8', 'default')];
    expect(filterConfigs(entries, 'TMP', false).map((found) => found.name)).toEqual(['log.dirs']);
    expect(filterConfigs(entries, '', true).map((found) => found.name)).toEqual(['message.max.bytes', 'log.dirs']);
  });

  it('orders the quorum leader first, then voters and observers', () => {
    const replica = (id: number, isLeader = false) => ({ id, isLeader, logEndOffset: 1, lag: 0, lastFetchTimestamp: null, lastCaughtUpTimestamp: null });
    expect(quorumRows([replica(1), replica(3, true), replica(2)], [replica(9)]).map((row) => [row.id, row.role])).toEqual([
      [3, 'leader'],
      [1, 'voter'],
      [2, 'voter'],
      [9, 'observer'],
    ]);
  });

  it('says how long ago and why a profile refuses', () => {
    expect(sinceWords(null, 10_000)).toBe('—');
    expect(sinceWords(7_000, 10_000)).toBe('3 s ago');
    expect(sinceWords(0, 600_000)).toBe('10 min ago');
    expect(profileRefusal({ name: 'prod', safety: { readOnly: true, allowedActions: [] } }, 'edit-brokers')).toBe("Profile 'prod' is read-only.");
    expect(profileRefusal({ name: 'prod', safety: { readOnly: false, allowedActions: [] } }, 'edit-brokers')).toBe("Profile 'prod' does not allow 'edit-brokers'.");
    expect(profileRefusal({ name: 'prod', safety: { readOnly: false, allowedActions: ['edit-brokers'] } }, 'edit-brokers')).toBeNull();
  });

  it('reads partition lists with ranges and refuses anything else', () => {
    expect(parsePartitionList('0, 2-4,3')).toEqual([0, 2, 3, 4]);
    expect(parsePartitionList('')).toEqual([]);
    expect(parsePartitionList('1-')).toBeNull();
    expect(parsePartitionList('4-2')).toBeNull();
    expect(parsePartitionList('a')).toBeNull();
  });
});
