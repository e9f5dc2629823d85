// Avro messages with avsc (it works on Node Buffers, hence main and not shared/). Logical types are
// shown readably and accepted back in the same form: decimal as an exact decimal string, timestamps
// (millis/micros, local too) as ISO-8601 text, date as YYYY-MM-DD, time as HH:MM:SS.fff, uuid as text.
// Unions are unwrapped where that is unambiguous (avsc's `wrapUnions: 'auto'`), plain bytes and fixed
// are shown as Avro's JSON encoding does (one character per byte). References are parsed first into
// the same registry, so the schema can name their types.
import avro from 'avsc';
import { compileAvroText } from './avro-text';
import {
  SchemaCompileError,
  SchemaMismatchError,
  SchemaValidationError,
  errorMessage,
  type SchemaCodec,
  type SchemaDocument,
} from '../../../../shared/domain/decoders/schema-codec';

type AvroType = avro.Type;

/**
 * avsc trusts an array's or map's block count: it preallocates the array and reads that many items,
 * reading past the end of the buffer without noticing until the end. A 9-byte body claiming 2^31
 * items ran for seconds (and longer counts for ever). The readers below check every block count
 * against the bytes left (items of no size, such as null, get a fixed allowance) and stop at the end
 * of the buffer, so a lying body fails at once. Patched once, on the prototypes, since avsc has no hook.
 */
const ZERO_SIZE_ITEMS_ALLOWED = 100_000;
interface AvroTap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipLong(): void;
  readString(): string;
}
interface BlockReader {
  _read(tap: AvroTap): unknown;
}
function blockCount(tap: AvroTap): number {
  let count = tap.readLong();
  if (count < 0) {
    count = -count;
    tap.skipLong(); // the block's size in bytes
  }
  const left = tap.buf.length - tap.pos;
  if (left < 0 || count > left + ZERO_SIZE_ITEMS_ALLOWED) throw new Error(`a block claims ${count} items with ${Math.max(0, left)} bytes left`);
  return count;
}
function guardAvroBlocks(): void {
  const builtins = (avro.types as unknown as Record<string, { prototype: BlockReader & { itemsType?: BlockReader; valuesType?: BlockReader } }>);
  const arrayType = builtins['ArrayType'];
  const mapType = builtins['MapType'];
  if (!arrayType || !mapType) throw new Error('avsc no longer exports ArrayType/MapType: re-check the block-count guard in avro-codec.ts.');
  arrayType.prototype._read = function (this: { itemsType: BlockReader }, tap: AvroTap) {
    const values: unknown[] = [];
    for (let count = blockCount(tap); count > 0; count = blockCount(tap)) {
      while (count-- > 0) {
        if (tap.pos > tap.buf.length) throw new Error('the array runs past the end of the bytes');
        values.push(this.itemsType._read(tap));
      }
    }
    return values;
  };
  mapType.prototype._read = function (this: { valuesType: BlockReader }, tap: AvroTap) {
    const values: Record<string, unknown> = {};
    for (let count = blockCount(tap); count > 0; count = blockCount(tap)) {
      while (count-- > 0) {
        if (tap.pos > tap.buf.length) throw new Error('the map runs past the end of the bytes');
        const key = tap.readString();
        values[key] = this.valuesType._read(tap);
      }
    }
    return values;
  };
}
guardAvroBlocks();

