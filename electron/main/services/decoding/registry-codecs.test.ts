import { describe, expect, it } from 'vitest';
import { frameConfluentWireFormat, readMessageIndexes, writeMessageIndexes } from '../../../../shared/domain/decoders/confluent-wire-format';
import { SchemaValidationError } from '../../../../shared/domain/decoders/schema-codec';
import { SchemaRegistryError } from '../schemas/registry-errors';
import type { ResolvedSchema, SchemaSource } from '../schemas/schema-source';
import { FAILURE_RETRY_MS, compileSchema, createRegistryCodecs, encodeWithSchema } from './registry-codecs';
import { avroJs, decodeOrderIndependently, protoMoney, protoOrder } from '../../../../test/unit/support/independent-decoders';

/** An in-process registry: schemas by id and by subject/version, counting fetches. */
function memorySource(schemas: ResolvedSchema[]): SchemaSource & { calls: number } {
  const source = {
    calls: 0,
    async byId(id: number) {
      source.calls += 1;
      const found = schemas.find((schema) => schema.id === id);
      if (!found) throw new SchemaRegistryError(`Schema ${id} not found.`, { kind: 'schema-not-found', status: 404, registryCode: 40403 });
      return found;
    },
    async bySubjectVersion(subject: string, version: number | 'latest') {
      const versions = schemas.filter((schema) => schema.subject === subject).sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
      const found = version === 'latest' ? versions.at(-1) : versions.find((schema) => schema.version === version);
      if (!found) throw new SchemaRegistryError(`Subject ${subject} version ${version} not found.`, { kind: 'version-not-found', status: 404 });
      return found;
    },
  };
  return source;
}

const clock = (() => {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
})();

const avroOrder = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'placedMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'address', type: 'shop.Address' },
    { name: 'raw', type: 'bytes' },
  ],
});
const avroAddress = JSON.stringify({ type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] });

const protoCommon = protoMoney;

const jsonSchema = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' }, address: { $ref: 'address.json' } },
  required: ['id'],
  additionalProperties: false,
});
const jsonAddress = JSON.stringify({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });

const schemas: ResolvedSchema[] = [
  {
    id: 10,
    type: 'AVRO',
    schema: avroOrder,
    subject: 'orders-value',
    version: 1,
    references: [{ name: 'shop.Address', subject: 'address', version: 1, schema: { id: 9, type: 'AVRO', schema: avroAddress, references: [] } }],
  },
  {
    id: 20,
    type: 'PROTOBUF',
    schema: protoOrder,
    subject: 'orders-proto-value',
    version: 2,
    references: [{ name: 'common/money.proto', subject: 'money', version: 1, schema: { id: 19, type: 'PROTOBUF', schema: protoCommon, references: [] } }],
  },
  {
    id: 30,
    type: 'JSON',
    schema: jsonSchema,
    subject: 'users-value',
    version: 3,
    references: [{ name: 'address.json', subject: 'address-json', version: 1, schema: { id: 29, type: 'JSON', schema: jsonAddress, references: [] } }],
  },
  { id: 40, type: 'AVRO', schema: '{"type": "record", "name": "Broken", "fields": [{"name": "x", "type": "nope"}]}', references: [] },
];

const avroValue = {
  id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  amount: '-1234.56',
  placed: '2026-12-01T10:20:30.456Z',
  placedMicros: '2026-12-01T10:20:30.456789Z',
  day: '2026-12-01',
  note: 'leave at door',
  address: { city: 'Praha' },
  raw: '\u0000\u00ff',
};

describe('message indexes', () => {
  it('round-trips paths and writes [0] as a single zero byte', () => {
    expect(writeMessageIndexes([0])).toEqual(Uint8Array.of(0));
    for (const path of [[1], [0, 2], [3, 0, 70]]) expect(readMessageIndexes(writeMessageIndexes(path)).indexes).toEqual(path);
    expect(readMessageIndexes(Uint8Array.of(0, 0x0a))).toEqual({ indexes: [0], bodyOffset: 1 });
    expect(() => readMessageIndexes(Uint8Array.of(4, 2))).toThrow(/ends early/);
  });
});

