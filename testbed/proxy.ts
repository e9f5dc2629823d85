// Kroxylicious 0.12.0 as a real Kafka proxy for the tests that need one: the MultiTenant filter in front
// of the bed's PLAINTEXT listener, one virtual cluster per tenant (alpha, beta), each on its own loopback
// ports. The runtime and multitenant modules come from Maven Central into testbed/.cache/kroxylicious/;
// a launcher of a few lines (testbed/kroxylicious/ProxyLauncher.java, compiled here by javac) parses the YAML the
// bed writes with the runtime's ConfigParser and starts KafkaProxy, as the absent app module would.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { CACHE_DIR, TESTBED_DIR } from './jars';
import { isAlive, tailLog, waitForExit } from './node-process';

const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const KROXYLICIOUS_VERSION = '0.12.0';
/** Kroxylicious's MultiTenant filter prefixes `<virtual cluster name><separator>`. */
export const PROXY_SEPARATOR = '-';
export const PROXY_VIRTUAL_CLUSTERS = ['alpha', 'beta'] as const;
/** Broker ids the proxy maps ports for (the bed's nodes are 1..3). */
const NODE_IDS = { start: 1, end: 3 };

export interface ProxyVirtualCluster {
  name: string;
  /** `127.0.0.1:PORT`: what a client of this virtual cluster uses as bootstrap. */
  bootstrap: string;
  /** The prefix its topics and groups carry on the backing cluster, separator included (`alpha-`). */
  prefix: string;
}

export interface ProxyInfo {
  version: string;
  separator: string;
  virtualClusters: ProxyVirtualCluster[];
  /** The backing cluster's bootstrap the proxy forwards to. */
  backing: string;
  pid: number;
  dataDir: string;
}

