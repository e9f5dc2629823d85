// Native file dialogs: the only way a file path reaches main, so the user, not the renderer, decides
// which files Odradek may read and write.
import { BrowserWindow, dialog, type FileFilter } from 'electron';
import type { FileDialogs, OpenFileKind, SaveFileKind } from '../services/policy-workspace-service';

const anyFile: FileFilter = { name: 'All files', extensions: ['*'] };

const openOptions: Record<OpenFileKind, { title: string; filters: FileFilter[] }> = {
  policy: { title: 'Open a policy file', filters: [{ name: 'Kpow RBAC / tenancy YAML', extensions: ['yaml', 'yml'] }, anyFile] },
  snapshot: { title: 'Open a snapshot', filters: [{ name: 'Odradek snapshot JSON', extensions: ['json'] }, anyFile] },
  'produce-input': { title: 'Produce messages from a JSON Lines file', filters: [{ name: 'JSON Lines', extensions: ['jsonl', 'ndjson', 'json'] }, anyFile] },
};

const saveOptions: Record<SaveFileKind, { title: string; filters?: FileFilter[] }> = {
  policy: { title: 'Save the policy file as', filters: openOptions.policy.filters },
  'profile-export': { title: 'Save the connection settings (with secrets) as' },
  'message-export': { title: 'Export messages to', filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }, { name: 'CSV', extensions: ['csv'] }, anyFile] },
  snapshot: { title: 'Save the snapshot as', filters: openOptions.snapshot.filters },
};

export function createElectronDialogs(): FileDialogs {
  return {
    async chooseOpenPath(kind) {
      const options = { ...openOptions[kind], properties: ['openFile' as const] };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(kind, suggestedName) {
      const options = { ...saveOptions[kind], defaultPath: suggestedName };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
