// Apicurio Registry 3.3.3 for the tests that need a Schema Registry, used through its Confluent-compatible
// API (/apis/ccompat/v7). Resolved once from Maven Central into testbed/.cache/apicurio/, started on
// loopback with in-memory storage. One JVM serves plain http and https (the bed CA's certificate); a
// second, started on request, has HTTP Basic with Apicurio's embedded users (an admin and a read-only
// user). Small Node fronts add what Apicurio itself is not asked to do here: a v1-only registry (404 on
// GET /schemas, like WarpStream's) and an https front that requires a client certificate.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { CACHE_DIR, TESTBED_DIR } from './jars';
import { isAlive, tailLog, waitForExit } from './node-process';
import { generateTlsMaterial } from './tls';
import type { Credentials, TlsMaterial } from './types';

const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const APICURIO_VERSION = '3.3.3';
export const CCOMPAT_PATH = '/apis/ccompat/v7';
const APICURIO_ARTIFACT = `io.apicurio:apicurio-registry-app:${APICURIO_VERSION}:tar.gz:all`;

export interface RegistryInfo {
  version: string;
  /** http, no authentication: `http://127.0.0.1:PORT/apis/ccompat/v7`. */
  plain: string;
  /** The same registry over https; its certificate is the bed CA's `localhost`/`127.0.0.1` one. */
  tls: string;
  /** The same registry behind an https front that requires a client certificate signed by the bed CA. */
  mtls: string;
  /** The same registry behind an http front answering 404 to GET /schemas (a v1-only registry). */
  v1Only: string;
  /** A second Apicurio with HTTP Basic: `admin` has sr-admin, `reader` has sr-readonly. */
  basic: { url: string; admin: Credentials; reader: Credentials } | null;
  /** The CA that signed the https certificates (PEM file). */
  caFile: string;
  tlsMaterial: TlsMaterial;
  /** JVM pids, for kafka:down and the orphan check. */
  pids: number[];
  dataDir: string;
}

