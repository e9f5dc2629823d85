// Producing: one message typed in the app, many from a JSON Lines file, or a copy of a stored message.
// Every entry point checks the profile allows 'produce' here in main. A producer lives for one request
// and is closed after it. Re-produce reads the original bytes itself: they never come from the renderer.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import kafkajs, { type IHeaders, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import {
  findJsonProblem,
  parseProduceLine,
  PRODUCE_FILE_ERRORS_KEPT,
  PRODUCE_FILE_UNUSED_LINES_KEPT,
  type AckMode,
  type CompressionType,
  type ProduceFileProgress,
  type ProduceFileRequest,
  type ProduceFileSummary,
  type ProduceLineRecord,
  type ProducePreviewRequest,
  type ProducePreviewResult,
  type SchemaChoice,
  type ProduceRequest,
  type ProduceResult,
  type ReproduceRequest,
} from '../../../../shared/domain/messages/produce-request';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { registerCompressionCodecs } from '../kafka/protocol/compression-codecs';
import type { FileDialogs } from '../policy-workspace-service';
import type { Clock } from '../ports';
import { describeKafkaFailure, kafkaErrorType, principalOf } from '../topics/kafka-error-words';
import { assertActionAllowed } from '../topics/topic-service';
import { fetchRecord } from './fetch-message';
import { bytesToHex } from '../../../../shared/domain/decoders/binary';
import { SchemaValidationError, errorMessage } from '../../../../shared/domain/decoders/schema-codec';
import type { MessageDecoding } from '../decoding/message-decoding';
import { encodeWithSchema, type CompiledSchema } from '../decoding/registry-codecs';

// Default imports: kafkajs is CommonJS, and Node's ESM loader cannot see its named exports.
const { CompressionTypes, Partitioners } = kafkajs;

/** Records per send and bytes per send in a bulk produce; brokers refuse requests past max.request.size-like limits. */
const FILE_BATCH_RECORDS = 500;
const FILE_BATCH_BYTES = 512 * 1024;
/** Sends awaiting the broker at once in a bulk produce: enough to hide round trips, few enough to bound memory. */
const FILE_SENDS_IN_FLIGHT = 4;
/** The producer's own retries; an idempotent kafkajs producer would otherwise retry forever. */
const PRODUCER_RETRIES = 5;

const compressionCodes: Record<CompressionType, number> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};
const ackCodes: Record<AckMode, number> = { all: -1, leader: 1, none: 0 };

/** Refusals only a producer meets, in plain words; the rest go through describeKafkaFailure. */
const produceWordings: Record<string, { code: 'INVALID_INPUT' | 'KAFKA_ERROR' | 'NOT_ALLOWED'; words: string }> = {
  MESSAGE_TOO_LARGE: { code: 'INVALID_INPUT', words: "the message is larger than the topic's max.message.bytes (or the broker's message.max.bytes)" },
  RECORD_LIST_TOO_LARGE: { code: 'INVALID_INPUT', words: 'the batch is larger than the broker accepts' },
  INVALID_RECORD: { code: 'INVALID_INPUT', words: 'the broker refused the record (a compacted topic needs a key)' },
  CORRUPT_MESSAGE: { code: 'INVALID_INPUT', words: 'the broker could not read the record batch' },
  NOT_ENOUGH_REPLICAS: { code: 'KAFKA_ERROR', words: 'fewer in-sync replicas than min.insync.replicas, so acks=all cannot be met' },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: { code: 'KAFKA_ERROR', words: 'the record was written but fewer in-sync replicas than min.insync.replicas confirmed it' },
  UNSUPPORTED_COMPRESSION_TYPE: { code: 'INVALID_INPUT', words: 'the broker does not support this compression' },
  // InitProducerId: since Kafka 3.0 WRITE on any topic (or IDEMPOTENT_WRITE on the cluster) allows it.
  CLUSTER_AUTHORIZATION_FAILED: { code: 'NOT_ALLOWED', words: 'not authorized to write (an idempotent producer needs WRITE on a topic or IDEMPOTENT_WRITE on the cluster)' },
};

export interface ProduceServiceDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  factory: KafkaClientFactory;
  clock: Clock;
  dialogs: Pick<FileDialogs, 'chooseOpenPath'>;
  /** The profile's registry codecs, for values and keys encoded with a schema. */
  decoding?: MessageDecoding;
}

