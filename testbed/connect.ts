// Kafka Connect in distributed mode for the tests that need it: the bed's own Kafka version from Maven
// Central (connect-runtime, -file, -json, -mirror, -basic-auth-extension), started with
// org.apache.kafka.connect.cli.ConnectDistributed and a generated worker config on loopback against the
// bed's PLAINTEXT listener (a super user, so no ACL set-up). Two Connect clusters, each with its own
// group id and internal topics: `plain` (no REST authentication) and `basic` (HTTP Basic through
// BasicAuthSecurityRestExtension with a JAAS file written here). `plain` can have a second worker in
// the same group (tasks rebalance between the two).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CACHE_DIR, resolveConnectJars } from './jars';
import { isAlive, tailLog, waitForExit } from './node-process';
import type { Credentials, TestbedInfo } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ConnectWorkerInfo {
  /** REST base URL, `http://127.0.0.1:PORT`. */
  url: string;
  pid: number;
  dir: string;
  logFile: string;
}

export interface ConnectClusterInfo {
  /** A short name for profiles and logs: `plain` or `basic`. */
  name: string;
  groupId: string;
  workers: ConnectWorkerInfo[];
  /** Every worker's REST URL. */
  urls: string[];
  /** HTTP Basic user of the REST API, or null when it has no authentication. */
  basic: Credentials | null;
}

export interface ConnectInfo {
  version: string;
  plain: ConnectClusterInfo;
  /** Null when started with `basic: false`. */
  basic: ConnectClusterInfo | null;
  /** A loopback URL nothing listens on (for fail-over tests): put it before a live one. */
  deadUrl: string;
  /** A directory the workers read and write (FileStream connectors' files). */
  filesDir: string;
  /** JVM pids, for kafka:down and the orphan check. */
  pids: number[];
  dataDir: string;
  /** Resident set size of each worker right after start-up, in MiB. */
  rssMiB: number[];
}

export interface Connect {
  info: ConnectInfo;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  /** Workers in the `plain` cluster (1 or 2); the `basic` cluster always has one. */
  plainWorkers?: 1 | 2;
  /** Also start the Basic-auth cluster (default true); a run that needs only `plain` saves a JVM. */
  basic?: boolean;
  detached?: boolean;
  timeoutMs?: number;
}

