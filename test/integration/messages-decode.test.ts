// Decoding and encoding registry-encoded messages against the real bed and a real Apicurio: the app's
// producer encodes Avro, Protobuf (nested messages, message indexes, imports) and JSON Schema values
// with schemas registered in Apicurio; an independent decoder (avro-js; @bufbuild/protobuf with
// hand-written descriptors; JSON.parse) checks the bytes on the topic; the browse service decodes them
// with schema id, subject, version and type. Bad bytes and unknown ids stay raw with the reason.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportRequestSchema } from '../../shared/domain/messages/export-request';
import { exportMessages } from '../../electron/main/services/messages/export-messages';
import { parseConfluentWireFormat } from '../../shared/domain/decoders';
import { browseRequestSchema, type BrowseProgress, type BrowseRequestInput, type BrowseRow } from '../../shared/domain/messages/browse-request';
import { emptyProfileDraft, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { channels } from '../../shared/ipc/contract';
import type { StreamSink } from '../../shared/ipc/stream';
import { createMessageDecoding } from '../../electron/main/services/decoding/message-decoding';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import type { KafkaConnectionSettings, SchemaRegistrySettings } from '../../electron/main/services/kafka/connection-settings';
import { browseMessages } from '../../electron/main/services/messages/browse-messages';
import { fetchRecord } from '../../electron/main/services/messages/fetch-message';
import { createProduceHandlers } from '../../electron/main/services/messages/produce-messages';
import { systemClock } from '../../electron/main/services/ports';
import { createRegistryClient } from '../../electron/main/services/schemas/schema-service';
import type { SchemaSource } from '../../electron/main/services/schemas/schema-source';
import kafkajs from 'kafkajs';
import { createTopic, kafkaConfig, uniqueTopic } from '../../testbed/helpers';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';
import { avroJs, decodeOrderIndependently, protoMoney, protoOrder } from '../unit/support/independent-decoders';

const bed = inject('testbed');
let registry: TestRegistry;
let registrySettings: SchemaRegistrySettings;
let settings: KafkaConnectionSettings;
let byIdCalls = 0;
let decoding: ReturnType<typeof createMessageDecoding>;
let handlers: ReturnType<typeof createProduceHandlers>['handlers'];
const run = Date.now().toString(36);
const subject = (name: string) => `decode-${run}-${name}`;

const avroAddress = { type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] };
const avroOrder = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'address', type: 'shop.Address' },
  ],
};
const jsonUser = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' } },
  required: ['id'],
};

const ids: Record<string, number> = {};

async function register(name: string, schema: string, schemaType: 'AVRO' | 'PROTOBUF' | 'JSON', references: { name: string; subject: string; version: number }[] = []): Promise<number> {
  const response = await fetch(`${registry.info.plain}/subjects/${encodeURIComponent(name)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema, schemaType, references }),
  });
  const body = (await response.json()) as { id?: number };
  if (!response.ok || typeof body.id !== 'number') throw new Error(`registering ${name} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.id;
}

function profile(id: string): ConnectionProfile {
  const draft = emptyProfileDraft(id, id);
  return { ...draft, bootstrapServers: settings.bootstrapServers } as ConnectionProfile;
}

async function produce(input: Record<string, unknown>) {
  const parsed = channels['messages:produce'].input.parse({ profileId: 'p', ...input });
  return handlers['messages:produce'](parsed, { sender: { kind: 'window', webContentsId: 1, frameUrl: 'file:///' } } as never);
}

async function browse(topic: string, extra: Partial<BrowseRequestInput> = {}): Promise<BrowseRow[]> {
  const rows: BrowseRow[] = [];
  const sink: StreamSink<BrowseRow, BrowseProgress> = {
    signal: new AbortController().signal,
    async batch(items) {
      rows.push(...items);
    },
    progress() {},
    phase() {},
  };
  const request = browseRequestSchema.parse({ profileId: 'p', topic, limit: 1000, ...extra });
  const resolver = decoding.codecsFor(settings)!;
  await browseMessages(settings, request, sink, { clock: systemClock, schemaResolver: resolver });
  return rows;
}

/** Raw bytes straight through kafkajs, for records the app's encoder would refuse to write. */
async function produceBytes(topic: string, values: Buffer[]): Promise<void> {
  const producer = new kafkajs.Kafka(kafkaConfig(bed, 'plaintext', { clientId: 'decode-it-raw' })).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: values.map((value) => ({ value })) });
  } finally {
    await producer.disconnect();
  }
}

async function rawValue(topic: string, offset: string): Promise<Buffer> {
  const record = await fetchRecord(settings, { topic, partition: 0, offset }, { clock: systemClock });
  return record!.value!;
}

