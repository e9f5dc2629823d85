// Starting, stopping and faulting one broker+controller JVM. Works from any process that has the
// node's info (the Vitest main process, a test worker, the kafka:up supervisor): the pid file is
// the shared truth, rewritten on every start.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import type { TestbedNodeInfo } from './types';

const { Kafka, logLevel } = kafkajs;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Without /proc (macOS) the zombie and command-line checks are skipped and the pid is trusted.
const HAS_PROC = existsSync('/proc/self/stat');

export function readPid(node: TestbedNodeInfo): number | null {
  if (!existsSync(node.pidFile)) return null;
  const pid = Number.parseInt(readFileSync(node.pidFile, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Alive and not a zombie (a killed child of another process can linger until it is reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!HAS_PROC) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** True when the pid still belongs to this node's JVM, so a recycled pid is never signalled. */
function isNodeProcess(pid: number, node: TestbedNodeInfo): boolean {
  if (!HAS_PROC) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(node.configFile);
  } catch {
    return false;
  }
}

export function nodePid(node: TestbedNodeInfo): number | null {
  const pid = readPid(node);
  return pid !== null && isAlive(pid) && isNodeProcess(pid, node) ? pid : null;
}

export function tailLog(file: string, lines = 80): string {
  if (!existsSync(file)) return `(no log at ${file})`;
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}

/**
 * Spawns the JVM with stdout/stderr appended to the node's log. `detached` when the caller may exit
 * before the broker should (test workers, the supervisor); the owner stops it through the pid file.
 */
export function spawnNode(node: TestbedNodeInfo, options: { detached: boolean }): number {
  const existing = nodePid(node);
  if (existing !== null) throw new Error(`node ${node.id} is already running (pid ${existing})`);
  const log = openSync(node.logFile, 'a');
  try {
    const child = spawn(node.start.command, node.start.args, {
      stdio: ['ignore', log, log],
      detached: options.detached,
    });
    if (child.pid === undefined) throw new Error(`could not start node ${node.id}: ${node.start.command} did not spawn`);
    if (options.detached) child.unref();
    writeFileSync(node.pidFile, String(child.pid));
    node.pid = child.pid;
    return child.pid;
  } finally {
    closeSync(log);
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

/**
 * Waits until the node answers Metadata on its PLAINTEXT listener and lists `expectBrokers` brokers
 * (itself included). Fails fast with the log tail if the JVM exits.
 */
export async function waitForNodeReady(node: TestbedNodeInfo, options: { expectBrokers: number; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const kafka = new Kafka({
    clientId: 'testbed-readiness',
    brokers: [node.listeners.plaintext],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  let lastError = 'not started';
  while (Date.now() < deadline) {
    const pid = readPid(node);
    if (pid === null || !isAlive(pid)) {
      throw new Error(`node ${node.id} exited during start-up; log tail:\n${tailLog(node.logFile)}`);
    }
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      const ids = cluster.brokers.map((broker) => broker.nodeId);
      if (ids.includes(node.id) && ids.length >= options.expectBrokers) return;
      lastError = `brokers in metadata: [${ids.join(', ')}]`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(200);
  }
  throw new Error(`node ${node.id} not ready after ${options.timeoutMs} ms (${lastError}); log tail:\n${tailLog(node.logFile)}`);
}

export type NodeSignal = 'SIGTERM' | 'SIGKILL' | 'SIGSTOP' | 'SIGCONT';

export function signalNode(node: TestbedNodeInfo, signal: NodeSignal): number {
  const pid = nodePid(node);
  if (pid === null) throw new Error(`node ${node.id} is not running`);
  process.kill(pid, signal);
  return pid;
}

/** Graceful stop (controlled shutdown moves leadership away first); SIGKILL if it takes too long. */
export async function stopNode(node: TestbedNodeInfo, timeoutMs = 30_000): Promise<void> {
  const pid = nodePid(node);
  if (pid === null) return;
  // A paused JVM cannot handle SIGTERM.
  process.kill(pid, 'SIGCONT');
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }
}

export async function killNode(node: TestbedNodeInfo): Promise<void> {
  const pid = signalNode(node, 'SIGKILL');
  await waitForExit(pid, 10_000);
}
