// Fetched records to the rows the renderer shows: every part decoded for display and cut to the preview size.
import { CONFLUENT_HEADER_BYTES, decodePayload, type ConfluentWireFormat, parseConfluentWireFormat, withSchemaOutcome, type DecodeOptions, type DecodedPayload, type SchemaResolver } from '../../../../shared/domain/decoders';
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';
import { StreamCancelledError } from '../../../../shared/ipc/stream';
import type { DecodedPart } from '../../../../shared/domain/messages/message-jsonl';
import type { FetchedRecord } from '../kafka/protocol/fetch-cluster';
import { bufferEncoders } from './buffer-encoders';

export function recordSize(record: FetchedRecord): { key: number; value: number; headers: number; total: number } {
  const key = record.key?.length ?? 0;
  const value = record.value?.length ?? 0;
  let headers = 0;
  for (const header of record.headers) headers += header.key.length + (header.value?.length ?? 0);
  return { key, value, headers, total: key + value + headers };
}

/** The options object for a preview size, shared by every row of a browse rather than one per record. */
let lastOptions: DecodeOptions = { maxPreviewBytes: 0, encoders: bufferEncoders };
function previewOptions(previewBytes: number): DecodeOptions {
  if (lastOptions.maxPreviewBytes !== previewBytes) lastOptions = { maxPreviewBytes: previewBytes, encoders: bufferEncoders };
  return lastOptions;
}

export function toRow(partition: number, record: FetchedRecord, previewBytes: number, sizes = recordSize(record)): BrowseRow {
  const options = previewOptions(previewBytes);
  const key = decodeNullable(record.key, options);
  const value = decodeNullable(record.value, options);
  const headers = record.headers.length === 0 ? [] : decodeHeaders(record.headers, options);
  const truncated = Boolean(key?.truncated || value?.truncated) || anyHeaderTruncated(headers);
  return {
    partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    key,
    value,
    headers,
    sizes,
    truncated,
  };
}

function decodeHeaders(headers: FetchedRecord['headers'], options: DecodeOptions): BrowseRow['headers'] {
  const decoded: BrowseRow['headers'] = [];
  for (const header of headers) decoded.push({ key: header.key, value: decodeNullable(header.value, options) });
  return decoded;
}

function anyHeaderTruncated(headers: BrowseRow['headers']): boolean {
  for (const header of headers) if (header.value?.truncated) return true;
  return false;
}

function decodeNullable(bytes: Buffer | null, options: DecodeOptions): DecodedPayload | null {
  return bytes === null ? null : decodePayload(bytes, options);
}

/** Roughly what a row costs to hold and send, for sizing batches. */
export function rowWeight(row: BrowseRow): number {
  let weight = 128 + (row.key?.text.length ?? 0) + (row.value?.text.length ?? 0);
  for (const header of row.headers) weight += header.key.length + (header.value?.text.length ?? 0);
  return weight;
}

/** The registry ids a record's key and value name (Confluent wire format), for loading them before decoding. */
export function schemaIdsOf(record: FetchedRecord): number[] {
  const ids: number[] = [];
  const key = record.key && parseConfluentWireFormat(record.key);
  const value = record.value && parseConfluentWireFormat(record.value);
  if (key) ids.push(key.schemaId);
  if (value && value.schemaId !== key?.schemaId) ids.push(value.schemaId);
  return ids;
}

/**
 * A row whose registry-encoded key and value are decoded by the resolver: the readable value with its
 * schema, or the raw bytes with the reason. Such parts skip the auto-detection (base64 and hex of
 * bytes that are about to be replaced cost more than decoding them). Synchronous when every id the
 * record names is loaded, the case for all but the first record with a new id.
 */