beforeAll(async () => {
  registry = await registryForTests(bed);
  registrySettings = { id: 'decode-it', name: 'decode-it', urls: [registry.info.plain], auth: { kind: 'none' }, tls: null, observation: 'auto' };
  settings = { name: 'decode-it', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null, schemaRegistry: registrySettings };
  decoding = createMessageDecoding({
    sourceFor: (registrySettings) => {
      const client: SchemaSource = createRegistryClient(registrySettings);
      return {
        byId: (id, options) => {
          byIdCalls += 1;
          return client.byId(id, options);
        },
        bySubjectVersion: (name, version, options) => client.bySubjectVersion(name, version, options),
      };
    },
    clock: systemClock,
  });
  ({ handlers } = createProduceHandlers({
    profiles: { get: async () => profile('p'), resolveConnection: async () => settings },
    factory: createKafkaClientFactory(systemClock),
    clock: systemClock,
    dialogs: { chooseOpenPath: async () => null },
    decoding,
  }));
  await register(subject('address'), JSON.stringify(avroAddress), 'AVRO');
  ids.avro = await register(subject('orders-avro'), JSON.stringify(avroOrder), 'AVRO', [{ name: 'shop.Address', subject: subject('address'), version: 1 }]);
  await register(subject('money'), protoMoney, 'PROTOBUF');
  ids.proto = await register(subject('orders-proto'), protoOrder, 'PROTOBUF', [{ name: 'common/money.proto', subject: subject('money'), version: 1 }]);
  ids.json = await register(subject('users-json'), JSON.stringify(jsonUser), 'JSON');
}, 300_000);

afterAll(async () => {
  await registry?.stop();
});