export interface Registry {
  info: RegistryInfo;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

// --- Java -------------------------------------------------------------------------------------------

function javaMajor(javaBin: string): Promise<number | null> {
  return execFileAsync(javaBin, ['-version'])
    .then(({ stderr, stdout }) => {
      const match = /version "(\d+)(?:\.(\d+))?/.exec(`${stderr}${stdout}`);
      if (!match) return null;
      const major = Number(match[1]);
      return major === 1 ? Number(match[2]) : major;
    })
    .catch(() => null);
}

/** A Java 21+ binary: JAVA_HOME, then /usr/lib/jvm/* (newest first), then `java` on the PATH. */
export async function findJava21(): Promise<string> {
  const candidates: string[] = [];
  if (process.env.APICURIO_JAVA_HOME) candidates.push(path.join(process.env.APICURIO_JAVA_HOME, 'bin', 'java'));
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  if (existsSync('/usr/lib/jvm')) {
    const versioned = readdirSync('/usr/lib/jvm')
      .map((name) => ({ name, major: Number(/(?:^|-)(\d{2})(?:[-.]|$)/.exec(name)?.[1] ?? 0) }))
      .filter((entry) => entry.major >= 21)
      .sort((a, b) => b.major - a.major);
    for (const entry of versioned) candidates.push(path.join('/usr/lib/jvm', entry.name, 'bin', 'java'));
  }
  candidates.push('java');
  const seen: string[] = [];
  for (const candidate of candidates) {
    if (candidate !== 'java' && !existsSync(candidate)) continue;
    const major = await javaMajor(candidate);
    if (major !== null && major >= 21) return candidate;
    seen.push(`${candidate}${major === null ? '' : ` (Java ${major})`}`);
  }
  throw new Error(
    `Apicurio Registry ${APICURIO_VERSION} needs Java 21 or newer and none was found (looked at ${seen.join(', ') || 'nothing'}); install a JDK 21+ under /usr/lib/jvm or set APICURIO_JAVA_HOME.`,
  );
}

// --- the distribution ---------------------------------------------------------------------------------

/** Unpacks the Maven Central tarball once into testbed/.cache/apicurio/<version>/; returns that directory. */
export async function resolveApicurio(): Promise<string> {
  const dir = path.join(CACHE_DIR, 'apicurio', APICURIO_VERSION);
  const marker = path.join(dir, '.resolved');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const download = path.join(CACHE_DIR, 'apicurio', 'download');
  mkdirSync(download, { recursive: true });
  const args = ['-B', '-q', '-f', path.join(TESTBED_DIR, 'pom.xml'), 'dependency:copy', `-Dartifact=${APICURIO_ARTIFACT}`, `-DoutputDirectory=${download}`];
  try {
    await execFileAsync('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Maven could not fetch ${APICURIO_ARTIFACT} (mvn ${args.join(' ')}): ${message}\n${`${stdout}${stderr}`.split('\n').slice(-30).join('\n')}`);
  }
  const tarball = readdirSync(download).find((name) => name.startsWith('apicurio-registry-app') && name.endsWith('.tar.gz'));
  if (!tarball) throw new Error(`Maven finished but no apicurio-registry-app tarball is in ${download}`);
  mkdirSync(dir, { recursive: true });
  await execFileAsync('tar', ['-xzf', path.join(download, tarball), '-C', dir]);
  if (!existsSync(path.join(dir, 'quarkus-run.jar'))) throw new Error(`The Apicurio tarball has no quarkus-run.jar at its top (${dir})`);
  rmSync(download, { recursive: true, force: true });
  writeFileSync(marker, new Date().toISOString());
  return dir;
}

// --- ports ------------------------------------------------------------------------------------------------

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
  throw new Error('could not find a free loopback port for the registry');
}

// --- one Apicurio JVM ----------------------------------------------------------------------------------------

interface JvmHandle {
  pid: number;
  logFile: string;
  httpPort: number;
  httpsPort: number | null;
  managementPort: number;
}

async function startApicurio(options: {
  home: string;
  java: string;
  dir: string;
  properties: string[];
  https: { cert: string; key: string } | null;
  detached: boolean;
  timeoutMs: number;
  jvm: 'fast-start' | 'throughput';
}): Promise<JvmHandle> {
  mkdirSync(path.join(options.dir, 'config'), { recursive: true });
  const [httpPort, managementPort, httpsPort] = await Promise.all([freePort(), freePort(), options.https ? freePort() : Promise.resolve(null)]);
  const properties = [
    'quarkus.http.host=127.0.0.1',
    `quarkus.http.port=${httpPort}`,
    'quarkus.management.host=127.0.0.1',
    `quarkus.management.port=${managementPort}`,
    // In-memory H2 is the default storage; say so, so a changed default cannot surprise the bed.
    'apicurio.storage.kind=sql',
    'apicurio.storage.sql.kind=h2',
    'quarkus.log.level=WARN',
    'quarkus.log.category."io.quarkus".level=INFO',
    ...(options.https && httpsPort !== null
      ? ['quarkus.http.ssl-port=' + httpsPort, `quarkus.http.ssl.certificate.files=${options.https.cert}`, `quarkus.http.ssl.certificate.key-files=${options.https.key}`]
      : []),
    ...options.properties,
  ];
  writeFileSync(path.join(options.dir, 'config', 'application.properties'), `${properties.join('\n')}\n`);
  const logFile = path.join(options.dir, 'registry.log');
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      options.java,
      [
        // C1 only starts sooner on 2 cores; benchmarks want C2.
        ...(options.jvm === 'throughput' ? ['-Xms256m', '-Xmx1g'] : ['-Xms64m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']),
        '-XX:-UsePerfData',
        '-Djava.awt.headless=true',
        '-jar',
        path.join(options.home, 'quarkus-run.jar'),
      ],
      { cwd: options.dir, stdio: ['ignore', log, log], detached: options.detached },
    );
  } finally {
    closeSync(log);
  }
  if (child.pid === undefined) throw new Error(`could not start Apicurio with ${options.java}`);
  if (options.detached) child.unref();
  writeFileSync(path.join(options.dir, 'pid'), String(child.pid));
  const handle: JvmHandle = { pid: child.pid, logFile, httpPort, httpsPort, managementPort };
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(child.pid)) throw new Error(`Apicurio exited during start-up; ${logFile}:\n${tailLog(logFile, 60)}`);
    const status = await new Promise<number>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: managementPort, path: '/health/ready', timeout: 1000 }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', () => resolve(0));
      request.on('timeout', () => request.destroy());
    });
    if (status === 200) return handle;
    await sleep(250);
  }
  await killJvm(child.pid);
  throw new Error(`Apicurio was not ready within ${options.timeoutMs} ms; ${logFile}:\n${tailLog(logFile, 60)}`);
}

async function killJvm(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
}

// --- the fronts --------------------------------------------------------------------------------------------

function forward(target: URL, request: http.IncomingMessage, response: http.ServerResponse): void {
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`front: ${error.message}`);
  });
  request.pipe(upstream);
}

