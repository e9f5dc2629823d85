// The detached process behind `npm run kafka:up`: owns the brokers and hosts the OAuth token endpoint
// until SIGTERM (`npm run kafka:down`).
import { startConnect, type Connect } from './connect';
import { startProxy, type Proxy } from './proxy';
import { startRegistry, type Registry } from './registry';
import { startTestbed } from './testbed';
import { removeState, writeState } from './state';

const bed = await startTestbed({
  nodes: process.env.TESTBED_NODES === '3' ? 3 : 1,
  detached: true,
  jvm: process.env.TESTBED_JVM === 'throughput' ? 'throughput' : 'fast-start',
});
// TESTBED_REGISTRY=1 adds Apicurio (plain, TLS, mTLS and v1-only fronts, and the Basic-auth one).
let registry: Registry | null = null;
if (process.env.TESTBED_REGISTRY === '1') {
  try {
    // TESTBED_REGISTRY_BASIC=0 (the demo) skips the second, Basic-auth JVM.
    registry = await startRegistry({ tls: bed.info.tls, basic: process.env.TESTBED_REGISTRY_BASIC !== '0', detached: true });
  } catch (error) {
    console.error(`${new Date().toISOString()} the registry did not start: ${error instanceof Error ? error.message : String(error)}`);
    await bed.stop();
    process.exit(1);
  }
  bed.info.registry = registry.info;
  bed.timings['registry'] = registry.timings['total'] ?? 0;
}
// TESTBED_PROXY=1 adds Kroxylicious (MultiTenant, virtual clusters alpha and beta) in front of the bed.
let proxy: Proxy | null = null;
if (process.env.TESTBED_PROXY === '1') {
  try {
    proxy = await startProxy({ backing: bed.info.listeners.plaintext, detached: true });
  } catch (error) {
    console.error(`${new Date().toISOString()} the proxy did not start: ${error instanceof Error ? error.message : String(error)}`);
    await registry?.stop();
    await bed.stop();
    process.exit(1);
  }
  bed.info.proxy = proxy.info;
  bed.timings['proxy'] = proxy.timings['total'] ?? 0;
}
// TESTBED_CONNECT=1 adds Kafka Connect: the `plain` cluster with two workers and the Basic-auth one.
let connect: Connect | null = null;
if (process.env.TESTBED_CONNECT === '1') {
  try {
    connect = await startConnect(bed.info, { plainWorkers: 2, detached: true });
  } catch (error) {
    console.error(`${new Date().toISOString()} Kafka Connect did not start: ${error instanceof Error ? error.message : String(error)}`);
    await proxy?.stop();
    await registry?.stop();
    await bed.stop();
    process.exit(1);
  }
  bed.info.connect = connect.info;
  bed.timings['connect'] = connect.timings['total'] ?? 0;
}
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
    await connect?.stop();
    await proxy?.stop();
    await registry?.stop();
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
