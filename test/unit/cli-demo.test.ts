// `odradek demo status` in-process against a temporary data folder: no file, a running demo (this
// process stands in for the bed's owner), a stopped one, a broken file; --json is the demo:status shape.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';

let dataDir: string;
let stdout: string[];
const io = (): CliIo => ({ dataDir, out: (text) => stdout.push(text), err: (text) => stdout.push(text), readInput: (path) => readFile(path, 'utf8') });
const discovery = (bedPid: number) => ({
  schemaVersion: 1,
  profileId: 'local-demo',
  profileName: 'Local demo',
  bootstrap: '127.0.0.1:9999',
  registryUrl: null,
  connectUrl: null,
  pids: { bed: bedPid, traffic: null },
  tenancyFile: null,
  startedAt: '2026-12-02T00:00:00.000Z',
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'odradek-cli-demo-'));
  stdout = [];
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('odradek demo status', () => {
  it('says how to start a demo when there is none', async () => {
    expect(await runCli(['demo', 'status'], io())).toBe(0);
    expect(stdout.join('\n')).toContain('No local demo: run `npm run demo`');
  });

  it('reports a running demo whose profile is gone, as JSON too', async () => {
    await writeFile(join(dataDir, 'local-demo.json'), JSON.stringify(discovery(process.pid)));
    expect(await runCli(['demo', 'status'], io())).toBe(0);
    expect(stdout.join('\n')).toContain('The local demo is running: Kafka 127.0.0.1:9999, live traffic off.');
    expect(stdout.join('\n')).toContain("Its profile 'Local demo' is gone");
    stdout = [];
    expect(await runCli(['demo', 'status', '--json'], io())).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({
      state: 'running',
      profileId: 'local-demo',
      profileName: 'Local demo',
      bootstrap: '127.0.0.1:9999',
      registryUrl: null,
      liveTraffic: false,
      tenancyFile: null,
      profileExists: false,
    });
  });

  it('reports a stopped demo and a broken file, and refuses unknown verbs', async () => {
    // Above the kernel's pid_max: never a live process.
    await writeFile(join(dataDir, 'local-demo.json'), JSON.stringify(discovery(4_194_305)));
    await runCli(['demo', 'status'], io());
    expect(stdout.join('\n')).toContain('The local demo is stopped');
    await writeFile(join(dataDir, 'local-demo.json'), '{ not json');
    stdout = [];
    await runCli(['demo', 'status'], io());
    expect(stdout.join('\n')).toContain('cannot be read');
    expect(await runCli(['demo', 'start'], io())).toBe(2);
  });
});
