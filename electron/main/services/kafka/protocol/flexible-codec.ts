// Kafka's "flexible" encoding (KIP-482): compact strings, arrays and bytes whose lengths are unsigned
// varints of length + 1, and a tagged-field section after every structure. kafkajs (2.x) implements
// no flexible version, so the group APIs of Kafka 3/4 (ListGroups v3+, DescribeGroups v5+,
// OffsetFetch v8+, FindCoordinator v4+, ConsumerGroupDescribe, ShareGroupDescribe) are written and
// read here. kafkajs still frames the request (size, api key, version, correlation id, client id) and
// strips the correlation id from the response; the flexible header's tagged fields are ours to add
// (request header v2) and to skip (response header v1).
import { MalformedResponseError } from './malformed-response';

export class FlexibleWriter {
  private chunks: Buffer[] = [];
  private size = 0;

  /** Starts with the request header's (empty) tagged fields, which follow kafkajs' client id. */
  static request(): FlexibleWriter {
    return new FlexibleWriter().taggedFields();
  }

  private push(chunk: Buffer): this {
    this.chunks.push(chunk);
    this.size += chunk.length;
    return this;
  }

  /** Bytes as they are (a UUID's 16 bytes, say). */
  raw(chunk: Buffer): this {
    return this.push(chunk);
  }

  int8(value: number): this {
    const chunk = Buffer.allocUnsafe(1);
    chunk.writeInt8(value, 0);
    return this.push(chunk);
  }

  int16(value: number): this {
    const chunk = Buffer.allocUnsafe(2);
    chunk.writeInt16BE(value, 0);
    return this.push(chunk);
  }

  int32(value: number): this {
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeInt32BE(value, 0);
    return this.push(chunk);
  }

  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  float64(value: number): this {
    const chunk = Buffer.allocUnsafe(8);
    chunk.writeDoubleBE(value, 0);
    return this.push(chunk);
  }

  uvarint(value: number): this {
    const bytes: number[] = [];
    let rest = value >>> 0;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
    return this.push(Buffer.from(bytes));
  }

  compactString(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    return this.uvarint(bytes.length + 1).push(bytes);
  }

  compactNullableString(value: string | null): this {
    return value === null ? this.uvarint(0) : this.compactString(value);
  }

  compactArray<T>(items: readonly T[], write: (writer: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) write(this, item);
    return this;
  }

  /** null: "all" in the requests that give it a meaning (e.g. every topic of a group in OffsetFetch). */
  compactNullableArray<T>(items: readonly T[] | null, write: (writer: this, item: T) => void): this {
    return items === null ? this.uvarint(0) : this.compactArray(items, write);
  }

  /** No tagged fields: we never send optional ones. */
  taggedFields(): this {
    return this.uvarint(0);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

export class FlexibleReader {
  private at = 0;

  /** `raw` is what kafkajs passes a response decoder: the payload after the correlation id. */
  constructor(private readonly raw: Buffer) {}

  /** A flexible response begins with the response header's tagged fields. */
  static response(raw: Buffer): FlexibleReader {
    const reader = new FlexibleReader(raw);
    reader.skipTaggedFields();
    return reader;
  }

  get offset(): number {
    return this.at;
  }

  private need(bytes: number): void {
    if (this.at + bytes > this.raw.length) {
      throw new MalformedResponseError(`Truncated Kafka response: ${bytes} byte(s) needed at offset ${this.at} of ${this.raw.length}.`);
    }
  }

  int8(): number {
    this.need(1);
    return this.raw.readInt8(this.at++);
  }

  int16(): number {
    this.need(2);
    const value = this.raw.readInt16BE(this.at);
    this.at += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.raw.readInt32BE(this.at);
    this.at += 4;
    return value;
  }

  int64(): bigint {
    this.need(8);
    const value = this.raw.readBigInt64BE(this.at);
    this.at += 8;
    return value;
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  float64(): number {
    this.need(8);
    const value = this.raw.readDoubleBE(this.at);
    this.at += 8;
    return value;
  }

  uvarint(): number {
    let value = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      this.need(1);
      const byte = this.raw[this.at++]!;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
    throw new MalformedResponseError(`Malformed varint in Kafka response at offset ${this.at}.`);
  }

  /** 16 bytes as 32 hex digits. */
  uuid(): string {
    this.need(16);
    const value = this.raw.toString('hex', this.at, this.at + 16);
    this.at += 16;
    return value;
  }

  compactNullableString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    this.need(length);
    const value = this.raw.toString('utf8', this.at, this.at + length);
    this.at += length;
    return value;
  }

  compactString(): string {
    return this.compactNullableString() ?? '';
  }

  compactNullableBytes(): Buffer | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    this.need(length);
    const value = this.raw.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }

  /** A null array reads as empty. */
  compactArray<T>(read: (reader: this) => T): T[] {
    const length = this.uvarint() - 1;
    // Every item takes at least one byte: a count past the bytes left is a lie, refused before looping on it.
    if (length > this.raw.length - this.at) throw new MalformedResponseError(`Kafka response claims ${length} array item(s) with ${this.raw.length - this.at} byte(s) left.`);
    const items: T[] = [];
    for (let index = 0; index < length; index++) items.push(read(this));
    return items;
  }

  compactInt32Array(): number[] {
    return this.compactArray((reader) => reader.int32());
  }

  skipTaggedFields(): void {
    for (let fields = this.uvarint(); fields > 0; fields--) {
      this.uvarint(); // tag
      const size = this.uvarint();
      this.need(size);
      this.at += size;
    }
  }
}
