import { describe, expect, it } from 'vitest';
import { draftChanges, draftFromOverrides, draftFromText, draftToText, formKeys, resetDraftKey, revertDraftKey, sameEnumList, setDraftValue } from './config-draft';

const base = { 'retention.ms': '86400000', 'cleanup.policy': 'compact', 'some.plugin.key': 'x' };

describe('the edit-config draft', () => {
  it('sends only the keys that changed, and resets the overrides dropped', () => {
    let draft = draftFromOverrides(base);
    expect(draftChanges(draft)).toEqual({ set: {}, reset: [], problems: {} });
    draft = setDraftValue(draft, 'retention.ms', '604800000');
    draft = setDraftValue(draft, 'segment.ms', '3600000');
    draft = resetDraftKey(draft, 'cleanup.policy');
    expect(draftChanges(draft)).toEqual({ set: { 'retention.ms': '604800000', 'segment.ms': '3600000' }, reset: ['cleanup.policy'], problems: {} });
    // Typing the old value back is no change.
    expect(draftChanges(setDraftValue(draft, 'retention.ms', '86400000')).set).toEqual({ 'segment.ms': '3600000' });
  });

  it('checks each changed value in place against the shared table, not the keys left alone', () => {
    const draft = setDraftValue(draftFromOverrides({ ...base, 'min.insync.replicas': '0' }), 'retention.ms', '-5');
    const changes = draftChanges(draft);
    expect(Object.keys(changes.problems)).toEqual(['retention.ms']);
    expect(changes.problems['retention.ms']).toMatch(/^retention\.ms must be between -1 and 9223372036854775807/);
    expect(draftChanges(setDraftValue(draft, 'segment.bytes', '1000')).problems['segment.bytes']).toMatch(/between 1048576 and 2147483647/);
  });

  it('clearing a key the topic does not override takes it back to the default; clearing an override does not remove it silently', () => {
    const typed = setDraftValue(draftFromOverrides(base), 'segment.ms', '1');
    expect(Object.hasOwn(setDraftValue(typed, 'segment.ms', '').values, 'segment.ms')).toBe(false);
    const cleared = setDraftValue(draftFromOverrides(base), 'retention.ms', '');
    expect(cleared.values['retention.ms']).toBe('');
    expect(draftChanges(cleared).problems['retention.ms']).toMatch(/whole number of milliseconds/);
    expect(draftChanges(cleared).reset).toEqual([]);
  });

  it('undo returns a key to what the topic has now', () => {
    const draft = resetDraftKey(setDraftValue(draftFromOverrides(base), 'segment.ms', '5'), 'retention.ms');
    const undone = revertDraftKey(revertDraftKey(draft, 'retention.ms'), 'segment.ms');
    expect(undone.values).toEqual(base);
    expect(draftChanges(undone)).toEqual({ set: {}, reset: [], problems: {} });
  });

  it('the raw editor reads and writes the same draft, and a line that does not parse changes nothing', () => {
    const draft = setDraftValue(draftFromOverrides(base), 'retention.ms', '1000');
    const text = draftToText(draft);
    expect(text).toBe('retention.ms=1000\ncleanup.policy=compact\nsome.plugin.key=x');
    const edited = draftFromText(draft, 'retention.ms=2000\ncleanup.policy=compact,delete');
    expect(edited.syntaxProblems).toEqual([]);
    expect(draftChanges(edited.draft)).toEqual({ set: { 'retention.ms': '2000', 'cleanup.policy': 'compact,delete' }, reset: ['some.plugin.key'], problems: {} });
    const broken = draftFromText(draft, 'retention.ms=2000\nsegment.ms');
    expect(broken.syntaxProblems).toEqual(['Line 2: write key=value.']);
    expect(broken.draft).toBe(draft);
    // A value the table rejects is still kept in the draft, and judged there.
    const wrong = draftFromText(draft, 'retention.ms=soon');
    expect(wrong.syntaxProblems).toEqual([]);
    expect(draftChanges(wrong.draft).problems['retention.ms']).toMatch(/not "soon"/);
  });

  it('the form lists every known key, then the other overrides, filtered by name', () => {
    const keys = formKeys(draftFromOverrides(base));
    expect(keys).toContain('retention.ms');
    expect(keys.at(-1)).toBe('some.plugin.key');
    expect(formKeys(draftFromOverrides(base), 'RETENTION')).toEqual(['local.retention.bytes', 'local.retention.ms', 'retention.bytes', 'retention.ms', 'delete.retention.ms'].sort((a, b) => keys.indexOf(a) - keys.indexOf(b)));
    expect(sameEnumList('delete, compact', 'compact,delete')).toBe(true);
    expect(sameEnumList('delete', 'compact,delete')).toBe(false);
  });
});
