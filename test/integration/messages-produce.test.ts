// The producer against the real bed: text and JSON with headers, chosen and key-based partitions, every
// compression codec (read back by the app's browser and by Kafka's own Java consumer), acks and
// idempotence, bulk produce from JSON Lines, byte-exact re-produce, and the profile's safety refusal.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browseRequestSchema, type BrowseProgress, type BrowseRow } from '../../shared/domain/messages/browse-request';
import { formatMessageJsonlLine } from '../../shared/domain/messages/message-jsonl';
import type { ProduceFileProgress } from '../../shared/domain/messages/produce-request';
import { emptyProfileDraft, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { channels, streams } from '../../shared/ipc/contract';
import type { StreamSink } from '../../shared/ipc/stream';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { browseMessages } from '../../electron/main/services/messages/browse-messages';
import { fetchRecord } from '../../electron/main/services/messages/fetch-message';
import { createProduceHandlers } from '../../electron/main/services/messages/produce-messages';
import { systemClock } from '../../electron/main/services/ports';
import { createTopic, grantAcl, runKafkaTool, uniqueTopic } from '../../testbed/helpers';

const bed = inject('testbed');
const settings: KafkaConnectionSettings = { name: 'produce-test', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null };

function profile(id: string, safety: Partial<ConnectionProfile['safety']> = {}): ConnectionProfile {
  const draft = emptyProfileDraft(id, id);
  return { ...draft, bootstrapServers: settings.bootstrapServers, safety: { ...draft.safety, ...safety } } as ConnectionProfile;
}
const restricted: KafkaConnectionSettings = {
  name: 'produce-restricted',
  bootstrapServers: bed.listeners.saslPlaintext.split(','),
  tls: null,
  sasl: { mechanism: 'scram-sha-512', username: bed.users.restricted.username, password: bed.users.restricted.password },
};
const profiles: Record<string, ConnectionProfile> = { full: profile('full'), 'read-only': profile('read-only', { readOnly: true }), restricted: profile('restricted') };

/** The open dialog's answers, in order, as the E2E fixtures queue them. */
const dialogAnswers: (string | null)[] = [];
const { handlers, producers } = createProduceHandlers({
  profiles: { get: async (id) => profiles[id]!, resolveConnection: async (id) => (id === 'restricted' ? restricted : settings) },
  factory: createKafkaClientFactory(systemClock),
  clock: systemClock,
  dialogs: { chooseOpenPath: async () => dialogAnswers.shift() ?? null },
});
const context = { sender: { kind: 'window' as const, webContentsId: 1, frameUrl: 'file:///' } };

/** Calls a handler with input and output checked against the contract, as the dispatcher does. */
async function call<C extends 'messages:produce' | 'messages:reproduce'>(channel: C, input: unknown) {
  const parsed = channels[channel].input.parse(input);
  const output = await (handlers[channel] as (input: unknown, ctx: typeof context) => Promise<unknown>)(parsed, context);
  return channels[channel].output.parse(output);
}
async function failureOf(channel: 'messages:produce' | 'messages:reproduce', input: unknown) {
  const error = await call(channel, input).then(
    () => undefined,
    (failure: unknown) => failure as { code: string; message: string },
  );
  expect(error, `${channel} should have failed`).toBeDefined();
  return error!;
}

/** `answer` is what the open dialog returns; undefined when the call must be refused before it opens. */
async function produceFile(request: Record<string, unknown>, answer?: string | null, onProgress?: (progress: ProduceFileProgress, cancel: () => void) => void) {
  if (answer !== undefined) dialogAnswers.push(answer);
  const progress: ProduceFileProgress[] = [];
  const abort = new AbortController();
  const sink: StreamSink<never, ProduceFileProgress> = {
    signal: abort.signal,
    batch: async () => undefined,
    progress: (frame) => {
      progress.push(frame);
      onProgress?.(frame, () => abort.abort());
    },
    phase: () => undefined,
  };
  const summary = await producers['messages:produce-file'](streams['messages:produce-file'].request.parse({ profileId: 'full', ...request }), sink);
  return { summary: streams['messages:produce-file'].summary.parse(summary), progress };
}

async function browseAll(topic: string): Promise<BrowseRow[]> {
  const rows: BrowseRow[] = [];
  const sink: StreamSink<BrowseRow, BrowseProgress> = { signal: new AbortController().signal, batch: async (items) => void rows.push(...items), progress: () => undefined, phase: () => undefined };
  await browseMessages(settings, browseRequestSchema.parse({ profileId: 'full', topic, limit: 10_000 }), sink, { clock: systemClock });
  return rows.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

const bytes = (text: string) => Buffer.from(text);
const headerText = (row: BrowseRow) => row.headers.map((header) => [header.key, header.value?.text ?? null]);

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'odradek-produce-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('messages:produce', () => {
  it('writes text and JSON with headers to a chosen partition and by key, and reports where', async () => {
    const topic = uniqueTopic('produce-basic');
    await createTopic(bed, { topic, partitions: 3 });
    const chosen = await call('messages:produce', {
      profileId: 'full',
      topic,
      key: 'order-1',
      value: '{"id": 1, "total": 9.5}',
      valueFormat: 'json',
      headers: [
        { key: 'source', value: 'odradek' },
        { key: 'empty', value: '' },
      ],
      partition: 2,
    });
    expect(chosen).toMatchObject({ topic, partition: 2, offset: '0' });

    const keyed = await Promise.all(['a', 'a', 'b'].map((key) => call('messages:produce', { profileId: 'full', topic, key, value: `text for ${key}` })));
    expect(keyed[0]!.partition).toBe(keyed[1]!.partition);

    const rows = await browseAll(topic);
    expect(rows).toHaveLength(4);
    const json = rows.find((row) => row.partition === 2 && row.offset === '0')!;
    expect(json.key?.text).toBe('order-1');
    expect(json.value).toMatchObject({ kind: 'json' });
    expect(JSON.parse(json.value!.text)).toEqual({ id: 1, total: 9.5 });
    expect(headerText(json)).toEqual([
      ['source', 'odradek'],
      ['empty', ''],
    ]);
    expect(json.timestamp).toBe(chosen.timestamp);
    for (const result of keyed) expect(rows.some((row) => row.partition === result.partition && row.offset === result.offset)).toBe(true);
  });

  it('compresses with gzip, snappy, lz4 and zstd so the app and Kafka’s Java consumer both read it back', async () => {
    const topic = uniqueTopic('produce-codecs');
    await createTopic(bed, { topic });
    const codecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
    const valueFor = (codec: string) => `${codec}:${'compressible kafka text '.repeat(200)}`;
    for (const compression of codecs) await call('messages:produce', { profileId: 'full', topic, key: compression, value: valueFor(compression), compression });
    const rows = await browseAll(topic);
    expect(rows.map((row) => [row.key?.text, row.value?.text])).toEqual(codecs.map((codec) => [codec, valueFor(codec)]));

    const { stdout } = await runKafkaTool(bed, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--bootstrap-server', bed.listeners.plaintext, '--topic', topic, '--from-beginning', '--max-messages', String(codecs.length), '--timeout-ms', '60000',
    ]);
    expect(stdout.split('\n').filter((line) => line !== '')).toEqual(codecs.map(valueFor));
  });

  it('writes with acks=leader and acks=none when idempotence is off, and refuses idempotence without acks=all', async () => {
    const topic = uniqueTopic('produce-acks');
    await createTopic(bed, { topic });
    const leader = await call('messages:produce', { profileId: 'full', topic, value: 'leader', acks: 'leader', idempotent: false });
    expect(leader.offset).toBe('0');
    const none = await call('messages:produce', { profileId: 'full', topic, value: 'none', acks: 'none', idempotent: false, partition: 0 });
    expect(none).toMatchObject({ partition: 0, offset: null });
    const idempotent = await call('messages:produce', { profileId: 'full', topic, value: 'idempotent' });
    expect(idempotent.offset).toBe('2');
    expect(() => channels['messages:produce'].input.parse({ profileId: 'full', topic, value: 'x', acks: 'leader' })).toThrow(/idempotent producer needs acks=all/);
    expect((await browseAll(topic)).map((row) => row.value?.text)).toEqual(['leader', 'none', 'idempotent']);
  });

  it('says in plain words when the topic or partition does not exist', async () => {
    const topic = uniqueTopic('produce-missing');
    await createTopic(bed, { topic });
    const partition = await failureOf('messages:produce', { profileId: 'full', topic, value: 'x', partition: 7 });
    expect(partition).toMatchObject({ code: 'INVALID_INPUT', message: `Topic '${topic}' has 1 partition (0–0), so there is no partition 7.` });
    const missing = await failureOf('messages:produce', { profileId: 'full', topic: `${topic}-missing`, value: 'x' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `Producing to '${topic}-missing' failed: topic or partition does not exist (or this principal may not see it).` });
    expect(await browseAll(topic)).toEqual([]);
  });

  it("reports Kafka's refusal in plain words when the principal may not write", async () => {
    const topic = uniqueTopic('produce-unauthorized');
    await createTopic(bed, { topic });
    await grantAcl(bed, { resourceType: 'TOPIC', resourceName: topic, operations: ['DESCRIBE', 'READ'] });
    const user = `User:${bed.users.restricted.username}`;
    const idempotent = await failureOf('messages:produce', { profileId: 'restricted', topic, value: 'x' });
    expect(idempotent).toMatchObject({
      code: 'NOT_ALLOWED',
      message: `Producing to '${topic}' failed: not authorized to write (an idempotent producer needs WRITE on a topic or IDEMPOTENT_WRITE on the cluster) for ${user}.`,
    });
    const plain = await failureOf('messages:produce', { profileId: 'restricted', topic, value: 'x', idempotent: false });
    expect(plain.message).toMatch(new RegExp(`^Producing to '${topic}' failed: not authorized: TOPIC_AUTHORIZATION_FAILED for ${user}`));
    expect(await browseAll(topic)).toEqual([]);
  });

  it('is refused for a read-only profile before anything is sent', async () => {
    const topic = uniqueTopic('produce-refused');
    await createTopic(bed, { topic });
    const refused = await failureOf('messages:produce', { profileId: 'read-only', topic, value: 'x' });
    expect(refused).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(refused.message).toBe("Profile 'read-only' is read-only, so Odradek will not produce through it. Change the profile's safety settings to allow it.");
    expect((await failureOf('messages:reproduce', { profileId: 'read-only', source: { topic, partition: 0, offset: '0' }, targetTopic: topic })).code).toBe('NOT_ALLOWED');
    await expect(produceFile({ profileId: 'read-only', topic })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await browseAll(topic)).toEqual([]);
  });
});

