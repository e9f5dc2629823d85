// A Fetch v11 response decoder for record batches (magic 2), used instead of kafkajs' own because browsing
// decodes every record of a topic: kafkajs builds each offset and timestamp through Long strings and
// header objects by spreading, which took most of the time in the P1 benchmark. This reads the same
// wire format with Buffer methods and number arithmetic, filters aborted transactions like the Java
// consumer, and skips control batches. Legacy message sets (magic 0/1) return null: the caller then
// uses kafkajs' decoder, which handles them.
import kafkajs from 'kafkajs';
import type { FetchedRecord } from './fetch-cluster';
import { MalformedResponseError, asMalformed, checkedCount } from './malformed-response';

export { MalformedResponseError } from './malformed-response';

const { CompressionCodecs } = kafkajs;

export interface DecodedFetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: bigint;
  /** Visible records at or after the requested offset. */
  records: FetchedRecord[];
  /** Just past the last complete batch returned, or null if none was complete. */
  nextOffset: bigint | null;
}

export interface DecodedFetchResponse {
  errorCode: number;
  partitions: DecodedFetchPartition[];
}

const BATCH_HEADER_BYTES = 61;
const LOG_OVERHEAD = 12;
const COMPRESSION_MASK = 0x07;
const TIMESTAMP_TYPE_FLAG = 0x08;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;
const CONTROL_ABORT = 0;
/** Shared by every record without headers (most of them): one allocation fewer per record. */
const NO_HEADERS: FetchedRecord['headers'] = Object.freeze([]);

