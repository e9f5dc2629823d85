// Runs the real `npm run demo` entry (demo/cli.ts) against a bed that is already up, as the E2E spec and
// `npm run screenshots` do: ODRADEK_DEMO_BED names the bed, the Electron launch is skipped.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestbedInfo } from '../../testbed/types';

export interface DemoRun {
  status: number | null;
  output: string;
}

export function writeDemoBedFile(dir: string, info: TestbedInfo, registryUrl: string): string {
  const file = join(dir, 'demo-bed.json');
  writeFileSync(file, JSON.stringify({ info, registryUrl }));
  return file;
}

export function runDemoCommand(args: string[], env: Record<string, string>): DemoRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve('demo/cli.ts'), ...args], {
    cwd: resolve('.'),
    env: { ...process.env, ODRADEK_DEMO_NO_LAUNCH: '1', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}