describe('Avro', () => {
  it('decodes logical types readably and encodes them back byte for byte', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    const compiled = await codecs.bySubjectVersion('orders-value', 'latest');
    const bytes = encodeWithSchema(compiled, avroValue);
    expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 0, 10]);
    await codecs.load(10);
    const outcome = codecs.decode(10, bytes.subarray(5));
    expect(outcome).toMatchObject({ ok: true, schema: { type: 'AVRO', subject: 'orders-value', version: 1 }, value: avroValue });
    expect(JSON.parse(outcome!.ok ? outcome!.text : '')).toEqual(avroValue);
  });

  it('agrees with avro-js, an independent Avro implementation', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    const bytes = encodeWithSchema(await codecs.byId(10), avroValue);
    const inlined = JSON.parse(avroOrder) as { fields: { name: string; type: unknown }[] };
    inlined.fields.find((field) => field.name === 'address')!.type = JSON.parse(avroAddress);
    const record = avroJs.parse(inlined).fromBuffer(Buffer.from(bytes.subarray(5)));
    expect(record.id).toBe(avroValue.id);
    expect(record.placed).toBe(Date.parse(avroValue.placed));
    expect(record.day).toBe(Date.parse('2026-12-01T00:00:00Z') / 86_400_000);
    // -123456 as two's complement big-endian
    expect([...(record.amount as Buffer)]).toEqual([0xfe, 0x1d, 0xc0]);
    expect(record.address).toMatchObject({ city: 'Praha' });
  });

  it('lists every problem of a value that does not fit, before anything is encoded', async () => {
    const compiled = await createRegistryCodecs(memorySource(schemas), clock).byId(10);
    const problems = compiled.codec.validate({ ...avroValue, amount: '1.234', day: 'Monday', address: {} });
    expect(problems.join('\n')).toMatch(/amount/);
    expect(problems.join('\n')).toMatch(/day/);
    expect(problems.join('\n')).toMatch(/address\.city/);
    expect(() => encodeWithSchema(compiled, { id: 'x' })).toThrow(SchemaValidationError);
  });

  it('says in words when the bytes do not match, and keeps going', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    await codecs.load(10);
    expect(codecs.decode(10, Uint8Array.of(1, 2))).toMatchObject({ ok: false, problem: expect.stringMatching(/do not match schema 10: the bytes are not a valid shop\.Order/) });
    const good = encodeWithSchema(await codecs.byId(10), avroValue);
    expect(codecs.decode(10, Uint8Array.of(...good.subarray(5), 7))).toMatchObject({ ok: false, problem: expect.stringMatching(/trailing/) });
  });
});

