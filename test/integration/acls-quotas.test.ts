// ACLs and client quotas against the bed (StandardAuthorizer on): create/list/delete/copy through the
// acls:* handlers, the principal view checked against what the broker actually does for
// User:restricted (an allowed read works, a denied one fails), the unauthorized principal's words,
// profile actions, and quotas set/list/delete for users, client ids and defaults.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { principalView, type AclBinding } from '../../shared/domain/acls';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract';
import { emptyProfileDraft, profileActions, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { createAccessHandlers } from '../../electron/main/services/acls/access-handlers';
import { createAccessService } from '../../electron/main/services/acls/access-service';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { fetchMessage } from '../../electron/main/services/messages/fetch-message';
import { systemClock } from '../../electron/main/services/ports';
import { AppFailure } from '../../shared/ipc/result';
import { adminClient, createTopics, produceWithKafkajs } from '../../testbed/helpers';

const bed = inject('testbed');
const run = `acl${Date.now().toString(36)}`;
const alice = `User:${run}-alice`;
const bob = `User:${run}-bob`;
const topics = { open: `${run}-open`, secret: `${run}-secret`, other: `oth${run}` };

const plaintext: KafkaConnectionSettings = { name: 'acls-admin', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };
const restricted: KafkaConnectionSettings = {
  name: 'acls-restricted',
  bootstrapServers: bed.listeners.saslPlaintext.split(','),
  tls: null,
  sasl: { mechanism: 'scram-sha-512', username: bed.users.restricted.username, password: bed.users.restricted.password },
};
const profileOf = (id: string, allowed = true): ConnectionProfile => {
  const draft = emptyProfileDraft(id, id);
  return { ...draft, safety: { readOnly: false, allowedActions: allowed ? [...profileActions] : profileActions.filter((action) => action !== 'edit-acls' && action !== 'edit-quotas') } } as unknown as ConnectionProfile;
};
const settingsOf: Record<string, KafkaConnectionSettings> = { admin: plaintext, restricted, readonly: plaintext };
const handlers = createAccessHandlers({
  profiles: { get: async (id) => profileOf(id, id !== 'readonly'), resolveConnection: async (id) => settingsOf[id]! },
  access: createAccessService({ factory: createKafkaClientFactory(systemClock), clock: systemClock }),
});
const context = { sender: { kind: 'window' as const, webContentsId: 1, frameUrl: 'file:///' } };

async function call<C extends Channel & keyof typeof handlers>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const parsed = channels[channel].input.parse(input);
  const handler = handlers[channel] as (input: unknown, context: unknown) => Promise<unknown>;
  return channels[channel].output.parse(await handler(parsed, context)) as ChannelOutput<C>;
}
async function refusal(channel: Channel & keyof typeof handlers, input: unknown): Promise<AppFailure> {
  try {
    await call(channel, input as never);
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error(`${channel} should have failed`);
}

const binding = (partial: Partial<AclBinding>): AclBinding => ({ principal: alice, host: '*', resourceType: 'TOPIC', resourceName: `${run}-orders`, patternType: 'LITERAL', operation: 'READ', permission: 'ALLOW', ...partial });
const aliceBindings = [
  binding({}),
  binding({ resourceName: `${run}-pay-`, patternType: 'PREFIXED', operation: 'WRITE' }),
  binding({ resourceName: `${run}-pay-secret`, permission: 'DENY', operation: 'ALL' }),
  binding({ resourceType: 'GROUP', resourceName: `${run}-app`, patternType: 'PREFIXED' }),
  binding({ resourceType: 'TRANSACTIONAL_ID', resourceName: `${run}-tx`, operation: 'WRITE' }),
];
const keyOf = (row: AclBinding) => `${row.principal} ${row.permission} ${row.operation} ${row.resourceType}:${row.patternType}:${row.resourceName}`;
const ofRun = (rows: readonly AclBinding[]) => rows.filter((row) => row.principal.includes(run) || row.resourceName.includes(run)).map(keyOf).sort();
async function listed() {
  const list = await call('acls:list', { profileId: 'admin' });
  if (list.state !== 'ok') throw new Error(`expected ACLs, got ${list.state}`);
  return list.bindings;
}

const restrictedGrants = [
  binding({ principal: 'User:restricted', resourceName: `${run}-`, patternType: 'PREFIXED', operation: 'READ' }),
  binding({ principal: 'User:restricted', resourceName: topics.secret, permission: 'DENY', operation: 'READ' }),
];

beforeAll(async () => {
  await createTopics(bed, Object.values(topics).map((topic) => ({ topic, partitions: 1 })));
  for (const topic of Object.values(topics)) await produceWithKafkajs(bed, topic, [{ value: 'v' }]);
}, 120_000);

afterAll(async () => {
  // Leave User:restricted without rights for the other files.
  const admin = await adminClient(bed);
  try {
    await admin.deleteAcls({ filters: [alice, bob, 'User:restricted'].map((principal) => ({ principal, resourceType: 1, resourcePatternType: 1, operation: 1, permissionType: 1 }) as never) });
  } finally {
    await admin.disconnect();
  }
});

describe('ACLs', () => {
  it('creates LITERAL and PREFIXED, ALLOW and DENY bindings and lists them with their words; creating again changes nothing', async () => {
    const created = await call('acls:create', { profileId: 'admin', bindings: aliceBindings });
    expect(created.created).toHaveLength(5);
    expect(created.created.find((row) => row.permission === 'DENY')!.text).toContain('A DENY wins over every ALLOW');
    expect(ofRun(await listed())).toEqual(aliceBindings.map(keyOf).sort());
    const again = await call('acls:create', { profileId: 'admin', bindings: aliceBindings.slice(0, 2) });
    expect({ created: again.created.length, present: again.present.length }).toEqual({ created: 0, present: 2 });
  });

  it('refuses editing through a profile without edit-acls, and a binding Kafka would refuse before any request', async () => {
    expect(await refusal('acls:create', { profileId: 'readonly', bindings: [binding({ principal: bob })] })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("does not allow the 'edit-acls' action") });
    expect(() => channels['acls:create'].input.parse({ profileId: 'admin', bindings: [binding({ resourceType: 'GROUP', operation: 'WRITE' })] })).toThrow(/WRITE is not an operation on consumer groups/);
  });

  it('copies a principal\'s ACLs to another after a preview of exactly what it creates', async () => {
    const preview = await call('acls:copy-preview', { profileId: 'admin', from: alice, to: bob });
    expect(preview.toCreate.map(keyOf).sort()).toEqual(aliceBindings.map((entry) => keyOf({ ...entry, principal: bob })).sort());
    expect(await refusal('acls:copy', { profileId: 'admin', from: alice, to: bob, confirmation: 'yes' })).toMatchObject({ code: 'INVALID_INPUT' });
    await call('acls:copy', { profileId: 'admin', from: alice, to: bob, confirmation: bob });
    expect(ofRun((await listed()).filter((row) => row.principal === bob))).toHaveLength(5);
    const again = await call('acls:copy-preview', { profileId: 'admin', from: alice, to: bob });
    expect({ toCreate: again.toCreate.length, present: again.present.length }).toEqual({ toCreate: 0, present: 5 });
  });

  it('previews exactly what a filter matches (as DeleteAcls would) and deletes exactly that after a typed confirmation', async () => {
    const preview = await call('acls:delete-preview', { profileId: 'admin', filter: { principal: bob, resourceType: 'TOPIC', patternType: 'MATCH', resourceName: `${run}-pay-secret` } });
    // MATCH: the PREFIXED WRITE and the LITERAL DENY apply to that name; the other topic binding does not.
    expect(preview.matched.map(keyOf).sort()).toEqual([`${bob} ALLOW WRITE TOPIC:PREFIXED:${run}-pay-`, `${bob} DENY ALL TOPIC:LITERAL:${run}-pay-secret`]);
    expect(preview.confirmation).toBe(bob);
    const bindings = preview.matched.map(({ text: _text, ...entry }) => entry);
    expect(await refusal('acls:delete', { profileId: 'admin', bindings, confirmation: 'User:someone' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(`Type '${bob}'`) });
    const deleted = await call('acls:delete', { profileId: 'admin', bindings, confirmation: bob });
    expect({ deleted: deleted.deleted.length, missing: deleted.missing.length }).toEqual({ deleted: 2, missing: 0 });
    expect(ofRun((await listed()).filter((row) => row.principal === bob))).toHaveLength(3);
    // The same entries again: already gone, reported as such.
    expect((await call('acls:delete', { profileId: 'admin', bindings, confirmation: bob })).missing).toHaveLength(2);
  });

  it("answers 'what can User:restricted do' as the broker then behaves: the allowed read works, the denied and the unlisted ones fail", async () => {
    await call('acls:create', { profileId: 'admin', bindings: restrictedGrants });
    const view = await call('acls:principal', { profileId: 'admin', principal: 'User:restricted' });
    expect({ settingsKnown: view.settingsKnown, superUser: view.superUser }).toEqual({ settingsKnown: true, superUser: false });
    const readOf = (name: string) => view.rows.find((row) => row.resourceType === 'TOPIC' && row.name === name && row.match === 'name')!.operations.find((operation) => operation.operation === 'READ')!;
    expect(readOf(topics.open)).toMatchObject({ allowed: true, reason: 'allow-acl' });
    expect(readOf(topics.secret)).toMatchObject({ allowed: false, reason: 'deny-acl', text: expect.stringContaining('denied by: Stops User:restricted') });
    expect(readOf(topics.other)).toMatchObject({ allowed: false });
    const cluster = view.rows.find((row) => row.resourceType === 'CLUSTER')!;
    expect(cluster.operations.every((operation) => !operation.allowed)).toBe(true);

    // ACLs take effect on the brokers' metadata image shortly after CreateAcls answers.
    const outcome = async (topic: string) => fetchMessage(restricted, { topic, partition: 0, offset: '0' }, { clock: systemClock }).then(() => 'read', (error: Error) => `failed: ${error.message}`);
    await expect.poll(() => outcome(topics.open), { timeout: 10_000 }).toBe('read');
    for (const topic of [topics.secret, topics.other]) expect(await outcome(topic)).toMatch(/^failed: .*(AUTHORIZATION|not authorized|not allowed)/i);
    // The evaluator agrees with the broker's verdict for every topic of this run.
    const allBindings = await listed();
    for (const [topic, expected] of [[topics.open, true], [topics.secret, false], [topics.other, false]] as const) {
      const row = principalView(allBindings, 'User:restricted', { names: { TOPIC: [topic] }, settings: { superUsers: [], allowEveryoneIfNoAclFound: false } }).find((entry) => entry.name === topic)!;
      expect(row.operations.find((operation) => operation.operation === 'READ')!.allowed).toBe(expected);
    }
  });

  it('tells an unauthorized principal which ACL it needs', async () => {
    expect(await refusal('acls:list', { profileId: 'restricted' })).toMatchObject({ code: 'NOT_ALLOWED', message: 'Listing ACLs failed: User:restricted is not allowed to; it needs DESCRIBE on CLUSTER (an ALLOW DESCRIBE ACL on the cluster, or a super user).' });
    expect(await refusal('acls:create', { profileId: 'restricted', bindings: [binding({ principal: bob })] })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('needs') });
    expect(await refusal('quotas:list', { profileId: 'restricted' })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('it needs DESCRIBE_CONFIGS on CLUSTER') });
  });
});