async function freePort(): Promise<number> {
  // Below the ephemeral range, like the brokers' ports (see testbed.ts).
  for (let tries = 0; tries < 200; tries++) {
    const port = 10_000 + Math.floor(Math.random() * 20_000);
    const server = http.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
  throw new Error('could not find a free loopback port for Kafka Connect');
}

function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

export function basicHeader(credentials: Credentials): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` };
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function killJvm(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
}

interface WorkerPlan {
  dir: string;
  groupId: string;
  topicPrefix: string;
  bootstrap: string;
  classpath: string;
  basic: Credentials | null;
  detached: boolean;
}

async function startWorker(plan: WorkerPlan): Promise<ConnectWorkerInfo> {
  mkdirSync(plan.dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = [
    `bootstrap.servers=${plan.bootstrap}`,
    `group.id=${plan.groupId}`,
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable=false',
    'value.converter.schemas.enable=false',
    `config.storage.topic=${plan.topicPrefix}-configs`,
    `offset.storage.topic=${plan.topicPrefix}-offsets`,
    `status.storage.topic=${plan.topicPrefix}-status`,
    'config.storage.replication.factor=1',
    'offset.storage.replication.factor=1',
    'status.storage.replication.factor=1',
    // Fewer partitions than the defaults (25/5): the topics are created at every start.
    'offset.storage.partitions=2',
    'status.storage.partitions=2',
    `listeners=${url}`,
    'rest.advertised.host.name=127.0.0.1',
    `rest.advertised.port=${port}`,
    'offset.flush.interval.ms=1000',
    // Quick rebalances and restarts for tests; the defaults are minutes.
    'scheduled.rebalance.max.delay.ms=5000',
    'task.shutdown.graceful.timeout.ms=2000',
    // Only the classpath (connect-file, connect-mirror); no plugin.path to scan.
    'plugin.discovery=only_scan',
    ...(plan.basic ? ['rest.extension.classes=org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension'] : []),
    '',
  ];
  const configFile = path.join(plan.dir, 'worker.properties');
  writeFileSync(configFile, config.join('\n'));
  const jvm = ['-Xms64m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData', '-Djava.awt.headless=true'];
  const log4j2 = path.join(plan.dir, 'log4j2.properties');
  writeFileSync(
    log4j2,
    [
      'status = warn',
      'appender.out.type = Console',
      'appender.out.name = OUT',
      'appender.out.target = SYSTEM_OUT',
      'appender.out.layout.type = PatternLayout',
      'appender.out.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = WARN',
      'rootLogger.appenderRef.out.ref = OUT',
      // Task failures and rebalances are what a failing test needs to see.
      'logger.worker.name = org.apache.kafka.connect.runtime',
      'logger.worker.level = INFO',
      'logger.reflections.name = org.reflections',
      'logger.reflections.level = ERROR',
      '',
    ].join('\n'),
  );
  jvm.push(`-Dlog4j2.configurationFile=${log4j2}`);
  if (plan.basic) {
    const users = path.join(plan.dir, 'rest-users.properties');
    writeFileSync(users, `${plan.basic.username}=${plan.basic.password}\n`);
    const jaas = path.join(plan.dir, 'rest-jaas.conf');
    writeFileSync(
      jaas,
      `KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n  file="${users}";\n};\n`,
    );
    jvm.push(`-Djava.security.auth.login.config=${jaas}`);
  }
  const logFile = path.join(plan.dir, 'connect.log');
  const log = openSync(logFile, 'a');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  let pid: number | undefined;
  try {
    const child = spawn(java, [...jvm, '-cp', plan.classpath, 'org.apache.kafka.connect.cli.ConnectDistributed', configFile], {
      cwd: plan.dir,
      stdio: ['ignore', log, log],
      detached: plan.detached,
    });
    pid = child.pid;
    if (plan.detached) child.unref();
  } finally {
    closeSync(log);
  }
  if (pid === undefined) throw new Error(`could not start Kafka Connect with ${java}`);
  writeFileSync(path.join(plan.dir, 'pid'), String(pid));
  return { url, pid, dir: plan.dir, logFile };
}

/** Ready = GET /health answers 200 (KIP-1017: the herder has joined the group and read the config topic). */
async function waitReady(worker: ConnectWorkerInfo, basic: Credentials | null, deadline: number): Promise<void> {
  const headers = basic ? basicHeader(basic) : {};
  while (Date.now() < deadline) {
    if (!isAlive(worker.pid)) throw new Error(`Kafka Connect exited during start-up; ${worker.logFile}:\n${tailLog(worker.logFile, 60)}`);
    if ((await get(`${worker.url}/health`, headers)) === 200) return;
    await sleep(250);
  }
  throw new Error(`Kafka Connect at ${worker.url} was not ready in time; ${worker.logFile}:\n${tailLog(worker.logFile, 60)}`);
}

export async function startConnect(testbed: TestbedInfo, options: ConnectOptions = {}): Promise<Connect> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dataDir = path.join(CACHE_DIR, 'connect-runs', runId);
  const filesDir = path.join(dataDir, 'files');
  mkdirSync(filesDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'owner.json'), JSON.stringify({ ownerPid: process.pid }));
  const pids: number[] = [];
  const stop = async () => {
    await Promise.all(pids.map(killJvm));
    if (process.env.TESTBED_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    const jars = await resolveConnectJars(testbed.line);
    timings['resolve'] = Date.now() - t0;
    const suffix = randomBytes(3).toString('hex');
    const admin: Credentials = { username: 'connect-admin', password: `connect-${randomBytes(6).toString('hex')}` };
    const detached = options.detached ?? false;
    const common = { bootstrap: testbed.listeners.plaintext, classpath: jars.classpath, detached };
    const t1 = Date.now();
    const plan = [
      { cluster: 'plain', ...common, dir: path.join(dataDir, 'plain-1'), groupId: `odradek-connect-plain-${suffix}`, topicPrefix: `_connect-plain-${suffix}`, basic: null },
      ...(options.plainWorkers === 2
        ? [{ cluster: 'plain', ...common, dir: path.join(dataDir, 'plain-2'), groupId: `odradek-connect-plain-${suffix}`, topicPrefix: `_connect-plain-${suffix}`, basic: null }]
        : []),
      ...(options.basic === false
        ? []
        : [{ cluster: 'basic', ...common, dir: path.join(dataDir, 'basic-1'), groupId: `odradek-connect-basic-${suffix}`, topicPrefix: `_connect-basic-${suffix}`, basic: admin }]),
    ];
    const workers: (ConnectWorkerInfo & { cluster: string })[] = [];
    for (const entry of plan) {
      const worker = await startWorker(entry);
      pids.push(worker.pid);
      workers.push({ ...worker, cluster: entry.cluster });
    }
    const deadline = Date.now() + (options.timeoutMs ?? 180_000);
    await Promise.all(workers.map((worker) => waitReady(worker, worker.cluster === 'basic' ? admin : null, deadline)));
    timings['start'] = Date.now() - t1;
    const strip = ({ cluster: _cluster, ...worker }: ConnectWorkerInfo & { cluster: string }): ConnectWorkerInfo => worker;
    const plainWorkers = workers.filter((worker) => worker.cluster === 'plain').map(strip);
    const basicWorkers = workers.filter((worker) => worker.cluster === 'basic').map(strip);
    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    timings['total'] = Date.now() - started;
    const info: ConnectInfo = {
      version: jars.version,
      plain: { name: 'plain', groupId: plan[0]!.groupId, workers: plainWorkers, urls: plainWorkers.map((worker) => worker.url), basic: null },
      basic: basicWorkers.length === 0 ? null : { name: 'basic', groupId: plan[plan.length - 1]!.groupId, workers: basicWorkers, urls: basicWorkers.map((worker) => worker.url), basic: admin },
      deadUrl,
      filesDir,
      pids,
      dataDir,
      rssMiB: pids.map(rssMiB),
    };
    return { info, timings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Whether a Connect bed from another process (kafka:up) still answers. */
export async function connectAnswers(info: ConnectInfo): Promise<boolean> {
  if (!info.pids.every(isAlive) || !existsSync(info.filesDir)) return false;
  return (await get(`${info.plain.urls[0]}/health`)) === 200;
}