describe('messages:produce-file', () => {
  it('produces an export and the convenient form, reports a bad line by number and keeps binary bytes exact', async () => {
    const topic = uniqueTopic('produce-file');
    await createTopic(bed, { topic, partitions: 2 });
    const binary = Uint8Array.of(0xff, 0xfe, 0x00, 0x80);
    const exported = formatMessageJsonlLine({ topic: 'elsewhere', partition: 1, offset: '41', timestamp: Date.UTC(2025, 5, 1), key: bytes('bin'), value: binary, headers: [{ key: 'raw', value: Uint8Array.of(0xc3, 0x28) }] });
    const lines = [
      exported,
      '{"key": "k2", "value": {"n": 2}, "headers": {"kind": "json"}}',
      '',
      '{"key": "k3", "value": "three", "partition": 0}',
      '{"key": "k4", "vaule": "typo"}',
      '{"value": null, "key": "k5", "timestamp": 1700000000000}',
      '{"value": "v", "headers": [{"key": "nothing", "value": null}]}',
      '{"value": "v", "partition": 9}',
    ];
    const file = path.join(tempDir, 'input.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);

    const { summary, progress } = await produceFile({ topic, partition: 'file', keepTimestamps: true, compression: 'zstd' }, file);
    expect(summary).toMatchObject({ path: file, lines: 8, produced: 4, failed: 3 });
    expect(summary.errors).toEqual([
      { line: 5, message: 'unknown field "vaule"' },
      { line: 7, message: "header 'nothing' has no value (null), which Odradek's Kafka client (kafkajs) cannot write." },
      { line: 8, message: `Topic '${topic}' has 2 partitions (0–1), so there is no partition 9.` },
    ]);
    expect(progress.at(-1)).toMatchObject({ lines: 8, produced: 4, failed: 3, bytes: Buffer.byteLength(`${lines.join('\n')}\n`) });

    const rows = await browseAll(topic);
    expect(rows.map((row) => row.key?.text).sort()).toEqual(['bin', 'k2', 'k3', 'k5']);
    const binaryRow = rows.find((row) => row.key?.text === 'bin')!;
    expect(binaryRow.partition).toBe(1);
    expect(binaryRow.timestamp).toBe(Date.UTC(2025, 5, 1));
    const stored = await fetchRecord(settings, { topic, partition: 1, offset: binaryRow.offset }, { clock: systemClock });
    expect(new Uint8Array(stored!.value!)).toEqual(binary);
    expect(new Uint8Array(stored!.headers[0]!.value!)).toEqual(Uint8Array.of(0xc3, 0x28));
    expect(rows.find((row) => row.key?.text === 'k2')?.value?.text).toBe('{"n":2}');
    expect(rows.find((row) => row.key?.text === 'k3')?.partition).toBe(0);
    const tombstone = rows.find((row) => row.key?.text === 'k5')!;
    expect(tombstone.value).toBeNull();
    expect(tombstone.timestamp).toBe(1_700_000_000_000);
  });

  it('reports a line field the mode does not use, and a partition the topic lacks by line number in every mode (issue 17)', async () => {
    const topic = uniqueTopic('produce-file-unused');
    await createTopic(bed, { topic, partitions: 3 });
    const file = path.join(tempDir, 'partitions.jsonl');
    const lines = ['{"value": "a", "partition": 2}', '{"value": "b", "partition": 99}', '{"value": "c"}', '{"value": "d", "partition": 1, "timestamp": 1700000000000}'];
    await writeFile(file, `${lines.join('\n')}\n`);
    const noPartition = `Topic '${topic}' has 3 partitions (0–2), so there is no partition 99.`;

    const byKey = await produceFile({ topic }, file);
    expect(byKey.summary).toMatchObject({ lines: 4, produced: 3, failed: 1, errors: [{ line: 2, message: noPartition }] });
    expect(byKey.summary.unused).toEqual([
      { field: 'partition', lines: 2, firstLines: [1, 4], message: expect.stringContaining('key-based mode chose each record') },
      { field: 'timestamp', lines: 1, firstLines: [4], message: expect.stringContaining('got the time it was sent') },
    ]);

    const fixed = await produceFile({ topic, partition: 1, keepTimestamps: true }, file);
    expect(fixed.summary).toMatchObject({ produced: 3, failed: 1, errors: [{ line: 2, message: noPartition }] });
    // Line 4 asks for partition 1, which is where everything went: only line 1 was routed otherwise.
    expect(fixed.summary.unused).toEqual([{ field: 'partition', lines: 1, firstLines: [1], message: expect.stringContaining('every record went to partition 1') }]);

    const asWritten = await produceFile({ topic, partition: 'file', keepTimestamps: true }, file);
    expect(asWritten.summary).toMatchObject({ produced: 3, failed: 1, errors: [{ line: 2, message: noPartition }], unused: [] });

    const rows = await browseAll(topic);
    expect(rows.filter((row) => row.value?.text === 'a').map((row) => row.partition).sort()).toEqual(expect.arrayContaining([1, 2]));
    expect(rows.filter((row) => row.value?.text === 'b')).toEqual([]);

    await expect(produceFile({ topic, partition: 7 }, file)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('there is no partition 7. Nothing was produced.') });
  });

  it('produces thousands of lines in batches and does nothing when the dialog is cancelled', async () => {
    const topic = uniqueTopic('produce-file-many');
    await createTopic(bed, { topic, partitions: 3 });
    const file = path.join(tempDir, 'many.jsonl');
    await writeFile(file, Array.from({ length: 5_000 }, (_, index) => JSON.stringify({ key: `k${index}`, value: { index } })).join('\n'));
    const { summary, progress } = await produceFile({ topic, compression: 'lz4' }, file);
    expect(summary).toMatchObject({ produced: 5_000, failed: 0, lines: 5_000 });
    expect(progress.length).toBeGreaterThan(2);
    expect((await browseAll(topic)).length).toBe(5_000);

    expect((await produceFile({ topic }, null)).summary).toEqual({ path: null, lines: 0, produced: 0, failed: 0, errors: [], unused: [] });
  });

  it('stops reading at cancel: what was sent stays, the rest of the file is not produced', async () => {
    const topic = uniqueTopic('produce-file-cancel');
    await createTopic(bed, { topic });
    const file = path.join(tempDir, 'cancel.jsonl');
    const total = 50_000;
    await writeFile(file, Array.from({ length: total }, (_, index) => JSON.stringify({ value: `line ${index}` })).join('\n'));
    const { summary } = await produceFile({ topic }, file, (progress, cancel) => progress.produced >= 1_000 && cancel());
    expect(summary.produced).toBeGreaterThanOrEqual(1_000);
    expect(summary.produced).toBeLessThan(total);
    expect((await browseAll(topic)).length).toBe(summary.produced);
  });
});

