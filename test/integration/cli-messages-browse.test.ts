// `odradek messages browse` in-process against the bed and its Apicurio, with a profile imported into a
// temporary store (no secrets, so no keychain): it decodes through the registry like the app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import type { CliMessageLine } from '../../electron/cli/commands/messages';
import { compileAvro } from '../../electron/main/services/decoding/avro-codec';
import { frameConfluentWireFormat } from '../../shared/domain/decoders/confluent-wire-format';
import { createTopic, kafkaConfig, uniqueTopic } from '../../testbed/helpers';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
let registry: TestRegistry;
let dataDir: string;
let topic: string;
let schemaId: number;

// A doc per run: Apicurio gives identical schema text the same id, whose first subject would be another run's.
const schema = { type: 'record', name: 'Reading', namespace: 'cli', doc: `cli browse test ${Date.now()}`, fields: [{ name: 'sensor', type: 'string' }, { name: 'celsius', type: 'double' }, { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }] };

beforeAll(async () => {
  registry = await registryForTests(bed);
  dataDir = await mkdtemp(join(tmpdir(), 'odradek-cli-messages-'));
  topic = uniqueTopic('cli-browse');
  await createTopic(bed, { topic, partitions: 1 });
  const response = await fetch(`${registry.info.plain}/subjects/${topic}-value/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  schemaId = ((await response.json()) as { id: number }).id;
  const codec = compileAvro({ type: 'AVRO', schema: JSON.stringify(schema), references: [] });
  const producer = new kafkajs.Kafka(kafkaConfig(bed, 'plaintext', { clientId: 'cli-browse-it' })).producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      ...['s1', 's2', 's3'].map((sensor, index) => ({ key: sensor, value: Buffer.from(frameConfluentWireFormat(schemaId, codec.encode({ sensor, celsius: 20 + index, at: '2026-12-01T10:00:00.000Z' }))) })),
      { key: 'broken', value: Buffer.from([0, 0, 0, 0x7f, 0x00, 0xff]) },
    ],
  });
  await producer.disconnect();
  const io = capturingIo(dataDir, `bootstrap.servers=${bed.listeners.plaintext}\nschema.registry.url=${registry.info.plain}\n`);
  expect(await runCli(['profile', 'import', '-', '--name', 'cli-bed', '--format', 'properties'], io.io), io.err.join('\n')).toBe(0);
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('odradek messages browse', () => {
  it('--json writes one decoded line per message, with schema id, subject and version, and raw bytes with the reason', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['messages', 'browse', '--profile', 'cli-bed', '--topic', topic, '--json'], io.io), io.err.join('\n')).toBe(0);
    const lines = io.out.map((line) => JSON.parse(line) as CliMessageLine);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      topic,
      partition: 0,
      offset: '0',
      timestamp: expect.any(String),
      key: { text: 's1', encoding: 'utf8' },
      value: { schema: { id: schemaId, type: 'AVRO', subject: `${topic}-value`, version: 1 }, value: { sensor: 's1', celsius: 20, at: '2026-12-01T10:00:00.000Z' } },
      headers: [],
    });
    expect(lines[3]!.value).toMatchObject({ encoding: 'base64', text: 'AAAAfwD/', schema: { id: 0x7f00 }, problem: expect.stringMatching(/^Schema 32512 could not be fetched/) });
    expect(io.err.join('\n')).toMatch(/4 messages of 4 scanned/);
  });

  it('filters on decoded fields, starts at an offset and stops at the limit', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['messages', 'browse', '--profile', 'cli-bed', '--topic', topic, '--filter', 'celsius>=21', '--json'], io.io)).toBe(0);
    expect(io.out.map((line) => (JSON.parse(line) as CliMessageLine).offset)).toEqual(['1', '2']);
    const limited = capturingIo(dataDir);
    expect(await runCli(['messages', 'browse', '--profile', 'cli-bed', '--topic', topic, '--from', '1', '--limit', '1'], limited.io)).toBe(0);
    expect(limited.out).toEqual([expect.stringMatching(new RegExp(`^0/1 \\S+ key=s2 value=\\{"sensor":"s2","celsius":21,"at":"2026-12-01T10:00:00.000Z"\\} \\[schema ${schemaId} ${topic}-value v1 AVRO\\]$`))]);
    expect(limited.err.join('\n')).toMatch(/stopped at --limit 1/);
  });

  it('says what is wrong with bad arguments', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['messages', 'browse', '--profile', 'cli-bed', '--topic', topic, '--from', 'soon'], io.io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--from takes beginning, end, an offset or an ISO time/);
    const missing = capturingIo(dataDir);
    expect(await runCli(['messages', 'browse', '--topic', topic], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/--profile and --topic are required/);
  });
});
