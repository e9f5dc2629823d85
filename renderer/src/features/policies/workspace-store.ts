// The document being edited, kept outside the screen so leaving the workspace and coming back does not
// lose unsaved work. The snapshot itself is file data and lives in TanStack Query, keyed by its path.
import { create } from 'zustand';
import { effectiveTenants, type PolicyParseResult, type Tenant } from '../../../../shared/domain/tenancy';
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
  /** The open document's last text that parsed without errors (null until one does, and for each new document). */
  lastValid: { revision: number; text: string } | null;
  loadDocument(file: { path: string | null; text: string; version: PolicyFileVersion | null }): void;
  newDocument(): void;
  editText(text: string): void;
  markSaved(path: string, text: string, version: PolicyFileVersion): void;
  setSnapshotPath(path: string | null): void;
  selectTenant(name: string | null): void;
  rememberValid(revision: number, text: string): void;
}

const untitled = { path: null, version: null, savedText: newPolicyTemplate, text: newPolicyTemplate };

export const usePolicyWorkspaceStore = create<WorkspaceState>()((set) => ({
  document: { ...untitled, revision: 0 },
  snapshotPath: null,
  selectedTenant: null,
  lastValid: null,
  loadDocument: ({ path, text, version }) =>
    set(({ document }) => ({ document: { path, version, savedText: text, text, revision: document.revision + 1 } })),
  newDocument: () => set(({ document }) => ({ document: { ...untitled, revision: document.revision + 1 } })),
  editText: (text) => set(({ document }) => ({ document: { ...document, text } })),
  // The editor keeps its content (and undo history): only the baseline moves.
  markSaved: (path, text, version) => set(({ document }) => ({ document: { ...document, path, version, savedText: text } })),
  setSnapshotPath: (snapshotPath) => set({ snapshotPath }),
  selectTenant: (selectedTenant) => set({ selectedTenant }),
  rememberValid: (revision, text) => set({ lastValid: { revision, text } }),
}));

/** Which text the tenants on screen come from. */
export type TenantSource =
  | { kind: 'current'; tenants: readonly Tenant[]; defaults: boolean }
  | { kind: 'last-valid'; tenants: readonly Tenant[]; errors: number }
  | { kind: 'unparsed'; tenants: readonly []; errors: number };

/**
 * The open document's tenants: from its text when that parses; otherwise from the last text of the same
 * document that did (said so), or none — never Kpow's defaults, which only apply to a file that parses and
 * configures no tenants.
 */
export function tenantSource(current: PolicyParseResult, lastValid: PolicyParseResult | null): TenantSource {
  const errors = current.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (current.valid) return { kind: 'current', tenants: effectiveTenants(current.policy), defaults: current.policy.tenants.length === 0 };
  if (lastValid?.valid) return { kind: 'last-valid', tenants: effectiveTenants(lastValid.policy), errors };
  return { kind: 'unparsed', tenants: [], errors };
}

/** Edited since it was opened, saved or created. */
export function isDirty(document: PolicyDocument): boolean {
  return document.text !== document.savedText;
}

export function suggestedFileName(document: PolicyDocument): string {
  return document.path?.split(/[\\/]/).at(-1) ?? NEW_POLICY_FILE_NAME;
}
