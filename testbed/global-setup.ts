// Vitest global setup for the `integration` project: one test bed per run, handed to tests as
// inject('testbed'). Reuses a bed from `npm run kafka:up` when it is alive (TESTBED_REUSE=0 to opt out).
import type { TestProject } from 'vitest/node';
import { kafkaLineFromEnv } from './jars';
import { reusableState } from './state';
import { startTestbed, type Testbed } from './testbed';
import type { TestbedInfo } from './types';

declare module 'vitest' {
  export interface ProvidedContext {
    testbed: TestbedInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const line = kafkaLineFromEnv();
  const reusable = process.env.TESTBED_REUSE === '0' ? null : await reusableState(line);
  if (reusable !== null) {
    console.log(`[testbed] reusing the kafka:up bed (Kafka ${reusable.info.kafkaVersion}, supervisor ${reusable.supervisorPid})`);
    project.provide('testbed', reusable.info);
    return async () => undefined;
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
  project.provide('testbed', bed.info);
  return async () => {
    if (process.env.TESTBED_LOGS === '1') console.log(bed.logTails());
    await bed.stop();
  };
}
