// Playwright global setup: one Kafka test bed per run (or the `npm run kafka:up` bed when it answers),
// handed to workers as a JSON file named in ODRADEK_E2E_TESTBED, and a throwaway keychain service so
// the specs never touch a developer's real Odradek secrets. The returned function is the teardown.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createTopic } from '../../testbed/helpers';
import { connectForTests } from '../../testbed/connect-for-tests';
import { registryForTests } from '../../testbed/registry-for-tests';
import { kafkaLineFromEnv } from '../../testbed/jars';
import { reusableState } from '../../testbed/state';
import { startTestbed } from '../../testbed/testbed';
import type { TestbedInfo } from '../../testbed/types';
import { findElectron } from './electron-binary';
import { runIncludes } from './spec-selection';
import { CONNECT_INFO_ENV, REGISTRY_INFO_ENV, TESTBED_INFO_ENV, type E2eConnectInfo, type E2eRegistryInfo } from './testbed-info';

/** The specs that need a Schema Registry (the a11y scan covers the Schemas screen); only a run that includes one starts Apicurio (a JVM, ~260 MB). */
const REGISTRY_SPECS = ['test/e2e/schemas.spec.ts', 'test/e2e/a11y.spec.ts', 'test/e2e/demo.spec.ts'];
/** Kafka Connect (two JVMs, ~0.9 GB) only for the run that includes the Connect spec. */
const CONNECT_SPECS = ['test/e2e/connect.spec.ts'];

export default async function globalSetup(): Promise<() => Promise<void>> {
  const electron = findElectron();
  // Said once per run, so "skipped" in the electron project is never mistaken for "passed elsewhere".
  if ('missing' in electron) console.log(`[e2e] Electron project not run: ${electron.missing}`);
  const keychainService = `odradek-e2e-${randomUUID()}`;
  process.env['ODRADEK_KEYCHAIN_SERVICE'] = keychainService;
  const cleanKeychain = async () => {
    const secrets = createKeytarSecretStore(keychainService);
    for (const account of await secrets.list().catch(() => [])) await secrets.delete(account).catch(() => undefined);
  };

  const line = kafkaLineFromEnv();
  const reusable = process.env['TESTBED_REUSE'] === '0' ? null : await reusableState(line);
  let info: TestbedInfo;
  let stopBed: () => Promise<void> = async () => undefined;
  if (reusable) {
    console.log(`[testbed] reusing the kafka:up bed (Kafka ${reusable.info.kafkaVersion})`);
    info = reusable.info;
  } else {
    const bed = await startTestbed({ line });
    console.log(`[testbed] Kafka ${bed.info.kafkaVersion} up in ${bed.timings['total']} ms`);
    info = bed.info;
    stopBed = () => bed.stop();
  }

  // The connection test's authorization probe warns when the principal sees no topic; a fresh bed has none.
  await createTopic(info, { topic: 'odradek-e2e-profiles' });

  const infoFile = resolve('test-results/e2e-testbed.json');
  mkdirSync(resolve('test-results'), { recursive: true });
  writeFileSync(infoFile, JSON.stringify(info, null, 2));
  process.env[TESTBED_INFO_ENV] = infoFile;

  let stopRegistry: () => Promise<void> = async () => undefined;
  if (runIncludes(process.argv, REGISTRY_SPECS)) {
    const started = Date.now();
    const registry = await registryForTests(info);
    stopRegistry = registry.stop;
    console.log(`[testbed] Apicurio ${registry.info.version} for the schemas specs at ${registry.info.plain} (${Date.now() - started} ms)`);
    const registryFile = resolve('test-results/e2e-registry.json');
    writeFileSync(registryFile, JSON.stringify({ url: registry.info.plain, v1OnlyUrl: registry.info.v1Only } satisfies E2eRegistryInfo, null, 2));
    process.env[REGISTRY_INFO_ENV] = registryFile;
  }

  let stopConnect: () => Promise<void> = async () => undefined;
  if (runIncludes(process.argv, CONNECT_SPECS)) {
    // The spec needs only the plain cluster: one worker JVM.
    const connect = await connectForTests(info, { basic: false });
    stopConnect = connect.stop;
    console.log(`[testbed] Kafka Connect ${connect.info.version} for the connect spec at ${connect.info.plain.urls[0]} (${connect.timings['total'] ?? 'reused'} ms)`);
    const connectFile = resolve('test-results/e2e-connect.json');
    writeFileSync(connectFile, JSON.stringify({ url: connect.info.plain.urls[0]!, filesDir: connect.info.filesDir } satisfies E2eConnectInfo, null, 2));
    process.env[CONNECT_INFO_ENV] = connectFile;
  }

  return async () => {
    await cleanKeychain();
    await stopConnect();
    await stopRegistry();
    await stopBed();
  };
}
