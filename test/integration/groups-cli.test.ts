// `odradek groups list|describe|lag` against the bed, in-process, through the same store as the app:
// the --json shapes documented in docs/groups.md and the tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { groupDetailSchema, groupRowSchema } from '../../shared/domain/groups/group-schemas';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { runCli } from '../../electron/cli/index';
import { cliServices } from '../../electron/cli/services';
import { commitGroupOffsets } from '../../testbed/groups';
import { createTopics, produceWithKafkajs } from '../../testbed/helpers';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const run = `gc${Date.now().toString(36)}`;
const topic = `${run}-events`;
const groupId = `${run}-billing`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odradek-groups-cli-'));
  await createTopics(bed, [{ topic, partitions: 2 }]);
  await produceWithKafkajs(bed, topic, Array.from({ length: 8 }, (_, index) => ({ value: `m${index}`, partition: index % 2 })));
  await commitGroupOffsets(bed, [{ groupId, offsets: [{ topic, partition: 0, offset: 1 }, { topic, partition: 1, offset: 4 }] }]);
  await cliServices(capturingIo(dir).io).profiles.save({ draft: { ...emptyProfileDraft('bed', 'Test bed'), bootstrapServers: bed.listeners.plaintext.split(',') } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('odradek groups', () => {
  it('list --json: every row in the contract shape, with a summary', async () => {
    const { io, out, err } = capturingIo(dir);
    expect(await runCli(['groups', 'list', '--profile', 'Test bed', '--json'], io), err.join('\n')).toBe(0);
    const parsed = JSON.parse(out.join('\n')) as { groups: unknown[]; summary: { groups: number } };
    const rows = parsed.groups.map((row) => groupRowSchema.parse(row));
    expect(rows.find((row) => row.groupId === groupId)).toMatchObject({ type: 'simple', state: 'Empty', members: 0, topics: [topic], partitions: 2, totalLag: 3, maxLag: 3 });
    expect(parsed.summary.groups).toBe(rows.length);
  });

  it('list prints a table; describe --json is the groups:describe shape; lag prints kafka-consumer-groups columns', async () => {
    const table = capturingIo(dir);
    expect(await runCli(['groups', 'list', '--profile', 'Test bed'], table.io)).toBe(0);
    expect(table.out.join('\n')).toMatch(new RegExp(`^GROUP +TYPE +STATE +MEMBERS +TOPICS +LAG +MAX-LAG +COORDINATOR +ERROR$`, 'm'));
    expect(table.out.join('\n')).toMatch(new RegExp(`^${groupId} +simple +Empty +0 +1 +3 +3 +1 *$`, 'm'));

    const described = capturingIo(dir);
    expect(await runCli(['groups', 'describe', '--profile', 'Test bed', '--group', groupId, '--json'], described.io), described.err.join('\n')).toBe(0);
    const detail = groupDetailSchema.parse(JSON.parse(described.out.join('\n')));
    expect(detail.offsets.map(({ partition, committed, end, lag }) => ({ partition, committed, end, lag }))).toEqual([
      { partition: 0, committed: 1, end: 4, lag: 3 },
      { partition: 1, committed: 4, end: 4, lag: 0 },
    ]);

    const lag = capturingIo(dir);
    expect(await runCli(['groups', 'lag', '--profile', 'Test bed', '--group', groupId, '--json'], lag.io), lag.err.join('\n')).toBe(0);
    expect(JSON.parse(lag.out.join('\n'))).toEqual({
      partitions: [
        { group: groupId, topic, partition: 0, committed: 1, end: 4, lag: 3, owner: null },
        { group: groupId, topic, partition: 1, committed: 4, end: 4, lag: 0, owner: null },
      ],
    });
    const lagTable = capturingIo(dir);
    expect(await runCli(['groups', 'lag', '--profile', 'Test bed', '--group', groupId], lagTable.io)).toBe(0);
    expect(lagTable.out.join('\n')).toMatch(new RegExp(`^${groupId} +${topic} +0 +1 +4 +3 +-$`, 'm'));
  });

  it('refuses a missing --group or an unknown group with a clear message', async () => {
    const missing = capturingIo(dir);
    expect(await runCli(['groups', 'describe', '--profile', 'Test bed'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('odradek groups describe: --group is required.');
    const unknown = capturingIo(dir);
    expect(await runCli(['groups', 'describe', '--profile', 'Test bed', '--group', `${run}-nobody`], unknown.io)).toBe(1);
    expect(unknown.err.join('\n')).toContain(`Group '${run}-nobody' does not exist`);
  });
});
