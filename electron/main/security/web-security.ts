// The window's security settings and navigation guards as plain functions, so they can be unit-tested
// without an Electron binary. platform/window.ts applies them to the real BrowserWindow.
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Creates the main window. The constructor is passed in so tests can capture the options without an
 * Electron binary; the options stay a literal at the `new BrowserWindow` call so static checkers
 * (Electronegativity) can read them.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  prefersDark: boolean,
): W {
  return new BrowserWindow({
    title: 'Odradek',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // Matches the renderer's first paint so the window does not flash white in dark mode.
    backgroundColor: prefersDark ? '#1a1b1e' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window, bypassing the window-open guard.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/**
 * Whether a URL is the app's own page. The renderer is a single page: any navigation away from its
 * entry (a dropped file, a link without target, a redirect) would load content with our preload.
 */
export function isAppUrl(candidate: string, appEntryUrl: string): boolean {
  const target = parseUrl(candidate);
  const entry = parseUrl(appEntryUrl);
  if (!target || !entry) return false;
  if (entry.protocol === 'file:') {
    return target.protocol === 'file:' && target.pathname === entry.pathname;
  }
  return target.origin === entry.origin;
}

/** Only plain web links leave the app, in the user's browser; never file:, javascript:, smb: and the like. */
export function isSafeExternalUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // Credentials in a link are a phishing pattern and would leak to the browser's history.
  return url.username === '' && url.password === '' && url.hostname !== '';
}

export type WindowOpenDecision = { action: 'deny' };

/** New windows are never created; a safe web link is handed to the OS browser instead. */
export function decideWindowOpen(url: string, openExternal: (url: string) => void): WindowOpenDecision {
  if (isSafeExternalUrl(url)) openExternal(url);
  return { action: 'deny' };
}

/** Odradek needs no camera, notifications, geolocation, clipboard-read, HID...: every request is denied. */
export function decidePermission(_permission: string): boolean {
  return false;
}

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine writes its theme variables into a <style> element at runtime; scripts stay locked down.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' also covers the end-to-end bridge's WebSocket, which is served from the page's own origin.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The subset of Electron's WebContents the guards need; lets tests pass an EventEmitter. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export function installNavigationGuards(
  contents: GuardableContents,
  appEntryUrl: string,
  openExternal: (url: string) => void,
): void {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, openExternal));
}

export function installPermissionGuards(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
}

/** Trusted senders are our own windows showing our own page; anything else is ignored. */
export function isTrustedWindowSender(
  sender: { webContentsId: number; frameUrl: string },
  ownWebContentsIds: ReadonlySet<number>,
  appEntryUrl: string,
): boolean {
  return ownWebContentsIds.has(sender.webContentsId) && isAppUrl(sender.frameUrl, appEntryUrl);
}
