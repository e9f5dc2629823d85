// The acls:* and quotas:* channels inside a tenant, through main's real dispatcher and guard table:
// only the tenant's principals (its `principal` rules) are listed, previewed, copied, deleted or given
// quotas; ACL_EDIT / QUOTA_EDIT of the policy file apply; client-id and default quotas are refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AclBinding } from '../../shared/domain/acls';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { adminClient, createTopics } from '../../testbed/helpers';
import { dispatcherCalls } from './support/dispatcher-calls';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'acls-tenancy' };
const run = `at${Date.now().toString(36)}`;
const kpow = `User:${run}-kpow`;
const kpowTwo = `User:${run}-kpow-two`;
const other = `User:${run}-other`;
const topic = `${run}-orders`;
const hiddenTopic = `hid${run}-orders`;

const policyText = `
tenants:
  - name: Ops
    resources:
      - include: ["cluster", "*", "topic", "${run}-*"]
      - include: ["cluster", "*", "principal", "User:${run}-kpow*"]
    roles: [ops]
policies:
  - actions: [ACL_EDIT, QUOTA_EDIT]
    effect: Allow
    resource: ["cluster", "*", "principal", "User:${run}-kpow*"]
    role: ops
  - actions: [ACL_EDIT]
    effect: Deny
    resource: ["cluster", "*", "principal", "${kpowTwo}"]
    role: ops
`;

let dataDir: string;
let dispatcher: Dispatcher;
const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
const binding = (principal: string, partial: Partial<AclBinding> = {}): AclBinding => ({ principal, host: '*', resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', operation: 'READ', permission: 'ALLOW', ...partial });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-acls-tenancy-'));
  await createTopics(bed, [topic, hiddenTopic].map((name) => ({ topic: name, partitions: 1 })));
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs([join(dataDir, 'rbac.yaml')]) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  await call('profiles:save', { draft: { ...emptyProfileDraft('ops', 'acls-tenancy'), bootstrapServers: bed.listeners.plaintext.split(',') } });
  // Before the tenant: every principal's bindings, made through the same channels.
  await call('acls:create', { profileId: 'ops', bindings: [binding(kpow), binding(kpow, { resourceName: hiddenTopic }), binding(other), binding(kpowTwo)] });
  await call('quotas:set', { profileId: 'ops', entity: { user: `${run}-kpow` }, set: { producer_byte_rate: 1000 } });
  await call('quotas:set', { profileId: 'ops', entity: { user: `${run}-other` }, set: { producer_byte_rate: 1000 } });
  await call('tenancy:attach-policy', { scope: 'profile', profileId: 'ops' });
}, 120_000);

afterAll(async () => {
  const admin = await adminClient(bed);
  try {
    await admin.deleteAcls({ filters: [kpow, kpowTwo, other, `User:${run}-kpow-copy`].map((principal) => ({ principal, resourceType: 1, resourcePatternType: 1, operation: 1, permissionType: 1 }) as never) });
  } finally {
    await admin.disconnect();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const ofRun = (rows: readonly { principal: string }[]) => [...new Set(rows.map((row) => row.principal).filter((principal) => principal.includes(run)))].sort();

describe('ACLs and quotas inside a tenant', () => {
  it("lists only the tenant's principals' bindings and quotas", async () => {
    expect(await call('tenancy:state', { profileId: 'ops' })).toMatchObject({ status: 'active', activeTenant: 'Ops' });
    const list = await call<ChannelOutput<'acls:list'>>('acls:list', { profileId: 'ops' });
    expect(list.state === 'ok' && ofRun(list.bindings)).toEqual([kpowTwo, kpow].sort());
    const quotas = await call<ChannelOutput<'quotas:list'>>('quotas:list', { profileId: 'ops' });
    expect(quotas.entries.filter((entry) => entry.entity.user?.includes(run)).map((entry) => entry.entity.user)).toEqual([`${run}-kpow`]);
  });

  it("previews deletions over the tenant's principals only, and refuses deleting another principal's binding", async () => {
    const preview = await call<ChannelOutput<'acls:delete-preview'>>('acls:delete-preview', { profileId: 'ops', filter: { resourceType: 'TOPIC', resourceName: topic } });
    expect(ofRun(preview.matched)).toEqual([kpowTwo, kpow].sort());
    expect(preview.confirmation).toBe('2 ACLs');
    expect(await refusal('acls:delete', { profileId: 'ops', bindings: [binding(other)], confirmation: other })).toMatchObject({ code: 'NOT_ALLOWED', message: `Principal '${other}' is not part of tenant 'Ops'.` });
  });

  it('creates for a principal the rules include, refuses one they do not, and applies ACL_EDIT of the policy file', async () => {
    expect((await call<ChannelOutput<'acls:create'>>('acls:create', { profileId: 'ops', bindings: [binding(kpow, { operation: 'WRITE' })] })).created).toHaveLength(1);
    expect(await refusal('acls:create', { profileId: 'ops', bindings: [binding(other, { operation: 'WRITE' })] })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining(`does not include the principal name '${other}'`) });
    expect(await refusal('acls:create', { profileId: 'ops', bindings: [binding('User:*')] })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal('acls:create', { profileId: 'ops', bindings: [binding(kpowTwo, { operation: 'WRITE' })] })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('ACL_EDIT on principal') });
  });

  it('copies only from and to tenant principals', async () => {
    expect(await refusal('acls:copy-preview', { profileId: 'ops', from: other, to: `User:${run}-kpow-copy` })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal('acls:copy-preview', { profileId: 'ops', from: kpow, to: `User:${run}-elsewhere` })).toMatchObject({ code: 'NOT_ALLOWED' });
    const preview = await call<ChannelOutput<'acls:copy-preview'>>('acls:copy-preview', { profileId: 'ops', from: kpow, to: `User:${run}-kpow-copy` });
    expect(preview.toCreate.length).toBeGreaterThan(0);
  });

  it("shows a tenant principal's rights over the tenant's topics only, and refuses another principal", async () => {
    const view = await call<ChannelOutput<'acls:principal'>>('acls:principal', { profileId: 'ops', principal: kpow });
    const names = view.rows.filter((row) => row.resourceType === 'TOPIC' && row.match === 'name').map((row) => row.name);
    expect(names).toContain(topic);
    expect(names).not.toContain(hiddenTopic);
    expect(await refusal('acls:principal', { profileId: 'ops', principal: other })).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it("changes only a tenant user's own quota; client-id and default quotas are refused", async () => {
    expect(await call('quotas:set', { profileId: 'ops', entity: { user: `${run}-kpow` }, set: { consumer_byte_rate: 2000 } })).toMatchObject({ entry: { values: { producer_byte_rate: 1000, consumer_byte_rate: 2000 } } });
    expect(await refusal('quotas:set', { profileId: 'ops', entity: { user: `${run}-other` }, set: { consumer_byte_rate: 2000 } })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal('quotas:set', { profileId: 'ops', entity: { clientId: 'app' }, set: { consumer_byte_rate: 2000 } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('client-id and default quotas') });
    expect(await refusal('quotas:delete', { profileId: 'ops', entity: { user: null }, confirmation: 'user=<default>' })).toMatchObject({ code: 'NOT_ALLOWED' });
    await call('quotas:delete', { profileId: 'ops', entity: { user: `${run}-kpow` }, confirmation: `user=${run}-kpow` });
    await call('tenancy:detach-policy', { scope: 'profile', profileId: 'ops' });
    await call('quotas:delete', { profileId: 'ops', entity: { user: `${run}-other` }, confirmation: `user=${run}-other` });
  });
});
