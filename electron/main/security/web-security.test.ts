import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  decidePermission,
  decideWindowOpen,
  installNavigationGuards,
  installPermissionGuards,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedWindowSender,
  createSecureWindow,
  type GuardableContents,
  type WindowOpenDecision,
} from './web-security';

const appEntry = 'file:///opt/Odradek/resources/app.asar/out/renderer/index.html';

describe('main window options', () => {
  it('turn on the sandbox and isolation and turn off Node, webviews, middle-click and insecure content', () => {
    let captured: BrowserWindowConstructorOptions | null = null;
    class FakeBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        captured = options;
      }
    }
    expect(createSecureWindow(FakeBrowserWindow, '/app/preload.cjs', false)).toBeInstanceOf(FakeBrowserWindow);
    const preferences = captured!.webPreferences!;
    expect(preferences).toMatchObject({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(captured!.show).toBe(false);
  });
});

describe('navigation guards', () => {
  it('recognise only the app entry as the app', () => {
    expect(isAppUrl(appEntry, appEntry)).toBe(true);
    expect(isAppUrl(`${appEntry}#/topics`, appEntry)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', appEntry)).toBe(false);
    expect(isAppUrl('https://example.com/', appEntry)).toBe(false);
    expect(isAppUrl('http://localhost:5173/topics', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', appEntry)).toBe(false);
  });

  it('allow only plain http(s) links out, without credentials', () => {
    expect(isSafeExternalUrl('https://kafka.apache.org/documentation/')).toBe(true);
    expect(isSafeExternalUrl('http://localhost:8080/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'data:text/html,x', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('block navigation and redirects away from the app, webviews and new windows', () => {
    const contents = new EventEmitter() as EventEmitter & GuardableContents;
    let windowOpenHandler: ((details: { url: string }) => WindowOpenDecision) | null = null;
    contents.setWindowOpenHandler = (handler) => (windowOpenHandler = handler);
    const opened: string[] = [];
    installNavigationGuards(contents, appEntry, (url) => opened.push(url));

    const attempt = (event: string, url?: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///home/user/dropped.html')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', `${appEntry}#/groups`)).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);

    expect(windowOpenHandler!({ url: 'https://kafka.apache.org/' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://kafka.apache.org/']);
    expect(decideWindowOpen('javascript:alert(1)', (url) => opened.push(url))).toEqual({ action: 'deny' });
    expect(opened).toHaveLength(1);
  });

  it('deny every permission request and check', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
    installPermissionGuards({
      setPermissionRequestHandler: (handler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler) => (checkHandler = handler),
    });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      let granted: boolean | null = null;
      requestHandler!(null, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(checkHandler!(null, permission)).toBe(false);
      expect(decidePermission(permission)).toBe(false);
    }
  });

  it('trust a sender only when it is our window showing our page', () => {
    const ours = new Set([7]);
    expect(isTrustedWindowSender({ webContentsId: 7, frameUrl: appEntry }, ours, appEntry)).toBe(true);
    expect(isTrustedWindowSender({ webContentsId: 8, frameUrl: appEntry }, ours, appEntry)).toBe(false);
    expect(isTrustedWindowSender({ webContentsId: 7, frameUrl: 'https://evil.example/' }, ours, appEntry)).toBe(false);
    expect(isTrustedWindowSender({ webContentsId: 7, frameUrl: '' }, ours, appEntry)).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the one in the renderer page, and allows no inline or remote script', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|http)/);
  });
});
