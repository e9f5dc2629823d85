// Starts a real Kafka cluster (1 or 3 combined broker+controller JVMs) from the Maven-resolved jars,
// with every listener the app supports, a local OAuth server and per-run TLS material.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { CACHE_DIR, KAFKA_VERSIONS, kafkaLineFromEnv, resolveKafkaJars } from './jars';
import { isAlive, nodePid, spawnNode, stopNode, tailLog, waitForExit, waitForNodeReady } from './node-process';
import { startTokenServer } from './oauth';
import { archiveCreation, useArchiveOptions, type ArchiveCreation } from './cds';
import { generateTlsMaterial } from './tls';
import type { KafkaLine, ListenerBootstraps, TestbedInfo, TestbedNodeInfo, TlsMaterial } from './types';

const execFileAsync = promisify(execFile);

const RUNS_DIR = path.join(CACHE_DIR, 'runs');

export type JvmProfile = 'fast-start' | 'throughput';

export interface TestbedOptions {
  nodes?: 1 | 3;
  line?: KafkaLine;
  /** fast-start trades peak throughput for a quicker JVM start; benchmarks use throughput. */
  jvm?: JvmProfile;
  /** Let the brokers outlive this process (the kafka:up supervisor). */
  detached?: boolean;
  /** Keep the run directory on stop (for post-mortems). Default: TESTBED_KEEP=1. */
  keep?: boolean;
  startTimeoutMs?: number;
  /** false: no authorizer at all (every client may do everything; ACL requests answer SECURITY_DISABLED). Default true. */
  authorizer?: boolean;
}

export interface Testbed {
  info: TestbedInfo;
  /** Wall-clock milliseconds per start-up phase, for the README and reports. */
  timings: Record<string, number>;
  logTails(lines?: number): string;
  stop(): Promise<void>;
}

export const ADMIN_USER = 'admin';
export const RESTRICTED_USER = 'restricted';
export const LISTENER_NAMES: Record<keyof ListenerBootstraps, string> = {
  plaintext: 'PLAINTEXT',
  saslPlaintext: 'SASL_PLAINTEXT',
  ssl: 'SSL',
  saslSsl: 'SASL_SSL',
  oauth: 'OAUTH',
  sslWrongHost: 'SSL_WRONG_HOST',
};
const LISTENER_PROTOCOLS: Record<string, string> = {
  PLAINTEXT: 'PLAINTEXT',
  SASL_PLAINTEXT: 'SASL_PLAINTEXT',
  SSL: 'SSL',
  SASL_SSL: 'SASL_SSL',
  OAUTH: 'SASL_PLAINTEXT',
  SSL_WRONG_HOST: 'SSL',
  CONTROLLER: 'PLAINTEXT',
};
const LISTENER_KEYS = Object.keys(LISTENER_NAMES) as (keyof ListenerBootstraps)[];

export function jvmOptions(profile: JvmProfile): string[] {
  // On 2 cores, C1-only JIT and the serial collector shorten start-up by seconds; benchmarks want C2.
  const options =
    profile === 'fast-start'
      ? ['-Xms256m', '-Xmx1g', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData', '-Xshare:auto', '-Djava.awt.headless=true']
      : ['-Xms1g', '-Xmx2g', '-XX:+UseG1GC', '-XX:-UsePerfData', '-Djava.awt.headless=true'];
  // For experiments with JVM flags without editing code.
  const extra = process.env.TESTBED_JVM_OPTS?.split(' ').filter((option) => option !== '') ?? [];
  return [...options, ...extra];
}

/** The kernel's range for outgoing connections' source ports (and for bind to port 0). */
function ephemeralPortRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low !== undefined && high !== undefined && low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux
  }
  return [32768, 60999];
}

