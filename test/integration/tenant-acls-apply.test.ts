// Issue 6's "apply tenant ACLs (with preview)": `odradek policy acls … --profile` compares the tenant's
// plan with the ACLs the real cluster holds, `--apply` creates only the missing entries, and the
// restricted principal can then read what the tenant includes — and still nothing else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { cliServices } from '../../electron/cli/services';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { createTopics } from '../../testbed/helpers';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const run = `acl${Date.now().toString(36)}`;
const principal = `User:${bed.users.restricted.username}`;

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

describe('acls:tenant-preview and acls:tenant-apply through main\'s dispatcher', () => {
  const sender = { kind: 'bridge' as const, session: 'tenant-acls' };
  const appRun = `${run}app`;
  let dir: string;
  let dispatcher: Dispatcher;
  const policyText = ['tenants:', '  - name: Audit', '    resources:', `      - include: ["cluster", "*", "topic", "${appRun}-audit*"]`, '    roles: ["*"]', ''].join('\n');
  const request = (profileId: string, overrides: Partial<{ policyText: string; tenant: string }> = {}) => ({ profileId, policyText, tenant: 'Audit', principal, access: 'read' as const, ...overrides });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'odradek-acls-app-'));
    await createTopics(bed, [{ topic: `${appRun}-audit-log`, partitions: 1 }]);
    const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir: dir }), secrets: createMemorySecretStore() });
    dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
    const servers = bed.listeners.plaintext.split(',');
    await dispatcher.invoke('profiles:save', { draft: { ...emptyProfileDraft('writer', 'Writer'), bootstrapServers: servers } }, sender);
    const readOnly = emptyProfileDraft('reader', 'Reader');
    await dispatcher.invoke('profiles:save', { draft: { ...readOnly, bootstrapServers: servers, safety: { ...readOnly.safety, readOnly: true } } }, sender);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews, refuses to apply through a read-only profile, applies through a writable one', async () => {
    const preview = (await dispatcher.invoke('acls:tenant-preview', request('reader'), sender)) as Result<ChannelOutput<'acls:tenant-preview'>>;
    expect(preview.ok && preview.data).toMatchObject({ clusterId: bed.clusterId, present: [], created: 0 });
    if (!preview.ok) return;
    expect(preview.data.missing.map((entry) => entry.text)).toEqual([`READ on topic "${appRun}-audit" (PREFIXED)`, `DESCRIBE on topic "${appRun}-audit" (PREFIXED)`]);

    const refused = await dispatcher.invoke('acls:tenant-apply', request('reader'), sender);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/Profile 'Reader' is read-only/) });
    expect(await restrictedCanDescribe(`${appRun}-audit-log`)).toBe(false);

    const applied = await dispatcher.invoke('acls:tenant-apply', request('writer'), sender);
    expect(applied.ok && applied.data).toMatchObject({ created: 2, present: [] });
    await expect.poll(() => restrictedCanDescribe(`${appRun}-audit-log`), { timeout: 10_000 }).toBe(true);
    const after = (await dispatcher.invoke('acls:tenant-preview', request('reader'), sender)) as Result<ChannelOutput<'acls:tenant-preview'>>;
    expect(after.ok && after.data).toMatchObject({ missing: [], created: 0 });
    expect(after.ok && after.data.present).toHaveLength(2);
  });

  it('names the problem in a broken policy or an unknown tenant before connecting', async () => {
    const broken = await dispatcher.invoke('acls:tenant-preview', request('writer', { policyText: 'tenants:\n  - name: Audit\n    roles: ["*"]\n' }), sender);
    expect(broken.ok ? null : broken.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/policy:2:\d+: .*resources/) });
    const unknown = await dispatcher.invoke('acls:tenant-preview', request('writer', { tenant: 'Payments' }), sender);
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', message: "There is no tenant 'Payments' in the policy; it has 'Audit'." });
  });
});
