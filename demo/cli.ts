// `npm run demo`: a local Kafka with the Apicurio registry, a small live world in it, a ready
// "Local demo" profile, and the app. `npm run demo -- --stop` stops what it started. See docs/demo.md.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultUserDataDir } from '../electron/main/platform/node-ports';
import { findJava21 } from '../testbed/registry';
import { isAlive, waitForExit } from '../testbed/node-process';
import { readState, reusableState } from '../testbed/state';
import { kafkaLineFromEnv } from '../testbed/jars';
import type { TestbedInfo } from '../testbed/types';
import { DEMO_GROUPS, DEMO_PROFILE_ID, DEMO_PROFILE_NAME, DEMO_TOPICS, decideBed, decideTraffic, stopPlan } from './plan';
import { seedDemo, writeDiscoveryFile, type DemoBed } from './seed';
import { clearDemoState, demoStateDir, readDemoState, readTrafficState, writeDemoState, writeTrafficConfig } from './state';
import { startConnectWorker } from './connect';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Java 17+ for Kafka, in one line when missing (no stack trace). */
async function checkJava(): Promise<string | null> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const major = await execFileAsync(java, ['-version'])
    .then(({ stderr, stdout }) => {
      const match = /version "(\d+)(?:\.(\d+))?/.exec(`${stderr}${stdout}`);
      return match ? (Number(match[1]) === 1 ? Number(match[2]) : Number(match[1])) : null;
    })
    .catch(() => null);
  const install = 'install one (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@21`) or point JAVA_HOME at it.';
  if (major === null) return `The demo needs Java 17 or newer for Kafka and found no \`${java}\`: ${install}`;
  if (major < 17) return `The demo needs Java 17 or newer for Kafka and \`${java}\` is Java ${major}: ${install}`;
  return null;
}

/** Only a process we started (its command line names it); a recycled pid is left alone. */
function isOurs(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return process.platform !== 'linux';
  }
}

async function startBed(): Promise<{ info: TestbedInfo }> {
  say('Starting Kafka and the Apicurio registry (the first start downloads the jars with Maven)…');
  const up = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'testbed', 'cli.ts'), 'up'], {
    cwd: ROOT,
    env: { ...process.env, TESTBED_REGISTRY: '1', TESTBED_REGISTRY_BASIC: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (up.status !== 0) throw new Error('the test bed did not start (see above)');
  const state = readState();
  if (!state) throw new Error('the test bed started but left no state file');
  return { info: state.info };
}

async function acquireBed(): Promise<{ bed: DemoBed; startedBed: boolean }> {
  const external = process.env['ODRADEK_DEMO_BED'] ?? null;
  const running = external === null ? await reusableState(kafkaLineFromEnv()) : null;
  const previous = readDemoState(demoStateDir());
  const decision = decideBed({
    externalFile: external,
    running: running === null ? null : { hasRegistry: Boolean(running.info.registry), kafkaLine: running.info.line },
    startedByDemo: previous?.startedBed === true && previous.bedOwnerPid === running?.supervisorPid,
  });
  switch (decision.action) {
    case 'reuse-external': {
      const given = JSON.parse(readFileSync(decision.file, 'utf8')) as DemoBed;
      return { bed: given, startedBed: false };
    }
    case 'refuse':
      throw new Error(decision.reason);
    case 'reuse-running':
      say(`Using the running test bed (Kafka ${running!.info.kafkaVersion}).`);
      return { bed: { info: running!.info, registryUrl: running!.info.registry!.plain }, startedBed: decision.startedByDemo };
    case 'start': {
      const { info } = await startBed();
      if (!info.registry) throw new Error('the test bed started without its registry');
      return { bed: { info, registryUrl: info.registry.plain }, startedBed: true };
    }
  }
}

async function startTraffic(bed: DemoBed, stateDir: string): Promise<{ pid: number; kip848Pid: number | null }> {
  const recorded = readTrafficState(stateDir);
  const decision = decideTraffic(recorded, (pid) => isOurs(pid, 'demo/traffic.ts'), bed.info.listeners.plaintext);
  if (decision.action === 'keep') {
    say(`Live traffic: already running (pid ${decision.pid}).`);
    return { pid: decision.pid, kip848Pid: recorded?.kip848Pid ?? null };
  }
  writeTrafficConfig(stateDir, { info: bed.info, registryUrl: bed.registryUrl, stateDir });
  const log = openSync(path.join(stateDir, 'traffic.log'), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'demo', 'traffic.ts'), path.join(stateDir, 'traffic-config.json')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: process.env,
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the traffic process');
  // Live once it has written traffic.json (its producer connected, its members joining).
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const state = readTrafficState(stateDir);
    if (state?.pid === pid) {
      say(`Live traffic: started (pid ${pid}, log ${path.join(stateDir, 'traffic.log')}).`);
      return { pid, kip848Pid: state.kip848Pid };
    }
    if (!isAlive(pid)) throw new Error(`the traffic process exited at start; see ${path.join(stateDir, 'traffic.log')}`);
    await sleep(200);
  }
  throw new Error(`the traffic process did not come up within 90 s; see ${path.join(stateDir, 'traffic.log')}`);
}

