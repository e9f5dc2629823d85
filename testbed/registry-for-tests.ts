// The registry for one integration test file: the kafka:up bed's when it has one that answers
// (TESTBED_REGISTRY=1), otherwise a fresh one started for the file and stopped after it.
import { registryAnswers, startRegistry, type RegistryInfo } from './registry';
import type { TestbedInfo } from './types';

export interface TestRegistry {
  info: RegistryInfo;
  /** Stops it when this file started it; a kafka:up registry is left running. */
  stop(): Promise<void>;
}

export async function registryForTests(testbed: TestbedInfo, options: { basic?: boolean } = {}): Promise<TestRegistry> {
  const shared = testbed.registry;
  if (process.env.TESTBED_REUSE !== '0' && shared && (!options.basic || shared.basic) && (await registryAnswers(shared))) {
    return { info: shared, stop: async () => undefined };
  }
  const registry = await startRegistry({ tls: testbed.tls, basic: options.basic ?? false });
  return { info: registry.info, stop: registry.stop };
}
