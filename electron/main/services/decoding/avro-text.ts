// Avro bytes straight to the compact JSON text a browsed row shows, without building the value first.
// Browsing a topic decodes every record only to show its text, and avsc's value objects plus
// JSON.stringify of them cost most of P6's time. This walks the compiled avsc type once per schema
// and builds one writer per type into a reused byte buffer, turned into one string at the end:
// records, arrays, unwrapped unions, enums and primitives write their JSON bytes directly (ASCII
// strings copied byte by byte with JSON's escapes); every other type (logical types, bytes, fixed,
// maps, wrapped unions, errors) and any non-ASCII string is read by avsc or Buffer and stringified by
// JSON.stringify, so its text cannot differ. The output equals
// `JSON.stringify(type.fromBuffer(bytes))`; any doubt (truncated or trailing bytes, a bad union or
// enum index, a long past 2^53) returns null and the caller decodes the slow way, which reports the
// error in avsc's words.
import type avro from 'avsc';
import avscUtils from 'avsc/lib/utils.js';

type AvroType = avro.Type;

interface AvscTap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  readInt(): number;
  readFloat(): number;
  readDouble(): number;
  skipLong(): void;
}

/** The JSON being written: bytes so far, and whether every one of them is ASCII (then latin1 reads it fastest). */
class Output {
  buf = Buffer.allocUnsafe(64 * 1024);
  pos = 0;
  ascii = true;
  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
  /** ASCII-only text (numbers, precomputed JSON). */
  ascii7(text: string): void {
    const length = text.length;
    this.ensure(length);
    const buf = this.buf;
    let pos = this.pos;
    for (let index = 0; index < length; index++) buf[pos++] = text.charCodeAt(index);
    this.pos = pos;
  }
  /** A JSON string of printable ASCII without quotes or backslashes; false (nothing written) for any other text. */
  plainString(text: string): boolean {
    const length = text.length;
    this.ensure(length + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = QUOTE;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code >= 0x80 || code === QUOTE || code === BACKSLASH) return false;
      buf[pos++] = code;
    }
    buf[pos++] = QUOTE;
    this.pos = pos;
    return true;
  }
  /** Any text, UTF-8 encoded. */
  text(text: string): void {
    this.ensure(text.length * 3);
    const written = this.buf.write(text, this.pos, 'utf8');
    if (written !== text.length) this.ascii = false;
    this.pos += written;
  }
  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    this.ensure(length);
    const buf = this.buf;
    let pos = this.pos;
    for (let index = 0; index < length; index++) buf[pos++] = bytes[index]!;
    this.pos = pos;
  }
  byte(code: number): void {
    this.ensure(1);
    this.buf[this.pos++] = code;
  }
}

type TextWriter = (tap: AvscTap, out: Output) => void;

/** Signals a value the fast path will not vouch for; caught by the compiled decoder. */
class Bail extends Error {}
const BAIL = new Bail('not for the fast path');

/** avsc's own bound: beyond it a long is refused with "potential precision loss". */
const MAX_SAFE_LONG = 9007199254740990;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
/** JSON.stringify's escape for each control character: the short forms, else \u00xx in lower-case hex. */
const CONTROL_ESCAPES = Array.from({ length: 32 }, (_, code) => Buffer.from(JSON.stringify(String.fromCharCode(code)).slice(1, -1)));

/** A function from the body (Avro binary) to its JSON text, or null when the slow path must decide. */
export type AvroTextDecoder = (body: Buffer) => string | null;

export function compileAvroText(type: AvroType): AvroTextDecoder {
  const write = writerFor(type, new Map());
  // One output buffer per schema, reused: decoding is synchronous, so nothing else writes into it meanwhile.
  const out = new Output();
  return (body) => {
    const tap = new avscUtils.Tap(body) as AvscTap;
    out.pos = 0;
    out.ascii = true;
    try {
      write(tap, out);
    } catch {
      return null;
    }
    if (tap.pos !== body.length) return null;
    return out.buf.toString(out.ascii ? 'latin1' : 'utf8', 0, out.pos);
  };
}

function writerFor(type: AvroType, compiled: Map<AvroType, TextWriter>): TextWriter {
  const known = compiled.get(type);
  if (known) return known;
  // Named types may refer to themselves: register an indirection before compiling the body.
  const slot: { write?: TextWriter } = {};
  compiled.set(type, (tap, out) => slot.write!(tap, out));
  slot.write = build(type, compiled);
  compiled.set(type, slot.write);
  return slot.write;
}

