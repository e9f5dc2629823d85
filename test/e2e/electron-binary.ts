import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary, or why there is none (this machine cannot download it). */
export function findElectron(): { path: string } | { missing: string } {
  if (process.env['ELECTRON_PATH']) {
    return existsSync(process.env['ELECTRON_PATH'])
      ? { path: process.env['ELECTRON_PATH'] }
      : { missing: `ELECTRON_PATH=${process.env['ELECTRON_PATH']} does not exist` };
  }
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) ? { path } : { missing: `the electron package points at ${path}, which is absent` };
  } catch (error) {
    return { missing: `no Electron binary installed (${(error as Error).message.split('\n')[0]}); set ELECTRON_PATH to run this project` };
  }
}
