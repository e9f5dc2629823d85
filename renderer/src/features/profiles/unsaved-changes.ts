// Leaving the profile editor with unsaved changes asks first. Navigation starts in many places (the
// sidebar, other screens, the editor's own Close), all through the UI store, so the guard watches the store: a change that leaves a dirty editor is undone and handed to the caller,
// which asks the user and replays it on "discard".
import type { ProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';
import type { ClusterSection, StartScreen } from '../../app/ui-store';

/** The part of the UI state that says which screen shows. */
export interface Navigation {
  selectedProfileId: string | null;
  section: ClusterSection;
  startScreen: StartScreen;
  editingProfileId: string | null;
}

export interface NavigationStore<State extends Navigation> {
  getState(): State;
  setState(partial: Navigation): void;
  subscribe(listener: (state: State, previous: State) => void): () => void;
}

export function hasUnsavedChanges(draft: ProfileDraft, initial: ProfileDraft, clearedSecrets: readonly SecretSlot[]): boolean {
  return clearedSecrets.length > 0 || JSON.stringify(draft) !== JSON.stringify(initial);
}

/** Which editor the state shows ("add-profile", or "edit-profile" with its profile id), or null for none. */
export function editorShown(state: Navigation): string | null {
  if (state.selectedProfileId !== null) return null;
  if (state.startScreen === 'add-profile') return 'add-profile';
  if (state.startScreen === 'edit-profile') return `edit-profile:${state.editingProfileId ?? ''}`;
  return null;
}

export function leavesEditor(previous: Navigation, next: Navigation): boolean {
  const shown = editorShown(previous);
  return shown !== null && editorShown(next) !== shown;
}

export function navigationOf({ selectedProfileId, section, startScreen, editingProfileId }: Navigation): Navigation {
  return { selectedProfileId, section, startScreen, editingProfileId };
}

/**
 * Holds back every store change that would leave the editor while `isDirty()`; `onHeldBack` gets where
 * it was going. Returns the unsubscribe function.
 */
export function guardEditorExit<State extends Navigation>(store: NavigationStore<State>, isDirty: () => boolean, onHeldBack: (target: Navigation) => void): () => void {
  return store.subscribe((next, previous) => {
    if (!isDirty() || !leavesEditor(previous, next)) return;
    store.setState(navigationOf(previous));
    onHeldBack(navigationOf(next));
  });
}
