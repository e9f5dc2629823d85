// Kafka's MirrorMaker 2 (the dedicated `MirrorMaker` driver from connect-mirror) replicating topics from
// one bed to another, for the failover tests. Topic names are kept (IdentityReplicationPolicy), so a
// profile switched to its failover cluster browses the same topic name.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CACHE_DIR, TESTBED_DIR } from './jars';
import { isAlive, waitForExit } from './node-process';

const execFileAsync = promisify(execFile);
export const MIRROR_KAFKA_VERSION = '4.3.1';

async function resolveMirrorMaker(): Promise<string> {
  const dir = path.join(CACHE_DIR, 'mirror', MIRROR_KAFKA_VERSION);
  const marker = path.join(dir, '.resolved');
  if (existsSync(marker)) return path.join(dir, 'jars', '*');
  rmSync(dir, { recursive: true, force: true });
  const args = ['-B', '-q', '-f', path.join(TESTBED_DIR, 'mirror', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(dir, 'jars')}`];
  try {
    await execFileAsync('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Maven could not resolve connect-mirror ${MIRROR_KAFKA_VERSION} (mvn ${args.join(' ')}): ${message}\n${`${stdout}${stderr}`.split('\n').slice(-30).join('\n')}`);
  }
  writeFileSync(marker, new Date().toISOString());
  return path.join(dir, 'jars', '*');
}

export interface MirrorMaker {
  logFile: string;
  stop(): Promise<void>;
}

/** Starts MM2 replicating `topics` (a regex) from `source` to `target` (PLAINTEXT bootstraps). */
export async function startMirrorMaker(options: { source: string; target: string; topics: string; dataDir: string }): Promise<MirrorMaker> {
  const classpath = await resolveMirrorMaker();
  mkdirSync(options.dataDir, { recursive: true });
  const properties = [
    'clusters = main, failover',
    `main.bootstrap.servers = ${options.source}`,
    `failover.bootstrap.servers = ${options.target}`,
    'main->failover.enabled = true',
    'failover->main.enabled = false',
    `main->failover.topics = ${options.topics}`,
    'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
    'replication.factor = 1',
    'checkpoints.topic.replication.factor = 1',
    'heartbeats.topic.replication.factor = 1',
    'offset-syncs.topic.replication.factor = 1',
    'offset.storage.replication.factor = 1',
    'status.storage.replication.factor = 1',
    'config.storage.replication.factor = 1',
    'sync.topic.acls.enabled = false',
    'emit.heartbeats.enabled = false',
    'refresh.topics.interval.seconds = 2',
    'tasks.max = 1',
  ];
  const config = path.join(options.dataDir, 'mm2.properties');
  writeFileSync(config, `${properties.join('\n')}\n`);
  const log4j = path.join(options.dataDir, 'log4j2.xml');
  writeFileSync(log4j, '<Configuration status="WARN"><Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%d %-5p [%c{1}] %m%n"/></Console></Appenders><Loggers><Root level="WARN"><AppenderRef ref="out"/></Root></Loggers></Configuration>\n');
  const logFile = path.join(options.dataDir, 'mm2.log');
  const log = openSync(logFile, 'a');
  let pid: number | undefined;
  try {
    const child = spawn('java', ['-Xms64m', '-Xmx384m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', `-Dlog4j2.configurationFile=${log4j}`, '-cp', classpath, 'org.apache.kafka.connect.mirror.MirrorMaker', config], { cwd: options.dataDir, stdio: ['ignore', log, log] });
    pid = child.pid;
  } finally {
    closeSync(log);
  }
  if (pid === undefined) throw new Error('could not start MirrorMaker 2 (is java on the PATH?)');
  const started = pid;
  return {
    logFile,
    stop: async () => {
      if (!isAlive(started)) return;
      process.kill(started, 'SIGTERM');
      if (!(await waitForExit(started, 15_000))) {
        process.kill(started, 'SIGKILL');
        await waitForExit(started, 10_000);
      }
    },
  };
}
