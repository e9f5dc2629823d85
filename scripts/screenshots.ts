// `npm run screenshots`: the README's pictures, taken from the running local demo through the test
// bridge (the built renderer in Debian's Chromium, main's real services), walking the same tour the
// demo E2E spec asserts. Runs `npm run demo` first (idempotent; the Electron launch skipped), then
// bridges to a copy of the user data folder, so attaching the tenancy file touches no real setting.
import { chromium } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { LOCAL_DEMO_FILE_NAME } from '../shared/domain/demo/local-demo';
import { createNodePorts, createQueuedDialogs, defaultUserDataDir } from '../electron/main/platform/node-ports';
import { PROFILE_STORE_NAME } from '../electron/main/platform/profile-store';
import { startBridgeServer } from '../test/e2e/bridge-server';
import { demoTour } from '../test/e2e/demo-tour';
import { TENANCY_FILE_NAME } from '../demo/plan';

const outDir = resolve('docs/screenshots');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const demo = spawnSync(process.execPath, ['--import', 'tsx', resolve('demo/cli.ts')], { stdio: 'inherit', env: { ...process.env, ODRADEK_DEMO_NO_LAUNCH: '1' } });
if (demo.status !== 0) {
  process.stderr.write('npm run screenshots: the demo did not come up (see above).\n');
  process.exit(1);
}

const userData = defaultUserDataDir();
const work = mkdtempSync(join(tmpdir(), 'odradek-screenshots-'));
for (const name of [`${PROFILE_STORE_NAME}.json`, LOCAL_DEMO_FILE_NAME, TENANCY_FILE_NAME]) {
  if (existsSync(join(userData, name))) copyFileSync(join(userData, name), join(work, name));
}
mkdirSync(outDir, { recursive: true });
const dialogAnswers: string[] = [];
const bridge = await startBridgeServer({ rendererDir: resolve('out/renderer'), ports: { ...createNodePorts({ dataDir: work }), dialogs: createQueuedDialogs(dialogAnswers) } });
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(bridge.pageUrl());
  await demoTour(page, {
    dialogAnswers,
    tenancyFile: join(work, TENANCY_FILE_NAME),
    snapshotFile: join(work, 'demo-snapshot.json'),
    minLagPoints: 8,
    shoot: async (name) => {
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      process.stdout.write(`wrote ${file}\n`);
    },
  });
} finally {
  await browser.close();
  await bridge.close();
  rmSync(work, { recursive: true, force: true });
}
