// The ports for main-process code running under plain Node: the `odradek` CLI and the end-to-end test
// bridge. They use the same stores as the app — electron-store is `conf` rooted at Electron's userData
// folder, so pointing `conf` at that folder reads and writes the very same file — and the same keychain.
import Conf from 'conf';
import { homedir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { LOCAL_DEMO_FILE_NAME } from '../../../shared/domain/demo/local-demo';
import type { AppPorts } from '../app-handlers';
import { createEventBus } from '../ipc/events';
import type { FileDialogs } from '../services/policy-workspace-service';
import { systemClock } from '../services/ports';
import { KEYCHAIN_SERVICE, createKeytarSecretStore } from './keytar-secret-store';
import { PROFILE_STORE_NAME, createStoreProfileRepo, openProfileStore } from './profile-store';
import { TENANCY_SETTINGS_STORE_NAME, createStoreTenancySettingsRepo } from './tenancy-settings-store';

/** Electron's `app.getPath('userData')` for productName "Odradek", computed without Electron. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['ODRADEK_DATA_DIR']) return env['ODRADEK_DATA_DIR'];
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Odradek');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Odradek');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Odradek');
}

export interface NodePortsOptions {
  dataDir?: string;
  /** The keychain service secrets are stored under; tests pass their own so a real keychain stays untouched. */
  keychainService?: string;
  openExternal?: (url: string) => Promise<void>;
}

export function createNodePorts(options: NodePortsOptions = {}, env: NodeJS.ProcessEnv = process.env): AppPorts {
  const dataDir = options.dataDir ?? defaultUserDataDir();
  const storeFile = join(dataDir, `${PROFILE_STORE_NAME}.json`);
  const opened = openProfileStore(() => new Conf({ cwd: dataDir, configName: PROFILE_STORE_NAME, projectName: 'odradek' }), storeFile);
  return {
    profiles: createStoreProfileRepo(opened),
    secrets: createKeytarSecretStore(options.keychainService ?? env['ODRADEK_KEYCHAIN_SERVICE'] ?? KEYCHAIN_SERVICE),
    clock: systemClock,
    events: createEventBus(),
    appInfo: { version: packageJson.version, platform: process.platform, electron: null },
    openExternal: options.openExternal ?? (async () => undefined),
    readFile: (path) => readFile(path),
    dialogs: createQueuedDialogs([]),
    tenancySettings: createStoreTenancySettingsRepo(() => new Conf({ cwd: dataDir, configName: TENANCY_SETTINGS_STORE_NAME, projectName: 'odradek' })),
    localDemoFile: join(dataDir, LOCAL_DEMO_FILE_NAME),
  };
}

/**
 * Dialogs without a user: each one takes the next path from `answers`, or is cancelled when none is
 * left. The CLI never opens one; end-to-end tests queue the paths a user would have picked.
 */
export function createQueuedDialogs(answers: string[]): FileDialogs {
  const next = async () => answers.shift() ?? null;
  return { chooseOpenPath: next, chooseSavePath: next };
}
