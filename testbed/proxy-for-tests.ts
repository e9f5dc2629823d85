// The proxy for one integration test file: the kafka:up bed's when it has one that answers
// (TESTBED_PROXY=1), otherwise a fresh Kroxylicious started for the file and stopped after it.
import { proxyAnswers, startProxy, type ProxyInfo } from './proxy';
import type { TestbedInfo } from './types';

export interface TestProxy {
  info: ProxyInfo;
  /** Stops it when this file started it; a kafka:up proxy is left running. */
  stop(): Promise<void>;
}

export async function proxyForTests(testbed: TestbedInfo): Promise<TestProxy> {
  const shared = testbed.proxy;
  if (process.env.TESTBED_REUSE !== '0' && shared && shared.backing === testbed.listeners.plaintext && (await proxyAnswers(shared))) {
    return { info: shared, stop: async () => undefined };
  }
  const proxy = await startProxy({ backing: testbed.listeners.plaintext });
  return { info: proxy.info, stop: proxy.stop };
}