async function launchApp(dataDir: string): Promise<number> {
  if (process.env['ODRADEK_DEMO_NO_LAUNCH'] === '1') {
    say('Not launching the app (ODRADEK_DEMO_NO_LAUNCH=1). The demo cluster keeps running; stop it with `npm run demo -- --stop`.');
    return 0;
  }
  const { findElectronBinary } = (await import(path.join(ROOT, 'scripts', 'electron-binary.mjs'))) as {
    findElectronBinary(): { path: string } | { missing: string };
  };
  const found = findElectronBinary();
  if ('missing' in found) {
    say(`No Electron binary, so the app is not launched: ${found.missing} The demo cluster keeps running for the E2E harness (npm run screenshots); stop it with \`npm run demo -- --stop\`.`);
    return 0;
  }
  say('Launching Odradek (npm start)…');
  const app = spawnSync('npm', ['start'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ODRADEK_DATA_DIR: dataDir } });
  return app.status ?? 1;
}

async function up(): Promise<number> {
  const javaProblem = await checkJava();
  if (javaProblem) {
    process.stderr.write(`${javaProblem}\n`);
    return 1;
  }
  if (!process.env['ODRADEK_DEMO_BED']) {
    try {
      await findJava21();
    } catch {
      process.stderr.write('The demo\'s Schema Registry (Apicurio) needs Java 21 or newer and none was found: install a JDK 21+ (e.g. Temurin 21 under /usr/lib/jvm) or set APICURIO_JAVA_HOME to one.\n');
      return 1;
    }
  }
  const started = Date.now();
  const stateDir = demoStateDir();
  const dataDir = defaultUserDataDir();
  const { bed, startedBed } = await acquireBed();
  const previous = readDemoState(stateDir);
  // Recorded before seeding, so a seed that fails still leaves --stop knowing the demo started the bed.
  writeDemoState(stateDir, {
    startedBed,
    bedOwnerPid: bed.info.ownerPid,
    dataDir,
    bootstrap: bed.info.listeners.plaintext,
    trafficPid: previous?.trafficPid ?? null,
    kip848Pid: previous?.kip848Pid ?? null,
    seededAt: previous?.seededAt ?? new Date().toISOString(),
  });
  const report = await seedDemo(bed, { dataDir, log: (line) => say(`  ${line}`) });
  const connect = await startConnectWorker(bed);
  const traffic = await startTraffic(bed, stateDir);
  writeDemoState(stateDir, {
    startedBed,
    bedOwnerPid: bed.info.ownerPid,
    dataDir,
    bootstrap: bed.info.listeners.plaintext,
    trafficPid: traffic.pid,
    kip848Pid: traffic.kip848Pid,
    seededAt: new Date().toISOString(),
  });
  const discovery = await writeDiscoveryFile(dataDir, {
    schemaVersion: 1,
    profileId: DEMO_PROFILE_ID,
    profileName: DEMO_PROFILE_NAME,
    bootstrap: bed.info.listeners.saslPlaintext,
    registryUrl: bed.registryUrl,
    connectUrl: connect?.url ?? null,
    pids: { bed: bed.info.ownerPid, traffic: traffic.pid },
    tenancyFile: report.tenancyFile,
    startedAt: new Date().toISOString(),
  });
  say(`Local demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  say(`  Kafka ${bed.info.kafkaVersion}: SASL_PLAINTEXT ${bed.info.listeners.saslPlaintext} (profile '${DEMO_PROFILE_NAME}'), PLAINTEXT ${bed.info.listeners.plaintext}`);
  say(`  Schema Registry: ${bed.registryUrl}`);
  say(`  ${DEMO_TOPICS.length} topics, ${DEMO_GROUPS.length} consumer groups, tenancy file ${report.tenancyFile}`);
  say(`  Discovery file for the first-run screen: ${discovery}`);
  return launchApp(dataDir);
}

async function stop(): Promise<number> {
  const stateDir = demoStateDir();
  const state = readDemoState(stateDir);
  const traffic = readTrafficState(stateDir);
  const plan = stopPlan(state === null ? null : { ...state, trafficPid: traffic?.pid ?? state.trafficPid, kip848Pid: traffic?.kip848Pid ?? state.kip848Pid });
  if (state === null) {
    say('No local demo is running (nothing recorded in the demo state).');
    return 0;
  }
  for (const pid of plan.stopTraffic) {
    const marker = pid === (traffic?.kip848Pid ?? state.kip848Pid) ? 'inventory-projector' : 'demo/traffic.ts';
    if (!isOurs(pid, marker)) continue;
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 15_000)) && isOurs(pid, marker)) process.kill(pid, 'SIGKILL');
    say(`Stopped ${marker === 'inventory-projector' ? 'the KIP-848 member' : 'the live traffic'} (pid ${pid}).`);
  }
  if (plan.stopBed) {
    const down = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'testbed', 'cli.ts'), 'down'], { cwd: ROOT, stdio: 'inherit' });
    if (down.status !== 0) return down.status ?? 1;
  } else say('The test bed was not started by the demo, so it keeps running.');
  clearDemoState(stateDir);
  return 0;
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--stop');
if (unknown.length > 0) {
  process.stderr.write(`npm run demo: unknown argument ${unknown.join(' ')}; use \`npm run demo\` or \`npm run demo -- --stop\`.\n`);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = args.includes('--stop') ? await stop() : await up();
  } catch (error) {
    process.stderr.write(`npm run demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
