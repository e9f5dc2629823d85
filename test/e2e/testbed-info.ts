import { readFileSync } from 'node:fs';
import type { TestbedInfo } from '../../testbed/types';

/** Names the JSON file where the global setup left the running bed's connection details. */
export const TESTBED_INFO_ENV = 'ODRADEK_E2E_TESTBED';

export function testbedInfo(): TestbedInfo {
  const file = process.env[TESTBED_INFO_ENV];
  if (!file) throw new Error(`${TESTBED_INFO_ENV} is not set: run the specs through playwright.config.ts, whose global setup starts the test bed.`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestbedInfo;
}
