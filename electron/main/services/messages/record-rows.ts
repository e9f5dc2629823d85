// Fetched records to the rows the renderer shows: every part decoded for display and cut to the preview size.
import { decodePayload, type DecodeOptions, type DecodedPayload, type SchemaResolver } from '../../../../shared/domain/decoders';
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';
import type { FetchedRecord } from '../kafka/protocol/fetch-cluster';

export function recordSize(record: FetchedRecord): { key: number; value: number; headers: number; total: number } {
  const key = record.key?.length ?? 0;
  const value = record.value?.length ?? 0;
  let headers = 0;
  for (const header of record.headers) headers += header.key.length + (header.value?.length ?? 0);
  return { key, value, headers, total: key + value + headers };
}

export function toRow(partition: number, record: FetchedRecord, previewBytes: number, sizes = recordSize(record)): BrowseRow {
  const options: DecodeOptions = { maxPreviewBytes: previewBytes };
  const key = decodeNullable(record.key, options);
  const value = decodeNullable(record.value, options);
  let truncated = Boolean(key?.truncated || value?.truncated);
  const headers = record.headers.map((header) => {
    const decoded = decodeNullable(header.value, options);
    if (decoded?.truncated) truncated = true;
    return { key: header.key, value: decoded };
  });
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

function decodeNullable(bytes: Buffer | null, options: DecodeOptions): DecodedPayload | null {
  return bytes === null ? null : decodePayload(bytes, options);
}

/** Roughly what a row costs to hold and send, for sizing batches. */
export function rowWeight(row: BrowseRow): number {
  let weight = 128 + (row.key?.text.length ?? 0) + (row.value?.text.length ?? 0);
  for (const header of row.headers) weight += header.key.length + (header.value?.text.length ?? 0);
  return weight;
}

/** Lets a Schema Registry decoder (when configured) replace the auto-detected body of registry-encoded parts. */
export async function applySchemaResolver(row: BrowseRow, record: FetchedRecord, resolver: SchemaResolver | undefined): Promise<BrowseRow> {
  if (!resolver) return row;
  const resolve = async (decoded: DecodedPayload | null, bytes: Buffer | null): Promise<DecodedPayload | null> => {
    if (!decoded?.schema || bytes === null) return decoded;
    const resolved = await resolver.decode(decoded.schema.schemaId, bytes.subarray(5));
    return resolved ? { ...decoded, ...resolved } : decoded;
  };
  return { ...row, key: await resolve(row.key, record.key), value: await resolve(row.value, record.value) };
}
