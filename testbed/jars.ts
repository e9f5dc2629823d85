// Resolves the pinned Kafka jars with Maven into testbed/.cache/jars/<line>/ once; later runs work offline.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KafkaLine } from './types';

export const TESTBED_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Jars, runs and kafka:up state. TESTBED_CACHE_DIR moves it (a CI cache, or a second kafka:up bed). */
export const CACHE_DIR = process.env.TESTBED_CACHE_DIR ? path.resolve(process.env.TESTBED_CACHE_DIR) : path.join(TESTBED_DIR, '.cache');

/** Must match the profiles in testbed/pom.xml. */
export const KAFKA_VERSIONS: Record<KafkaLine, string> = { '4': '4.3.1', '3.9': '3.9.2' };

export function kafkaLineFromEnv(value = process.env.KAFKA_VERSION): KafkaLine {
  if (value === undefined || value === '' || value === '4' || value.startsWith('4.')) return '4';
  if (value === '3.9' || value.startsWith('3.9.')) return '3.9';
  throw new Error(`KAFKA_VERSION=${value} is not supported; use 4 (default) or 3.9`);
}

export interface ResolvedJars {
  version: string;
  dir: string;
  classpath: string;
}

export async function resolveKafkaJars(line: KafkaLine): Promise<ResolvedJars> {
  return resolveJars(line, 'kafka');
}

/** The Kafka Connect worker jars (runtime, file, json, mirror, basic-auth extension) of the line, in their own dir. */
export async function resolveConnectJars(line: KafkaLine): Promise<ResolvedJars> {
  return resolveJars(line, 'connect');
}

async function resolveJars(line: KafkaLine, part: 'kafka' | 'connect'): Promise<ResolvedJars> {
  const version = KAFKA_VERSIONS[line];
  const dir = path.join(CACHE_DIR, 'jars', part === 'kafka' ? line : `connect-${line}`);
  // The marker is written last, so an interrupted copy is redone rather than half used.
  const marker = path.join(dir, `.resolved-${version}`);
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    await runMaven(line, part, dir);
    const expected = part === 'kafka' ? `kafka_2.13-${version}.jar` : `connect-runtime-${version}.jar`;
    if (!readdirSync(dir).includes(expected)) {
      throw new Error(`Maven finished but ${expected} is missing from ${dir}`);
    }
    writeFileSync(marker, new Date().toISOString());
  }
  return { version, dir, classpath: `${dir}${path.sep}*` };
}

function runMaven(line: KafkaLine, part: 'kafka' | 'connect', outputDir: string): Promise<void> {
  const args = [
    '-B',
    '-q',
    '-f',
    path.join(TESTBED_DIR, 'pom.xml'),
    part === 'kafka' ? `-Pkafka-${line}` : `-Pkafka-${line},connect`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${outputDir}`,
    '-DincludeScope=runtime',
  ];
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) =>
      reject(new Error(`Cannot run Maven (mvn) to resolve the Kafka ${line} ${part} jars: ${error.message}. Install maven.`)),
    );
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Maven failed (exit ${code}) resolving the Kafka ${KAFKA_VERSIONS[line]} ${part} jars: mvn ${args.join(' ')}\n` +
              output.split('\n').slice(-40).join('\n'),
          ),
        );
    });
  });
}