/** Answers 404 (Confluent's shape) to GET .../schemas and passes every other request to `target`. */
export async function startV1OnlyFront(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const pathname = (request.url ?? '').split('?')[0] ?? '';
    if (request.method === 'GET' && pathname === `${CCOMPAT_PATH}/schemas`) {
      response.writeHead(404, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      response.end(JSON.stringify({ error_code: 404, message: 'HTTP 404 Not Found' }));
      return;
    }
    forward(upstream, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${CCOMPAT_PATH}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** https with a required client certificate (signed by the bed CA) in front of `target`. */
export async function startMtlsFront(target: string, tls: TlsMaterial): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = https.createServer(
    { cert: readFileSync(tls.broker.cert), key: readFileSync(tls.broker.key), ca: readFileSync(tls.ca.cert), requestCert: true, rejectUnauthorized: true },
    (request, response) => forward(upstream, request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}${CCOMPAT_PATH}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// --- the whole registry part of the bed -----------------------------------------------------------------------

export interface RegistryOptions {
  /** The bed's TLS material; made fresh when absent. */
  tls?: TlsMaterial;
  /** Also start the Basic-auth Apicurio (a second JVM). */
  basic?: boolean;
  /** Outlive this process (the kafka:up supervisor). */
  detached?: boolean;
  timeoutMs?: number;
  /** fast-start (default) or throughput (C2, larger heap) for benchmarks. */
  jvm?: 'fast-start' | 'throughput';
}

export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const dataDir = path.join(CACHE_DIR, 'registry-runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'owner.json'), JSON.stringify({ ownerPid: process.pid }));
  const pids: number[] = [];
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers) await close().catch(() => undefined);
    await Promise.all(pids.map(killJvm));
    if (process.env.TESTBED_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    const [java, home, tls] = await Promise.all([
      findJava21(),
      resolveApicurio(),
      options.tls ? Promise.resolve(options.tls) : (async () => {
        const generated = generateTlsMaterial(path.join(dataDir, 'tls'));
        await generated.brokerFiles;
        return generated.material;
      })(),
    ]);
    timings['resolve'] = Date.now() - t0;
    const timeoutMs = options.timeoutMs ?? 120_000;
    const jvm = options.jvm ?? 'fast-start';
    const t1 = Date.now();
    const admin: Credentials = { username: 'admin', password: `admin-${randomBytes(6).toString('hex')}` };
    const reader: Credentials = { username: 'reader', password: `reader-${randomBytes(6).toString('hex')}` };
    const [main, basic] = await Promise.all([
      startApicurio({ home, java, dir: path.join(dataDir, 'plain'), properties: [], https: { cert: tls.broker.cert, key: tls.broker.key }, detached: options.detached ?? false, timeoutMs, jvm }).then((handle) => {
        pids.push(handle.pid);
        return handle;
      }),
      options.basic
        ? startApicurio({
            home,
            java,
            dir: path.join(dataDir, 'basic'),
            https: null,
            detached: options.detached ?? false,
            timeoutMs,
            jvm,
            properties: [
              'quarkus.http.auth.basic=true',
              'quarkus.security.users.embedded.enabled=true',
              'quarkus.security.users.embedded.plain-text=true',
              `quarkus.security.users.embedded.users.${admin.username}=${admin.password}`,
              `quarkus.security.users.embedded.users.${reader.username}=${reader.password}`,
              `quarkus.security.users.embedded.roles.${admin.username}=sr-admin`,
              `quarkus.security.users.embedded.roles.${reader.username}=sr-readonly`,
              'apicurio.auth.enabled=true',
              'apicurio.auth.role-based-authorization=true',
              'apicurio.auth.role-source=token',
            ],
          }).then((handle) => {
            pids.push(handle.pid);
            return handle;
          })
        : Promise.resolve(null),
    ]);
    timings['start'] = Date.now() - t1;
    const plain = `http://127.0.0.1:${main.httpPort}${CCOMPAT_PATH}`;
    const v1 = await startV1OnlyFront(plain);
    closers.push(v1.close);
    const mtls = await startMtlsFront(plain, tls);
    closers.push(mtls.close);
    timings['total'] = Date.now() - started;
    const info: RegistryInfo = {
      version: APICURIO_VERSION,
      plain,
      tls: `https://127.0.0.1:${main.httpsPort}${CCOMPAT_PATH}`,
      mtls: mtls.url,
      v1Only: v1.url,
      basic: basic ? { url: `http://127.0.0.1:${basic.httpPort}${CCOMPAT_PATH}`, admin, reader } : null,
      caFile: tls.ca.cert,
      tlsMaterial: tls,
      pids,
      dataDir,
    };
    return { info, timings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Whether a registry from another process (kafka:up) still answers. */
export async function registryAnswers(info: RegistryInfo): Promise<boolean> {
  if (!info.pids.every(isAlive)) return false;
  return new Promise((resolve) => {
    const request = http.get(`${info.plain}/subjects`, { timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}
