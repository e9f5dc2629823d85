// The document being edited, kept outside the screen so leaving the workspace and coming back does not
// lose unsaved work. The snapshot itself is file data and lives in TanStack Query, keyed by its path.
import { create } from 'zustand';
import { NEW_POLICY_FILE_NAME, newPolicyTemplate } from './policy-template';

export interface PolicyFileVersion {
  hash: string;
  mtimeMs: number;
}

export interface PolicyDocument {
  /** null until the document is first saved. */
  path: string | null;
  /** What the file looked like when read or written; null for a new document. */
  version: PolicyFileVersion | null;
  /** The text as last opened or saved: the baseline for the dirty flag and the diff. */
  savedText: string;
  text: string;
  /** Bumped whenever a different document replaces the editor's content. */
  revision: number;
}

interface WorkspaceState {
  document: PolicyDocument;
  snapshotPath: string | null;
  selectedTenant: string | null;
  loadDocument(file: { path: string | null; text: string; version: PolicyFileVersion | null }): void;
  newDocument(): void;
  editText(text: string): void;
  markSaved(path: string, text: string, version: PolicyFileVersion): void;
  setSnapshotPath(path: string | null): void;
  selectTenant(name: string | null): void;
}

const untitled = { path: null, version: null, savedText: newPolicyTemplate, text: newPolicyTemplate };

export const usePolicyWorkspaceStore = create<WorkspaceState>()((set) => ({
  document: { ...untitled, revision: 0 },
  snapshotPath: null,
  selectedTenant: null,
  loadDocument: ({ path, text, version }) =>
    set(({ document }) => ({ document: { path, version, savedText: text, text, revision: document.revision + 1 } })),
  newDocument: () => set(({ document }) => ({ document: { ...untitled, revision: document.revision + 1 } })),
  editText: (text) => set(({ document }) => ({ document: { ...document, text } })),
  // The editor keeps its content (and undo history): only the baseline moves.
  markSaved: (path, text, version) => set(({ document }) => ({ document: { ...document, path, version, savedText: text } })),
  setSnapshotPath: (snapshotPath) => set({ snapshotPath }),
  selectTenant: (selectedTenant) => set({ selectedTenant }),
}));

/** Edited since it was opened, saved or created. */
export function isDirty(document: PolicyDocument): boolean {
  return document.text !== document.savedText;
}

export function suggestedFileName(document: PolicyDocument): string {
  return document.path?.split(/[\\/]/).at(-1) ?? NEW_POLICY_FILE_NAME;
}
