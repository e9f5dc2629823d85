// Message export: the browse engine in full-record mode, written line by line to a file the user picked
// in a save dialog. Writes wait for the file to drain, so memory stays at a few fetches however large the
// export; the file appears under its name only once complete (written as `<path>.partial-<pid>`, renamed).
import { once } from 'node:events';
import { open, rename, unlink } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { PREVIEW_BYTES_DEFAULT, type BrowseProgress, type BrowseRequest } from '../../../../shared/domain/messages/browse-request';
import type { ExportFormat, ExportProgress, ExportRequest, ExportSummary } from '../../../../shared/domain/messages/export-request';
import { MESSAGE_CSV_COLUMNS, MESSAGE_CSV_DECODED_COLUMNS, toMessageCsvRow } from '../../../../shared/domain/messages/message-csv';
import { formatMessageJsonlLine, type DecodedPart, type ExportableRecord } from '../../../../shared/domain/messages/message-jsonl';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import { StreamCancelledError, type StreamSink } from '../../../../shared/ipc/stream';
import type { SchemaResolver } from '../../../../shared/domain/decoders';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import type { FileDialogs } from '../policy-workspace-service';
import { assertActionAllowed } from '../topics/topic-service';
import { browseRecords, type BrowseDeps } from './browse-messages';
import { decodedPartOf } from './record-rows';

export interface ExportDeps extends BrowseDeps {
  profiles: {
    get(id: string): Promise<Pick<ConnectionProfile, 'name' | 'safety'>>;
    resolveConnection(id: string): Promise<KafkaConnectionSettings>;
  };
  dialogs: Pick<FileDialogs, 'chooseSavePath'>;
  /** The profile's registry decoder, for `decode` exports; undefined when it names no registry. */
  schemaResolverFor?: (settings: KafkaConnectionSettings) => SchemaResolver | undefined;
  /** Names the partial file, so two app instances never write the same one. */
  pid?: number;
}

export type ExportSink = StreamSink<never, ExportProgress>;

/** Large enough that a typical record is one write; a bigger one simply waits for 'drain'. */
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** Few, because a record may be large: the CSV writer's queue is bounded in records, not bytes. */
const CSV_QUEUED_RECORDS = 4;
/**
 * Newest-first holds matching records per partition before writing them (see browse-messages.ts); full
 * values make each one far heavier than a preview row, so hold fewer.
 */
const NEWEST_FIRST_MAX_HELD_RECORDS = 1_000;

const extensions: Record<ExportFormat, string> = { jsonl: '.jsonl', csv: '.csv' };

export function suggestedExportName(topic: string, format: ExportFormat, now: number): string {
  return `${topic}-${new Date(now).toISOString().slice(0, 10)}${extensions[format]}`;
}

