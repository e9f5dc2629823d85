// Issue 11: the Schema Registry client against the bed's real Apicurio 3.3.3 (ccompat v7): every call,
// the automatic v2 → v1 fallback (Apicurio's /schemas is unusable; the v1-only front answers 404),
// transport over plain http, TLS with the bed CA, a client certificate (PEM and PKCS12) and HTTP Basic,
// and each failure named specifically.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SchemaRegistrySettings, TlsSettings } from '../../electron/main/services/kafka/connection-settings';
import { contextSubject, type RegistryClient } from '../../electron/main/services/schemas/registry-client';
import { SchemaRegistryError } from '../../electron/main/services/schemas/registry-errors';
import { createRegistryClient, isOverride } from '../../electron/main/services/schemas/schema-service';
import { ObservationMemory, listSubjects } from '../../electron/main/services/schemas/subject-listing';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';

const bed = inject('testbed');
const run = `sr${Date.now().toString(36)}`;
// Schemas differ per run: a registry gives the same text the same id under every subject.
const ns = `odradek.${run}`;
let registry: TestRegistry;
const clients: RegistryClient[] = [];

function settings(urls: string[], extra: Partial<SchemaRegistrySettings> = {}): SchemaRegistrySettings {
  return { id: 'bed', name: 'bed', urls, auth: { kind: 'none' }, tls: null, observation: 'auto', ...extra };
}
function client(urls: string[], extra: Partial<SchemaRegistrySettings> = {}, timeoutMs = 10_000): RegistryClient {
  const made = createRegistryClient(settings(urls, extra), { timeoutMs });
  clients.push(made);
  return made;
}
const trustBedCa = (identity: TlsSettings['identity'] = null): TlsSettings => ({
  trust: { kind: 'pem', pem: readFileSync(registry.info.caFile, 'utf8') },
  identity,
  verifyHostname: true,
  profile: 'default',
});
async function failure(promise: Promise<unknown>): Promise<SchemaRegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SchemaRegistryError) return error;
    throw error;
  }
  throw new Error('expected a SchemaRegistryError');
}

const avro = (fields: Array<Record<string, unknown>>, name = 'Order') => JSON.stringify({ type: 'record', name, namespace: ns, fields });
const v1Schema = avro([{ name: 'id', type: 'string' }]);
const v2Schema = avro([{ name: 'id', type: 'string' }, { name: 'amount', type: 'int', default: 0 }]);
const incompatible = avro([{ name: 'id', type: 'int' }]);

let plain: RegistryClient;

beforeAll(async () => {
  registry = await registryForTests(bed, { basic: true });
  plain = client([registry.info.plain]);
});
afterAll(async () => {
  for (const made of clients) made.transport.close();
  await registry?.stop();
});

