// Issue 6's live check: a real consumer group's consumption makes a topic appear in a tenant by
// inference, through the same commands a user runs: `odradek snapshot`, then `odradek policy preview`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { parseSnapshot } from '../../shared/domain/snapshot/snapshot';
import { runCli } from '../../electron/cli/index';
import { cliServices } from '../../electron/cli/services';
import { createConsumerGroup, createTopics, produceWithKafkajs } from '../../testbed/helpers';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const run = `r${Date.now().toString(36)}`;
const topic = (name: string) => `${name}-${run}`;

describe('tenant inference from a real consumer group', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'odradek-inference-'));
    await createTopics(bed, [topic('tx-orders'), topic('billing-audit'), topic('billing-ledger')].map((name) => ({ topic: name, partitions: 2 })));
    for (const name of [topic('tx-orders'), topic('billing-audit'), topic('billing-ledger')]) await produceWithKafkajs(bed, name, Array.from({ length: 20 }, (_, index) => ({ value: `message ${index}` })));
    // The group's name is in the tenant; the topic it reads is not — only its consumption links them.
    await createConsumerGroup(bed, { groupId: topic('tx-billing-reader'), topic: topic('billing-audit'), consume: 5 });
    await cliServices({ ...capturingIo(dir).io }).profiles.save({
      draft: { ...emptyProfileDraft('testbed', 'Test bed'), bootstrapServers: bed.listeners.plaintext.split(',') },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('odradek snapshot captures the group with the topic it consumes', async () => {
    const { io, out, err } = capturingIo(dir);
    const snapshotFile = join(dir, 'snapshot.json');
    expect(await runCli(['snapshot', '--profile', 'Test bed', '-o', snapshotFile, '--rate-sample-ms', '200'], io), err.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`Captured cluster ${bed.clusterId} through 'Test bed'`));
    const parsed = parseSnapshot(readFileSync(snapshotFile, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cluster = parsed.snapshot.clusters[0]!;
    expect(cluster.id).toBe(bed.clusterId);
    expect(cluster.groups.find((group) => group.name === topic('tx-billing-reader'))?.topics).toEqual([topic('billing-audit')]);
    const audit = cluster.topics.find((entry) => entry.name === topic('billing-audit'));
    expect(audit).toMatchObject({ partitions: 2, replicationFactor: 1, internal: false });
    expect(audit!.replicaBytes).toBeGreaterThan(0);
    expect(cluster.topics.find((entry) => entry.name === '__consumer_offsets')?.internal).toBe(true);
  });

  it('odradek policy preview shows the consumed topic as inferred, and an exclusion removes it', async () => {
    const policyFile = join(dir, 'policy.yml');
    writeFileSync(
      policyFile,
      [
        'tenants:',
        '  - name: Transactions',
        '    resources:',
        '      - include:',
        '          - ["cluster", "Test bed", "topic", "tx-*"]',
        '          - ["cluster", "*", "group", "tx-*"]',
        '    roles: ["*"]',
        '  - name: Transactions without audit',
        '    resources:',
        '      - include: ["cluster", "*", "group", "tx-*"]',
        `      - exclude: ["cluster", "*", "topic", "billing-audit-${run}"]`,
        '    roles: ["*"]',
        '',
      ].join('\n'),
    );
    const { io, out, err } = capturingIo(dir);
    expect(await runCli(['policy', 'preview', policyFile, '--snapshot', join(dir, 'snapshot.json'), '--json'], io), err.join('\n')).toBe(0);
    const previews = JSON.parse(out.join('')) as { tenant: string; resources: { path: string[]; inferred: boolean }[] }[];
    const topicsOf = (tenant: string) =>
      (previews.find((preview) => preview.tenant === tenant)?.resources ?? []).filter((resource) => resource.path[2] === 'topic' && resource.path[3]!.endsWith(run));
    expect(topicsOf('Transactions')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['cluster', bed.clusterId, 'topic', topic('tx-orders')], inferred: false }),
        expect.objectContaining({ path: ['cluster', bed.clusterId, 'topic', topic('billing-audit')], inferred: true }),
      ]),
    );
    expect(topicsOf('Transactions').some((resource) => resource.path[3] === topic('billing-ledger'))).toBe(false);
    expect(topicsOf('Transactions without audit')).toEqual([]);
  });
});
