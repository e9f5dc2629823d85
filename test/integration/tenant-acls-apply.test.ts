// Issue 6's "apply tenant ACLs (with preview)": `odradek policy acls … --profile` compares the tenant's
// plan with the ACLs the real cluster holds, `--apply` creates only the missing entries, and the
// restricted principal can then read what the tenant includes — and still nothing else.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';
import { cliServices } from '../../electron/cli/services';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { createTopics } from '../../testbed/helpers';

const bed = inject('testbed');
const run = `acl${Date.now().toString(36)}`;
const principal = `User:${bed.users.restricted.username}`;

function capturingIo(dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => void out.push(text), err: (text) => void err.push(text), readInput: async (path) => readFileSync(path, 'utf8'), dataDir };
  return { io, out, err };
}

/** Whether the restricted user may describe the topic (READ/DESCRIBE granted by an ACL). */
async function restrictedCanDescribe(topic: string): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'acl-check',
    brokers: bed.listeners.saslPlaintext.split(','),
    sasl: { mechanism: 'plain', ...bed.users.restricted },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics.length === 1;
  } catch {
    return false;
  } finally {
    await admin.disconnect();
  }
}

describe('odradek policy acls --profile: preview and apply on the bed', () => {
  let dir: string;
  let policyFile: string;
  const args = () => ['policy', 'acls', policyFile, '--tenant', 'Payments', '--principal', principal, '--profile', 'Acl bed'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'odradek-acls-'));
    await createTopics(bed, [`${run}-pay-orders`, `${run}-pay-refunds`, `${run}-other`].map((topic) => ({ topic, partitions: 1 })));
    await cliServices(capturingIo(dir).io).profiles.save({ draft: { ...emptyProfileDraft('acl-bed', 'Acl bed'), bootstrapServers: bed.listeners.plaintext.split(',') } });
    policyFile = join(dir, 'rbac.yaml');
    writeFileSync(
      policyFile,
      [
        'tenants:',
        '  - name: Payments',
        '    resources:',
        `      - include: ["cluster", "*", "topic", "${run}-pay*"]`,
        `      - include: ["cluster", "Acl bed", "group", "${run}-payments"]`,
        '      - exclude: ["cluster", "*", "topic", "*-audit"]',
        '    roles: ["*"]',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews the missing entries, applies them once, and the principal can then read only the tenant topics', async () => {
    expect(await restrictedCanDescribe(`${run}-pay-orders`)).toBe(false);

    const preview = capturingIo(dir);
    expect(await runCli([...args(), '--json'], preview.io), preview.err.join('\n')).toBe(0);
    const planned = JSON.parse(preview.out.join('')) as { clusterId: string; missing: { resourceName: string }[]; present: unknown[]; created: number; untranslated: { reason: string }[] };
    expect(planned.clusterId).toBe(bed.clusterId);
    expect(planned.present).toEqual([]);
    expect(new Set(planned.missing.map((entry) => entry.resourceName))).toEqual(new Set([`${run}-pay`, `${run}-payments`]));
    expect(planned.created).toBe(0);
    expect(planned.untranslated.map((rule) => rule.reason).join(' ')).toMatch(/suffix|exclu/i);
    // A preview changes nothing.
    expect(await restrictedCanDescribe(`${run}-pay-orders`)).toBe(false);

    const apply = capturingIo(dir);
    expect(await runCli([...args(), '--apply'], apply.io), apply.err.join('\n')).toBe(0);
    expect(apply.out.join('\n')).toMatch(new RegExp(`Created ${planned.missing.length} ACL entries`));

    // The authorizer applies new ACLs within a moment.
    await expect.poll(() => restrictedCanDescribe(`${run}-pay-refunds`), { timeout: 10_000 }).toBe(true);
    expect(await restrictedCanDescribe(`${run}-other`)).toBe(false);

    const again = capturingIo(dir);
    expect(await runCli(args(), again.io), again.err.join('\n')).toBe(0);
    expect(again.out.join('\n')).toMatch(/Every entry is already granted/);
  });

  it('refuses --apply without a profile and an unknown profile with a specific message', async () => {
    const noProfile = capturingIo(dir);
    expect(await runCli(['policy', 'acls', policyFile, '--tenant', 'Payments', '--principal', principal, '--apply'], noProfile.io)).toBe(2);
    expect(noProfile.err.join('\n')).toMatch(/--apply needs --profile/);
    const unknown = capturingIo(dir);
    expect(await runCli(['policy', 'acls', policyFile, '--tenant', 'Payments', '--principal', principal, '--profile', 'Nope'], unknown.io)).toBe(1);
    expect(unknown.err.join('\n')).toMatch(/There is no profile 'Nope'/);
  });
});