describe('the Confluent API on Apicurio (plain http)', () => {
  const subject = `${run}-orders-value`;
  let firstId: number;
  let secondId: number;

  it('registers versions, lists subjects and versions, reads by version, latest and id', async () => {
    firstId = (await plain.register(subject, { schema: v1Schema, type: 'AVRO' })).id;
    secondId = (await plain.register(subject, { schema: v2Schema, type: 'AVRO' })).id;
    expect(secondId).not.toBe(firstId);
    // The same schema again answers its existing id.
    expect((await plain.register(subject, { schema: v2Schema, type: 'AVRO' })).id).toBe(secondId);

    expect(await plain.subjects()).toContain(subject);
    expect(await plain.subjects({ prefix: run })).toEqual(expect.arrayContaining([subject]));
    expect(await plain.versions(subject)).toEqual([1, 2]);
    const latest = await plain.version(subject, 'latest');
    expect(latest).toMatchObject({ subject, version: 2, id: secondId, type: 'AVRO', references: [] });
    expect(JSON.parse(latest.schema)).toEqual(JSON.parse(v2Schema));
    expect(await plain.version(subject, 1)).toMatchObject({ version: 1, id: firstId });

    expect(JSON.parse((await plain.schemaById(firstId)).schema)).toEqual(JSON.parse(v1Schema));
    expect(await plain.subjectsOfId(firstId)).toEqual([subject]);
    expect(await plain.versionsOfId(secondId)).toEqual([{ subject, version: 2 }]);
    expect(await plain.lookup(subject, { schema: v1Schema, type: 'AVRO' })).toMatchObject({ version: 1, id: firstId });
    expect(await plain.lookup(subject, { schema: incompatible, type: 'AVRO' })).toBeNull();
    expect(await plain.schemaTypes()).toEqual(expect.arrayContaining(['AVRO', 'PROTOBUF', 'JSON']));
  });

  it('byId (the SchemaSource port) gives text, type and the subject/version the id is under, fetched once', async () => {
    const before = plain.transport.requests;
    const resolved = await plain.byId(firstId);
    expect(resolved).toMatchObject({ id: firstId, type: 'AVRO', subject, version: 1, references: [] });
    const afterFirst = plain.transport.requests;
    await plain.byId(firstId);
    expect(plain.transport.requests).toBe(afterFirst);
    expect(afterFirst - before).toBeLessThanOrEqual(2);
    expect(await plain.bySubjectVersion(subject, 'latest')).toMatchObject({ id: secondId, subject, version: 2 });
  });

  it('names 404s: unknown subject (40401), version (40402) and schema id (40403)', async () => {
    expect(await failure(plain.versions(`${run}-missing`))).toMatchObject({ kind: 'subject-not-found', registryCode: 40401, code: 'NOT_FOUND' });
    expect(await failure(plain.version(subject, 99))).toMatchObject({ kind: 'version-not-found', registryCode: 40402 });
    expect(await failure(plain.schemaById(987_654))).toMatchObject({ kind: 'schema-not-found', registryCode: 40403 });
    expect(await failure(plain.byId(987_654))).toMatchObject({ kind: 'schema-not-found' });
  });

  it('resolves references recursively (Avro named types across subjects) and lists who references a version', async () => {
    const money = `${run}-money`;
    const address = `${run}-address`;
    const customer = `${run}-customer-value`;
    await plain.register(money, { schema: JSON.stringify({ type: 'record', name: 'Money', namespace: ns, fields: [{ name: 'cents', type: 'long' }] }), type: 'AVRO' });
    const addressId = (
      await plain.register(address, {
        schema: JSON.stringify({ type: 'record', name: 'Address', namespace: ns, fields: [{ name: 'street', type: 'string' }, { name: 'deposit', type: `${ns}.Money` }] }),
        type: 'AVRO',
        references: [{ name: `${ns}.Money`, subject: money, version: 1 }],
      })
    ).id;
    const customerId = (
      await plain.register(customer, {
        schema: JSON.stringify({ type: 'record', name: 'Customer', namespace: ns, fields: [{ name: 'home', type: `${ns}.Address` }] }),
        type: 'AVRO',
        references: [{ name: `${ns}.Address`, subject: address, version: 1 }],
      })
    ).id;
    const resolved = await plain.byId(customerId);
    expect(resolved.references).toHaveLength(1);
    expect(resolved.references[0]).toMatchObject({ name: `${ns}.Address`, subject: address, version: 1, schema: { id: addressId, subject: address } });
    expect(resolved.references[0]!.schema.references[0]).toMatchObject({ name: `${ns}.Money`, subject: money, version: 1 });
    expect(await plain.referencedBy(address, 1)).toEqual([customerId]);
    // A referenced schema cannot be deleted (Apicurio 42206).
    expect(await failure(plain.deleteVersion(address, 1))).toMatchObject({ kind: 'conflict', registryCode: 42206 });
  });

  it('registers PROTOBUF (with an import by reference) and JSON Schema', async () => {
    const common = `${run}-common.proto`;
    await plain.register(common, { schema: `syntax = "proto3";\npackage ${run}.common;\nmessage Money { int64 cents = 1; }\n`, type: 'PROTOBUF' });
    const payment = `${run}-payment-value`;
    const { id } = await plain.register(payment, {
      schema: `syntax = "proto3";\npackage ${run}.pay;\nimport "common.proto";\nmessage Payment { string id = 1; ${run}.common.Money amount = 2; message Line { string sku = 1; } repeated Line lines = 3; }\n`,
      type: 'PROTOBUF',
      references: [{ name: 'common.proto', subject: common, version: 1 }],
    });
    expect(await plain.byId(id)).toMatchObject({ type: 'PROTOBUF', subject: payment, references: [{ name: 'common.proto', subject: common }] });
    const json = `${run}-event-value`;
    const jsonId = (await plain.register(json, { schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: run, type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }), type: 'JSON' })).id;
    expect(await plain.byId(jsonId)).toMatchObject({ type: 'JSON', subject: json, version: 1 });
  });

  it('refuses an invalid schema with 422 and the registry reason', async () => {
    const error = await failure(plain.register(`${run}-broken-value`, { schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"nope"}]}', type: 'AVRO' }));
    expect(error).toMatchObject({ kind: 'invalid-schema', status: 422, code: 'INVALID_INPUT' });
    expect(error.message).toMatch(/invalid/i);
    // Apicurio cannot tell a JSON Schema without $schema apart from other JSON (observed: 42201).
    expect(await failure(plain.register(`${run}-nodollar-value`, { schema: '{"type":"object"}', type: 'JSON' }))).toMatchObject({ kind: 'invalid-schema', status: 422 });
  });

  it('compatibility: global and per subject get, set and delete; checks with reasons; 409 on an incompatible register', async () => {
    const global = await plain.compatibility(null);
    expect(global).not.toBeNull();
    await plain.setCompatibility(null, 'BACKWARD');
    expect(await plain.compatibility(null)).toBe('BACKWARD');

    expect(isOverride(await plain.compatibility(subject), await plain.compatibility(subject, { defaultToGlobal: true }), 'BACKWARD')).toBe(false);
    expect(await plain.setCompatibility(subject, 'FULL')).toBe('FULL');
    expect(await plain.compatibility(subject)).toBe('FULL');
    expect(isOverride('FULL', await plain.compatibility(subject, { defaultToGlobal: true }), 'BACKWARD')).toBe(true);
    await plain.deleteCompatibility(subject);
    expect(await plain.compatibility(subject, { defaultToGlobal: true })).toBe('BACKWARD');

    expect(await plain.checkCompatibility(subject, { schema: v2Schema, type: 'AVRO' }, 'latest')).toMatchObject({ compatible: true });
    expect(await plain.checkCompatibility(subject, { schema: incompatible, type: 'AVRO' }, 'latest')).toMatchObject({ compatible: false });
    expect(await plain.checkCompatibility(subject, { schema: incompatible, type: 'AVRO' }, 'all')).toMatchObject({ compatible: false });
    expect(await plain.checkCompatibility(subject, { schema: v2Schema, type: 'AVRO' }, 1)).toMatchObject({ compatible: true });

    const refused = await failure(plain.register(subject, { schema: incompatible, type: 'AVRO' }));
    expect(refused).toMatchObject({ kind: 'incompatible', status: 409, code: 'CONFLICT' });
    expect(refused.reasons.join(' ')).toMatch(/not compatible|incompatible/i);
    await plain.setCompatibility(null, global ?? 'NONE');
  });

  it('mode: read globally and per subject, set and set back', async () => {
    expect(await plain.mode()).toBe('READWRITE');
    expect(await plain.mode(subject)).toBe('READWRITE');
    expect(await plain.setMode(null, 'READWRITE')).toBe('READWRITE');
  });

  it('soft delete, listings with deleted=true, hard delete only after soft, of a version and a subject', async () => {
    const doomed = `${run}-doomed-value`;
    await plain.register(doomed, { schema: v1Schema, type: 'AVRO' });
    await plain.register(doomed, { schema: v2Schema, type: 'AVRO' });
    expect(await failure(plain.deleteVersion(doomed, 1, { permanent: true }))).toMatchObject({ kind: 'conflict', status: 409 });
    expect(await plain.deleteVersion(doomed, 1)).toBe(1);
    expect(await plain.versions(doomed)).toEqual([2]);
    expect(await plain.versions(doomed, { deleted: true })).toEqual([1, 2]);
    expect(await plain.version(doomed, 1, { deleted: true })).toMatchObject({ version: 1 });
    expect(await plain.deleteVersion(doomed, 1, { permanent: true })).toBe(1);
    expect(await plain.versions(doomed, { deleted: true })).toEqual([2]);

    expect(await failure(plain.deleteSubject(doomed, { permanent: true }))).toMatchObject({ kind: 'conflict' });
    expect(await plain.deleteSubject(doomed)).toEqual([2]);
    expect(await plain.subjects()).not.toContain(doomed);
    expect(await plain.subjects({ deleted: true })).toContain(doomed);
    expect(await plain.subjects({ deletedOnly: true })).toContain(doomed);
    expect(await plain.deleteSubject(doomed, { permanent: true })).toEqual([2]);
    expect(await plain.subjects({ deleted: true })).not.toContain(doomed);
  });

  it('contexts: Apicurio lists only the default one and stores :.ctx:subject as a plain name', async () => {
    expect(await plain.contexts()).toEqual([':.:']);
    const named = contextSubject('.team', `${run}-ctx-value`);
    expect(named).toBe(`:.team:${run}-ctx-value`);
    await plain.register(named, { schema: v1Schema, type: 'AVRO' });
    expect(await plain.subjects()).toContain(named);
  });
});