describe('registry-encoded messages on the bed', () => {
  it('Avro: the app encodes, avro-js reads the same record, browsing decodes it with its schema', async () => {
    const topic = uniqueTopic('decode-avro');
    await createTopic(bed, { topic, partitions: 1 });
    const value = { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', amount: '1234.50', placed: '2026-12-01T10:20:30.456Z', day: '2026-12-01', note: 'ring twice', address: { city: 'Praha' } };
    await produce({ topic, value: JSON.stringify(value), valueFormat: 'schema', valueSchema: { subject: subject('orders-avro') } });
    const bytes = await rawValue(topic, '0');
    const wire = parseConfluentWireFormat(bytes)!;
    expect(wire.schemaId).toBe(ids.avro);
    const inlined = { ...avroOrder, fields: avroOrder.fields.map((field) => (field.name === 'address' ? { ...field, type: avroAddress } : field)) };
    const independent = avroJs.parse(inlined).fromBuffer(Buffer.from(wire.payload));
    expect(independent).toMatchObject({ id: value.id, placed: Date.parse(value.placed), day: Date.parse('2026-12-01T00:00:00Z') / 86_400_000, address: { city: 'Praha' } });
    expect([...(independent.amount as Buffer)]).toEqual([0x01, 0xe2, 0x3a]);

    const [row] = await browse(topic);
    expect(row!.value).toMatchObject({ kind: 'json', schema: { format: 'confluent', schemaId: ids.avro, type: 'AVRO', subject: subject('orders-avro'), version: 1 } });
    expect(JSON.parse(row!.value!.text)).toEqual(value);

    // Re-produce copies the stored bytes; it never decodes and re-encodes them.
    const reproduce = channels['messages:reproduce'].input.parse({ profileId: 'p', source: { topic, partition: 0, offset: '0' }, targetTopic: topic });
    await handlers['messages:reproduce'](reproduce, { sender: { kind: 'window', webContentsId: 1, frameUrl: 'file:///' } } as never);
    expect(Buffer.compare(await rawValue(topic, '1'), bytes)).toBe(0);
  });

  it('Protobuf: nested messages through message indexes, an imported type and well-known types, checked by @bufbuild/protobuf', async () => {
    const topic = uniqueTopic('decode-proto');
    await createTopic(bed, { topic, partitions: 1 });
    const order = { id: 'o-9', total: { currency: 'EUR', units: '12' }, lines: [{ sku: 'a', quantity: 2 }], placed: '2026-12-01T10:00:00Z', coupon: 'XMAS', status: 'PAID' };
    await produce({ topic, value: JSON.stringify(order), valueFormat: 'schema', valueSchema: { subject: subject('orders-proto'), messageType: 'shop.Order' } });
    await produce({ topic, value: JSON.stringify({ sku: 'b', quantity: 7 }), valueFormat: 'schema', valueSchema: { subject: subject('orders-proto'), version: 1, messageType: 'shop.Order.Line' } });
    await produce({ topic, value: JSON.stringify({ x: 'first' }), valueFormat: 'schema', valueSchema: { subject: subject('orders-proto') } });

    const first = parseConfluentWireFormat(await rawValue(topic, '0'))!;
    expect(first.schemaId).toBe(ids.proto);
    expect(decodeOrderIndependently(first.payload)).toEqual({ typeName: 'shop.Order', json: order });
    const second = parseConfluentWireFormat(await rawValue(topic, '1'))!;
    expect([...second.payload.subarray(0, 3)]).toEqual([4, 2, 0]);
    expect(decodeOrderIndependently(second.payload)).toEqual({ typeName: 'shop.Order.Line', json: { sku: 'b', quantity: 7 } });
    const third = parseConfluentWireFormat(await rawValue(topic, '2'))!;
    expect(third.payload[0]).toBe(0);
    expect(decodeOrderIndependently(third.payload)).toEqual({ typeName: 'shop.Unused', json: { x: 'first' } });

    const rows = await browse(topic);
    expect(rows.map((row) => row.value?.schema?.messageType)).toEqual(['shop.Order', 'shop.Order.Line', 'shop.Unused']);
    expect(rows[0]!.value!.schema).toMatchObject({ schemaId: ids.proto, type: 'PROTOBUF', subject: subject('orders-proto'), version: 1 });
    expect(JSON.parse(rows[0]!.value!.text)).toEqual(order);
  });

  it('JSON Schema: plain JSON after the header; invalid messages are shown with their validation errors', async () => {
    const topic = uniqueTopic('decode-json');
    await createTopic(bed, { topic, partitions: 1 });
    await produce({ topic, value: '{"id": 5, "email": "x@y.cz"}', valueFormat: 'schema', valueSchema: { subject: subject('users-json') } });
    const bytes = await rawValue(topic, '0');
    expect(parseConfluentWireFormat(bytes)!.schemaId).toBe(ids.json);
    expect(JSON.parse(bytes.subarray(5).toString('utf8'))).toEqual({ id: 5, email: 'x@y.cz' });

    const refused = await produce({ topic, value: '{"id": "five"}', valueFormat: 'schema', valueSchema: { subject: subject('users-json') } }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/does not match .*nothing was produced\. \/id must be integer/);

    const header = Buffer.from([0, 0, 0, 0, 0]);
    header.writeUInt32BE(ids.json!, 1);
    await produceBytes(topic, [Buffer.concat([header, Buffer.from('{"email": 3}')])]);
    const rows = await browse(topic);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.value).toMatchObject({ kind: 'json', text: '{"email":3}', schema: { type: 'JSON', validationErrors: ["the value must have required property 'id'", '/email must be string'] } });
  });

  it('keeps browsing past bytes that do not match and ids the registry does not know, saying why, and fetches each id once', async () => {
    const topic = uniqueTopic('decode-bad');
    await createTopic(bed, { topic, partitions: 1 });
    const withId = (id: number, body: number[]) => Buffer.from([0, (id >>> 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255, ...body]);
    const good = { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', amount: '1.00', placed: '2026-12-01T00:00:00.000Z', day: '2026-12-01', note: null, address: { city: 'Brno' } };
    await produceBytes(topic, [withId(ids.avro!, [0x02, 0xff]), withId(987_654, [1, 2, 3]), Buffer.from('plain text')]);
    for (let index = 0; index < 20; index++) await produce({ topic, value: JSON.stringify({ ...good, note: `n${index}` }), valueFormat: 'schema', valueSchema: { subject: subject('orders-avro') } });
    await produceBytes(topic, [withId(987_654, [4])]);

    const before = byIdCalls;
    const rows = await browse(topic);
    expect(rows).toHaveLength(24);
    expect(rows[0]!.value).toMatchObject({ kind: 'binary', schema: { schemaId: ids.avro, type: 'AVRO', problem: expect.stringMatching(new RegExp(`^The bytes do not match schema ${ids.avro}: the bytes are not a valid shop\\.Order`)) } });
    expect(rows[0]!.value!.hexPreview).toBe(`00 00 00 00 ${ids.avro!.toString(16).padStart(2, '0')} 02 ff`);
    expect(rows[1]!.value).toMatchObject({ kind: 'binary', schema: { schemaId: 987_654, problem: expect.stringMatching(/^Schema 987654 could not be fetched from the registry: .+/) } });
    expect(rows[2]!.value).toMatchObject({ kind: 'text', text: 'plain text' });
    expect(rows[2]!.value!.schema).toBeUndefined();
    expect(rows.slice(3, 23).every((row) => row.value?.schema?.type === 'AVRO' && row.value.kind === 'json')).toBe(true);
    expect(rows[23]!.value!.schema?.problem).toMatch(/could not be fetched/);
    // The Avro id was already compiled by the first test in this file; the unknown id is asked for once.
    expect(byIdCalls - before).toBeLessThanOrEqual(1);
  });

  it('filters match decoded fields', async () => {
    const topic = uniqueTopic('decode-filter');
    await createTopic(bed, { topic, partitions: 1 });
    for (const city of ['Praha', 'Brno', 'Praha']) {
      const value = { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', amount: '2.00', placed: '2026-12-01T00:00:00.000Z', day: '2026-12-01', note: null, address: { city } };
      await produce({ topic, value: JSON.stringify(value), valueFormat: 'schema', valueSchema: { subject: subject('orders-avro'), version: 'latest' } });
    }
    const byField = await browse(topic, { filters: [{ kind: 'json-field', path: 'address.city', operator: '=', value: 'Brno' }] });
    expect(byField.map((row) => row.offset)).toEqual(['1']);
    const byText = await browse(topic, { filters: [{ kind: 'text', target: 'value', match: 'substring', pattern: '"city":"praha"' }] });
    expect(byText.map((row) => row.offset)).toEqual(['0', '2']);
  });

  it('previews a value against a subject before producing, listing every problem', async () => {
    const preview = (input: Record<string, unknown>) =>
      handlers['messages:produce-preview'](channels['messages:produce-preview'].input.parse({ profileId: 'p', topic: 'any', ...input }), { sender: { kind: 'window', webContentsId: 1, frameUrl: 'file:///' } } as never);
    const bad = await preview({ schema: { subject: subject('orders-avro') }, text: '{"id": 3, "amount": "x"}' });
    expect(bad).toMatchObject({ schemaId: ids.avro, subject: subject('orders-avro'), version: 1, type: 'AVRO', size: null });
    expect(bad.problems.join('\n')).toMatch(/id: 3 is not a valid string/);
    expect(bad.problems.join('\n')).toMatch(/amount: "x" is not a valid decimal \(bytes\)/);
    expect(bad.problems.join('\n')).toMatch(/address is missing \(a record shop\.Address\)/);
    const good = await preview({ schema: { subject: subject('users-json'), version: 1 }, text: '{"id": 1}' });
    expect(good).toMatchObject({ problems: [], size: 5 + 8, hexPreview: expect.stringMatching(/^00 00 00 /) });
    const notJson = await preview({ schema: { subject: subject('users-json') }, text: '{"id":' });
    expect(notJson.problems[0]).toMatch(/must be JSON/);
  });

  it('exports decoded JSON beside the raw bytes when asked, and refuses to decode without a registry', async () => {
    const topic = uniqueTopic('decode-export');
    await createTopic(bed, { topic, partitions: 1 });
    await produce({ topic, key: '{"id": 7}', keySchema: { subject: subject('users-json') }, value: JSON.stringify({ x: 'exported' }), valueFormat: 'schema', valueSchema: { subject: subject('orders-proto') } });
    await produceBytes(topic, [Buffer.from([0, 0, 0, 0x7f, 0x01, 0xff])]);
    const dir = await mkdtemp(path.join(tmpdir(), 'odradek-decode-export-'));
    try {
      const file = path.join(dir, 'out.jsonl');
      const sink = { signal: new AbortController().signal, batch: async () => undefined, progress() {}, phase() {} };
      const deps = {
        clock: systemClock,
        profiles: { get: async () => profile('p'), resolveConnection: async () => settings },
        dialogs: { chooseSavePath: async () => file },
        schemaResolverFor: (resolved: KafkaConnectionSettings) => decoding.codecsFor(resolved),
      };
      await exportMessages(exportRequestSchema.parse({ profileId: 'p', topic, format: 'jsonl', decode: true }), sink, deps);
      const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({
        keyDecoded: { schemaId: ids.json, type: 'JSON', subject: subject('users-json'), value: { id: 7 } },
        valueDecoded: { schemaId: ids.proto, type: 'PROTOBUF', messageType: 'shop.Unused', value: { x: 'exported' } },
      });
      // The raw bytes stay beside the decoded form. Whether they are written as text or base64 depends
      // on whether they happen to be valid UTF-8, which changes with the schema id the registry gave.
      const first = lines[0] as { value: string; valueEncoding: 'utf8' | 'base64' };
      const rawValue = Buffer.from(first.value, first.valueEncoding === 'base64' ? 'base64' : 'utf8');
      expect(rawValue.readUInt8(0)).toBe(0);
      expect(rawValue.readUInt32BE(1)).toBe(ids.proto);
      expect(lines[1]).toMatchObject({ valueDecoded: { schemaId: 0x7f01, problem: expect.stringMatching(/could not be fetched/) } });
      const noRegistry = await exportMessages(exportRequestSchema.parse({ profileId: 'p', topic, format: 'jsonl', decode: true }), sink, { ...deps, schemaResolverFor: () => undefined }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(noRegistry).toMatch(/has no Schema Registry to decode with/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