class Reader {
  offset = 0;
  constructor(readonly buffer: Buffer) {}
  int8() {
    return this.buffer.readInt8(this.offset++);
  }
  int16() {
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }
  int32() {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  int64() {
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }
  string(): string {
    const length = checkedCount('Fetch', this.int16(), this.buffer.length - this.offset, 1);
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  /** Zig-zag varint/varlong as a number: record deltas and lengths are far below 2^53. */
  varint(): number {
    let raw = 0;
    let scale = 1;
    for (let read = 0; ; read++) {
      const byte = this.buffer[this.offset++];
      if (byte === undefined) throw new MalformedResponseError('A varint runs past the end of the Fetch response.');
      if (read === 9) throw new MalformedResponseError('A varint in the Fetch response is longer than 10 bytes.');
      raw += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }
  bytes(length: number): Buffer | null {
    if (length < 0) return null;
    // subarray would quietly cut a length past the end: a record claiming more than there is is malformed.
    if (this.offset + length > this.buffer.length) throw new MalformedResponseError(`A record in the Fetch response claims ${length} byte(s) with ${this.buffer.length - this.offset} left.`);
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

/** Decodes a Fetch v11 response body (after the correlation id); null if any record set is a legacy message set. */
export async function decodeFetchResponseV11(raw: Buffer, requestedOffsets: Map<number, bigint>): Promise<DecodedFetchResponse | null> {
  try {
    return await decodeUnchecked(raw, requestedOffsets);
  } catch (error) {
    throw asMalformed('Fetch', error);
  }
}

async function decodeUnchecked(raw: Buffer, requestedOffsets: Map<number, bigint>): Promise<DecodedFetchResponse | null> {
  const reader = new Reader(raw);
  reader.int32(); // throttle_time_ms
  const errorCode = reader.int16();
  reader.int32(); // session_id
  const partitions: DecodedFetchPartition[] = [];
  const topicCount = reader.int32();
  for (let topic = 0; topic < topicCount; topic++) {
    reader.string();
    const partitionCount = reader.int32();
    for (let index = 0; index < partitionCount; index++) {
      const partition = reader.int32();
      const partitionError = reader.int16();
      const highWatermark = reader.int64();
      reader.int64(); // last_stable_offset
      reader.int64(); // log_start_offset
      const aborted: { producerId: bigint; firstOffset: bigint }[] = [];
      // 16 bytes per aborted transaction: a count the bytes cannot hold is refused before the loop.
      const abortedCount = Math.max(0, reader.int32());
      checkedCount('Fetch', abortedCount, raw.length - reader.offset, 16);
      for (let entry = 0; entry < abortedCount; entry++) aborted.push({ producerId: reader.int64(), firstOffset: reader.int64() });
      reader.int32(); // preferred_read_replica
      const recordSetSize = reader.int32();
      if (recordSetSize > raw.length - reader.offset) throw new MalformedResponseError(`The Fetch response claims a ${recordSetSize}-byte record set with ${raw.length - reader.offset} byte(s) left.`);
      const recordSet = recordSetSize > 0 ? reader.bytes(recordSetSize)! : Buffer.alloc(0);
      const decoded = await decodeRecordSet(recordSet, requestedOffsets.get(partition) ?? 0n, aborted);
      if (decoded === null) return null;
      partitions.push({ partition, errorCode: partitionError, highWatermark, ...decoded });
    }
  }
  return { errorCode, partitions };
}

async function decodeRecordSet(
  recordSet: Buffer,
  requestedOffset: bigint,
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[],
): Promise<{ records: FetchedRecord[]; nextOffset: bigint | null } | null> {
  const records: FetchedRecord[] = [];
  const pendingAborts = [...abortedTransactions].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<bigint>();
  let nextOffset: bigint | null = null;
  let position = 0;
  while (position + LOG_OVERHEAD <= recordSet.length) {
    const baseOffset = recordSet.readBigInt64BE(position);
    const batchLength = recordSet.readInt32BE(position + 8);
    const batchEnd = position + LOG_OVERHEAD + batchLength;
    // The broker cuts the last batch at maxBytes; it is fetched again next time.
    if (batchEnd > recordSet.length || batchLength < 5) break;
    const magic = recordSet.readInt8(position + 16);
    if (magic !== 2) return null;
    if (batchEnd < position + BATCH_HEADER_BYTES) break;
    const attributes = recordSet.readInt16BE(position + 21);
    const lastOffsetDelta = recordSet.readInt32BE(position + 23);
    const baseTimestamp = Number(recordSet.readBigInt64BE(position + 27));
    const maxTimestamp = Number(recordSet.readBigInt64BE(position + 35));
    const producerId = recordSet.readBigInt64BE(position + 43);
    const recordCount = recordSet.readInt32BE(position + 57);
    const batch = recordSet.subarray(position + BATCH_HEADER_BYTES, batchEnd);
    position = batchEnd;
    nextOffset = baseOffset + BigInt(lastOffsetDelta) + 1n;
    if (nextOffset <= requestedOffset) continue;

    const lastOffset = nextOffset - 1n;
    while (pendingAborts.length > 0 && pendingAborts[0]!.firstOffset <= lastOffset) abortedProducers.add(pendingAborts.shift()!.producerId);
    const body = await decompress(batch, attributes & COMPRESSION_MASK);
    if (attributes & CONTROL_FLAG) {
      if (recordCount > 0 && controlType(body) === CONTROL_ABORT) abortedProducers.delete(producerId);
      continue;
    }
    if (attributes & TRANSACTIONAL_FLAG && abortedProducers.has(producerId)) continue;

    const logAppendTime = (attributes & TIMESTAMP_TYPE_FLAG) !== 0;
    const reader = new Reader(body);
    // A record takes at least 7 bytes; more records than that are a lie that would loop without reading.
    if (recordCount < 0 || recordCount > body.length / 7) throw new MalformedResponseError(`A record batch claims ${recordCount} records in ${body.length} bytes.`);
    for (let index = 0; index < recordCount; index++) {
      const length = reader.varint();
      const recordEnd = reader.offset + length;
      // The record must end after it starts and inside its batch, or the next one is read from the wrong place.
      if (length < 6 || recordEnd > body.length) throw new MalformedResponseError(`A record in the Fetch response claims ${length} byte(s) (${body.length - reader.offset} left in its batch).`);
      reader.int8(); // record attributes, unused
      const timestampDelta = reader.varint();
      const offset = baseOffset + BigInt(reader.varint());
      const key = reader.bytes(reader.varint());
      const value = reader.bytes(reader.varint());
      const headerCount = reader.varint();
      if (headerCount > recordEnd - reader.offset) throw new MalformedResponseError(`A record claims ${headerCount} headers in ${recordEnd - reader.offset} bytes.`);
      let headers = NO_HEADERS;
      if (headerCount > 0) {
        const read: { key: string; value: Buffer | null }[] = [];
        for (let header = 0; header < headerCount; header++) {
          const headerKey = reader.bytes(reader.varint());
          read.push({ key: headerKey === null ? '' : headerKey.toString('utf8'), value: reader.bytes(reader.varint()) });
        }
        headers = read;
      }
      reader.offset = recordEnd;
      if (offset < requestedOffset) continue;
      records.push({
        offset,
        timestamp: logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta,
        timestampType: logAppendTime ? 'log-append' : 'create',
        key,
        value,
        headers,
      });
    }
  }
  return { records, nextOffset };
}

/** The type of the first control record: key = version INT16, type INT16 (0 abort, 1 commit). */
function controlType(body: Buffer): number {
  const reader = new Reader(body);
  reader.varint();
  reader.int8();
  reader.varint();
  reader.varint();
  const key = reader.bytes(reader.varint());
  return key !== null && key.length >= 4 ? key.readInt16BE(2) : -1;
}

async function decompress(batch: Buffer, compression: number): Promise<Buffer> {
  if (compression === 0) return batch;
  const codec = CompressionCodecs[compression as keyof typeof CompressionCodecs];
  if (!codec) throw new MalformedResponseError(`Unknown compression type ${compression} in a record batch.`);
  try {
    return await codec().decompress(batch);
  } catch (error) {
    throw new MalformedResponseError(error instanceof Error ? error.message : String(error));
  }
}
