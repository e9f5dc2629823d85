// Native file dialogs: the only way a policy or snapshot path reaches main, so the user, not the
// renderer, decides which files Odradek may read and write.
import { BrowserWindow, dialog, type FileFilter } from 'electron';
import type { FileDialogs, WorkspaceFileKind } from '../services/policy-workspace-service';

const filters: Record<WorkspaceFileKind, FileFilter[]> = {
  policy: [
    { name: 'Kpow RBAC / tenancy YAML', extensions: ['yaml', 'yml'] },
    { name: 'All files', extensions: ['*'] },
  ],
  snapshot: [
    { name: 'Odradek snapshot JSON', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

const titles: Record<WorkspaceFileKind, string> = {
  policy: 'Open a policy file',
  snapshot: 'Open a snapshot',
};

export function createElectronDialogs(): FileDialogs {
  return {
    async chooseOpenPath(kind) {
      const options = { title: titles[kind], filters: filters[kind], properties: ['openFile' as const] };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(kind, suggestedName) {
      const options =
        kind === 'policy'
          ? { title: 'Save the policy file as', defaultPath: suggestedName, filters: filters.policy }
          : { title: 'Save the connection settings (with secrets) as', defaultPath: suggestedName };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
