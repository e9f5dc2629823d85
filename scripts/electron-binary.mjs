#!/usr/bin/env node
// `npm start` needs the Electron binary. Without it electron-vite only says "Electron uninstall", so this
// finds the binary first (ELECTRON_PATH, else the electron package's download) and, when there is none,
// says so in words with the two ways to fix it. `check` only checks (prestart, before keytar is rebuilt
// for Electron); `preview` then runs `electron-vite preview` with that binary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FIX =
  'To fix it: set ELECTRON_PATH=/path/to/electron (an Electron 41 binary you have), or reinstall the electron package ' +
  'without ELECTRON_SKIP_BINARY_DOWNLOAD (unset it, then `rm -rf node_modules/electron && npm install`) on a machine that can reach Electron\'s download host.';

/** The binary's path, or a sentence saying why there is none. */
export function findElectronBinary(env = process.env, require = createRequire(import.meta.url)) {
  if (env.ELECTRON_PATH) {
    return existsSync(env.ELECTRON_PATH) ? { path: env.ELECTRON_PATH } : { missing: `ELECTRON_PATH is set to ${env.ELECTRON_PATH}, which does not exist.` };
  }
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'The electron package is not installed (node_modules/electron is missing).' };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'The Electron binary is not installed: the electron package was installed without it (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or its download failed).' };
  }
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `The Electron binary is missing: ${binary} does not exist.` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const mode = process.argv[2];
  if (mode !== 'check' && mode !== 'preview') {
    console.error('usage: electron-binary.mjs check|preview');
    process.exit(2);
  }
  const found = findElectronBinary();
  if ('missing' in found) {
    console.error(`Cannot start Odradek: ${found.missing}\n${FIX}`);
    process.exit(1);
  }
  if (mode === 'preview') {
    // electron-vite reads ELECTRON_EXEC_PATH before looking in node_modules/electron.
    const run = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(3)], { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: found.path } });
    process.exit(run.status ?? 1);
  }
}