describe('observation: v2 bulk listing with the automatic v1 fallback', () => {
  const prefix = `${run}-list`;

  beforeAll(async () => {
    for (const index of [1, 2, 3]) {
      await plain.register(`${prefix}-${index}-value`, { schema: v1Schema, type: 'AVRO' });
      await plain.register(`${prefix}-${index}-value`, { schema: v2Schema, type: 'AVRO' });
    }
    await plain.deleteSubject(`${prefix}-3-value`);
  });
  const ours = <Row extends { subject: string }>(rows: Row[]) => rows.filter((row) => row.subject.startsWith(prefix));

  it("auto on Apicurio falls back because its /schemas entries lack subject, version and id; remembered per URL", async () => {
    const memory = new ObservationMemory();
    const listing = await listSubjects(plain, { observation: 'auto', includeDeleted: false, memory });
    expect(listing.observation).toMatchObject({ configured: 'auto', inUse: 'v1' });
    expect(listing.observation.fallbackReason).toMatch(/without subject, version, id/);
    expect(ours(listing.subjects)).toEqual([
      { subject: `${prefix}-1-value`, version: 2, id: expect.any(Number), type: 'AVRO', deleted: false },
      { subject: `${prefix}-2-value`, version: 2, id: expect.any(Number), type: 'AVRO', deleted: false },
    ]);
    // The second listing goes straight to v1: no /schemas request.
    const before = plain.transport.requests;
    const subjects = (await plain.subjects()).length;
    const again = await listSubjects(plain, { observation: 'auto', includeDeleted: false, memory });
    expect(again.observation.fallbackReason).toBe(listing.observation.fallbackReason);
    expect(plain.transport.requests - before).toBe(1 + 1 + subjects);
  });

  it('includeDeleted marks soft-deleted subjects (whose schemas Apicurio no longer serves: id and type unknown)', async () => {
    const listing = await listSubjects(plain, { observation: 'v1', includeDeleted: true, memory: new ObservationMemory() });
    expect(ours(listing.subjects).map((row) => [row.subject, row.deleted, row.version, row.id === null, row.type])).toEqual([
      [`${prefix}-1-value`, false, 2, false, 'AVRO'],
      [`${prefix}-2-value`, false, 2, false, 'AVRO'],
      [`${prefix}-3-value`, true, 2, true, null],
    ]);
  });

  it('a pinned v2 on a registry whose /schemas is unusable fails with what to change', async () => {
    const error = await failure(listSubjects(plain, { observation: 'v2', includeDeleted: false, memory: new ObservationMemory() }));
    expect(error).toMatchObject({ kind: 'unsupported' });
    expect(error.message).toMatch(/set the profile's observation to v1 or auto/);
  });

  it('auto behind the v1-only front falls back on the 404', async () => {
    const front = client([registry.info.v1Only]);
    const listing = await listSubjects(front, { observation: 'auto', includeDeleted: false, memory: new ObservationMemory() });
    expect(listing.observation).toEqual({ configured: 'auto', inUse: 'v1', fallbackReason: 'GET /schemas answered 404' });
    expect(ours(listing.subjects).map((row) => row.subject)).toEqual([`${prefix}-1-value`, `${prefix}-2-value`]);
  });
});

describe('transport', () => {
  it('TLS with the bed CA; without it the failure is named untrusted-certificate', async () => {
    const secure = client([registry.info.tls], { tls: trustBedCa() });
    expect(Array.isArray(await secure.subjects())).toBe(true);
    const untrusting = client([registry.info.tls], { tls: null });
    expect(await failure(untrusting.subjects())).toMatchObject({ kind: 'tls', details: { registry: { tlsFailure: 'untrusted-certificate' } } });
    const wrongScheme = client([registry.info.tls.replace('https:', 'http:')]);
    // Quarkus closes the connection without an answer when plain http reaches its https port.
    expect(await failure(wrongScheme.subjects())).toMatchObject({ kind: 'unreachable' });
  });

  it('a client certificate as PEM or PKCS12 passes the mTLS front; none is refused by name', async () => {
    const tls = registry.info.tlsMaterial;
    const pem = client([registry.info.mtls], { tls: trustBedCa({ kind: 'pem', certificatePem: readFileSync(tls.client.cert, 'utf8'), keyPem: readFileSync(tls.client.key, 'utf8') }) });
    expect(await pem.subjects()).toContain(`${run}-orders-value`);
    const p12 = client([registry.info.mtls], { tls: trustBedCa({ kind: 'pkcs12', data: readFileSync(tls.client.keystoreP12), password: tls.password }) });
    expect(await p12.subjects()).toContain(`${run}-orders-value`);
    const none = client([registry.info.mtls], { tls: trustBedCa() });
    const error = await failure(none.subjects());
    expect(['tls', 'unreachable']).toContain(error.kind);
    if (error.kind === 'tls') expect(error.details).toMatchObject({ registry: { tlsFailure: 'client-certificate-required' } });
  });

  it('HTTP Basic: admin writes, the read-only user reads but is refused a write (403), no or wrong credentials are 401', async () => {
    const basic = registry.info.basic!;
    const admin = client([basic.url], { auth: { kind: 'basic', ...basic.admin } });
    const subject = `${run}-basic-value`;
    await admin.register(subject, { schema: v1Schema, type: 'AVRO' });
    const reader = client([basic.url], { auth: { kind: 'basic', ...basic.reader } });
    expect(await reader.subjects()).toContain(subject);
    const forbidden = await failure(reader.register(subject, { schema: v2Schema, type: 'AVRO' }));
    expect(forbidden).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(forbidden.message).toMatch(/credentials were accepted/);
    expect(await failure(client([basic.url]).subjects())).toMatchObject({ kind: 'unauthorized', status: 401 });
    const wrong = await failure(client([basic.url], { auth: { kind: 'basic', username: 'admin', password: 'not-it' } }).subjects());
    expect(wrong).toMatchObject({ kind: 'unauthorized' });
    expect(wrong.message).not.toContain('not-it');
    expect(await failure(client([basic.url], { auth: { kind: 'bearer', token: 'not-a-token' } }).subjects())).toMatchObject({ kind: 'unauthorized' });
  });

  it('fails over from a dead URL to the next and remembers the one that answered', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/apis/ccompat/v7`;
    const failing = client([dead, registry.info.plain]);
    expect(await failing.subjects()).toContain(`${run}-orders-value`);
    expect(failing.transport.currentUrl).toBe(registry.info.plain);
    expect(await failure(client([dead]).subjects())).toMatchObject({ kind: 'unreachable', code: 'KAFKA_ERROR' });
  });

  it('times out on a registry that accepts but never answers, and stops at abort', async () => {
    const hung = await hangingServer();
    try {
      const slow = client([`http://127.0.0.1:${hung.port}`], {}, 500);
      expect(await failure(slow.subjects())).toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
      const controller = new AbortController();
      const patient = client([`http://127.0.0.1:${hung.port}`], {}, 30_000);
      const pending = failure(patient.subjects({ signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      expect(await pending).toMatchObject({ kind: 'aborted', code: 'CANCELLED' });
    } finally {
      hung.server.close();
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function hangingServer(): Promise<{ server: Server; port: number }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  server.on('close', () => sockets.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}
