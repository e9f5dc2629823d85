// Kafka Connect for one integration test file: the kafka:up bed's when it has one that answers
// (TESTBED_CONNECT=1), otherwise a fresh one started for the file and stopped after it. One per file,
// shared by the file's tests: a worker takes about half a GiB and tens of seconds to join its group.
import { connectAnswers, startConnect, type ConnectInfo } from './connect';
import type { TestbedInfo } from './types';

export interface TestConnect {
  info: ConnectInfo;
  timings: Record<string, number>;
  /** Stops it when this file started it; a kafka:up Connect is left running. */
  stop(): Promise<void>;
}

export async function connectForTests(testbed: TestbedInfo, options: { plainWorkers?: 1 | 2; basic?: boolean } = {}): Promise<TestConnect> {
  const shared = testbed.connect;
  if (process.env.TESTBED_REUSE !== '0' && shared && shared.plain.workers.length >= (options.plainWorkers ?? 1) && (options.basic === false || shared.basic !== null) && (await connectAnswers(shared))) {
    return { info: shared, timings: {}, stop: async () => undefined };
  }
  const connect = await startConnect(testbed, { plainWorkers: options.plainWorkers ?? 1, basic: options.basic ?? true });
  return { info: connect.info, timings: connect.timings, stop: connect.stop };
}
