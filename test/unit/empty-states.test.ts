import { describe, expect, it } from 'vitest';
import { filteredEmptyText } from '../../renderer/src/lib/empty-states';

describe('filteredEmptyText', () => {
  it('says nothing while rows show or when the list itself is empty (the screen says that)', () => {
    expect(filteredEmptyText({ noun: 'topic', total: 5, shown: 2, search: 'x' })).toBeNull();
    expect(filteredEmptyText({ noun: 'topic', total: 0, shown: 0, search: 'x' })).toBeNull();
  });

  it('names the search and how to undo every active filter', () => {
    expect(
      filteredEmptyText({ noun: 'topic', total: 6, shown: 0, search: ' zzz ', otherFilters: [{ active: true, undo: 'untick “Hide internal topics”' }] }),
    ).toBe('No topic matches “zzz” (of 6 topics): clear the search or untick “Hide internal topics” to see them.');
    expect(filteredEmptyText({ noun: 'group', total: 1, shown: 0, search: 'q' })).toBe('No group matches “q” (of 1 group): clear the search to see them.');
  });

  it('blames the other filters when there is no search', () => {
    expect(
      filteredEmptyText({ noun: 'subject', total: 3, shown: 0, search: '', otherFilters: [{ active: true, undo: 'clear the type chips' }, { active: false, undo: 'never shown' }] }),
    ).toBe('No subject passes the filters (of 3 subjects): clear the type chips to see them.');
  });
});
