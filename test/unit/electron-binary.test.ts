// `npm start` without an Electron binary: the words and the fix, before keytar is rebuilt for Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const check = (env: Record<string, string | undefined>) => {
  const run = spawnSync(process.execPath, ['scripts/electron-binary.mjs', 'check'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stderr: run.stderr };
};

describe('npm start without the Electron binary', () => {
  it('runs the binary check before the keytar rebuild', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(pkg.scripts['prestart']).toMatch(/^node scripts\/electron-binary\.mjs check && /);
    expect(pkg.scripts['start']).toBe('node scripts/electron-binary.mjs preview');
  });

  it('names a missing ELECTRON_PATH and both fixes', () => {
    const result = check({ ELECTRON_PATH: '/nonexistent/electron' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot start Odradek: ELECTRON_PATH is set to /nonexistent/electron, which does not exist.');
    expect(result.stderr).toContain('set ELECTRON_PATH=/path/to/electron');
    expect(result.stderr).toContain('without ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(result.stderr).not.toContain('Electron uninstall');
  });

  it('accepts an ELECTRON_PATH that exists', () => {
    const binary = path.join(mkdtempSync(path.join(tmpdir(), 'odradek-electron-')), 'electron');
    writeFileSync(binary, '');
    expect(check({ ELECTRON_PATH: binary })).toEqual({ status: 0, stderr: '' });
  });

  it.runIf(!existsSync('node_modules/electron/path.txt'))('says the binary was never downloaded on a machine installed without it', () => {
    const result = check({ ELECTRON_PATH: undefined });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Cannot start Odradek: The Electron binary is not installed: the electron package was installed without it/);
  });
});
