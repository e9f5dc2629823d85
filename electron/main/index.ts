// Composition root: the only file that knows every concrete port. Services and handlers below it are
// Electron-free; platform/ holds the few modules that talk to Electron, electron-store and keytar.
import { app, BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCAL_DEMO_FILE_NAME } from '../../shared/domain/demo/local-demo';
import { createAppHandlers } from './app-handlers';
import { createDispatcher } from './ipc/dispatcher';
import { createEventBus } from './ipc/events';
import { createElectronDialogs } from './platform/dialogs';
import { bindDispatcherToIpcMain } from './platform/ipc';
import { createKeytarSecretStore } from './platform/keytar-secret-store';
import { PROFILE_STORE_NAME, createStoreProfileRepo, openProfileStore } from './platform/profile-store';
import { TENANCY_SETTINGS_STORE_NAME, createStoreTenancySettingsRepo } from './platform/tenancy-settings-store';
import { createMainWindow, lockDownSessions, openInBrowser } from './platform/window';
import { isTrustedWindowSender } from './security/web-security';
import { systemClock } from './services/ports';

// No crash reporter, no auto-update, no telemetry: Odradek only talks to endpoints a profile names.
app.enableSandbox();
// `npm run demo` and the CLI honour ODRADEK_DATA_DIR; the app reads the same folder then.
if (process.env['ODRADEK_DATA_DIR']) app.setPath('userData', process.env['ODRADEK_DATA_DIR']);

const rendererEntryUrl = process.env['ELECTRON_RENDERER_URL'] ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const ownWindows = new Set<number>();

function start(): void {
  lockDownSessions();
  const profileStore = openProfileStore(
    () => new ElectronStore({ name: PROFILE_STORE_NAME }),
    join(app.getPath('userData'), `${PROFILE_STORE_NAME}.json`),
  );
  const events = createEventBus();
  events.deliverTo((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (ownWindows.has(window.webContents.id)) window.webContents.send(name, payload);
    }
  });
  const { handlers, producers } = createAppHandlers({
    profiles: createStoreProfileRepo(profileStore),
    secrets: createKeytarSecretStore(),
    clock: systemClock,
    events,
    appInfo: { version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? null },
    openExternal: openInBrowser,
    readFile: (path) => readFile(path),
    dialogs: createElectronDialogs(),
    tenancySettings: createStoreTenancySettingsRepo(() => new ElectronStore({ name: TENANCY_SETTINGS_STORE_NAME })),
    log: (line) => console.warn(line),
    localDemoFile: join(app.getPath('userData'), LOCAL_DEMO_FILE_NAME),
  });
  const dispatcher = createDispatcher({
    handlers,
    producers,
    isTrustedSender: (sender) => sender.kind === 'window' && isTrustedWindowSender(sender, ownWindows, rendererEntryUrl),
    reportInternalError: (where, error) => console.error(`[odradek] ${where}:`, error instanceof Error ? error.message : error),
  });
  bindDispatcherToIpcMain(dispatcher);
  openWindow();
}

function openWindow(): void {
  const window = createMainWindow({ preloadPath, entryUrl: rendererEntryUrl });
  const id = window.webContents.id;
  ownWindows.add(id);
  window.on('closed', () => ownWindows.delete(id));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(start);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