export function compileAvro(document: SchemaDocument): SchemaCodec {
  const registry: Record<string, AvroType> = {};
  const options: Partial<avro.ForSchemaOptions> = { registry, logicalTypes, wrapUnions: 'auto', typeHook: bytesAsTextHook };
  const parsed = new Set<string>();
  const parse = (text: string, what: string): AvroType => {
    try {
      return avro.Type.forSchema(JSON.parse(text) as avro.Schema, options);
    } catch (error) {
      throw new SchemaCompileError(`${what} is not a usable Avro schema: ${errorMessage(error)}`);
    }
  };
  const addReferences = (references: SchemaDocument['references']) => {
    for (const reference of references) {
      if (parsed.has(reference.name)) continue;
      parsed.add(reference.name);
      addReferences(reference.schema.references);
      parse(reference.schema.schema, `The referenced schema '${reference.name}'`);
    }
  };
  addReferences(document.references);
  const type = parse(document.schema, 'The schema');
  const problemsOf = (value: unknown): string[] => {
    const problems: string[] = [];
    type.isValid(value, {
      errorHook(path: string[], found: unknown, expected: AvroType) {
        const where = path.length === 0 ? 'the value' : path.join('.');
        problems.push(found === undefined ? `${where} is missing (a ${describeType(expected)})` : `${where}: ${JSON.stringify(found) ?? String(found)} is not a valid ${describeType(expected)}`);
      },
    });
    return problems;
  };

  const readValue = (body: Buffer): unknown => {
    try {
      return type.fromBuffer(body);
    } catch (error) {
      throw new SchemaMismatchError(`the bytes are not a valid ${type.name ?? describeType(type)} (${errorMessage(error)})`);
    }
  };
  const textOf = compileAvroText(type);

  return {
    type: 'AVRO',
    decode(body) {
      const value = readValue(asBuffer(body));
      return { value, text: JSON.stringify(value) };
    },
    decodeText(body) {
      const buffer = asBuffer(body);
      // The slow path decides whatever the fast one will not vouch for, and words its errors.
      return { text: textOf(buffer) ?? JSON.stringify(readValue(buffer)) };
    },
    validate: (value) => problemsOf(value),
    encode(value) {
      const problems = problemsOf(value);
      if (problems.length > 0) throw new SchemaValidationError(problems);
      return type.toBuffer(value);
    },
  };
}

/** Browsing hands over Buffers already (a subarray of the fetched record): no second view per message. */
function asBuffer(body: Uint8Array): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function describeType(type: AvroType): string {
  if (type instanceof avro.types.LogicalType) {
    const underlying = (type as unknown as { underlyingType: AvroType }).underlyingType;
    // Plain bytes shown as text are still just bytes to the person reading the message.
    if (type instanceof BytesAsText) return describeType(underlying);
    return `${type.typeName.replace(/^logical:/, '')} (${underlying.typeName})`;
  }
  return type.name ? `${type.typeName} ${type.name}` : type.typeName;
}

const LogicalType = avro.types.LogicalType;
const DAY_MS = 86_400_000;

/** The parts of avsc's Tap (its reader over a Buffer) that a logical type's own `_read` uses. */
interface AvroTap {
  buf: Buffer;
  pos: number;
  readLong(): number;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));
/** The largest distance from the epoch a JavaScript Date holds (±100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

/**
 * ISO-8601 text for epoch milliseconds, as `Date.prototype.toISOString` writes it, without a Date per
 * value: the date part is computed once per day (records in a topic mostly share their day), the time
 * of day from lookup tables. Out-of-range values throw toISOString's RangeError, as before.
 */
class IsoTimestamps {
  private day = Number.NaN;
  private dayPrefix = '';
  /** `YYYY-MM-DDTHH:MM:SS.mmm` (no zone letter). */
  format(millis: number): string {
    if (!(millis >= -MAX_DATE_MS && millis <= MAX_DATE_MS)) return new Date(millis).toISOString().slice(0, -1);
    const day = Math.floor(millis / DAY_MS);
    if (day !== this.day) {
      const iso = new Date(day * DAY_MS).toISOString();
      this.dayPrefix = iso.slice(0, iso.indexOf('T') + 1);
      this.day = day;
    }
    let rest = millis - day * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    return `${this.dayPrefix}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[milli]}`;
  }
}

/** Plain bytes and fixed as text with one character per byte (Avro's JSON encoding), both ways. */
class BytesAsText extends LogicalType {
  protected override _fromValue(buffer: Buffer): string {
    return buffer.toString('latin1');
  }
  protected override _toValue(value: unknown): Buffer | undefined {
    // eslint-disable-next-line no-control-regex
    return typeof value === 'string' && /^[\u0000-\u00ff]*$/.test(value) ? Buffer.from(value, 'latin1') : undefined;
  }
}