export interface Proxy {
  info: ProxyInfo;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/** Jars and the compiled launcher, resolved once: `{ classpath }` for `java -cp`. */
export async function resolveKroxylicious(): Promise<{ classpath: string }> {
  const dir = path.join(CACHE_DIR, 'kroxylicious', KROXYLICIOUS_VERSION);
  const jars = path.join(dir, 'jars');
  const classes = path.join(dir, 'classes');
  const marker = path.join(dir, '.resolved');
  const classpath = `${classes}${path.delimiter}${path.join(jars, '*')}`;
  if (existsSync(marker)) return { classpath };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(classes, { recursive: true });
  const args = ['-B', '-q', '-f', path.join(TESTBED_DIR, 'kroxylicious', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${jars}`];
  try {
    await execFileAsync('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Maven could not resolve Kroxylicious ${KROXYLICIOUS_VERSION} (mvn ${args.join(' ')}): ${message}\n${`${stdout}${stderr}`.split('\n').slice(-30).join('\n')}`);
  }
  if (!readdirSync(jars).some((name) => name.startsWith('kroxylicious-multitenant'))) throw new Error(`Maven finished but ${jars} has no kroxylicious-multitenant jar`);
  try {
    await execFileAsync('javac', ['-d', classes, '-cp', path.join(jars, '*'), path.join(TESTBED_DIR, 'kroxylicious', 'ProxyLauncher.java')]);
  } catch (error) {
    const { stderr = '', message } = error as { stderr?: string; message: string };
    throw new Error(`javac could not compile the Kroxylicious launcher: ${message}\n${stderr}`);
  }
  writeFileSync(marker, new Date().toISOString());
  return { classpath };
}

function canListen(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** `count` consecutive free loopback ports (the proxy maps broker id N to bootstrap port + 1 + N - start). */
async function consecutiveFreePorts(count: number, avoid: Set<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const base = 10_000 + Math.floor(Math.random() * 20_000);
    const held: net.Server[] = [];
    let ok = true;
    for (let port = base; port < base + count; port++) {
      const server = avoid.has(port) ? null : await canListen(port);
      if (server === null) {
        ok = false;
        break;
      }
      held.push(server);
    }
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
    if (ok) {
      for (let port = base; port < base + count; port++) avoid.add(port);
      return base;
    }
  }
  throw new Error(`could not find ${count} consecutive free loopback ports for the proxy`);
}

function answers(address: string, timeoutMs = 1000): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host: host ?? '127.0.0.1', port: Number(port), timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function proxyAnswers(info: ProxyInfo): Promise<boolean> {
  if (!isAlive(info.pid)) return false;
  const results = await Promise.all(info.virtualClusters.map((cluster) => answers(cluster.bootstrap)));
  return results.every(Boolean);
}

/** The YAML Kroxylicious reads: one MultiTenant filter for every virtual cluster, management on loopback. */
export function proxyConfigYaml(backing: string, clusters: { name: string; port: number }[], managementPort: number): string {
  const lines = [
    'management:',
    '  bindAddress: 127.0.0.1',
    `  port: ${managementPort}`,
    'filterDefinitions:',
    '  - name: tenants',
    '    type: MultiTenant',
    '    config:',
    `      prefixResourceNameSeparator: "${PROXY_SEPARATOR}"`,
    'defaultFilters:',
    '  - tenants',
    'virtualClusters:',
  ];
  for (const cluster of clusters) {
    lines.push(
      `  - name: ${cluster.name}`,
      '    targetCluster:',
      `      bootstrapServers: ${backing}`,
      '    gateways:',
      '      - name: default',
      '        portIdentifiesNode:',
      `          bootstrapAddress: 127.0.0.1:${cluster.port}`,
      `          nodeStartPort: ${cluster.port + 1}`,
      '          nodeIdRanges:',
      `            - name: brokers`,
      `              start: ${NODE_IDS.start}`,
      `              end: ${NODE_IDS.end}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const log4jConfig = `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/></Console></Appenders>
  <Loggers><Root level="WARN"><AppenderRef ref="out"/></Root><Logger name="io.kroxylicious.proxy.KafkaProxy" level="INFO"/></Loggers>
</Configuration>
`;

/** Starts the proxy in front of `backing` (a PLAINTEXT bootstrap): ready when every virtual cluster's port answers. */
export async function startProxy(options: { backing: string; detached?: boolean; timeoutMs?: number }): Promise<Proxy> {
  const started = Date.now();
  const { classpath } = await resolveKroxylicious();
  const resolved = Date.now();
  const dataDir = path.join(CACHE_DIR, 'proxy-runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  const taken = new Set<number>();
  const perCluster = 1 + NODE_IDS.end - NODE_IDS.start + 1;
  const clusters: { name: string; port: number }[] = [];
  for (const name of PROXY_VIRTUAL_CLUSTERS) clusters.push({ name, port: await consecutiveFreePorts(perCluster, taken) });
  const managementPort = await consecutiveFreePorts(1, taken);
  const configFile = path.join(dataDir, 'proxy.yaml');
  writeFileSync(configFile, proxyConfigYaml(options.backing, clusters, managementPort));
  writeFileSync(path.join(dataDir, 'log4j2.xml'), log4jConfig);
  const logFile = path.join(dataDir, 'proxy.log');
  const log = openSync(logFile, 'a');
  let pid: number | undefined;
  try {
    const child = spawn(
      'java',
      ['-Xms32m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData', `-Dlog4j2.configurationFile=${path.join(dataDir, 'log4j2.xml')}`, '-cp', classpath, 'ProxyLauncher', configFile],
      { cwd: dataDir, stdio: ['ignore', log, log], detached: options.detached ?? false },
    );
    pid = child.pid;
    if (options.detached) child.unref();
  } finally {
    closeSync(log);
  }
  if (pid === undefined) throw new Error('could not start the Kroxylicious JVM (is java on the PATH?)');
  writeFileSync(path.join(dataDir, 'pid'), String(pid));
  const info: ProxyInfo = {
    version: KROXYLICIOUS_VERSION,
    separator: PROXY_SEPARATOR,
    virtualClusters: clusters.map((cluster) => ({ name: cluster.name, bootstrap: `127.0.0.1:${cluster.port}`, prefix: `${cluster.name}${PROXY_SEPARATOR}` })),
    backing: options.backing,
    pid,
    dataDir,
  };
  const stop = async () => {
    if (isAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      if (!(await waitForExit(pid, 10_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 10_000);
      }
    }
    if (process.env.TESTBED_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new Error(`Kroxylicious exited during start-up; ${logFile}:\n${tailLog(logFile, 60)}`);
    if (readFileSync(logFile, 'utf8').includes('odradek-proxy-ready') && (await proxyAnswers(info))) {
      return { info, timings: { resolve: resolved - started, start: Date.now() - resolved, total: Date.now() - started }, stop };
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`Kroxylicious was not ready within ${options.timeoutMs ?? 60_000} ms; ${logFile}:\n${tailLog(logFile, 60)}`);
}

/** Only the proxy JVM started in that run's directory; a recycled pid is left alone. */
export function isProxyJvm(pid: number, dataDir: string): boolean {
  try {
    return dataDir !== '' && readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir);
  } catch {
    return false;
  }
}
