import { readFileSync } from 'node:fs';
import type { TestbedInfo } from '../../testbed/types';

/** Names the JSON file where the global setup left the running bed's connection details. */
export const TESTBED_INFO_ENV = 'ODRADEK_E2E_TESTBED';

export function testbedInfo(): TestbedInfo {
  const file = process.env[TESTBED_INFO_ENV];
  if (!file) throw new Error(`${TESTBED_INFO_ENV} is not set: run the specs through playwright.config.ts, whose global setup starts the test bed.`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestbedInfo;
}

/** Names the JSON file where the global setup left the Apicurio registry it started for the schemas specs. */
export const REGISTRY_INFO_ENV = 'ODRADEK_E2E_REGISTRY';

export interface E2eRegistryInfo {
  /** The Confluent-compatible API base, as a profile names it (`…/apis/ccompat/v7`). */
  url: string;
  /** The same registry behind a front answering 404 to GET /schemas. */
  v1OnlyUrl: string;
}

export function registryInfo(): E2eRegistryInfo {
  const file = process.env[REGISTRY_INFO_ENV];
  if (!file) throw new Error(`${REGISTRY_INFO_ENV} is not set: the global setup starts Apicurio only when the run includes test/e2e/schemas.spec.ts or test/e2e/a11y.spec.ts.`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2eRegistryInfo;
}

/** Names the JSON file where the global setup left the Kafka Connect worker it started for the connect spec. */
export const CONNECT_INFO_ENV = 'ODRADEK_E2E_CONNECT';

export interface E2eConnectInfo {
  /** The `plain` Connect cluster's REST URL (no authentication). */
  url: string;
  /** A directory the workers read and write (FileStream connectors). */
  filesDir: string;
}

export function connectInfo(): E2eConnectInfo {
  const file = process.env[CONNECT_INFO_ENV];
  if (!file) throw new Error(`${CONNECT_INFO_ENV} is not set: the global setup starts Kafka Connect only when the run includes test/e2e/connect.spec.ts.`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2eConnectInfo;
}