interface Delivery {
  compression: CompressionType;
  acks: AckMode;
  idempotent: boolean;
}

type Send = (messages: Message[]) => Promise<RecordMetadata[]>;

export function createProduceService(deps: ProduceServiceDeps) {
  const authorize = async (profileId: string) => {
    assertActionAllowed(await deps.profiles.get(profileId), 'produce');
    return deps.profiles.resolveConnection(profileId);
  };

  /**
   * A producer for one request, told the topic's partition count first: kafkajs silently drops a
   * record for a partition the topic does not have. Failures come back as plain-word AppFailures
   * saying what was being done.
   */
  const withProducer = async <T>(settings: KafkaConnectionSettings, topic: string, delivery: Delivery, doing: () => string, work: (send: Send, partitions: number) => Promise<T>): Promise<T> => {
    registerCompressionCodecs();
    const kafka = deps.factory.create(settings);
    let producer: Producer | undefined;
    try {
      const admin = kafka.admin();
      const partitions = await admin
        .connect()
        .then(() => admin.fetchTopicMetadata({ topics: [topic] }))
        .then((metadata) => metadata.topics[0]?.partitions.length ?? 0)
        .finally(() => admin.disconnect().catch(() => undefined));
      producer = kafka.producer({
        idempotent: delivery.idempotent,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: PRODUCER_RETRIES },
        ...(delivery.idempotent ? { maxInFlightRequests: 1 } : {}),
      });
      await producer.connect();
      const connected = producer;
      const send: Send = async (messages) => {
        for (const message of messages) checkPartition(topic, message.partition, partitions);
        return connected.send({ topic, messages, acks: ackCodes[delivery.acks], compression: compressionCodes[delivery.compression] });
      };
      return await work(send, partitions);
    } catch (error) {
      throw describeProduceFailure(error, doing(), principalOf(settings));
    } finally {
      await producer?.disconnect().catch(() => undefined);
    }
  };

  const schemaFor = async (settings: KafkaConnectionSettings, choice: SchemaChoice): Promise<CompiledSchema> => {
    if (!deps.decoding) throw new AppFailure('UNSUPPORTED', 'Encoding with a schema needs the Schema Registry client, which this build does not have.');
    const codecs = deps.decoding.requireCodecs(settings);
    return codecs.bySubjectVersion(choice.subject, choice.version);
  };

  /** The JSON text encoded with the chosen schema; every problem is listed before anything is sent. */
  const encodePart = async (settings: KafkaConnectionSettings, part: 'key' | 'value', text: string, choice: SchemaChoice): Promise<Buffer> => {
    const compiled = await schemaFor(settings, choice);
    const where = `${choice.subject} version ${compiled.description.version ?? choice.version} (schema ${compiled.id}, ${compiled.description.type})`;
    try {
      const bytes = encodeWithSchema(compiled, JSON.parse(text) as unknown, choice.messageType === undefined ? {} : { messageType: choice.messageType });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof SchemaValidationError) {
        throw new AppFailure('INVALID_INPUT', `The ${part} does not match ${where}; nothing was produced. ${error.problems.join('; ')}.`, { problems: error.problems });
      }
      throw new AppFailure('INVALID_INPUT', `The ${part} cannot be encoded with ${where}: ${errorMessage(error)}; nothing was produced.`);
    }
  };

  const resultOf = (topic: string, metadata: RecordMetadata[], partition: number | null, timestamp: number): ProduceResult => {
    const [first] = metadata;
    return { topic, partition: first?.partition ?? partition, offset: first?.baseOffset ?? null, timestamp };
  };

  return {
    async produce(request: ProduceRequest): Promise<ProduceResult> {
      const settings = await authorize(request.profileId);
      const key = request.keySchema && request.key !== null ? await encodePart(settings, 'key', request.key, request.keySchema) : request.key;
      const value = request.valueFormat === 'schema' && request.valueSchema && request.value !== null ? await encodePart(settings, 'value', request.value, request.valueSchema) : request.value;
      const timestamp = deps.clock.now();
      const message: Message = {
        key,
        value,
        timestamp: String(timestamp),
        headers: toKafkaHeaders(request.headers),
        ...(request.partition === null ? {} : { partition: request.partition }),
      };
      const metadata = await withProducer(settings, request.topic, request, () => `Producing to '${request.topic}'`, (send) => send([message]));
      return resultOf(request.topic, metadata, request.partition, timestamp);
    },

    /** Checks text against a schema as `produce` would encode it, without producing. */
    async preview(request: ProducePreviewRequest): Promise<ProducePreviewResult> {
      const settings = await authorize(request.profileId);
      const compiled = await schemaFor(settings, request.schema);
      const base = {
        schemaId: compiled.id,
        subject: request.schema.subject,
        version: compiled.description.version ?? (typeof request.schema.version === 'number' ? request.schema.version : null),
        type: compiled.description.type,
        ...(request.schema.messageType === undefined ? {} : { messageType: request.schema.messageType }),
      };
      const problem = findJsonProblem(request.text);
      if (problem) return { ...base, problems: [`The ${request.part} must be JSON: ${problem.message}`], size: null, hexPreview: null };
      const options = request.schema.messageType === undefined ? {} : { messageType: request.schema.messageType };
      const value = JSON.parse(request.text) as unknown;
      const problems = compiled.codec.validate(value, options);
      if (problems.length > 0) return { ...base, problems, size: null, hexPreview: null };
      const bytes = encodeWithSchema(compiled, value, options);
      return { ...base, problems: [], size: bytes.length, hexPreview: bytesToHex(bytes.subarray(0, 64)) };
    },

    async reproduce(request: ReproduceRequest): Promise<ProduceResult> {
      const settings = await authorize(request.profileId);
      const { source } = request;
      const where = `offset ${source.offset} of partition ${source.partition} of '${source.topic}'`;
      const record = await fetchRecord(settings, source, { clock: deps.clock }).catch((error: unknown) => {
        throw describeKafkaFailure(error, `Reading the message at ${where}`, principalOf(settings));
      });
      if (!record) throw new AppFailure('NOT_FOUND', `There is no message at ${where} any more (retention or compaction removed it); nothing was produced.`);
      const overridden = new Set(request.headers.map((header) => header.key));
      const headers = [...record.headers.filter((header) => !overridden.has(header.key)), ...request.headers.map((header) => ({ key: header.key, value: Buffer.from(header.value) }))];
      const partition = request.partition === 'same' ? source.partition : request.partition === 'key' ? null : request.partition;
      const timestamp = request.keepTimestamp ? record.timestamp : deps.clock.now();
      const message: Message = {
        key: record.key,
        value: record.value,
        timestamp: String(timestamp),
        headers: toKafkaHeaders(headers, (key) => `The message's header '${key}'`, ' Give that header a value to re-produce the message; nothing was produced.'),
        ...(partition === null ? {} : { partition }),
      };
      const metadata = await withProducer(settings, request.targetTopic, request, () => `Re-producing the message at ${where} to '${request.targetTopic}'`, (send) => send([message]));
      return resultOf(request.targetTopic, metadata, partition, timestamp);
    },

    /**
     * Produces every line of a JSON Lines file the user picks. A bad line is counted, reported with
     * its number (the first PRODUCE_FILE_ERRORS_KEPT of them) and skipped, so one typo does not cost
     * a long run; a refusal from Kafka stops the run, since every later batch would meet it too.
     */
    async produceFile(request: ProduceFileRequest, sink: StreamSink<never, ProduceFileProgress>): Promise<ProduceFileSummary> {
      const settings = await authorize(request.profileId);
      const path = await deps.dialogs.chooseOpenPath('produce-input');
      if (path === null) return { path: null, lines: 0, produced: 0, failed: 0, errors: [], unused: [] };
      const totalBytes = await stat(path).then(
        (info) => info.size,
        (error: NodeJS.ErrnoException) => {
          throw new AppFailure('NOT_FOUND', `Cannot read '${path}': ${error.code === 'ENOENT' ? 'the file does not exist' : error.message}.`);
        },
      );
      const progress = { lines: 0, produced: 0, failed: 0, bytes: 0, totalBytes };
      const errors: ProduceFileSummary['errors'] = [];
      const badLine = (line: number, message: string) => {
        progress.failed += 1;
        if (errors.length < PRODUCE_FILE_ERRORS_KEPT) errors.push({ line, message });
      };
      const unused = new Map<UnusedField, { lines: number; firstLines: number[] }>();
      const unusedField = (field: UnusedField, line: number) => {
        const entry = unused.get(field) ?? { lines: 0, firstLines: [] };
        entry.lines += 1;
        if (entry.firstLines.length < PRODUCE_FILE_UNUSED_LINES_KEPT) entry.firstLines.push(line);
        unused.set(field, entry);
      };
      let firstLineOfBatch = 1;
      let sending = 'the first lines';

      await withProducer(settings, request.topic, request, () => `Producing ${sending} of '${path}' to '${request.topic}' (${progress.produced} records were produced before this)`, async (send, partitions) => {
        // One partition for every line: a wrong number is one error, not one per line.
        if (typeof request.partition === 'number') checkPartition(request.topic, request.partition, partitions, ' Nothing was produced.');
        const inFlight = new Set<Promise<void>>();
        const partitioner = Partitioners.DefaultPartitioner();
        let failure: unknown;
        let batch: Message[] = [];
        let batchBytes = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const messages = batch;
          const range = `lines ${firstLineOfBatch}–${progress.lines}`;
          batch = [];
          batchBytes = 0;
          firstLineOfBatch = progress.lines + 1;
          for (const group of byPartition(messages, partitioner, request.topic, partitions)) {
            const pending: Promise<void> = send(group).then(
              () => {
                progress.produced += group.length;
                sink.progress({ ...progress });
              },
              (error: unknown) => {
                if (failure === undefined) {
                  failure = error;
                  sending = range;
                }
              },
            );
            const tracked = pending.finally(() => inFlight.delete(tracked));
            inFlight.add(tracked);
            if (inFlight.size >= FILE_SENDS_IN_FLIGHT) await Promise.race(inFlight);
          }
        };

        const input = createReadStream(path);
        const lines = createInterface({ input, crlfDelay: Infinity });
        try {
          for await (const raw of lines) {
            if (sink.signal.aborted || failure !== undefined) break;
            progress.lines += 1;
            progress.bytes += Buffer.byteLength(raw) + 1;
            // A byte-order mark some editors write is not part of the first record.
            const text = (progress.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
            if (text === '') continue;
            let record: ProduceLineRecord;
            try {
              record = parseProduceLine(text);
            } catch (error) {
              badLine(progress.lines, (error as Error).message);
              continue;
            }
            let message: Message;
            try {
              // The line's own partition must exist in every mode, even one that will not use it.
              checkPartition(request.topic, record.partition, partitions);
              message = toFileMessage(record, request, deps.clock.now());
            } catch (error) {
              badLine(progress.lines, (error as Error).message);
              continue;
            }
            for (const field of unusedFields(record, request)) unusedField(field, progress.lines);
            batch.push(message);
            batchBytes += (record.key?.length ?? 0) + (record.value?.length ?? 0) + record.headers.reduce((sum, header) => sum + header.key.length + (header.value?.length ?? 0), 0);
            if (batch.length >= FILE_BATCH_RECORDS || batchBytes >= FILE_BATCH_BYTES) await flush();
          }
          if (!sink.signal.aborted && failure === undefined) await flush();
          await Promise.all(inFlight);
        } finally {
          lines.close();
          input.destroy();
        }
        if (failure !== undefined) throw failure;
        sink.progress({ ...progress });
      });
      const unusedReport = [...unused].map(([field, entry]) => ({ field, ...entry, message: unusedMessage(field, request) }));
      return { path, lines: progress.lines, produced: progress.produced, failed: progress.failed, errors, unused: unusedReport };
    },
  };
}

