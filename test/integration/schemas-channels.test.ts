// Issue 11: the schemas:* channels through main's real dispatcher and handlers, against the bed's Kafka
// and Apicurio: the profile's edit-schemas action, typed delete confirmation, and a tenant restricted to
// `["schema", "*", "subject", "tx<run>-*"]` on every schema channel (lists filtered, others refused,
// SCHEMA_* policies applied), with HIDE_RESOURCES hiding Schemas only from a tenant without subjects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft, profileActions } from '../../shared/domain/profile/profile-schema';
import type { ListSubjectsOutput, SubjectDetail } from '../../shared/domain/schemas/schema-schemas';
import type { TenancyState } from '../../shared/ipc/contract';
import { createAppHandlers } from '../../electron/main/app-handlers';
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc/dispatcher';
import { dispatcherCalls } from './support/dispatcher-calls';
import { createNodePorts, createQueuedDialogs } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';

const bed = inject('testbed');
const sender = { kind: 'bridge' as const, session: 'schemas-channels' };
const run = `c${Date.now().toString(36)}`;
const ns = `odradek.${run}`;
const tx = `tx${run}-payments-value`;
const other = `ot${run}-orders-value`;
const avro = (fields: Array<Record<string, unknown>>) => JSON.stringify({ type: 'record', name: 'Event', namespace: ns, fields });
const v1 = avro([{ name: 'id', type: 'string' }]);
const v2 = avro([{ name: 'id', type: 'string' }, { name: 'n', type: 'int', default: 0 }]);
const bad = avro([{ name: 'id', type: 'int' }]);

const policyText = `
policies:
  - actions: [SCHEMA_CREATE, SCHEMA_VERSION_EDIT]
    effect: Allow
    resource: ["schema", "*", "subject", "tx${run}-*"]
    role: payments
  - actions: [SCHEMA_DELETE]
    effect: Deny
    resource: ["schema", "*", "subject", "tx${run}-*"]
    role: payments
tenants:
  - name: Payments
    presentation_mode: HIDE_RESOURCES
    resources:
      - include: ["cluster", "*", "topic", "tx${run}-*"]
      - include: ["schema", "*", "subject", "tx${run}-*"]
    roles: [payments]
  - name: Topics only
    presentation_mode: HIDE_RESOURCES
    resources:
      - include: ["cluster", "*", "topic", "ot${run}-*"]
    roles: [topics]
`;

let registry: TestRegistry;
let dataDir: string;
let dispatcher: Dispatcher;
const answers: string[] = [];

const { call, refusal } = dispatcherCalls(() => dispatcher, sender);
const ours = (list: ListSubjectsOutput) => list.subjects.map((row) => row.subject).filter((name) => name.includes(run)).sort();

beforeAll(async () => {
  registry = await registryForTests(bed);
  dataDir = mkdtempSync(join(tmpdir(), 'odradek-schemas-'));
  const { handlers, producers } = createAppHandlers({ ...createNodePorts({ dataDir }), secrets: createMemorySecretStore(), dialogs: createQueuedDialogs(answers) });
  dispatcher = createDispatcher({ handlers, producers, isTrustedSender: () => true });
  const schemaRegistry = { name: 'bed-registry', urls: [registry.info.plain], auth: { kind: 'none' }, tls: null, observation: 'auto' };
  const base = { bootstrapServers: bed.listeners.plaintext.split(','), schemaRegistry };
  await call('profiles:save', { draft: { ...emptyProfileDraft('sr-edit', 'schemas-edit'), ...base } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('sr-view', 'schemas-view'), ...base, safety: { readOnly: false, allowedActions: profileActions.filter((action) => action !== 'edit-schemas') } } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('sr-tenant', 'schemas-tenant'), ...base } });
  await call('profiles:save', { draft: { ...emptyProfileDraft('no-sr', 'no-registry'), bootstrapServers: base.bootstrapServers } });
  writeFileSync(join(dataDir, 'rbac.yaml'), policyText);
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await registry?.stop();
});

