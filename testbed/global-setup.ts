// Vitest global setup for the `integration` project: one test bed per run, handed to tests as
// inject('testbed'). Reuses a bed from `npm run kafka:up` when it is alive (TESTBED_REUSE=0 to opt out).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TESTBED_DIR, kafkaLineFromEnv } from './jars';
import { registryAnswers, startRegistry } from './registry';
import { reusableState } from './state';
import { startTestbed, type Testbed } from './testbed';
import type { TestbedInfo } from './types';

declare module 'vitest' {
  export interface ProvidedContext {
    testbed: TestbedInfo;
  }
}

/** Value-taking vitest options, so their values are not read as file filters. */
const VALUE_FLAGS = new Set(['--project', '--config', '-c', '--reporter', '--outputFile', '-t', '--testNamePattern', '--shard', '--root', '--dir', '--environment', '--pool', '--mode']);

/**
 * Whether this run includes a test file that uses the Schema Registry (calls `registryForTests`): then
 * one Apicurio (with the Basic one) is started here for every file, instead of one per file.
 */
export function runNeedsRegistry(argv: readonly string[], files: readonly { name: string; text: string }[]): boolean {
  const users = files.filter((file) => file.text.includes('registryForTests(')).map((file) => file.name);
  if (users.length === 0) return false;
  const start = argv.indexOf('run');
  const args = start === -1 ? [] : argv.slice(start + 1);
  const filters = args.filter((arg, index) => !arg.startsWith('-') && !(VALUE_FLAGS.has(args[index - 1] ?? '')));
  return filters.length === 0 || users.some((name) => filters.some((filter) => name.includes(path.basename(filter)) || filter.includes(name)));
}

function integrationFiles(): { name: string; text: string }[] {
  const dir = path.join(TESTBED_DIR, '..', 'test', 'integration');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Adds a registry to the bed's info for this run when a file needs one and the bed has none. */
export async function withRegistry(info: TestbedInfo): Promise<{ info: TestbedInfo; stop: () => Promise<void> }> {
  const none = { info, stop: async () => undefined };
  if (process.env.TESTBED_REGISTRY === '0' || !runNeedsRegistry(process.argv, integrationFiles())) return none;
  if (info.registry?.basic && (await registryAnswers(info.registry))) return none;
  try {
    const registry = await startRegistry({ tls: info.tls, basic: true });
    console.log(`[testbed] Apicurio ${registry.info.version} up in ${registry.timings['total']} ms for this run`);
    return { info: { ...info, registry: registry.info }, stop: registry.stop };
  } catch (error) {
    // The files that need it start their own and fail with this reason; the others still run.
    console.error(`[testbed] the Schema Registry did not start: ${error instanceof Error ? error.message : String(error)}`);
    return none;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const line = kafkaLineFromEnv();
  const reusable = process.env.TESTBED_REUSE === '0' ? null : await reusableState(line);
  if (reusable !== null) {
    console.log(`[testbed] reusing the kafka:up bed (Kafka ${reusable.info.kafkaVersion}, supervisor ${reusable.supervisorPid})`);
    const shared = await withRegistry(reusable.info);
    project.provide('testbed', shared.info);
    return shared.stop;
  }

  let bed: Testbed;
  try {
    bed = await startTestbed({ line });
  } catch (error) {
    // The error carries the broker log tails; print them whole rather than let a reporter truncate.
    console.error(`[testbed] failed to start Kafka:\n${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  console.log(
    `[testbed] Kafka ${bed.info.kafkaVersion} up in ${bed.timings.total} ms ` +
      `(${Object.entries(bed.timings).filter(([phase]) => phase !== 'total').map(([phase, ms]) => `${phase} ${ms} ms`).join(', ')})`,
  );
  const shared = await withRegistry(bed.info);
  project.provide('testbed', shared.info);
  return async () => {
    if (process.env.TESTBED_LOGS === '1') console.log(bed.logTails());
    await shared.stop();
    await bed.stop();
  };
}
