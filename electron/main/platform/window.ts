import { BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import {
  createSecureWindow,
  installNavigationGuards,
  installPermissionGuards,
  isSafeExternalUrl,
} from '../security/web-security';

export interface MainWindowParams {
  preloadPath: string;
  /** file:// URL of the built renderer, or the dev server URL under `electron-vite dev`. */
  entryUrl: string;
}

/** The app's only way to the user's browser: checked here, whoever asks. */
export async function openInBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) throw new Error(`Refusing to open ${JSON.stringify(url.slice(0, 200))} outside the app.`);
  await shell.openExternal(url);
}

export function createMainWindow({ preloadPath, entryUrl }: MainWindowParams): BrowserWindow {
  const window = createSecureWindow(BrowserWindow, preloadPath, nativeTheme.shouldUseDarkColors);
  installNavigationGuards(window.webContents, entryUrl, (url) => void openInBrowser(url));
  window.once('ready-to-show', () => window.show());
  // The renderer raises beforeunload while an editor holds unsaved changes; Electron would otherwise
  // silently keep the window open, so ask the user, and preventDefault here means "close anyway".
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Unsaved changes',
      message: 'You have unsaved changes.',
      detail: 'Close Odradek anyway? Your edits will be lost.',
      buttons: ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(entryUrl);
  return window;
}

export function lockDownSessions(): void {
  installPermissionGuards(session.defaultSession);
}
