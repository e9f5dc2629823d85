// Application class-data sharing: a JVM dumps the classes a broker loaded into an archive once
// (-XX:ArchiveClassesAtExit, on a graceful exit), later JVMs map it (-XX:SharedArchiveFile). Measured
// here: broker start-up CPU 3.1-3.4 s -> 1.9-2.3 s, StorageTool 0.9 s -> 0.5 s. A stale or foreign
// archive is ignored by the JVM (-Xshare:auto), so the worst case is the old speed.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './jars';

/** The java executable that will run, resolved through PATH like the shell would. */
function javaExecutable(): string {
  const candidates = process.env.JAVA_HOME
    ? [path.join(process.env.JAVA_HOME, 'bin', 'java')]
    : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'java'));
  for (const candidate of candidates) {
    try {
      return realpathSync(candidate);
    } catch {
      // not here
    }
  }
  return 'java';
}

/** One archive per Kafka version and JDK build; a JDK update gets a fresh one. */
export function cdsArchivePath(kafkaVersion: string): string {
  const java = javaExecutable();
  let stamp = java;
  try {
    stamp += statSync(java).mtimeMs;
  } catch {
    // unknown java: the name alone
  }
  const jdk = createHash('sha256').update(stamp).digest('hex').slice(0, 10);
  return path.join(CACHE_DIR, 'cds', `kafka-${kafkaVersion}-jdk-${jdk}.jsa`);
}

const enabled = () => process.env.TESTBED_CDS !== '0';
// CDS mismatch warnings would otherwise go to stdout, which tools' callers parse.
const quiet = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

/** Options for a JVM that should use the archive if there is one. */
export function useArchiveOptions(kafkaVersion: string): string[] {
  const archive = cdsArchivePath(kafkaVersion);
  return enabled() && existsSync(archive) ? [...quiet, `-XX:SharedArchiveFile=${archive}`] : [];
}

export interface ArchiveCreation {
  /** Options for the one JVM that records the archive when it exits. */
  options: string[];
  /** Moves the recorded archive into place; call after that JVM has exited gracefully. */
  finish(): void;
}

/** When there is no archive yet: how to record one. Null when there is (or CDS is off). */
export function archiveCreation(kafkaVersion: string): ArchiveCreation | null {
  const archive = cdsArchivePath(kafkaVersion);
  if (!enabled() || existsSync(archive)) return null;
  mkdirSync(path.dirname(archive), { recursive: true });
  // A private name, renamed at the end, so concurrent beds never map a half-written file.
  const pending = `${archive}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`;
  return {
    options: [...quiet, `-XX:ArchiveClassesAtExit=${pending}`],
    finish: () => {
      try {
        if (existsSync(pending) && statSync(pending).size > 0) renameSync(pending, archive);
      } finally {
        rmSync(pending, { force: true });
      }
    },
  };
}
