import { describe, expect, it } from 'vitest';
import { purgeText } from './purge-words';

const partition = (index: number, startOffset: number | null, endOffset: number | null) => ({ partition: index, startOffset, endOffset });

describe('what purge says it deletes', () => {
  it('gives the total and the split, never the total as if per partition (issue 17)', () => {
    const text = purgeText([partition(0, 0, 3), partition(1, 0, 3), partition(2, 10, 13)], { kind: 'all' });
    expect(text).toBe('Deletes up to 9 records in total (partition 0: 3, partition 1: 3, partition 2: 3).');
    expect(text).not.toMatch(/every partition/);
  });

  it('says when the records sit in one partition, or in many, or nowhere', () => {
    expect(purgeText([partition(0, 0, 0), partition(1, 4, 9)], { kind: 'all' })).toBe('Deletes up to 5 records in total (all in partition 1).');
    const many = Array.from({ length: 12 }, (_, index) => partition(index, 0, index === 0 ? 0 : 1_000));
    expect(purgeText(many, { kind: 'all' })).toBe('Deletes up to 11,000 records in total (in 11 of 12 partitions).');
    expect(purgeText([partition(0, 5, 5)], { kind: 'all' })).toBe('The topic holds no records: there is nothing to delete.');
    expect(purgeText([partition(0, null, 5)], { kind: 'all' })).toMatch(/how many is not known/);
  });

  it('counts from the partition start up to the offset', () => {
    const partitions = [partition(0, 100, 500)];
    expect(purgeText(partitions, { kind: 'offset', partition: 0, offset: 250 })).toBe('Deletes up to 150 records from partition 0 (offsets 100–249).');
    expect(purgeText(partitions, { kind: 'offset', partition: 0, offset: 50 })).toMatch(/nothing below offset 50 is left/);
    expect(purgeText(partitions, { kind: 'offset', partition: 3, offset: 50 })).toBe('The topic has no partition 3.');
  });
});