describe('messages:reproduce', () => {
  it('copies key, value and headers byte for byte to the same topic and to another one', async () => {
    const source = uniqueTopic('reproduce-source');
    const target = uniqueTopic('reproduce-target');
    await createTopic(bed, { topic: source, partitions: 2 });
    await createTopic(bed, { topic: target, partitions: 2 });
    const file = path.join(tempDir, 'binary.jsonl');
    const original = { key: Uint8Array.of(0x00, 0xff), value: Uint8Array.of(0xde, 0xad, 0xbe, 0xef), headers: [{ key: 'h', value: Uint8Array.of(0x80) }, { key: 'empty', value: new Uint8Array(0) }] };
    await writeFile(file, formatMessageJsonlLine({ topic: source, partition: 1, offset: '0', timestamp: 1_600_000_000_000, ...original }));
    await produceFile({ topic: source, partition: 1, keepTimestamps: true }, file);
    const at = { topic: source, partition: 1, offset: '0' };

    const same = await call('messages:reproduce', { profileId: 'full', source: at, targetTopic: source, partition: 'same', keepTimestamp: true });
    expect(same).toMatchObject({ topic: source, partition: 1, offset: '1', timestamp: 1_600_000_000_000 });
    const other = await call('messages:reproduce', { profileId: 'full', source: at, targetTopic: target, partition: 0, headers: [{ key: 'h', value: 'replaced' }, { key: 'added', value: 'yes' }] });
    expect(other).toMatchObject({ topic: target, partition: 0, offset: '0' });
    expect(other.timestamp).not.toBe(1_600_000_000_000);

    const copy = await fetchRecord(settings, { topic: source, partition: 1, offset: '1' }, { clock: systemClock });
    expect(new Uint8Array(copy!.key!)).toEqual(original.key);
    expect(new Uint8Array(copy!.value!)).toEqual(original.value);
    expect(copy!.headers.map((header) => [header.key, header.value === null ? null : [...header.value]])).toEqual([
      ['h', [0x80]],
      ['empty', []],
    ]);
    expect(copy!.timestamp).toBe(1_600_000_000_000);

    const moved = await fetchRecord(settings, { topic: target, partition: 0, offset: '0' }, { clock: systemClock });
    expect(new Uint8Array(moved!.value!)).toEqual(original.value);
    expect(moved!.headers.map((header) => [header.key, header.value?.toString() ?? null])).toEqual([
      ['empty', ''],
      ['h', 'replaced'],
      ['added', 'yes'],
    ]);

    const gone = await failureOf('messages:reproduce', { profileId: 'full', source: { ...at, offset: '99' }, targetTopic: target });
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.message).toContain(`offset 99 of partition 1 of '${source}'`);
  });
});
