// `app` gives each spec a page showing the real built renderer talking to main's real handlers:
// in Chromium through the test bridge, or in Electron through the real preload.
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { startBridgeServer, type BridgeServer } from './bridge-server';
import { findElectron } from './electron-binary';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// ODRADEK_E2E_RENDERER_DIR serves a copy of a build, so a rebuild of out/ during a run cannot pull chunks away.
const rendererDir = resolve(process.env['ODRADEK_E2E_RENDERER_DIR'] ?? 'out/renderer');
const mainEntry = resolve('out/main/index.js');

interface Fixtures {
  app: Page;
}
interface WorkerFixtures {
  dataDir: string;
  /** Paths the next file dialogs answer with, in order (Chromium project only: there is no user to ask). */
  dialogAnswers: string[];
  bridge: BridgeServer | null;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  dataDir: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'odradek-e2e-'));
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  dialogAnswers: [async ({}, use) => use([]), { scope: 'worker' }],
  bridge: [
    async ({ dataDir, dialogAnswers }, use, workerInfo) => {
      if (workerInfo.project.name !== 'chromium') return use(null);
      const ports = { ...createNodePorts({ dataDir }), dialogs: createQueuedDialogs(dialogAnswers) };
      const server = await startBridgeServer({ rendererDir, ports });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ bridge, dataDir, dialogAnswers }, use, testInfo) => {
    // Answers a previous test queued but never used must not answer this test's dialogs.
    dialogAnswers.length = 0;
    if (testInfo.project.name === 'electron') {
      const electron = findElectron();
      test.skip('missing' in electron, 'missing' in electron ? `Electron project not run: ${electron.missing}` : '');
      if (!('path' in electron)) return;
      const app = await _electron.launch({
        executablePath: electron.path,
        args: [mainEntry],
        env: { ...process.env, ODRADEK_DATA_DIR: dataDir },
      });
      await use(await app.firstWindow());
      await app.close();
      return;
    }
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // A context of its own (not browser.newPage), as the axe-core scan requires.
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(bridge!.pageUrl());
    await use(page);
    await browser.close();
    if (pageErrors.length > 0) throw new Error(`The renderer threw: ${pageErrors.join('; ')}`);
  },
});

export { expect } from '@playwright/test';