describe('client quotas', () => {
  const user = { user: `${run}-quota-user` };
  const client = { clientId: `${run}-app` };
  const both = { user: `${run}-quota-user`, clientId: `${run}-app` };

  it('sets, lists and removes quotas of a user, a client id, a user+client id and the user default', async () => {
    await call('quotas:set', { profileId: 'admin', entity: user, set: { producer_byte_rate: 1_048_576, consumer_byte_rate: 2_097_152 } });
    await call('quotas:set', { profileId: 'admin', entity: client, set: { request_percentage: 50 } });
    await call('quotas:set', { profileId: 'admin', entity: both, set: { controller_mutation_rate: 10 } });
    const entryOf = async (entity: object) => (await call('quotas:list', { profileId: 'admin' })).entries.find((entry) => JSON.stringify(entry.entity) === JSON.stringify(entity));
    expect((await entryOf(user))?.values).toEqual({ producer_byte_rate: 1_048_576, consumer_byte_rate: 2_097_152 });
    expect((await entryOf(client))?.values).toEqual({ request_percentage: 50 });
    expect((await entryOf(both))?.values).toEqual({ controller_mutation_rate: 10 });

    // One key removed, the other kept.
    const changed = await call('quotas:set', { profileId: 'admin', entity: user, remove: ['consumer_byte_rate'] });
    expect(changed.entry.values).toEqual({ producer_byte_rate: 1_048_576 });

    // The user default, then all removed with typed confirmations.
    await call('quotas:set', { profileId: 'admin', entity: { user: null }, set: { consumer_byte_rate: 5_000_000 } });
    expect((await entryOf({ user: null }))?.text).toBe('every user without its own quota (user default): consumer_byte_rate=5000000 (fetch bytes per second (per broker))');
    expect(await refusal('quotas:delete', { profileId: 'admin', entity: { user: null }, confirmation: 'user=x' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining("Type 'user=<default>'") });
    for (const [entity, confirmation] of [[{ user: null }, 'user=<default>'], [user, `user=${user.user}`], [client, `client-id=${client.clientId}`], [both, `user=${both.user},client-id=${both.clientId}`]] as const) {
      await call('quotas:delete', { profileId: 'admin', entity, confirmation });
    }
    const left = (await call('quotas:list', { profileId: 'admin' })).entries.filter((entry) => JSON.stringify(entry.entity).includes(run) || entry.entity.user === null);
    expect(left).toEqual([]);
  });

  it('refuses through a profile without edit-quotas', async () => {
    expect(await refusal('quotas:set', { profileId: 'readonly', entity: user, set: { producer_byte_rate: 1 } })).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining("'edit-quotas'") });
  });
});
