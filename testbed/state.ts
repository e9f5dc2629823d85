// testbed/.cache/state.json: the bed left running by `npm run kafka:up`, reusable by the Vitest setup.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import kafkajs from 'kafkajs';
import { CACHE_DIR } from './jars';
import { isAlive } from './node-process';
import type { KafkaLine, TestbedInfo } from './types';

const { Kafka, logLevel } = kafkajs;

export const STATE_FILE = path.join(CACHE_DIR, 'state.json');

export interface SupervisorState {
  supervisorPid: number;
  startedAt: string;
  timings: Record<string, number>;
  info: TestbedInfo;
}

export function readState(): SupervisorState | null {
  if (!existsSync(STATE_FILE)) return null;
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SupervisorState;
    return typeof state.supervisorPid === 'number' && typeof state.info?.listeners?.plaintext === 'string' ? state : null;
  } catch {
    return null;
  }
}

export function writeState(state: SupervisorState): void {
  const temporary = `${STATE_FILE}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  // Rename is atomic, so readers never see half a file.
  renameSync(temporary, STATE_FILE);
}

export function removeState(expectedPid: number): void {
  if (readState()?.supervisorPid === expectedPid) rmSync(STATE_FILE, { force: true });
}

export async function brokerAnswers(info: TestbedInfo, timeoutMs = 5000): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'testbed-probe',
    brokers: info.listeners.plaintext.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A kafka:up bed of the wanted Kafka line whose supervisor lives and whose broker answers. */
export async function reusableState(line: KafkaLine): Promise<SupervisorState | null> {
  const state = readState();
  if (state === null || state.info.line !== line || !isAlive(state.supervisorPid)) return null;
  return (await brokerAnswers(state.info)) ? state : null;
}
