// The detached process behind `npm run kafka:up`: owns the brokers and hosts the OAuth token endpoint
// until SIGTERM (`npm run kafka:down`).
import { startTestbed } from './testbed';
import { removeState, writeState } from './state';

const bed = await startTestbed({
  nodes: process.env.TESTBED_NODES === '3' ? 3 : 1,
  detached: true,
  jvm: process.env.TESTBED_JVM === 'throughput' ? 'throughput' : 'fast-start',
});
writeState({ supervisorPid: process.pid, startedAt: new Date().toISOString(), timings: bed.timings, info: bed.info });
// The token server is unref'd so tests can exit; here the process must stay up until told otherwise.
const keepAlive = setInterval(() => undefined, 60_000);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${new Date().toISOString()} ${signal}: stopping the test bed`);
  clearInterval(keepAlive);
  try {
    await bed.stop();
  } finally {
    removeState(process.pid);
    process.exit(0);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
console.log(`${new Date().toISOString()} test bed up in ${bed.timings.total} ms: ${bed.info.listeners.plaintext}`);