describe('schemas channels without a tenant', () => {
  it('register, list (with the observation mode in use), subject detail, version, check, compatibility and delete', async () => {
    expect(await call('schemas:register', { profileId: 'sr-edit', subject: tx, schema: v1, type: 'AVRO' })).toMatchObject({ version: 1, alreadyRegistered: false });
    expect(await call('schemas:register', { profileId: 'sr-edit', subject: tx, schema: v2, type: 'AVRO' })).toMatchObject({ version: 2 });
    expect(await call('schemas:register', { profileId: 'sr-edit', subject: tx, schema: v2, type: 'AVRO' })).toMatchObject({ version: 2, alreadyRegistered: true });
    await call('schemas:register', { profileId: 'sr-edit', subject: other, schema: v1, type: 'AVRO' });

    const list = await call<ListSubjectsOutput>('schemas:list', { profileId: 'sr-edit' });
    expect(list).toMatchObject({ registryId: 'bed-registry', url: registry.info.plain, observation: { configured: 'auto', inUse: 'v1' } });
    expect(list.observation.fallbackReason).toMatch(/without subject, version, id/);
    expect(ours(list)).toEqual([other, tx]);
    expect(list.subjects.find((row) => row.subject === tx)).toMatchObject({ type: 'AVRO', latestVersion: 2, deleted: false, compatibility: expect.any(String) });
    expect(list.requests).toBeGreaterThan(2);

    const detail = await call<SubjectDetail>('schemas:subject', { profileId: 'sr-edit', subject: tx });
    expect(detail.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(detail).toMatchObject({ compatibilityOverride: false, mode: 'READWRITE' });
    expect(await call('schemas:version', { profileId: 'sr-edit', subject: tx, version: 1 })).toMatchObject({ version: 1, type: 'AVRO', references: [], referencedBy: [], deleted: false });

    expect(await call('schemas:set-compatibility', { profileId: 'sr-edit', subject: tx, level: 'BACKWARD' })).toEqual({ subject: tx, level: 'BACKWARD' });
    expect(await call<SubjectDetail>('schemas:subject', { profileId: 'sr-edit', subject: tx })).toMatchObject({ compatibility: 'BACKWARD', compatibilityOverride: true });
    expect(await call('schemas:check', { profileId: 'sr-edit', subject: tx, schema: bad, type: 'AVRO' })).toMatchObject({ compatible: false, subjectExists: true });
    expect(await call('schemas:check', { profileId: 'sr-edit', subject: `tx${run}-new-value`, schema: bad, type: 'AVRO' })).toEqual({ compatible: true, messages: [], subjectExists: false });
    const incompatible = await refusal('schemas:register', { profileId: 'sr-edit', subject: tx, schema: bad, type: 'AVRO' });
    expect(incompatible).toMatchObject({ code: 'CONFLICT', details: { registry: { kind: 'incompatible', status: 409 } } });
    expect(incompatible.message).toMatch(/incompatible/i);
    await call('schemas:delete-compatibility', { profileId: 'sr-edit', subject: tx });

    expect(await refusal('schemas:delete', { profileId: 'sr-edit', subject: tx, version: 1, permanent: false, confirmation: tx })).toMatchObject({ code: 'INVALID_INPUT', message: `Type '${tx}:1' to confirm the delete.` });
    expect(await call('schemas:delete', { profileId: 'sr-edit', subject: tx, version: 1, permanent: false, confirmation: `${tx}:1` })).toEqual({ subject: tx, deletedVersions: [1], permanent: false });
    const withDeleted = await call<SubjectDetail>('schemas:subject', { profileId: 'sr-edit', subject: tx, includeDeleted: true });
    expect(withDeleted.versions.map((version) => [version.version, version.deleted])).toEqual([[1, true], [2, false]]);
    expect(await call('schemas:delete', { profileId: 'sr-edit', subject: tx, version: 1, permanent: true, confirmation: `${tx}:1` })).toMatchObject({ deletedVersions: [1], permanent: true });
  });

  it('mode: global and per subject read back from Apicurio, IMPORT without force, edit-schemas needed to set', async () => {
    // Outside both tenants' names, so the tenant listings below stay exact.
    const subject = `md${run}-mode-value`;
    await call('schemas:register', { profileId: 'sr-edit', subject, schema: v1, type: 'AVRO' });
    expect(await call('schemas:mode', { profileId: 'sr-edit', subject: null })).toEqual({ subject: null, mode: 'READWRITE' });
    // Apicurio answers the global mode for a subject without one of its own (and for no subject at all).
    expect(await call('schemas:mode', { profileId: 'sr-edit', subject })).toEqual({ subject, mode: 'READWRITE' });
    expect(await call('schemas:set-mode', { profileId: 'sr-edit', subject, mode: 'READONLY' })).toEqual({ subject, mode: 'READONLY' });
    expect(await call<SubjectDetail>('schemas:subject', { profileId: 'sr-edit', subject })).toMatchObject({ mode: 'READONLY' });
    // Observed: Apicurio 3.3.3 stores a subject's READONLY but still registers under it (Confluent refuses
    // with 42205); the app shows the mode and leaves enforcement to the registry.
    expect(await call('schemas:register', { profileId: 'sr-edit', subject, schema: v2, type: 'AVRO' })).toMatchObject({ version: 2, alreadyRegistered: false });
    // The global mode did not move with the subject's.
    expect(await call('schemas:mode', { profileId: 'sr-edit', subject: null })).toEqual({ subject: null, mode: 'READWRITE' });
    expect(await call('schemas:set-mode', { profileId: 'sr-edit', subject, mode: 'IMPORT' })).toEqual({ subject, mode: 'IMPORT' });
    expect(await call('schemas:set-mode', { profileId: 'sr-edit', subject, mode: 'READWRITE' })).toEqual({ subject, mode: 'READWRITE' });
    try {
      expect(await call('schemas:set-mode', { profileId: 'sr-edit', subject: null, mode: 'READONLY' })).toEqual({ subject: null, mode: 'READONLY' });
      expect(await call<ListSubjectsOutput>('schemas:list', { profileId: 'sr-edit', withCompatibility: false })).toMatchObject({ mode: 'READONLY' });
    } finally {
      // Other files may share this registry: the global mode goes back at once.
      expect(await call('schemas:set-mode', { profileId: 'sr-edit', subject: null, mode: 'READWRITE' })).toEqual({ subject: null, mode: 'READWRITE' });
    }
    const expected = { code: 'NOT_ALLOWED', message: expect.stringContaining("does not allow editing schemas (the 'edit-schemas' action): setting the mode of") };
    expect(await refusal('schemas:set-mode', { profileId: 'sr-view', subject, mode: 'READONLY' })).toMatchObject(expected);
    expect(await call('schemas:mode', { profileId: 'sr-view', subject })).toEqual({ subject, mode: 'READWRITE' });
  });

  it("writes need the profile's edit-schemas action; reads do not; a profile without a registry says so", async () => {
    const expected = { code: 'NOT_ALLOWED', message: expect.stringContaining("does not allow editing schemas (the 'edit-schemas' action)") };
    expect(await refusal('schemas:register', { profileId: 'sr-view', subject: tx, schema: v2, type: 'AVRO' })).toMatchObject(expected);
    expect(await refusal('schemas:set-compatibility', { profileId: 'sr-view', subject: null, level: 'FULL' })).toMatchObject(expected);
    expect(await refusal('schemas:delete-compatibility', { profileId: 'sr-view', subject: tx })).toMatchObject(expected);
    expect(await refusal('schemas:delete', { profileId: 'sr-view', subject: tx, version: null, permanent: false, confirmation: tx })).toMatchObject(expected);
    expect(ours(await call<ListSubjectsOutput>('schemas:list', { profileId: 'sr-view', withCompatibility: false }))).toContain(tx);
    expect(await refusal('schemas:list', { profileId: 'no-sr' })).toMatchObject({ code: 'NOT_FOUND', message: "Profile 'no-registry' has no Schema Registry: add its URL in the profile's Schema Registry settings." });
    expect(await refusal('schemas:subject', { profileId: 'sr-edit', subject: `${run}-none` })).toMatchObject({ code: 'NOT_FOUND', details: { registry: { kind: 'subject-not-found' } } });
  });
});

describe('schemas channels inside a tenant', () => {
  beforeAll(async () => {
    answers.push(join(dataDir, 'rbac.yaml'));
    await call('tenancy:attach-policy', { scope: 'profile', profileId: 'sr-tenant' });
  });

  it('HIDE_RESOURCES keeps Schemas for a tenant with subject rules and hides it for one without', async () => {
    expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'sr-tenant', roles: ['topics'] })).toMatchObject({ activeTenant: 'Topics only', navigation: { schemas: false } });
    expect(await call<TenancyState>('tenancy:select-roles', { profileId: 'sr-tenant', roles: ['payments'] })).toMatchObject({ activeTenant: 'Payments', navigation: { schemas: true } });
  });

  it("lists only the tenant's subjects and refuses others on every schema channel", async () => {
    expect(ours(await call<ListSubjectsOutput>('schemas:list', { profileId: 'sr-tenant', includeDeleted: true }))).toEqual([tx]);
    const expected = { code: 'NOT_ALLOWED', message: `Subject '${other}' is not part of tenant 'Payments'.` };
    expect(await refusal('schemas:subject', { profileId: 'sr-tenant', subject: other })).toMatchObject(expected);
    expect(await refusal('schemas:version', { profileId: 'sr-tenant', subject: other, version: 'latest' })).toMatchObject(expected);
    expect(await refusal('schemas:delete-compatibility', { profileId: 'sr-tenant', subject: other })).toMatchObject(expected);
    expect(await refusal('schemas:set-compatibility', { profileId: 'sr-tenant', subject: other, level: 'FULL' })).toMatchObject(expected);
    expect(await refusal('schemas:delete', { profileId: 'sr-tenant', subject: other, version: null, permanent: false, confirmation: other })).toMatchObject(expected);
    const newName = { code: 'NOT_ALLOWED', message: expect.stringContaining(`does not include the subject name '${other}'`) };
    expect(await refusal('schemas:register', { profileId: 'sr-tenant', subject: other, schema: v2, type: 'AVRO' })).toMatchObject(newName);
    expect(await refusal('schemas:check', { profileId: 'sr-tenant', subject: other, schema: v2, type: 'AVRO' })).toMatchObject(newName);
    expect(await refusal('schemas:set-compatibility', { profileId: 'sr-tenant', subject: null, level: 'FULL' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('the global compatibility level applies to every subject') });
    expect(await refusal('schemas:mode', { profileId: 'sr-tenant', subject: other })).toMatchObject(expected);
    expect(await refusal('schemas:set-mode', { profileId: 'sr-tenant', subject: other, mode: 'READONLY' })).toMatchObject(expected);
    expect(await refusal('schemas:set-mode', { profileId: 'sr-tenant', subject: null, mode: 'READONLY' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('the global mode applies to every subject') });
    // Nothing changed behind the refusals.
    expect(ours(await call<ListSubjectsOutput>('schemas:list', { profileId: 'sr-edit', withCompatibility: false }))).toContain(other);
  });

  it("a snapshot captured inside the tenant records the registry by its id with only the tenant's subjects", async () => {
    const file = join(dataDir, 'tenant-snapshot.json');
    answers.push(file);
    expect(await call('snapshots:capture', { profileId: 'sr-tenant' })).toMatchObject({ path: file });
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { schemaRegistries: Array<{ id: string; name: string; subjects: string[] }> };
    expect(snapshot.schemaRegistries).toHaveLength(1);
    expect(snapshot.schemaRegistries[0]).toMatchObject({ id: 'bed-registry', name: 'bed-registry' });
    expect(snapshot.schemaRegistries[0]!.subjects.filter((name) => name.includes(run))).toEqual([tx]);
  });

  it("the tenant's own subjects work, and SCHEMA_* policies decide (delete denied)", async () => {
    expect((await call<SubjectDetail>('schemas:subject', { profileId: 'sr-tenant', subject: tx })).versions.map((v) => v.version)).toEqual([2]);
    expect(await call('schemas:check', { profileId: 'sr-tenant', subject: tx, schema: v2, type: 'AVRO' })).toMatchObject({ compatible: true });
    expect(await call('schemas:set-compatibility', { profileId: 'sr-tenant', subject: tx, level: 'FORWARD' })).toMatchObject({ level: 'FORWARD' });
    expect(await call('schemas:set-mode', { profileId: 'sr-tenant', subject: tx, mode: 'READONLY' })).toEqual({ subject: tx, mode: 'READONLY' });
    expect(await call('schemas:set-mode', { profileId: 'sr-tenant', subject: tx, mode: 'READWRITE' })).toEqual({ subject: tx, mode: 'READWRITE' });
    expect(await call('schemas:register', { profileId: 'sr-tenant', subject: `tx${run}-new-value`, schema: v1, type: 'AVRO' })).toMatchObject({ version: 1 });
    expect(await refusal('schemas:delete', { profileId: 'sr-tenant', subject: tx, version: null, permanent: false, confirmation: tx })).toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringMatching(new RegExp(`^SCHEMA_DELETE on subject '${tx}' is denied by the policy file's policy \\d+ \\(Deny SCHEMA_DELETE on \\[schema, \\*, subject, `)),
    });
  });
});
