// `odradek topics config` against the bed, in-process, through the same store as the app: values the
// shared table refuses never reach the broker; a valid --set and a --reset change only their keys.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { runCli } from '../../electron/cli/index';
import { cliServices } from '../../electron/cli/services';
import { adminClient, createTopics } from '../../testbed/helpers';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const topic = `tc${Date.now().toString(36)}-config`;

async function brokerOverrides(): Promise<Record<string, string>> {
  const admin = await adminClient(bed);
  try {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
    return Object.fromEntries(resources[0]!.configEntries.filter((entry) => !entry.isDefault && entry.configSource === 1).map((entry) => [entry.configName, entry.configValue]));
  } finally {
    await admin.disconnect();
  }
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odradek-topics-cli-'));
  await createTopics(bed, [{ topic, partitions: 1, configs: { 'cleanup.policy': 'compact' } }]);
  await cliServices(capturingIo(dir).io).profiles.save({ draft: { ...emptyProfileDraft('bed', 'Test bed'), bootstrapServers: bed.listeners.plaintext.split(',') } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('odradek topics config', () => {
  it('refuses an out-of-range value by key before the broker sees it, and changes nothing', async () => {
    const { io, err } = capturingIo(dir);
    expect(await runCli(['topics', 'config', '--profile', 'Test bed', '--topic', topic, '--set', 'retention.ms=-5', '--set', 'segment.bytes=1000'], io)).toBe(2);
    expect(err.join('\n')).toContain('retention.ms must be between -1 and 9223372036854775807');
    expect(err.join('\n')).toContain('segment.bytes must be between 1048576 and 2147483647');
    expect(await brokerOverrides()).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('sets and resets only the named keys; --json lists the overrides with their readable values', async () => {
    const { io, out, err } = capturingIo(dir);
    expect(await runCli(['topics', 'config', '--profile', 'Test bed', '--topic', topic, '--set', 'retention.ms=259200000', '--reset', 'cleanup.policy', '--overrides', '--json'], io), err.join('\n')).toBe(0);
    const result = JSON.parse(out.join('')) as { changed: string[]; configs: { name: string; value: string; readable: string; isOverride: boolean }[] };
    expect(result.changed.sort()).toEqual(['cleanup.policy', 'retention.ms']);
    expect(result.configs.map(({ name, value, readable, isOverride }) => ({ name, value, readable, isOverride }))).toEqual([{ name: 'retention.ms', value: '259200000', readable: '3 days', isOverride: true }]);
    expect(await brokerOverrides()).toEqual({ 'retention.ms': '259200000' });

    const table = capturingIo(dir);
    expect(await runCli(['topics', 'config', '--profile', 'Test bed', '--topic', topic, '--overrides'], table.io)).toBe(0);
    expect(table.out.join('\n')).toMatch(/retention\.ms\s+259200000\s+3 days\s+override/);
  });
});
