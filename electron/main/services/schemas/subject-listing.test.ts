// The v2 (bulk /schemas) path, which no registry on the bed serves completely, on Confluent's documented
// response shape; plus the pure pieces: the fallback decision, reference cycles and the error words.
// A loopback http server answers like Confluent Schema Registry 7.x does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaRegistrySettings } from '../kafka/connection-settings';
import { RegistryClient } from './registry-client';
import { SchemaRegistryError } from './registry-errors';
import { RegistryTransport, statusError } from './registry-transport';
import { isOverride } from './schema-service';
import { ObservationMemory, listSubjects, mapBounded, unusableBulkAnswer } from './subject-listing';

// GET /schemas as Confluent documents it: subject, version, id, schemaType (absent for AVRO), schema.
const live = [
  { subject: 'orders-value', version: 1, id: 1, schema: '"string"' },
  { subject: 'orders-value', version: 2, id: 3, schema: '"int"' },
  { subject: 'payments-value', version: 1, id: 2, schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message P {}' },
];
const softDeleted = [{ subject: 'old-value', version: 4, id: 9, schemaType: 'JSON', schema: '{"type":"object"}' }];

const seen: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/schemas') {
      const deleted = url.searchParams.get('deleted') === 'true';
      const entries = deleted ? [...live, ...softDeleted] : live;
      // latestOnly=true: the newest version per subject.
      if (url.searchParams.get('latestOnly') === 'true') {
        const latest = new Map<string, (typeof entries)[number]>();
        for (const entry of entries) if ((latest.get(entry.subject)?.version ?? 0) < entry.version) latest.set(entry.subject, entry);
        return send(200, [...latest.values()]);
      }
      return send(200, entries);
    }
    if (url.pathname === '/subjects/a/versions/1') return send(200, { subject: 'a', version: 1, id: 10, schema: '"x"', references: [{ name: 'b', subject: 'b', version: 1 }] });
    if (url.pathname === '/subjects/b/versions/1') return send(200, { subject: 'b', version: 1, id: 11, schema: '"y"', references: [{ name: 'a', subject: 'a', version: 1 }] });
    return send(404, { error_code: 404, message: 'HTTP 404 Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = (): SchemaRegistrySettings => ({ id: 'c', name: 'c', urls: [base], auth: { kind: 'none' }, tls: null, observation: 'auto' });
const newClient = () => new RegistryClient(new RegistryTransport(settings()));

describe('v2 listing on Confluent’s shape', () => {
  it('auto uses one bulk request, keeps the latest per subject and remembers v2', async () => {
    const client = newClient();
    const memory = new ObservationMemory();
    seen.length = 0;
    const listing = await listSubjects(client, { observation: 'auto', includeDeleted: false, memory });
    expect(listing.observation).toEqual({ configured: 'auto', inUse: 'v2', fallbackReason: null });
    expect(listing.subjects).toEqual([
      { subject: 'orders-value', version: 2, id: 3, type: 'AVRO', deleted: false },
      { subject: 'payments-value', version: 1, id: 2, type: 'PROTOBUF', deleted: false },
    ]);
    expect(seen).toEqual(['GET /schemas?latestOnly=true']);
    expect(memory.get(base)).toEqual({ mode: 'v2', reason: null });
    client.transport.close();
  });

  it('includeDeleted adds the subjects only the deleted=true listing has, marked deleted', async () => {
    const client = newClient();
    seen.length = 0;
    const listing = await listSubjects(client, { observation: 'v2', includeDeleted: true, memory: new ObservationMemory() });
    expect(listing.subjects.map((row) => [row.subject, row.deleted, row.type])).toEqual([
      ['old-value', true, 'JSON'],
      ['orders-value', false, 'AVRO'],
      ['payments-value', false, 'PROTOBUF'],
    ]);
    expect(seen).toEqual(['GET /schemas?latestOnly=true', 'GET /schemas?latestOnly=true&deleted=true']);
    client.transport.close();
  });
});

describe('deciding whether a bulk answer is usable', () => {
  it('accepts Confluent entries and names what an Apicurio-like entry lacks', () => {
    expect(unusableBulkAnswer(live)).toBeNull();
    expect(unusableBulkAnswer([])).toBeNull();
    expect(unusableBulkAnswer([{ schema: '"string"', schemaType: 'AVRO' }])).toBe("GET /schemas answered entries without subject, version, id (as Apicurio's ccompat does)");
    expect(unusableBulkAnswer([{ subject: 's', version: 1, schema: '"string"' }])).toMatch(/without id/);
    expect(unusableBulkAnswer({ schemas: [] })).toBe('GET /schemas did not answer with a list');
  });
});

describe('references', () => {
  it('refuses a cycle with the path that closes it', async () => {
    const client = newClient();
    const error = await client.bySubjectVersion('a', 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaRegistryError);
    expect(error).toMatchObject({ kind: 'reference-cycle', message: 'The schema references form a cycle: b:1 → a:1 → b:1.' });
    client.transport.close();
  });
});

describe('error words', () => {
  const response = (status: number, body: unknown) => ({ status, body, url: 'http://r' });
  const request = { method: 'GET' as const, path: '/subjects/x/versions?deleted=true' };
  it('gives each registry answer its own kind', () => {
    expect(statusError(response(401, ''), request)).toMatchObject({ kind: 'unauthorized', code: 'NOT_ALLOWED' });
    expect(statusError(response(403, { message: 'no' }), request).message).toBe("The Schema Registry user may not do this (403 on GET /subjects/x/versions): no. The credentials were accepted; ask for a role with this right.");
    expect(statusError(response(404, { error_code: 40401, message: "Subject 'x' not found." }), request)).toMatchObject({ kind: 'subject-not-found', message: "Subject 'x' not found." });
    expect(statusError(response(404, { error_code: 40402 }), request)).toMatchObject({ kind: 'version-not-found' });
    expect(statusError(response(404, { error_code: 40403 }), request)).toMatchObject({ kind: 'schema-not-found' });
    expect(statusError(response(404, '<html>'), request)).toMatchObject({ kind: 'not-found' });
    expect(statusError(response(409, { error_code: 409, message: 'Schema being registered is incompatible' }), request)).toMatchObject({ kind: 'incompatible', reasons: ['Schema being registered is incompatible'] });
    expect(statusError(response(409, { error_code: 40407, message: 'not soft-deleted' }), request)).toMatchObject({ kind: 'conflict' });
    expect(statusError(response(422, { error_code: 42201, message: 'Invalid schema' }), request)).toMatchObject({ kind: 'invalid-schema', code: 'INVALID_INPUT' });
    expect(statusError(response(422, { error_code: 42206 }), request)).toMatchObject({ kind: 'conflict' });
    expect(statusError(response(503, 'down'), request)).toMatchObject({ kind: 'server-error' });
  });

  it('refuses credentials in a URL', () => {
    expect(() => new RegistryTransport({ ...settings(), urls: ['http://u:p@127.0.0.1:1'] })).toThrow(/not in the URL/);
  });
});

describe('compatibility override', () => {
  it("tells Apicurio's NONE-without-override from a real NONE override", () => {
    expect(isOverride(null, 'BACKWARD', 'BACKWARD')).toBe(false); // Confluent: 404
    expect(isOverride('NONE', 'BACKWARD', 'BACKWARD')).toBe(false); // Apicurio without an override
    expect(isOverride('NONE', 'NONE', 'BACKWARD')).toBe(true);
    expect(isOverride('FULL', 'FULL', 'BACKWARD')).toBe(true);
  });
});

describe('bounded concurrency', () => {
  it('never runs more than the limit at once and keeps the order', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, undefined, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return n % 2 === 0 ? null : n * 10;
    });
    expect(result).toEqual([10, 30, 50, 70]);
    expect(peak).toBe(3);
  });

  it('stops at abort', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(mapBounded([1], 2, controller.signal, async (n) => n)).rejects.toMatchObject({ kind: 'aborted' });
  });
});
