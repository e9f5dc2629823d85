import { BrowserWindow, nativeTheme, session, shell } from 'electron';
import {
  installNavigationGuards,
  installPermissionGuards,
  mainWindowOptions,
} from '../security/web-security';

export interface MainWindowParams {
  preloadPath: string;
  /** file:// URL of the built renderer, or the dev server URL under `electron-vite dev`. */
  entryUrl: string;
}

export function createMainWindow({ preloadPath, entryUrl }: MainWindowParams): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, nativeTheme.shouldUseDarkColors));
  installNavigationGuards(window.webContents, entryUrl, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

export function lockDownSessions(): void {
  installPermissionGuards(session.defaultSession);
}