export function toDecodedRow(
  partition: number,
  record: FetchedRecord,
  previewBytes: number,
  sizes: ReturnType<typeof recordSize>,
  resolver: SchemaResolver,
  /** The browsing view's: closing it aborts the schema fetches only it waits for. */
  signal?: AbortSignal,
): BrowseRow | Promise<BrowseRow> {
  const options = previewOptions(previewBytes);
  const keyWire = record.key && parseConfluentWireFormat(record.key);
  const valueWire = record.value && parseConfluentWireFormat(record.value);
  if ((keyWire && !resolver.ready(keyWire.schemaId)) || (valueWire && !resolver.ready(valueWire.schemaId))) {
    return Promise.all(schemaIdsOf(record).map((id) => resolver.load(id, signal))).then(() => {
      // Cancelled while the schema loaded: the fetch was abandoned, so the id is not ready; stop here.
      if (signal?.aborted) throw new StreamCancelledError();
      return toDecodedRow(partition, record, previewBytes, sizes, resolver, signal);
    });
  }
  const key = resolvedPart(record.key, keyWire || null, resolver, options);
  const value = resolvedPart(record.value, valueWire || null, resolver, options);
  const headers = record.headers.length === 0 ? [] : decodeHeaders(record.headers, options);
  const truncated = Boolean(key?.truncated || value?.truncated) || anyHeaderTruncated(headers);
  return { partition, offset: record.offset.toString(), timestamp: record.timestamp, timestampType: record.timestampType, key, value, headers, sizes, truncated };
}

/** One part of a decoded row (a module function, not a closure per record: this runs for every record browsed). */
function resolvedPart(bytes: Buffer | null, wire: ConfluentWireFormat | null, resolver: SchemaResolver, options: DecodeOptions): DecodedPayload | null {
  if (bytes === null) return null;
  if (!wire) return decodePayload(bytes, options);
  const outcome = resolver.decodeText ? resolver.decodeText(wire.schemaId, wire.payload) : resolver.decode(wire.schemaId, wire.payload);
  // Ready ids always answer; undefined would mean the failure memory expired in between: show the bytes as they are.
  return outcome === undefined ? decodePayload(bytes, options) : withSchemaOutcome(bytes, wire.schemaId, outcome, options);
}

/**
 * Replaces the auto-detected key and value of registry-encoded parts with what the resolver decodes
 * (for a row built already, as fetching one message does).
 */
export function applySchemaResolver(row: BrowseRow, record: FetchedRecord, resolver: SchemaResolver, previewBytes: number): BrowseRow | Promise<BrowseRow> {
  if (!row.key?.schema && !row.value?.schema) return row;
  const decodePart = (decoded: DecodedPayload | null, bytes: Buffer | null): DecodedPayload | null | undefined => {
    if (!decoded?.schema || bytes === null) return decoded;
    const outcome = resolver.decode(decoded.schema.schemaId, bytes.subarray(CONFLUENT_HEADER_BYTES));
    return outcome === undefined ? undefined : withSchemaOutcome(bytes, decoded.schema.schemaId, outcome, { maxPreviewBytes: previewBytes });
  };
  const key = decodePart(row.key, record.key);
  const value = decodePart(row.value, record.value);
  if (key !== undefined && value !== undefined) return finishRow(row, key, value);
  return Promise.all(schemaIdsOf(record).map((id) => resolver.load(id))).then(() => applySchemaResolver(row, record, resolver, previewBytes));
}

function finishRow(row: BrowseRow, key: DecodedPayload | null, value: DecodedPayload | null): BrowseRow {
  const truncated = Boolean(key?.truncated || value?.truncated || row.headers.some((header) => header.value?.truncated));
  return { ...row, key, value, truncated };
}

/** A registry-encoded part decoded for export (undefined for parts without the header); a promise only while its schema loads. */
export function decodedPartOf(bytes: Uint8Array | null, resolver: SchemaResolver): DecodedPart | undefined | Promise<DecodedPart | undefined> {
  const wire = bytes && parseConfluentWireFormat(bytes);
  if (!wire) return undefined;
  const outcome = resolver.decode(wire.schemaId, wire.payload);
  if (outcome === undefined) return resolver.load(wire.schemaId).then(() => decodedPartOf(bytes, resolver));
  if (!outcome.ok) return { schemaId: wire.schemaId, ...outcome.schema, problem: outcome.problem };
  return { schemaId: wire.schemaId, ...outcome.schema, value: outcome.value, ...(outcome.validationErrors ? { validationErrors: outcome.validationErrors } : {}) };
}
