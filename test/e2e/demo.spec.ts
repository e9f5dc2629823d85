// `npm run demo` end to end: the demo command seeds the E2E bed (with Apicurio), writes the "Local demo"
// profile into this worker's data folder with its password in the (throwaway) keychain, and starts its
// traffic; the app then shows every seeded object: the first-run card, the topics (the internal-looking
// one behind "Hide internal topics"), an Avro record decoded, a group in each state (KIP-848 among them)
// with a lag chart, the subjects, both tenants of its tenancy file, and the policy workspace over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { createProfileService } from '../../electron/main/services/profiles/profile-service';
import { test, expect } from './fixtures';
import { demoTour } from './demo-tour';
import { runDemoCommand, writeDemoBedFile } from './demo-run';
import { registryInfo, testbedInfo } from './testbed-info';

let work: string;
let env: Record<string, string>;

test.beforeAll(async ({ dataDir }, workerInfo) => {
  if (workerInfo.project.name !== 'chromium') return;
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'odradek-demo-e2e-'));
  env = { ODRADEK_DEMO_BED: writeDemoBedFile(work, testbedInfo(), registryInfo().url), ODRADEK_DATA_DIR: dataDir, ODRADEK_DEMO_STATE_DIR: join(work, 'state') };
  const run = runDemoCommand([], env);
  expect(run.status, run.output).toBe(0);
  expect(run.output).toContain('Not launching the app (ODRADEK_DEMO_NO_LAUNCH=1)');
});

test.afterAll(async ({ dataDir }, workerInfo) => {
  if (workerInfo.project.name !== 'chromium') return;
  const stopped = runDemoCommand(['--stop'], env);
  expect(stopped.status, stopped.output).toBe(0);
  expect(stopped.output).toContain('Stopped the live traffic');
  // The worker's data folder serves the specs after this one: leave it as it was (no demo, no profile).
  const ports = createNodePorts({ dataDir });
  await createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile }).delete('local-demo');
  for (const name of ['local-demo.json', 'local-demo-tenancy.yaml']) rmSync(join(dataDir, name), { force: true });
  rmSync(work, { recursive: true, force: true });
});

test('every object the demo seeds shows in the app', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'the demo is seeded for the Chromium project (queued file dialogs attach its tenancy file)');
  // Seven screens over live data, two lag samples 5 s apart, a snapshot: about three minutes on 2 loaded cores.
  test.setTimeout(300_000);
  await demoTour(app, {
    dialogAnswers,
    tenancyFile: join(env['ODRADEK_DATA_DIR']!, 'local-demo-tenancy.yaml'),
    snapshotFile: join(work, 'demo-snapshot.json'),
    shoot: async (name) => {
      await app.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    },
  });
});
