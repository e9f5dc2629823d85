// `odradek groups reset` against the bed, in-process, through the same profile store as the app: the
// preview table (the app's columns), --dry-run changes nothing, applying without --yes is refused,
// --yes applies exactly the preview (read back), --json shapes, and bad --to / --partitions in words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetAppliedSchema, resetPreviewSchema } from '../../shared/domain/groups/offset-reset';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { runCli } from '../../electron/cli/index';
import { cliServices } from '../../electron/cli/services';
import { commitGroupOffsets } from '../../testbed/groups';
import { adminClient, createTopics, produceWithKafkajs } from '../../testbed/helpers';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const run = `rc${Date.now().toString(36)}`;
const topic = `${run}-events`;
const groupId = `${run}-billing`;

async function committed(): Promise<number[]> {
  const admin = await adminClient(bed);
  try {
    return (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.sort((a, b) => a.partition - b.partition).map((entry) => Number(entry.offset));
  } finally {
    await admin.disconnect();
  }
}
const reset = async (...args: string[]) => {
  const capture = capturingIo(dir);
  const code = await runCli(['groups', 'reset', '--profile', 'Test bed', '--group', groupId, ...args], capture.io);
  return { code, out: capture.out.join('\n'), err: capture.err.join('\n') };
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odradek-groups-reset-cli-'));
  await createTopics(bed, [{ topic, partitions: 2 }]);
  await produceWithKafkajs(bed, topic, Array.from({ length: 8 }, (_, index) => ({ value: `m${index}`, partition: index % 2 })));
  await commitGroupOffsets(bed, [{ groupId, offsets: [{ topic, partition: 0, offset: 1 }, { topic, partition: 1, offset: 4 }] }]);
  await cliServices(capturingIo(dir).io).profiles.save({ draft: { ...emptyProfileDraft('bed', 'Test bed'), bootstrapServers: bed.listeners.plaintext.split(',') } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('odradek groups reset', () => {
  it('--dry-run prints the preview table and changes nothing', async () => {
    const result = await reset('--to', 'earliest', '--dry-run');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(`Reset of group '${groupId}' (simple, Empty, 0 members) to earliest:`);
    expect(result.out).toMatch(/^TOPIC +PARTITION +CURRENT +NEW +LAG-BEFORE +LAG-AFTER +NOTE$/m);
    expect(result.out).toMatch(new RegExp(`^${topic} +0 +1 +0 +3 +4$`, 'm'));
    expect(result.out).toMatch(new RegExp(`^${topic} +1 +4 +0 +0 +4$`, 'm'));
    expect(result.out).toMatch(/^2 partitions, 2 changed, 0 clamped; lag 3 → 8\. Fingerprint [0-9a-f]{16}\.$/m);
    expect(await committed()).toEqual([1, 4]);
  });

  it('applying without --yes is refused; with --yes it commits exactly the preview', async () => {
    const refused = await reset('--to', 'shift:+2', '--topic', topic, '--partitions', '0');
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('odradek groups reset: applying needs --yes (or use --dry-run to only preview); nothing was changed.');
    expect(await committed()).toEqual([1, 4]);

    const applied = await reset('--to', 'shift:+2', '--topic', topic, '--partitions', '0', '--yes');
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(new RegExp(`^${topic} +0 +1 +3 +3 +1$`, 'm'));
    expect(applied.out).toContain('Applied: 1 committed offset written and read back equal to the preview.');
    expect(await committed()).toEqual([3, 4]);
  });

  it('--json: { preview } for a dry run, { preview, applied } after applying, in the contract shapes', async () => {
    const dry = await reset('--to', 'offset:2', '--json', '--dry-run');
    const { preview } = JSON.parse(dry.out) as { preview: unknown };
    expect(resetPreviewSchema.parse(preview).rows.map((row) => row.target)).toEqual([2, 2]);

    const done = await reset('--to', 'latest', '--json', '--yes');
    expect(done.code, done.err).toBe(0);
    const parsed = JSON.parse(done.out) as { preview: unknown; applied: unknown };
    const applied = resetAppliedSchema.parse(parsed.applied);
    expect(applied.rows).toEqual(resetPreviewSchema.parse(parsed.preview).rows);
    expect(applied.readBack.map((entry) => entry.committed)).toEqual([4, 4]);
    expect(await committed()).toEqual([4, 4]);
  });

  it('bad input is refused in words, before anything is read', async () => {
    expect(await reset('--to', 'yesterday')).toMatchObject({ code: 2, err: expect.stringContaining("--to 'yesterday' is not understood; use earliest, latest, an ISO time") });
    expect(await reset('--to', 'earliest', '--partitions', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--partitions needs --topic') });
    expect(await reset('--to', 'earliest', '--topic', topic, '--partitions', '0,x')).toMatchObject({ code: 2, err: expect.stringContaining("--partitions '0,x' must be partition numbers") });
    expect(await reset('--to', 'earliest', '--dry-run', '--yes')).toMatchObject({ code: 2 });
    expect(await reset('--to', 'earliest', '--topic', topic, '--partitions', '9', '--dry-run')).toMatchObject({ code: 1, err: expect.stringContaining(`Topic '${topic}' has no partition 9 (it has 2).`) });
  });
});