function canListen(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Distinct free loopback ports, picked at random *below* the ephemeral range: a port taken from that
 * range can be grabbed as the source port of any outgoing connection between now and the broker's bind.
 * All are held open together so none is picked twice. Another bed starting at the same moment can still
 * collide; startTestbed retries with new ports when a bind fails.
 */
async function freePorts(count: number): Promise<number[]> {
  const [ephemeralLow] = ephemeralPortRange();
  const low = 10_000;
  const high = ephemeralLow > low + 1000 ? ephemeralLow - 1 : 65_535;
  const held = new Map<number, Server>();
  try {
    for (let tries = 0; held.size < count; tries++) {
      if (tries > count * 50) throw new Error(`could not find ${count} free ports in ${low}-${high}`);
      const port = low + Math.floor(Math.random() * (high - low + 1));
      if (held.has(port)) continue;
      const server = await canListen(port);
      if (server !== null) held.set(port, server);
    }
    return [...held.keys()];
  } finally {
    await Promise.all([...held.values()].map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Kafka's Uuid text form: 16 random bytes, base64url; a leading '-' would read as a CLI option. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

const secret = (prefix: string) => `${prefix}-${randomBytes(9).toString('hex')}`;

export function log4jOptions(runDir: string, role: 'broker' | 'tool'): string[] {
  const level = role === 'broker' ? 'INFO' : 'WARN';
  const log4j2 = path.join(runDir, `log4j2-${role}.properties`);
  const log4j1 = path.join(runDir, `log4j-${role}.properties`);
  // Brokers log to stdout (redirected to the node's log file); tools keep stdout for their output.
  const target = role === 'broker' ? 'SYSTEM_OUT' : 'SYSTEM_ERR';
  writeFileSync(
    log4j2,
    [
      'status = warn',
      'appender.out.type = Console',
      'appender.out.name = OUT',
      `appender.out.target = ${target}`,
      'appender.out.layout.type = PatternLayout',
      'appender.out.layout.pattern = [%d] %p %m (%c)%n',
      `rootLogger.level = ${level}`,
      'rootLogger.appenderRef.out.ref = OUT',
      'logger.statechange.name = state.change.logger',
      'logger.statechange.level = WARN',
      '',
    ].join('\n'),
  );
  writeFileSync(
    log4j1,
    [
      `log4j.rootLogger=${level}, out`,
      'log4j.appender.out=org.apache.log4j.ConsoleAppender',
      `log4j.appender.out.Target=${role === 'broker' ? 'System.out' : 'System.err'}`,
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.state.change.logger=WARN',
      '',
    ].join('\n'),
  );
  return [`-Dlog4j2.configurationFile=${log4j2}`, `-Dlog4j.configuration=file:${log4j1}`];
}

interface NodePlan {
  id: number;
  ports: Record<keyof ListenerBootstraps, number>;
  controllerPort: number;
  dir: string;
}

function brokerProperties(options: {
  node: NodePlan;
  voters: string;
  nodeCount: number;
  adminPassword: string;
  restrictedPassword: string;
  tls: TlsMaterial;
  oauth: { jwksEndpoint: string; issuer: string; audience: string; principal: string };
  authorizer: boolean;
}): string {
  const { node, tls, adminPassword, restrictedPassword } = options;
  const replication = Math.min(3, options.nodeCount);
  const listeners = LISTENER_KEYS.map((key) => `${LISTENER_NAMES[key]}://127.0.0.1:${node.ports[key]}`);
  const plainJaas =
    `org.apache.kafka.common.security.plain.PlainLoginModule required username="${ADMIN_USER}" password="${adminPassword}" ` +
    `user_${ADMIN_USER}="${adminPassword}" user_${RESTRICTED_USER}="${restrictedPassword}";`;
  const scramJaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${ADMIN_USER}" password="${adminPassword}";`;
  const saslListener = (name: string) => [
    `listener.name.${name}.sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512`,
    `listener.name.${name}.plain.sasl.jaas.config=${plainJaas}`,
    `listener.name.${name}.scram-sha-256.sasl.jaas.config=${scramJaas}`,
    `listener.name.${name}.scram-sha-512.sasl.jaas.config=${scramJaas}`,
  ];
  const lines = [
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${options.voters}`,
    'controller.listener.names=CONTROLLER',
    `listeners=${[...listeners, `CONTROLLER://127.0.0.1:${node.controllerPort}`].join(',')}`,
    `advertised.listeners=${listeners.join(',')}`,
    `listener.security.protocol.map=${Object.entries(LISTENER_PROTOCOLS).map(([name, protocol]) => `${name}:${protocol}`).join(',')}`,
    'inter.broker.listener.name=SASL_PLAINTEXT',
    'sasl.mechanism.inter.broker.protocol=PLAIN',
    `log.dirs=${path.join(node.dir, 'data')}`,

    // Authorization: see testbed/README.md for who may do what.
    ...(options.authorizer
      ? [
          'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
          `super.users=User:${ADMIN_USER};User:ANONYMOUS;${tls.client.principal};${options.oauth.principal}`,
          'allow.everyone.if.no.acl.found=false',
        ]
      : []),
    // Client certificate DN "CN=odradek-client" becomes User:odradek-client.
    'ssl.principal.mapping.rules=RULE:^CN=([^,]+)$/$1/,RULE:^CN=([^,]+),.*$/$1/,DEFAULT',

    ...saslListener('sasl_plaintext'),
    ...saslListener('sasl_ssl'),

    'listener.name.oauth.sasl.enabled.mechanisms=OAUTHBEARER',
    'listener.name.oauth.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
    'listener.name.oauth.oauthbearer.sasl.server.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler',
    `sasl.oauthbearer.jwks.endpoint.url=${options.oauth.jwksEndpoint}`,
    `sasl.oauthbearer.expected.issuer=${options.oauth.issuer}`,
    `sasl.oauthbearer.expected.audience=${options.oauth.audience}`,

    'ssl.keystore.type=PKCS12',
    `ssl.keystore.location=${tls.broker.keystoreP12}`,
    `ssl.keystore.password=${tls.password}`,
    `ssl.key.password=${tls.password}`,
    // PEM truststore: available before keytool has made the PKCS12/JKS ones (and takes no password).
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${tls.ca.cert}`,
    'listener.name.ssl.ssl.client.auth=required',
    'listener.name.ssl_wrong_host.ssl.keystore.type=PKCS12',
    `listener.name.ssl_wrong_host.ssl.keystore.location=${tls.wrongHost.keystoreP12}`,
    `listener.name.ssl_wrong_host.ssl.keystore.password=${tls.password}`,
    `listener.name.ssl_wrong_host.ssl.key.password=${tls.password}`,
    'listener.name.ssl_wrong_host.ssl.client.auth=none',

    // Small internal topics and no rebalance delay: tests create many groups and want them quick.
    `offsets.topic.replication.factor=${replication}`,
    'offsets.topic.num.partitions=10',
    `transaction.state.log.replication.factor=${replication}`,
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=5',
    `share.coordinator.state.topic.replication.factor=${replication}`,
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=1',
    'default.replication.factor=1',
    // Topics are created explicitly by tests, so a typo fails instead of silently creating one.
    'auto.create.topics.enable=false',
    '',
  ];
  return lines.join('\n');
}

export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      timings[phase] = Date.now() - t0;
    }
  };
  const line = options.line ?? kafkaLineFromEnv();
  const nodeCount = options.nodes ?? 1;
  const keep = options.keep ?? process.env.TESTBED_KEEP === '1';
  reapOrphanedRuns();
  const runDir = path.join(RUNS_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
  mkdirSync(runDir, { recursive: true });
  writeFileSync(path.join(runDir, 'owner.json'), JSON.stringify({ ownerPid: process.pid, keep }));

  const tokenServer = await startTokenServer();
  const cleanups: (() => Promise<void>)[] = [() => tokenServer.close()];
  const nodes: TestbedNodeInfo[] = [];
  let recordingArchive: ArchiveCreation | null = null;
  const stopAll = async () => {
    // The JVM recording the class-data archive writes it on a graceful exit, while the others still run.
    const recorder = nodes[0];
    if (recordingArchive !== null && recorder !== undefined) {
      await stopNode(recorder, 30_000);
      recordingArchive.finish();
    }
    // The run's data is thrown away, so there is nothing for a graceful shutdown to protect.
    await killNodes(nodes);
    for (const cleanup of cleanups) await cleanup();
    if (!keep) rmSync(runDir, { recursive: true, force: true });
  };

  try {
    // TLS files are made while Maven resolves and the storage is formatted; only the brokers wait for them.
    const generatedTls = generateTlsMaterial(path.join(runDir, 'tls'));
    const tls = generatedTls.material;
    const tlsTimer = time('generate TLS (openssl)', () => generatedTls.brokerFiles);
    const jars = await time('resolve jars', () => resolveKafkaJars(line));
    const adminPassword = secret('admin');
    const restrictedPassword = secret('restricted');
    const clusterId = newClusterId();
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const archiveOptions = useArchiveOptions(jars.version);
    recordingArchive = archiveOptions.length === 0 ? archiveCreation(jars.version) : null;
    const brokerJvm = [
      ...jvmOptions(options.jvm ?? 'fast-start'),
      ...archiveOptions,
      ...log4jOptions(runDir, 'broker'),
      // Kafka 4 (and 3.9.1+) only fetch OAuth URLs on this allow-list (CVE-2025-27817).
      `-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=${tokenServer.info.jwksEndpoint},${tokenServer.info.tokenEndpoint}`,
      '-cp',
      jars.classpath,
    ];
    const toolJvm = [...jvmOptions('fast-start'), ...archiveOptions, ...log4jOptions(runDir, 'tool'), '-cp', jars.classpath];
    // SCRAM credentials go into the bootstrap metadata, so they exist before the first client connects.
    const scram = [ADMIN_USER, RESTRICTED_USER].flatMap((user) => {
      const password = user === ADMIN_USER ? adminPassword : restrictedPassword;
      return ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((mechanism) => ['--add-scram', `${mechanism}=[name=${user},password=${password}]`]);
    });

    const launch = async () => {
      const ports = await freePorts(nodeCount * (LISTENER_KEYS.length + 1));
      const plans: NodePlan[] = Array.from({ length: nodeCount }, (_, index) => {
        const base = index * (LISTENER_KEYS.length + 1);
        const port = (offset: number) => ports[base + offset] as number;
        return {
          id: index + 1,
          ports: Object.fromEntries(LISTENER_KEYS.map((key, i) => [key, port(i)])) as Record<keyof ListenerBootstraps, number>,
          controllerPort: port(LISTENER_KEYS.length),
          dir: path.join(runDir, `node-${index + 1}`),
        };
      });
      const voters = plans.map((plan) => `${plan.id}@127.0.0.1:${plan.controllerPort}`).join(',');
      for (const plan of plans) {
        rmSync(plan.dir, { recursive: true, force: true });
        mkdirSync(plan.dir, { recursive: true });
        const configFile = path.join(plan.dir, 'server.properties');
        writeFileSync(
          configFile,
          brokerProperties({ node: plan, voters, nodeCount, adminPassword, restrictedPassword, tls, oauth: tokenServer.info, authorizer: options.authorizer ?? true }),
        );
        nodes.push({
          id: plan.id,
          pid: 0,
          pidFile: path.join(plan.dir, 'pid'),
          logFile: path.join(plan.dir, 'server.log'),
          configFile,
          dataDir: path.join(plan.dir, 'data'),
          listeners: Object.fromEntries(LISTENER_KEYS.map((key) => [key, `127.0.0.1:${plan.ports[key]}`])) as unknown as ListenerBootstraps,
          controller: `127.0.0.1:${plan.controllerPort}`,
          // Node 1 records the class-data archive when there is none yet.
          start: {
            command: java,
            args: [...brokerJvm, ...(plan.id === 1 && recordingArchive !== null ? recordingArchive.options : []), 'kafka.Kafka', configFile],
          },
        });
      }

      await time('format storage', () =>
        Promise.all(
          nodes.map((node) =>
            execFileAsync(java, [...toolJvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', node.configFile, ...scram]).catch(
              (error: { stdout?: string; stderr?: string; message: string }) => {
                throw new Error(`formatting node ${node.id} failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
              },
            ),
          ),
        ),
      );

      await time('wait for TLS', () => tlsTimer);
      await time('start brokers', async () => {
        for (const node of nodes) spawnNode(node, { detached: options.detached ?? false });
        await Promise.all(
          nodes.map((node) => waitForNodeReady(node, { expectBrokers: nodeCount, timeoutMs: options.startTimeoutMs ?? 120_000 })),
        );
      });
    };

    for (let attempt = 1; ; attempt++) {
      try {
        await launch();
        break;
      } catch (error) {
        const portTaken = nodes.some((node) => existsSync(node.logFile) && /Address already in use/.test(readFileSync(node.logFile, 'utf8')));
        if (!portTaken || attempt >= 3) throw error;
        console.warn(`[testbed] a listener port was taken by someone else; retrying with new ports (attempt ${attempt + 1})`);
        await killNodes(nodes);
        nodes.length = 0;
      }
    }
    await time('keytool stores', () => generatedTls.all);
    timings.total = Date.now() - started;

    const joined = (key: keyof ListenerBootstraps) => nodes.map((node) => node.listeners[key]).join(',');
    const info: TestbedInfo = {
      kafkaVersion: KAFKA_VERSIONS[line],
      line,
      clusterId,
      dataDir: runDir,
      listeners: Object.fromEntries(LISTENER_KEYS.map((key) => [key, joined(key)])) as unknown as ListenerBootstraps,
      nodes,
      users: {
        admin: { username: ADMIN_USER, password: adminPassword },
        restricted: { username: RESTRICTED_USER, password: restrictedPassword },
      },
      oauth: tokenServer.info,
      tls,
      classpath: jars.classpath,
      ownerPid: process.pid,
    };
    writeFileSync(path.join(runDir, 'testbed.json'), JSON.stringify(info, null, 2));
    return { info, timings, logTails: (lines) => logTails(nodes, lines), stop: stopAll };
  } catch (error) {
    const tails = logTails(nodes);
    await stopAll().catch(() => undefined);
    if (error instanceof Error && tails !== '') error.message += `\n${tails}`;
    throw error;
  }
}

/**
 * Kills the brokers of runs whose owner died without stopping them (a crashed or interrupted test run)
 * and deletes their directories unless they were kept on purpose.
 */
export function reapOrphanedRuns(): void {
  if (!existsSync(RUNS_DIR)) return;
  for (const name of readdirSync(RUNS_DIR)) {
    const runDir = path.join(RUNS_DIR, name);
    let owner: { ownerPid?: number; keep?: boolean } = {};
    try {
      owner = JSON.parse(readFileSync(path.join(runDir, 'owner.json'), 'utf8')) as typeof owner;
    } catch {
      continue; // not ours, or still being created
    }
    if (typeof owner.ownerPid !== 'number' || isAlive(owner.ownerPid)) continue;
    for (const entry of readdirSync(runDir).filter((child) => child.startsWith('node-'))) {
      const pid = Number.parseInt(existsSync(path.join(runDir, entry, 'pid')) ? readFileSync(path.join(runDir, entry, 'pid'), 'utf8') : '', 10);
      if (!Number.isInteger(pid) || !isAlive(pid)) continue;
      try {
        // Only a JVM started for this run directory; a recycled pid is left alone.
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir)) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!owner.keep) rmSync(runDir, { recursive: true, force: true });
  }
}

async function killNodes(nodes: TestbedNodeInfo[]): Promise<void> {
  await Promise.all(
    nodes.map(async (node) => {
      const pid = nodePid(node);
      if (pid === null) return;
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 10_000);
    }),
  );
}

export function logTails(nodes: TestbedNodeInfo[], lines = 60): string {
  return nodes.map((node) => `--- node ${node.id}: ${node.logFile} ---\n${tailLog(node.logFile, lines)}`).join('\n');
}

export { stopNode };
