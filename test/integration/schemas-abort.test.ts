// Issue 11: registry requests stop when the view that asked goes away. A browse decoding through the
// real Apicurio, behind a loopback front that holds schema-by-id answers back and records what it sees:
// cancelling the browse stream (what closing the view sends) aborts the pending schema fetch on the
// wire, and nothing more reaches the registry after it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { frameConfluentWireFormat } from '../../shared/domain/decoders';
import { browseRequestSchema, type BrowseProgress, type BrowseRow } from '../../shared/domain/messages/browse-request';
import { StreamCancelledError, type StreamSink } from '../../shared/ipc/stream';
import { compileAvro } from '../../electron/main/services/decoding/avro-codec';
import { createMessageDecoding } from '../../electron/main/services/decoding/message-decoding';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { browseMessages } from '../../electron/main/services/messages/browse-messages';
import { systemClock } from '../../electron/main/services/ports';
import { createRegistryClient } from '../../electron/main/services/schemas/schema-service';
import { createTopic, kafkaConfig, uniqueTopic } from '../../testbed/helpers';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';

const bed = inject('testbed');
const schema = { type: 'record', name: 'Ping', namespace: 'abort.test', fields: [{ name: 'n', type: 'int' }] };
let registry: TestRegistry;
let front: http.Server;
let frontUrl: string;
let topic: string;
/** Every request the front received, and whether the client hung up before its answer. */
const seen: Array<{ path: string; aborted: boolean; answered: boolean; closedAt: number }> = [];
let holdSchemaAnswers = true;
let schemaAsked: () => void = () => undefined;

beforeAll(async () => {
  registry = await registryForTests(bed);
  const upstream = new URL(registry.info.plain);
  front = http.createServer((request, response) => {
    const entry = { path: request.url ?? '', aborted: false, answered: false, closedAt: 0 };
    seen.push(entry);
    response.on('close', () => {
      entry.closedAt = performance.now();
      if (!response.writableFinished) entry.aborted = true;
    });
    const forward = () => {
      const proxied = http.request(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: `${upstream.pathname}${request.url}`, headers: { ...request.headers, host: upstream.host } },
        (answer) => {
          entry.answered = true;
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(proxied);
    };
    if (holdSchemaAnswers && entry.path.startsWith('/schemas/ids/')) {
      schemaAsked();
      return; // held until the client gives up
    }
    forward();
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  topic = uniqueTopic('schemas-abort');
  await createTopic(bed, { topic, partitions: 1 });
  const response = await fetch(`${registry.info.plain}/subjects/${encodeURIComponent(`${topic}-value`)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  const { id } = (await response.json()) as { id: number };
  const codec = compileAvro({ type: 'AVRO', schema: JSON.stringify(schema), references: [] });
  const producer = new kafkajs.Kafka(kafkaConfig(bed, 'plaintext', { clientId: 'schemas-abort' })).producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 20 }, (_, n) => ({ value: Buffer.from(frameConfluentWireFormat(id, codec.encode({ n }))) })) });
  await producer.disconnect();
});

afterAll(async () => {
  front?.closeAllConnections();
  await new Promise((resolve) => front?.close(resolve));
  await registry?.stop();
});

describe('registry requests and the view that asked', () => {
  it('cancelling a decoding browse aborts its pending schema fetch, and nothing more reaches the registry', async () => {
    const settings: KafkaConnectionSettings = {
      name: 'schemas-abort',
      bootstrapServers: bed.listeners.plaintext.split(','),
      tls: null,
      sasl: null,
      schemaRegistry: { id: 'abort', name: 'abort', urls: [frontUrl], auth: { kind: 'none' }, tls: null, observation: 'auto' },
    };
    const decoding = createMessageDecoding({ sourceFor: (registrySettings) => createRegistryClient(registrySettings), clock: systemClock });
    const codecs = decoding.codecsFor(settings)!;
    const view = new AbortController();
    const rows: BrowseRow[] = [];
    const sink: StreamSink<BrowseRow, BrowseProgress> = {
      signal: view.signal,
      async batch(items) {
        rows.push(...items);
      },
      progress() {},
      phase() {},
    };
    const asked = new Promise<void>((resolve) => (schemaAsked = resolve));
    const browsing = browseMessages(settings, browseRequestSchema.parse({ profileId: 'abort', topic, start: { kind: 'beginning' }, limit: 100 }), sink, { clock: systemClock, schemaResolver: codecs });
    await asked;
    const pending = seen.filter((entry) => entry.path.startsWith('/schemas/ids/'));
    expect(pending).toHaveLength(1);
    const cancelledAt = performance.now();
    view.abort(); // what the renderer's cancel (or its port closing) does to the stream's signal
    await expect(browsing).rejects.toBeInstanceOf(StreamCancelledError);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pending[0]).toMatchObject({ aborted: true, answered: false });
    // Hung up at the cancel, not at the transport's timeout (which is what happened before the abort).
    expect(pending[0]!.closedAt - cancelledAt).toBeLessThan(2_000);
    // Only the held request was ever sent: no retry, no subject/version lookups after the cancel.
    expect(seen.map((entry) => entry.path)).toEqual([pending[0]!.path]);
    expect(rows).toEqual([]);
    // The abandoned id is not remembered as a failure: the next view fetches it and decodes.
    holdSchemaAnswers = false;
    const next: BrowseRow[] = [];
    const summary = await browseMessages(settings, browseRequestSchema.parse({ profileId: 'abort', topic, start: { kind: 'beginning' }, limit: 100 }), { ...sink, signal: new AbortController().signal, batch: async (items) => void next.push(...items) }, { clock: systemClock, schemaResolver: codecs });
    expect(summary.matched).toBe(20);
    expect(next[0]!.value).toMatchObject({ kind: 'json', text: '{"n":0}', schema: { schemaId: expect.any(Number), type: 'AVRO' } });
  });
});
