// Where the demo keeps what it started: <testbed cache>/demo/ beside the kafka:up bed's state.json
// (ODRADEK_DEMO_STATE_DIR moves it, for tests). demo.json says whether the demo started the bed and
// which traffic process (and its KIP-848 JVM) is ours; traffic.json is written by that process once live.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from '../testbed/jars';
import type { TestbedInfo } from '../testbed/types';

export function demoStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['ODRADEK_DEMO_STATE_DIR'] ? path.resolve(env['ODRADEK_DEMO_STATE_DIR']) : path.join(CACHE_DIR, 'demo');
}

export interface DemoState {
  /** The demo started the kafka:up bed (so --stop stops it); false when it found one running or was given one. */
  startedBed: boolean;
  bedOwnerPid: number;
  dataDir: string;
  bootstrap: string;
  trafficPid: number | null;
  kip848Pid: number | null;
  seededAt: string;
}

export interface TrafficState {
  pid: number;
  kip848Pid: number | null;
  /** The plaintext bootstrap it produces to: a traffic process of an older bed is not reused. */
  bootstrap: string;
  startedAt: string;
}

export interface TrafficConfig {
  info: TestbedInfo;
  registryUrl: string;
  stateDir: string;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export const readDemoState = (dir: string) => readJson<DemoState>(path.join(dir, 'demo.json'));
export const writeDemoState = (dir: string, state: DemoState) => writeJson(path.join(dir, 'demo.json'), state);
export const readTrafficState = (dir: string) => readJson<TrafficState>(path.join(dir, 'traffic.json'));
export const writeTrafficState = (dir: string, state: TrafficState) => writeJson(path.join(dir, 'traffic.json'), state);
export const writeTrafficConfig = (dir: string, config: TrafficConfig) => writeJson(path.join(dir, 'traffic-config.json'), config);

export function clearDemoState(dir: string): void {
  for (const name of ['demo.json', 'traffic.json', 'traffic-config.json']) rmSync(path.join(dir, name), { force: true });
}
