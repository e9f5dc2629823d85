import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { emptyProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import { editorShown, guardEditorExit, hasUnsavedChanges, leavesEditor, type Navigation } from './unsaved-changes';

const start: Navigation = { selectedProfileId: null, section: 'overview', startScreen: 'start', editingProfileId: null };
const editing = (id: string): Navigation => ({ ...start, startScreen: 'edit-profile', editingProfileId: id });
const adding: Navigation = { ...start, startScreen: 'add-profile' };
const cluster: Navigation = { ...start, selectedProfileId: 'orders' };

describe('unsaved changes in the profile editor', () => {
  it('a draft is unsaved when it differs from where it started or a secret is to be cleared', () => {
    const initial = emptyProfileDraft('p', 'Orders');
    expect(hasUnsavedChanges(structuredClone(initial), initial, [])).toBe(false);
    expect(hasUnsavedChanges({ ...initial, name: 'Orders EU' }, initial, [])).toBe(true);
    expect(hasUnsavedChanges(initial, initial, ['sasl.password'])).toBe(true);
  });

  it('knows which editor shows, and that opening a cluster, another profile or another screen leaves it', () => {
    expect(editorShown(editing('a'))).toBe('edit-profile:a');
    expect(editorShown(adding)).toBe('add-profile');
    expect(editorShown({ ...editing('a'), selectedProfileId: 'a' })).toBeNull();
    expect(leavesEditor(editing('a'), editing('b'))).toBe(true);
    expect(leavesEditor(editing('a'), start)).toBe(true);
    expect(leavesEditor(adding, cluster)).toBe(true);
    expect(leavesEditor(adding, { ...start, startScreen: 'import-profile' })).toBe(true);
    expect(leavesEditor(editing('a'), { ...editing('a'), section: 'topics' })).toBe(false);
    expect(leavesEditor(start, cluster)).toBe(false);
  });

  it('holds back a navigation away from a dirty editor and reports where it was going', () => {
    const store = createStore<Navigation & { theme: string }>()(() => ({ ...editing('a'), theme: 'dark' }));
    let dirty = true;
    const heldBack = vi.fn();
    const stop = guardEditorExit(store, () => dirty, heldBack);

    store.setState(cluster);
    expect(store.getState()).toEqual({ ...editing('a'), theme: 'dark' });
    expect(heldBack).toHaveBeenCalledWith(cluster);

    store.setState({ theme: 'light' });
    expect(heldBack).toHaveBeenCalledTimes(1);

    // "Discard": the caller stops treating the editor as dirty and replays the navigation.
    dirty = false;
    store.setState(heldBack.mock.calls[0]![0] as Navigation);
    expect(store.getState()).toMatchObject(cluster);
    stop();
  });

  it('lets a clean editor go', () => {
    const store = createStore<Navigation>()(() => editing('a'));
    const heldBack = vi.fn();
    guardEditorExit(store, () => false, heldBack);
    store.setState(start);
    expect(store.getState()).toEqual(start);
    expect(heldBack).not.toHaveBeenCalled();
  });
});
