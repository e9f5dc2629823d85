// The architecture's import boundaries are enforced by ESLint; these cases prove the rules bite by
// linting deliberate violations as if they were files in the guarded folders.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('architecture boundaries (ESLint)', () => {
  it.each([
    ["import { app } from 'electron';", 'electron'],
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import { readFileSync } from 'fs';", 'fs'],
    ["import { join } from 'path';", 'path'],
    ["import { createHash } from 'crypto';", 'crypto'],
    ["import keytar from 'keytar';", 'keytar'],
    ["import Store from 'electron-store';", 'electron-store'],
    ["import { createRoot } from 'react-dom/client';\nexport { createRoot };", 'react-dom/client'],
    ["import { x } from '../../electron/main/services/ports';\nexport { x };", 'a process-specific folder'],
  ])('rejects %s in shared/', async (code) => {
    expect(await ruleIdsFor('shared/domain/boundary-fixture.ts', `${code}\n`)).toContain('no-restricted-imports');
  });

  it.each(['window.location.href;', 'document.title;', 'process.env.HOME;', 'Buffer.from("x");'])(
    'rejects the environment global in `%s` in shared/',
    async (code) => {
      expect(await ruleIdsFor('shared/domain/boundary-fixture.ts', `export const value = ${code}\n`)).toContain('no-restricted-globals');
    },
  );

  it('accepts pure code in shared/', async () => {
    const code = "import { z } from 'zod';\nimport { ok } from '../ipc/result';\nexport const schema = z.string();\nexport const done = ok(1);\n";
    expect(await ruleIdsFor('shared/domain/boundary-fixture.ts', code)).toEqual([]);
  });

  it('keeps Electron out of main-process services, but allows type imports', async () => {
    expect(await ruleIdsFor('electron/main/services/boundary-fixture.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('electron/main/services/boundary-fixture.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toEqual([]);
    expect(await ruleIdsFor('electron/main/platform/boundary-fixture.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it('keeps the renderer away from main-process modules', async () => {
    expect(await ruleIdsFor('renderer/src/boundary-fixture.ts', "import keytar from 'keytar';\nexport const k = keytar;\n")).toContain(
      'no-restricted-imports',
    );
  });
});