describe('Protobuf', () => {
  it('decodes nested, imported and well-known types through the message-index path', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    const compiled = await codecs.byId(20);
    const value = {
      id: 'o-1',
      total: { currency: 'EUR', units: '9007199254740993' },
      lines: [{ sku: 'a', quantity: 2 }],
      placed: '2026-12-01T10:20:30.123456789Z',
      coupon: 'XMAS',
      status: 'PAID',
    };
    const bytes = encodeWithSchema(compiled, value, { messageType: 'shop.Order' });
    expect(readMessageIndexes(bytes.subarray(5)).indexes).toEqual([1]);
    const outcome = codecs.decode(20, bytes.subarray(5));
    expect(outcome).toMatchObject({ ok: true, schema: { type: 'PROTOBUF', subject: 'orders-proto-value', version: 2, messageType: 'shop.Order' }, value });

    const line = encodeWithSchema(compiled, { sku: 'b', quantity: 5 }, { messageType: 'shop.Order.Line' });
    expect(readMessageIndexes(line.subarray(5)).indexes).toEqual([1, 0]);
    expect(codecs.decode(20, line.subarray(5))).toMatchObject({ ok: true, schema: { messageType: 'shop.Order.Line' }, value: { sku: 'b', quantity: 5 } });
  });

  it('agrees with @bufbuild/protobuf, an independent Protobuf runtime', async () => {
    const compiled = compileSchema(schemas[1]!);
    const body = compiled.encode({ id: 'o-2', total: { currency: 'CZK', units: '42' }, lines: [{ sku: 'z', quantity: 1 }], status: 'PAID', placed: '2026-01-02T03:04:05Z' }, { messageType: 'shop.Order' });
    expect(decodeOrderIndependently(body)).toEqual({
      typeName: 'shop.Order',
      json: { id: 'o-2', total: { currency: 'CZK', units: '42' }, lines: [{ sku: 'z', quantity: 1 }], status: 'PAID', placed: '2026-01-02T03:04:05Z' },
    });
    const line = compiled.encode({ sku: 'q', quantity: 3 }, { messageType: 'shop.Order.Line' });
    expect(decodeOrderIndependently(line)).toEqual({ typeName: 'shop.Order.Line', json: { sku: 'q', quantity: 3 } });
  });

  it('refuses a value with an unknown field or a wrong type, naming where', () => {
    const compiled = compileSchema(schemas[1]!);
    expect(compiled.validate({ id: 1, lines: [{ sku: 'a', quantity: 'many' }], nope: true }, { messageType: 'shop.Order' })).toEqual([
      'id must be a string',
      'lines[0].quantity must be a 32-bit integer',
      'nope is not a field of shop.Order',
    ]);
  });

  it('names an index path that points at no message', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    await codecs.load(20);
    expect(codecs.decode(20, Uint8Array.of(2, 10))).toMatchObject({ ok: false, problem: expect.stringMatching(/message index path \[5\] names no message/) });
  });

  it('takes google/protobuf/descriptor.proto for custom options without a reference', () => {
    const codec = compileSchema({
      type: 'PROTOBUF',
      schema: 'syntax = "proto3"; import "google/protobuf/descriptor.proto"; extend google.protobuf.FieldOptions { string label = 50001; } message A { int32 x = 1 [(label) = "ex"]; }',
      references: [],
    });
    expect(codec.decode(codec.encode({ x: 5 }))).toMatchObject({ value: { x: 5 }, messageType: 'A' });
  });

  it('says which import has no reference', () => {
    expect(() => compileSchema({ type: 'PROTOBUF', schema: 'syntax = "proto3"; import "other.proto"; message A { int32 x = 1; }', references: [] })).toThrow(/imports 'other.proto', for which the registry gave no reference/);
  });
});

describe('JSON Schema', () => {
  it('decodes, validates with references, and shows validation errors without hiding the value', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    const compiled = await codecs.byId(30);
    const good = encodeWithSchema(compiled, { id: 1, email: 'a@b.cz', address: { city: 'Brno' } });
    expect(JSON.parse(new TextDecoder().decode(good.subarray(5)))).toEqual({ id: 1, email: 'a@b.cz', address: { city: 'Brno' } });
    expect(codecs.decode(30, good.subarray(5))).toMatchObject({ ok: true, schema: { type: 'JSON', subject: 'users-value', version: 3 } });
    const bad = new TextEncoder().encode('{"id":"x","email":"nope","address":{},"extra":1}');
    const outcome = codecs.decode(30, bad);
    expect(outcome).toMatchObject({ ok: true, value: { id: 'x' } });
    expect(outcome?.ok && outcome.validationErrors).toEqual(
      expect.arrayContaining(['/id must be integer', '/email must match format "email"', "/address must have required property 'city'", "the value must NOT have additional properties ('extra')"]),
    );
    expect(() => compiled.codec.encode({ id: 1.5 })).toThrow(/\/id must be integer/);
    expect(codecs.decode(30, new TextEncoder().encode('{"id":'))).toMatchObject({ ok: false, problem: expect.stringMatching(/not valid JSON/) });
  });
});