export type ProduceService = ReturnType<typeof createProduceService>;

/**
 * Splits a batch into one send per partition, partitioned as kafkajs' default partitioner would. kafkajs
 * splits a multi-partition send into one request per leader and, when a leader dies, retries only the
 * brokers that have not answered yet: a partition that moved to a broker which already answered is never
 * sent again, and the send resolves as if it had been (698 of 20,000 records lost across a kill -9 on the
 * three-node bed, test/integration/faults-browse.test.ts). With one partition per send, the retry always
 * goes to the partition's new leader.
 */
function byPartition(messages: Message[], partitioner: ReturnType<typeof Partitioners.DefaultPartitioner>, topic: string, partitions: number): Message[][] {
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
  const groups = new Map<number, Message[]>();
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    const group = groups.get(partition) ?? [];
    group.push({ ...message, partition });
    groups.set(partition, group);
  }
  return [...groups.values()];
}

function toFileMessage(record: ProduceLineRecord, request: ProduceFileRequest, now: number): Message {
  const partition = typeof request.partition === 'number' ? request.partition : request.partition === 'file' ? record.partition : undefined;
  const timestamp = request.keepTimestamps && record.timestamp !== undefined ? record.timestamp : now;
  return {
    key: bufferOf(record.key),
    value: bufferOf(record.value),
    timestamp: String(timestamp),
    headers: toKafkaHeaders(
      record.headers.map((header) => ({ key: header.key, value: bufferOf(header.value) })),
      (key) => `header '${key}'`,
    ),
    ...(partition === undefined ? {} : { partition }),
  };
}