let wrappingBytes = false;
function bytesAsTextHook(schema: avro.Schema, opts: avro.ForSchemaOptions): AvroType | undefined {
  const kind = typeof schema === 'string' ? schema : (schema as { type?: unknown }).type;
  if (wrappingBytes || (kind !== 'bytes' && kind !== 'fixed') || (typeof schema === 'object' && 'logicalType' in schema)) return undefined;
  // The wrapper's constructor builds the underlying type through this hook again: let that one through.
  wrappingBytes = true;
  try {
    return new BytesAsText(typeof schema === 'string' ? ({ type: schema } as avro.Schema) : schema, opts);
  } finally {
    wrappingBytes = false;
  }
}

// ---- logical types ----

class DecimalType extends LogicalType {
  private readonly scale: number;
  private readonly precision: number;
  private readonly fixedSize: number | undefined;
  constructor(schema: avro.Schema, opts?: avro.ForSchemaOptions) {
    super(schema, opts);
    const attributes = schema as { type?: unknown; scale?: number; precision?: number; size?: number };
    this.scale = attributes.scale ?? 0;
    this.precision = attributes.precision ?? 0;
    this.fixedSize = attributes.type === 'fixed' ? attributes.size : undefined;
    if (!Number.isInteger(this.precision) || this.precision < 1) throw new Error('a decimal needs a positive precision');
  }
  protected override _fromValue(buffer: Buffer): string {
    return this.textOf(buffer, 0, buffer.length);
  }
  /**
   * Reads the two's-complement bytes straight from avsc's tap instead of letting the underlying bytes
   * or fixed type copy them into a Buffer first, since this runs for every decimal of every browsed record.
   * A length past the end leaves the tap invalid, so avsc reports the buffer as truncated.
   */
  protected _read(tap: AvroTap): string | undefined {
    const length = this.fixedSize ?? tap.readLong();
    const start = tap.pos;
    if (length < 0) {
      tap.pos = tap.buf.length + 1;
      return undefined;
    }
    tap.pos += length;
    if (tap.pos > tap.buf.length) return undefined;
    return this.textOf(tap.buf, start, tap.pos);
  }
  private textOf(buffer: Buffer, start: number, end: number): string {
    const length = end - start;
    let negative: boolean;
    if (length <= 6) {
      // Up to 48 bits is exact as a double, and much cheaper than BigInt for every decoded record.
      let unscaled = length > 0 ? buffer.readIntBE(start, length) : 0;
      negative = unscaled < 0;
      if (negative) unscaled = -unscaled;
      if (this.scale <= 15) {
        // Integer arithmetic below 2^53 is exact: the remainder, then an exact division.
        const unit = POWERS_OF_TEN[this.scale]!;
        const fraction = unscaled % unit;
        const whole = (unscaled - fraction) / unit;
        const text = this.scale === 0 ? String(whole) : `${whole}.${String(fraction).padStart(this.scale, '0')}`;
        return negative ? `-${text}` : text;
      }
      return this.withPoint(String(unscaled), negative);
    }
    let unscaled = 0n;
    for (let index = start; index < end; index++) unscaled = (unscaled << 8n) | BigInt(buffer[index]!);
    if ((buffer[start]! & 0x80) !== 0) unscaled -= 1n << BigInt(length * 8);
    negative = unscaled < 0n;
    return this.withPoint((negative ? -unscaled : unscaled).toString(), negative);
  }
  private withPoint(unsignedDigits: string, negative: boolean): string {
    const digits = unsignedDigits.padStart(this.scale + 1, '0');
    const whole = this.scale === 0 ? digits : `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    return negative ? `-${whole}` : whole;
  }
  protected override _toValue(value: unknown): Buffer | undefined {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') return undefined;
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return undefined;
    const [, sign, whole, part = ''] = match;
    if (part.length > this.scale || whole!.replace(/^0+/, '').length + this.scale > this.precision) return undefined;
    let unscaled = BigInt(`${whole}${part.padEnd(this.scale, '0')}`);
    if (sign === '-') unscaled = -unscaled;
    const bytes: number[] = [];
    let rest = unscaled;
    do {
      bytes.unshift(Number(rest & 0xffn));
      rest >>= 8n;
    } while (!(rest === 0n && (bytes[0]! & 0x80) === 0) && !(rest === -1n && (bytes[0]! & 0x80) !== 0));
    const size = this.fixedSize ?? bytes.length;
    if (bytes.length > size) return undefined;
    while (bytes.length < size) bytes.unshift(unscaled < 0n ? 0xff : 0);
    return Buffer.from(bytes);
  }
  protected override _resolve(type: AvroType) {
    if (type instanceof DecimalType && type.scale === this.scale) return (value: unknown) => value;
    return undefined;
  }
}

/** Epoch counts in `unit`s per millisecond shown as ISO-8601 (UTC `Z`, or without a zone for local-*). */
function timestampType(unitsPerMilli: number, local: boolean) {
  return class extends LogicalType {
    private readonly timestamps = new IsoTimestamps();
    protected override _fromValue(count: number): string {
      const text = this.timestamps.format(Math.floor(count / unitsPerMilli));
      const withMicros = unitsPerMilli === 1 ? text : `${text}${THREE_DIGITS[((count % unitsPerMilli) + unitsPerMilli) % unitsPerMilli]}`;
      return local ? withMicros : `${withMicros}Z`;
    }
    protected override _toValue(value: unknown): number | undefined {
      if (typeof value === 'number') return value;
      if (value instanceof Date) return value.getTime() * unitsPerMilli;
      if (typeof value !== 'string') return undefined;
      const zoned = local && !/(Z|[+-]\d\d:\d\d)$/.test(value) ? `${value}Z` : value;
      const millis = Date.parse(zoned);
      if (Number.isNaN(millis)) return undefined;
      const micros = unitsPerMilli === 1 ? 0 : Number((/\.\d{3}(\d{1,3})/.exec(value)?.[1] ?? '').padEnd(3, '0'));
      return millis * unitsPerMilli + micros;
    }
    protected override _resolve(type: AvroType) {
      return type.typeName === this.typeName ? (value: unknown) => value : undefined;
    }
  };
}


class DateType extends LogicalType {
  protected override _fromValue(days: number): string {
    return new Date(days * DAY_MS).toISOString().slice(0, 10);
  }
  protected override _toValue(value: unknown): number | undefined {
    if (typeof value === 'number') return value;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const millis = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(millis) ? undefined : millis / DAY_MS;
  }
}

function timeType(unitsPerMilli: number) {
  return class extends LogicalType {
    protected override _fromValue(count: number): string {
      const iso = new Date(Math.floor(count / unitsPerMilli)).toISOString().slice(11, 23);
      return unitsPerMilli === 1 ? iso : `${iso}${String(count % unitsPerMilli).padStart(3, '0')}`;
    }
    protected override _toValue(value: unknown): number | undefined {
      if (typeof value === 'number') return value;
      const match = typeof value === 'string' ? /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?$/.exec(value) : null;
      if (!match) return undefined;
      const fractionDigits = (match[4] ?? '').padEnd(6, '0');
      const micros = ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1_000_000 + Number(fractionDigits);
      return unitsPerMilli === 1 ? Math.floor(micros / 1000) : micros;
    }
  };
}

const logicalTypes: Record<string, new (schema: avro.Schema, opts?: avro.ForSchemaOptions) => avro.types.LogicalType> = {
  decimal: DecimalType as never,
  'timestamp-millis': timestampType(1, false) as never,
  'timestamp-micros': timestampType(1000, false) as never,
  'local-timestamp-millis': timestampType(1, true) as never,
  'local-timestamp-micros': timestampType(1000, true) as never,
  date: DateType as never,
  'time-millis': timeType(1) as never,
  'time-micros': timeType(1000) as never,
};