describe('fetching', () => {
  it('fetches each id once however many messages use it, and remembers failures for a while', async () => {
    const source = memorySource(schemas);
    const codecs = createRegistryCodecs(source, clock);
    await Promise.all([codecs.load(10), codecs.load(10), codecs.loadAll([10, 10, 30])]);
    for (let index = 0; index < 100; index++) codecs.decode(10, Uint8Array.of());
    expect(source.calls).toBe(2);
    await codecs.load(999);
    expect(codecs.decode(999, Uint8Array.of(1))).toEqual({ ok: false, problem: 'Schema 999 could not be fetched from the registry: Schema 999 not found.' });
    await codecs.load(999);
    expect(source.calls).toBe(3);
    clock.advance(FAILURE_RETRY_MS);
    expect(codecs.ready(999)).toBe(false);
    await codecs.load(999);
    expect(source.calls).toBe(4);
  });

  it('reports a schema that does not compile with its type', async () => {
    const codecs = createRegistryCodecs(memorySource(schemas), clock);
    await codecs.load(40);
    expect(codecs.decode(40, Uint8Array.of())).toMatchObject({ ok: false, schema: { type: 'AVRO' }, problem: expect.stringMatching(/^Schema 40 cannot be used: The schema is not a usable Avro schema: .*nope/) });
  });

  it('frames with the Confluent header', () => {
    expect([...frameConfluentWireFormat(258, Uint8Array.of(9))]).toEqual([0, 0, 0, 1, 2, 9]);
    expect(() => frameConfluentWireFormat(0, Uint8Array.of())).toThrow(RangeError);
  });
});

describe('a schema fetch shared by views', () => {
  /** A source whose fetches wait until released, recording whether each was aborted. */
  function pendingSource() {
    const fetches: Array<{ signal: AbortSignal | undefined; release(): void }> = [];
    const source = {
      byId: (id: number, options?: { signal?: AbortSignal }) =>
        new Promise<ResolvedSchema>((resolve, reject) => {
          const signal = options?.signal;
          signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          fetches.push({ signal, release: () => resolve({ id, type: 'AVRO', schema: '"string"', references: [] }) });
        }),
      bySubjectVersion: () => Promise.reject(new Error('not used')),
    } as unknown as SchemaSource;
    return { source, fetches };
  }

  it('is aborted once every view that asked has gone, and asked for again by the next view', async () => {
    const { source, fetches } = pendingSource();
    const codecs = createRegistryCodecs(source, clock);
    const first = new AbortController();
    const second = new AbortController();
    const loads = [codecs.load(5, first.signal), codecs.load(5, second.signal)];
    expect(fetches).toHaveLength(1);
    first.abort();
    expect(fetches[0]!.signal!.aborted).toBe(false); // the second view still waits
    second.abort();
    expect(fetches[0]!.signal!.aborted).toBe(true);
    await Promise.all(loads);
    // Not remembered as a failure: nothing was learnt about the id.
    expect(codecs.ready(5)).toBe(false);
    expect(codecs.decode(5, Uint8Array.of(0))).toBeUndefined();
    // A view that has gone asks for nothing; a new one fetches again.
    await codecs.load(5, first.signal);
    expect(fetches).toHaveLength(1);
    const third = codecs.load(5, new AbortController().signal);
    expect(fetches).toHaveLength(2);
    fetches[1]!.release();
    await third;
    expect(codecs.ready(5)).toBe(true);
  });

  it('is never aborted while a caller without a signal (producer, CLI) waits', async () => {
    const { source, fetches } = pendingSource();
    const codecs = createRegistryCodecs(source, clock);
    const view = new AbortController();
    const loads = [codecs.load(6, view.signal), codecs.load(6)];
    view.abort();
    expect(fetches[0]!.signal!.aborted).toBe(false);
    fetches[0]!.release();
    await Promise.all(loads);
    expect(codecs.ready(6)).toBe(true);
  });
});