type UnusedField = ProduceFileSummary['unused'][number]['field'];

/** Fields of a line the request's mode routes or stamps differently from what the line says. */
function unusedFields(record: ProduceLineRecord, request: ProduceFileRequest): UnusedField[] {
  const fields: UnusedField[] = [];
  if (record.partition !== undefined && request.partition !== 'file' && record.partition !== request.partition) fields.push('partition');
  if (record.timestamp !== undefined && !request.keepTimestamps) fields.push('timestamp');
  return fields;
}

function unusedMessage(field: UnusedField, request: ProduceFileRequest): string {
  if (field === 'timestamp') return "These lines' timestamp was not used: each record got the time it was sent (keep the lines' timestamps to use them).";
  if (request.partition === 'key') {
    return "These lines' partition was not used: key-based mode chose each record's partition from its key (spread when keyless). Choose each line's partition to route them as written.";
  }
  return `These lines name another partition, which was not used: every record went to partition ${String(request.partition)}. Choose each line's partition to route them as written.`;
}

const bufferOf = (bytes: Uint8Array | null): Buffer | null => (bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** kafkajs silently drops a record for a partition the topic does not have, so it is refused here first. */
function checkPartition(topic: string, partition: number | undefined, partitions: number, hint = ''): void {
  if (partition === undefined || partition < partitions) return;
  throw new AppFailure('INVALID_INPUT', `Topic '${topic}' has ${partitions} partition${partitions === 1 ? '' : 's'} (0–${partitions - 1}), so there is no partition ${partition}.${hint}`);
}

/** kafkajs (2.2) fails while sizing a header whose value is null, so such a header cannot be written. */
export const NULL_HEADER_UNSUPPORTED = "has no value (null), which Odradek's Kafka client (kafkajs) cannot write";

/**
 * kafkajs takes headers as an object; a repeated name becomes an array, which keeps the order per
 * name (records with one name interleaved between another's repeats come out grouped by name).
 */
function toKafkaHeaders(headers: ReadonlyArray<{ key: string; value: string | Buffer | null }>, describe = (key: string) => `Header '${key}'`, hint = ''): IHeaders {
  const grouped: Record<string, Array<string | Buffer>> = {};
  for (const { key, value } of headers) {
    if (value === null) throw new AppFailure('INVALID_INPUT', `${describe(key)} ${NULL_HEADER_UNSUPPORTED}.${hint}`);
    (grouped[key] ??= []).push(value);
  }
  return Object.fromEntries(Object.entries(grouped).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

function describeProduceFailure(error: unknown, doing: string, principal: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const type = kafkaErrorType(error);
  const wording = type ? produceWordings[type] : undefined;
  if (wording && type) return new AppFailure(wording.code, `${doing} failed: ${wording.words} for ${principal}.`, { kafkaError: type });
  return describeKafkaFailure(error, doing, principal);
}

/** The producer's channels and stream, so app-handlers.ts wires them with one line each. */
export function createProduceHandlers(deps: ProduceServiceDeps): {
  handlers: Pick<ChannelHandlers, 'messages:produce' | 'messages:reproduce' | 'messages:produce-preview'>;
  producers: Pick<StreamProducers, 'messages:produce-file'>;
} {
  const service = createProduceService(deps);
  return {
    handlers: {
      'messages:produce': (request) => service.produce(request),
      'messages:reproduce': (request) => service.reproduce(request),
      'messages:produce-preview': (request) => service.preview(request),
    },
    producers: { 'messages:produce-file': (request, sink) => service.produceFile(request, sink) },
  };
}