/** A string's UTF-8 bytes as a JSON string: ASCII copied with escapes; anything else through JSON.stringify. */
function writeString(tap: AvscTap, out: Output): void {
  const length = tap.readLong();
  const input = tap.buf;
  const start = tap.pos;
  const end = start + length;
  if (length < 0 || end > input.length) throw BAIL;
  tap.pos = end;
  out.ensure(length * 6 + 2);
  const buf = out.buf;
  const mark = out.pos;
  let pos = mark;
  buf[pos++] = QUOTE;
  for (let index = start; index < end; index++) {
    const byte = input[index]!;
    if (byte >= 0x20 && byte < 0x80 && byte !== QUOTE && byte !== BACKSLASH) {
      buf[pos++] = byte;
    } else if (byte >= 0x80) {
      // Non-ASCII (or invalid UTF-8): exactly what Buffer decodes and JSON.stringify writes.
      out.pos = mark;
      out.text(JSON.stringify(input.toString('utf8', start, end)));
      return;
    } else if (byte === QUOTE || byte === BACKSLASH) {
      buf[pos++] = BACKSLASH;
      buf[pos++] = byte;
    } else {
      const escape = CONTROL_ESCAPES[byte]!;
      for (let at = 0; at < escape.length; at++) buf[pos++] = escape[at]!;
    }
  }
  buf[pos++] = QUOTE;
  out.pos = pos;
}

function build(type: AvroType, compiled: Map<AvroType, TextWriter>): TextWriter {
  switch (type.typeName) {
    case 'null':
      return (_tap, out) => out.bytes(NULL);
    case 'boolean':
      return (tap, out) => out.bytes(tap.buf[tap.pos++] ? TRUE : FALSE);
    case 'int':
      return (tap, out) => out.ascii7(String(tap.readInt()));
    case 'long':
      return (tap, out) => {
        const value = tap.readLong();
        if (!(value >= -MAX_SAFE_LONG && value <= MAX_SAFE_LONG)) throw BAIL;
        out.ascii7(String(value));
      };
    case 'float':
      return (tap, out) => out.ascii7(numberText(tap.readFloat()));
    case 'double':
      return (tap, out) => out.ascii7(numberText(tap.readDouble()));
    case 'string':
      return writeString;
    case 'enum': {
      const symbols = (type as unknown as { symbols: string[] }).symbols.map((symbol) => Buffer.from(JSON.stringify(symbol)));
      const ascii = symbols.every((symbol) => symbol.every((byte) => byte < 0x80));
      return (tap, out) => {
        const symbol = symbols[tap.readLong()];
        if (symbol === undefined) throw BAIL;
        out.bytes(symbol);
        if (!ascii) out.ascii = false;
      };
    }
    case 'array': {
      const items = writerFor((type as unknown as { itemsType: AvroType }).itemsType, compiled);
      return (tap, out) => {
        out.byte(OPEN_BRACKET);
        let first = true;
        for (let count = tap.readLong(); count !== 0; count = tap.readLong()) {
          if (count < 0) {
            count = -count;
            tap.skipLong(); // the block's size in bytes
          }
          // A count past the bytes left would loop on garbage: the slow path reports the truncation.
          if (count > tap.buf.length - tap.pos) throw BAIL;
          for (; count > 0; count--) {
            if (!first) out.byte(COMMA);
            first = false;
            items(tap, out);
          }
        }
        out.byte(CLOSE_BRACKET);
      };
    }
    case 'union:unwrapped': {
      const branches = (type as unknown as { types: AvroType[] }).types.map((branch) => writerFor(branch, compiled));
      return (tap, out) => {
        const branch = branches[tap.readLong()];
        if (branch === undefined) throw BAIL;
        branch(tap, out);
      };
    }
    case 'record': {
      const fields = (type as unknown as { fields: Array<{ name: string; type: AvroType }> }).fields;
      const writers = fields.map((field) => writerFor(field.type, compiled));
      // `{"a":` then `,"b":` ...: one copy per field (Avro names are ASCII letters, digits and _).
      const prefixes = fields.map((field, index) => Buffer.from(`${index === 0 ? '{' : ','}${JSON.stringify(field.name)}:`));
      const count = fields.length;
      if (count === 0) return (_tap, out) => out.ascii7('{}');
      return (tap, out) => {
        for (let index = 0; index < count; index++) {
          out.bytes(prefixes[index]!);
          writers[index]!(tap, out);
        }
        out.byte(CLOSE_BRACE);
      };
    }
    default:
      if (type.typeName.startsWith('logical:')) {
        // The app's logical types read as strings (decimal, ISO timestamps, dates, times): plain ASCII
        // ones are quoted here; anything else is written by JSON.stringify.
        return (tap, out) => {
          const value: unknown = (type as unknown as { _read(tap: AvscTap): unknown })._read(tap);
          if (typeof value !== 'string' || !out.plainString(value)) {
            const text = JSON.stringify(value) as string | undefined;
            if (text === undefined) throw BAIL;
            out.text(text);
          }
        };
      }
      // Logical types, bytes, fixed, maps (JavaScript orders integer-like keys first), wrapped unions,
      // error records: avsc reads the value, JSON.stringify writes it exactly as the slow path would.
      return (tap, out) => {
        const value: unknown = (type as unknown as { _read(tap: AvscTap): unknown })._read(tap);
        const text = JSON.stringify(value) as string | undefined;
        if (text === undefined) throw BAIL;
        out.text(text);
      };
  }
}

/** JSON.stringify's form of a number: finite numbers as JavaScript writes them, NaN and infinities as null. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
