import { BrowserWindow, nativeTheme, session, shell } from 'electron';
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
  void window.loadURL(entryUrl);
  return window;
}

export function lockDownSessions(): void {
  installPermissionGuards(session.defaultSession);
}
