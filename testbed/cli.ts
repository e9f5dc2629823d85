// `npm run kafka:up` / `npm run kafka:down`: a background test bed for manual work.
// up prints ONE JSON document (use `npm run -s kafka:up` to keep npm's banner out of it).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, TESTBED_DIR, kafkaLineFromEnv } from './jars';
import { isAlive, nodePid, tailLog, waitForExit } from './node-process';
import { isProxyJvm } from './proxy';
import { STATE_FILE, readState, removeState, reusableState, type SupervisorState } from './state';

const SUPERVISOR_LOG = path.join(CACHE_DIR, 'supervisor.log');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function print(state: SupervisorState): void {
  process.stdout.write(`${JSON.stringify({ ...state.info, supervisorPid: state.supervisorPid, stateFile: STATE_FILE, startupMs: state.timings }, null, 2)}\n`);
}

async function up(): Promise<number> {
  const line = kafkaLineFromEnv();
  const nodes = process.env.TESTBED_NODES === '3' ? 3 : 1;
  const existing = readState();
  if (existing !== null && isAlive(existing.supervisorPid)) {
    const running = await reusableState(line);
    const wantsRegistry = process.env.TESTBED_REGISTRY === '1';
    const wantsProxy = process.env.TESTBED_PROXY === '1';
    const wantsConnect = process.env.TESTBED_CONNECT === '1';
    if (running !== null && running.info.nodes.length === nodes && (!wantsRegistry || running.info.registry) && (!wantsProxy || running.info.proxy) && (!wantsConnect || running.info.connect)) {
      print(running);
      return 0;
    }
    if (running !== null && running.info.nodes.length === nodes) {
      const missing = wantsRegistry && !running.info.registry ? ['Schema Registry', 'TESTBED_REGISTRY=1'] : wantsProxy && !running.info.proxy ? ['proxy', 'TESTBED_PROXY=1'] : ['Kafka Connect', 'TESTBED_CONNECT=1'];
      process.stderr.write(`The running test bed (supervisor ${existing.supervisorPid}) has no ${missing[0]}; run \`npm run kafka:down\` first, then ${missing[1]} npm run -s kafka:up.\n`);
      return 1;
    }
    // Never replace a bed someone may be using; only its owner knows it can go.
    process.stderr.write(
      `A different test bed is running (Kafka ${existing.info.kafkaVersion}, ${existing.info.nodes.length} node(s), ` +
        `supervisor ${existing.supervisorPid}${running === null ? ', not answering' : ''}). Run \`npm run kafka:down\` first.\n`,
    );
    return 1;
  }
  if (existing !== null) await down();
  mkdirSync(CACHE_DIR, { recursive: true });
  const log = openSync(SUPERVISOR_LOG, 'w');
  // process.execArgv carries tsx's loader, so the supervisor runs the TypeScript source too.
  const child = spawn(process.execPath, [...process.execArgv, path.join(TESTBED_DIR, 'supervisor.ts')], {
    detached: true,
    stdio: ['ignore', log, log],
    env: process.env,
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the test bed supervisor');
  const deadline = Date.now() + 10 * 60_000; // the first run downloads the jars
  while (Date.now() < deadline) {
    const state = readState();
    if (state?.supervisorPid === pid) {
      print(state);
      return 0;
    }
    if (!isAlive(pid)) {
      process.stderr.write(`The test bed failed to start. ${SUPERVISOR_LOG}:\n${tailLog(SUPERVISOR_LOG, 120)}\n`);
      return 1;
    }
    await sleep(200);
  }
  process.stderr.write(`The test bed did not start within 10 minutes; see ${SUPERVISOR_LOG}\n`);
  return 1;
}

async function down(): Promise<number> {
  const state = readState();
  if (state === null) {
    process.stderr.write('No test bed is running (no testbed/.cache/state.json).\n');
    return 0;
  }
  if (isAlive(state.supervisorPid)) {
    process.kill(state.supervisorPid, 'SIGTERM');
    await waitForExit(state.supervisorPid, 60_000);
  }
  // A supervisor that died hard leaves its brokers (and registry and proxy JVMs) behind.
  const proxy = state.info.proxy;
  if (proxy && isAlive(proxy.pid) && isProxyJvm(proxy.pid, proxy.dataDir)) {
    process.kill(proxy.pid, 'SIGKILL');
    await waitForExit(proxy.pid, 10_000);
  }
  for (const pid of state.info.registry?.pids ?? []) {
    if (isAlive(pid) && isRegistryJvm(pid, state.info.registry?.dataDir ?? '')) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 10_000);
    }
  }
  for (const pid of state.info.connect?.pids ?? []) {
    if (isAlive(pid) && isRegistryJvm(pid, state.info.connect?.dataDir ?? '')) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 10_000);
    }
  }
  for (const node of state.info.nodes) {
    const pid = nodePid(node);
    if (pid !== null) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 10_000);
    }
  }
  removeState(state.supervisorPid);
  process.stderr.write(`Test bed stopped (supervisor ${state.supervisorPid}).\n`);
  return 0;
}

/** Only a JVM started in that registry (or Connect) run's directory; a recycled pid is left alone. */
function isRegistryJvm(pid: number, dataDir: string): boolean {
  try {
    return dataDir !== '' && readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir);
  } catch {
    return false;
  }
}

const command = process.argv[2];
if (command === 'up') process.exitCode = await up();
else if (command === 'down') process.exitCode = await down();
else {
  process.stderr.write('usage: tsx testbed/cli.ts up|down   (env: KAFKA_VERSION=4|3.9, TESTBED_NODES=1|3, TESTBED_REGISTRY=1, TESTBED_PROXY=1, TESTBED_CONNECT=1)\n');
  process.exitCode = 2;
}
