import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToHex } from './binary';
import { parseConfluentWireFormat } from './confluent-wire-format';
import { decodePayload, decodeUtf8, hasControlCharacters, isPrintableText, parseJsonDocument, prettyJson } from './payload';

const encode = (text: string) => new TextEncoder().encode(text);
const options = { maxPreviewBytes: 1024 };

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 including multi-byte characters', () => {
    expect(decodeUtf8(encode('héllo wörld ✓ 🎉'))).toBe('héllo wörld ✓ 🎉');
  });

  it('returns null for invalid UTF-8 instead of replacement characters', () => {
    expect(decodeUtf8(Uint8Array.of(0x68, 0xff, 0xfe, 0x69))).toBeNull();
    expect(decodeUtf8(Uint8Array.of(0xc3))).toBeNull();
    expect(decodeUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBeNull();
  });
});

describe('isPrintableText', () => {
  it('accepts tabs and line breaks and rejects other C0, DEL and C1 controls', () => {
    expect(isPrintableText('a\tb\nc\r\n ✓ é')).toBe(true);
    expect(isPrintableText('a\u0000b')).toBe(false);
    expect(isPrintableText('\u001b[31m')).toBe(false);
    expect(isPrintableText('\u007f')).toBe(false);
    expect(isPrintableText('\u0085')).toBe(false);
  });
});

describe('hasControlCharacters', () => {
  it('agrees with isPrintableText at every alignment and position', () => {
    const samples = ['plain ascii text that is long enough', 'tabs\tand\nnew\r\nlines', 'héllo wörld ✓ 🎉 ünïcödé', 'x\u0000y', 'bell\u0007', 'del\u007f', 'c1\u0085c1', 'c1 end\u009f', '\u00a0nbsp is printable'];
    for (const sample of samples) {
      const encoded = encode(sample);
      for (let shift = 0; shift < 4; shift++) {
        const padded = new Uint8Array(encoded.length + shift);
        padded.set(encoded, shift);
        expect(hasControlCharacters(padded.subarray(shift)), `${JSON.stringify(sample)} at shift ${shift}`).toBe(!isPrintableText(sample));
      }
    }
  });

  it('finds a control byte wherever it sits in a long payload', () => {
    for (let position = 0; position < 40; position++) {
      const bytes = new Uint8Array(40).fill(0x41);
      bytes[position] = 0x01;
      expect(hasControlCharacters(bytes)).toBe(true);
      bytes[position] = 0x7f;
      expect(hasControlCharacters(bytes)).toBe(true);
    }
    expect(hasControlCharacters(new Uint8Array(40).fill(0x41))).toBe(false);
  });
});

describe('decodePayload', () => {
  it('detects JSON objects and arrays', () => {
    expect(decodePayload(encode('{"a":1}'), options)).toEqual({ kind: 'json', text: '{"a":1}', size: 7, truncated: false });
    expect(decodePayload(encode(' [1,2]'), options).kind).toBe('json');
  });

  it('treats JSON scalars and broken JSON as text', () => {
    expect(decodePayload(encode('42'), options).kind).toBe('text');
    expect(decodePayload(encode('"quoted"'), options).kind).toBe('text');
    expect(decodePayload(encode('{"a":'), options).kind).toBe('text');
  });

  it('treats printable UTF-8 as text', () => {
    expect(decodePayload(encode('plain ✓ text'), options)).toMatchObject({ kind: 'text', text: 'plain ✓ text', truncated: false });
  });

  it('shows invalid UTF-8 and control bytes as binary with base64 and a hex preview', () => {
    const bytes = Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0xff);
    expect(decodePayload(bytes, options)).toEqual({ kind: 'binary', text: '3q2+7/8=', hexPreview: 'de ad be ef ff', size: 5, truncated: false });
    expect(decodePayload(Uint8Array.of(0x61, 0x00, 0x62), options).kind).toBe('binary');
  });

  it('decodes an empty payload as empty text', () => {
    expect(decodePayload(new Uint8Array(0), options)).toEqual({ kind: 'text', text: '', size: 0, truncated: false });
  });

  it('truncates large text on a character boundary and reports the full size', () => {
    const text = 'é'.repeat(10);
    const decoded = decodePayload(encode(text), { maxPreviewBytes: 5 });
    expect(decoded).toMatchObject({ kind: 'text', text: 'éé', size: 20, truncated: true });
  });

  it('keeps large JSON marked as JSON even though only a prefix is shown', () => {
    const big = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ i })) });
    const decoded = decodePayload(encode(big), { maxPreviewBytes: 16 });
    expect(decoded).toMatchObject({ kind: 'json', text: big.slice(0, 16), size: big.length, truncated: true });
  });

  it('truncates large binary payloads to the preview bytes', () => {
    const bytes = new Uint8Array(300).fill(0xff);
    const decoded = decodePayload(bytes, { maxPreviewBytes: 3 });
    expect(decoded).toMatchObject({ kind: 'binary', text: '////', size: 300, truncated: true });
    expect(decoded.hexPreview?.split(' ')).toHaveLength(64);
  });

  it('reports the Confluent wire format with its schema id and decodes the body', () => {
    const body = encode('{"id":7}');
    const bytes = Uint8Array.of(0, 0, 0, 1, 0x2c, ...body);
    expect(decodePayload(bytes, options)).toEqual({
      kind: 'json',
      text: '{"id":7}',
      size: bytes.length,
      truncated: false,
      schema: { format: 'confluent', schemaId: 300 },
    });
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 1;
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: round }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255);
      expect(() => decodePayload(bytes, { maxPreviewBytes: 17 })).not.toThrow();
    }
  });
});

describe('parseConfluentWireFormat', () => {
  it('needs the magic byte and a positive schema id', () => {
    expect(parseConfluentWireFormat(Uint8Array.of(0, 0, 0, 0, 5, 1))).toMatchObject({ schemaId: 5 });
    expect(parseConfluentWireFormat(Uint8Array.of(1, 0, 0, 0, 5))).toBeNull();
    expect(parseConfluentWireFormat(Uint8Array.of(0, 0, 0, 0))).toBeNull();
    expect(parseConfluentWireFormat(Uint8Array.of(0, 0, 0, 0, 0))).toBeNull();
    expect(parseConfluentWireFormat(Uint8Array.of(0, 0x80, 0, 0, 1))).toBeNull();
  });
});

describe('JSON helpers', () => {
  it('parses only documents and pretty-prints them', () => {
    expect(parseJsonDocument('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJsonDocument('1')).toBeUndefined();
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('nope')).toBeNull();
  });
});

describe('binary helpers', () => {
  it('round-trips base64 for every length and renders hex', () => {
    for (let length = 0; length < 10; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97) & 255);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
    expect(bytesToBase64(encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(encode('Ma'))).toBe('TWE=');
    expect(bytesToHex(Uint8Array.of(0, 15, 255))).toBe('00 0f ff');
  });
});