export async function exportMessages(request: ExportRequest, sink: ExportSink, deps: ExportDeps): Promise<ExportSummary> {
  // Refused before the dialog: a profile without export-data never gets as far as choosing a file.
  assertActionAllowed(await deps.profiles.get(request.profileId), 'export-data');
  const settings = await deps.profiles.resolveConnection(request.profileId);
  const resolver = deps.schemaResolverFor?.(settings);
  if (request.decode && !resolver) {
    throw new AppFailure('INVALID_INPUT', `Profile '${settings.name}' has no Schema Registry to decode with; export without decoding, or add the registry to the profile.`);
  }
  const path = await deps.dialogs.chooseSavePath('message-export', suggestedExportName(request.topic, request.format, deps.clock.now()));
  if (path === null) return { path: null, cancelled: true, scanned: 0, written: 0, bytes: 0 };
  if (sink.signal.aborted) throw new StreamCancelledError();

  const partialPath = `${path}.partial-${deps.pid ?? process.pid}`;
  const handle = await open(partialPath, 'wx').catch((error: unknown) => {
    throw new AppFailure('INVALID_INPUT', `Cannot write the export next to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  });
  const file = handle.createWriteStream({ highWaterMark: WRITE_BUFFER_BYTES });
  const source = openEncoder(request.format, request.decode);
  const written = pipeline(source.stream, file);
  // Until awaited below, a failed pipeline is seen by the writes (their 'drain' wait rejects), not as unhandled.
  written.catch(() => undefined);
  let count = 0;
  const newestFirst = request.direction === 'newest-first';
  const progressOf = (scanned: number): ExportProgress => ({ scanned, written: count, bytes: file.bytesWritten });

  try {
    const summary = await browseRecords(
      settings,
      toBrowseRequest(request),
      {
        signal: sink.signal,
        phase: (phase, message) => sink.phase(phase, message),
        progress: (progress: BrowseProgress) => sink.progress(progressOf(progress.scanned)),
        async batch(records: ExportableRecord[]) {
          for (const record of records) {
            if (sink.signal.aborted) throw new StreamCancelledError();
            if (!source.write(record)) await once(source.stream, 'drain', { signal: sink.signal });
            count += 1;
          }
        },
      },
      newestFirst ? { ...deps, tuning: { maxHeldRows: NEWEST_FIRST_MAX_HELD_RECORDS, ...deps.tuning } } : deps,
      {
        toRow: (partition, record) => {
          const exported: ExportableRecord = {
            topic: request.topic,
            partition,
            offset: record.offset.toString(),
            timestamp: record.timestamp,
            // Fetched bytes are views into the whole fetch response: copies keep held records from pinning it.
            key: newestFirst ? copyOf(record.key) : record.key,
            value: newestFirst ? copyOf(record.value) : record.value,
            headers: newestFirst ? record.headers.map((header) => ({ key: header.key, value: copyOf(header.value) })) : record.headers,
          };
          return request.decode && resolver ? withDecodedParts(exported, resolver) : exported;
        },
        weight: (record) => 128 + (record.key?.length ?? 0) + (record.value?.length ?? 0) + record.headers.reduce((sum, header) => sum + header.key.length + (header.value?.length ?? 0), 0),
      },
    );
    source.stream.end();
    await written;
    await rename(partialPath, path);
    const final = progressOf(summary.scanned);
    sink.progress(final);
    return { ...final, path, cancelled: false };
  } catch (error) {
    source.stream.destroy();
    await written.catch(() => undefined);
    await unlink(partialPath).catch(() => undefined);
    if (sink.signal.aborted) throw new StreamCancelledError();
    throw error;
  }
}

export interface RecordEncoder {
  stream: Writable & NodeJS.ReadableStream;
  /** False when the caller should wait for 'drain' before writing more. */
  write(record: ExportableRecord): boolean;
}

export function openEncoder(format: ExportFormat, decoded = false): RecordEncoder {
  if (format === 'csv') {
    // Rows go in as objects, so the writable side counts records, not bytes.
    const columns = decoded ? [...MESSAGE_CSV_COLUMNS, ...MESSAGE_CSV_DECODED_COLUMNS] : [...MESSAGE_CSV_COLUMNS];
    const csv = stringify({ header: true, columns, writableHighWaterMark: CSV_QUEUED_RECORDS, readableHighWaterMark: WRITE_BUFFER_BYTES });
    return { stream: csv, write: (record) => csv.write(toMessageCsvRow(record, decoded)) };
  }
  const lines = new PassThrough({ highWaterMark: WRITE_BUFFER_BYTES });
  return { stream: lines, write: (record) => lines.write(`${formatMessageJsonlLine(record)}\n`) };
}

/** The record with its registry-encoded key and value decoded beside the bytes; synchronous once their schemas are loaded. */
function withDecodedParts(record: ExportableRecord, resolver: SchemaResolver): ExportableRecord | Promise<ExportableRecord> {
  const key = decodedPartOf(record.key, resolver);
  const value = decodedPartOf(record.value, resolver);
  const finish = (keyDecoded: DecodedPart | undefined, valueDecoded: DecodedPart | undefined): ExportableRecord => ({
    ...record,
    ...(keyDecoded ? { keyDecoded } : {}),
    ...(valueDecoded ? { valueDecoded } : {}),
  });
  if (key instanceof Promise || value instanceof Promise) return Promise.all([key, value]).then(([k, v]) => finish(k, v));
  return finish(key, value);
}

const copyOf = (bytes: Buffer | null) => (bytes === null ? null : Buffer.from(bytes));

function toBrowseRequest(request: ExportRequest): BrowseRequest {
  return {
    profileId: request.profileId,
    topic: request.topic,
    partitions: request.partitions,
    start: request.start,
    direction: request.direction,
    filters: request.filters,
    limit: request.limit ?? Number.POSITIVE_INFINITY,
    liveTail: false,
    // Unused: export maps records itself and writes every byte.
    previewBytes: PREVIEW_BYTES_DEFAULT,
  };
}
