import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { compileAvro } from './avro-codec';
import { compileAvroText } from './avro-text';

const schemas: Record<string, unknown> = {
  everyPrimitive: {
    type: 'record',
    name: 'Everything',
    fields: [
      { name: 'n', type: 'null' },
      { name: 'b', type: 'boolean' },
      { name: 'i', type: 'int' },
      { name: 'l', type: 'long' },
      { name: 'f', type: 'float' },
      { name: 'd', type: 'double' },
      { name: 's', type: 'string' },
      { name: 'bytes', type: 'bytes' },
      { name: 'fixed', type: { type: 'fixed', name: 'Four', size: 4 } },
      { name: 'e', type: { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN', 'BLUE'] } },
      { name: 'empty', type: { type: 'record', name: 'Empty', fields: [] } },
    ],
  },
  collections: {
    type: 'record',
    name: 'Collections',
    fields: [
      { name: 'strings', type: { type: 'array', items: 'string' } },
      { name: 'nested', type: { type: 'array', items: { type: 'array', items: 'int' } } },
      { name: 'map', type: { type: 'map', values: 'long' } },
      { name: 'nulls', type: { type: 'array', items: 'null' } },
      { name: 'maybe', type: ['null', 'string'] },
      { name: 'wrapped', type: ['null', 'int', 'long', 'string', { type: 'record', name: 'Inner', fields: [{ name: 'x', type: 'int' }] }] },
      { name: 'records', type: { type: 'array', items: 'Inner' } },
    ],
  },
  logical: {
    type: 'record',
    name: 'Logical',
    fields: [
      { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
      { name: 'big', type: { type: 'fixed', name: 'Big', size: 16, logicalType: 'decimal', precision: 38, scale: 4 } },
      { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
      { name: 'local', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
      { name: 'day', type: { type: 'int', logicalType: 'date' } },
      { name: 'time', type: { type: 'int', logicalType: 'time-millis' } },
      { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
      { name: 'maybeAt', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }] },
    ],
  },
  recursive: {
    type: 'record',
    name: 'Node',
    fields: [
      { name: 'label', type: 'string' },
      { name: 'children', type: { type: 'array', items: 'Node' } },
      { name: 'next', type: ['null', 'Node'] },
    ],
  },
  topLevelUnion: ['null', 'double', { type: 'enum', name: 'Kind', symbols: ['A', 'B'] }],
};

const leaf = (label: string) => ({ label, children: [], next: null });
const recursiveSamples = [leaf('a'), { label: 'root', children: [leaf('x'), { label: 'y', children: [leaf('z')], next: leaf('w') }], next: { label: 'n', children: [], next: leaf('m') } }];

/** Values avsc's own random generator would not make: escapes, non-ASCII, NaN, infinities, huge and negative numbers. */
const awkwardStrings = ['', 'quote " and backslash \\', 'tab\tnew\nline', '\u0000\u001f control', 'česky 日本語 🎉', '\u2028\u2029', 'lone \ud800 surrogate'];
const awkwardNumbers = [0, -0, 1.5, -2.25e-300, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3.4e38];

describe('Avro bytes to JSON text without the value', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`writes exactly JSON.stringify of avsc's value (${name}, random values)`, () => {
      // The app's own options: logical types, bytes as text, unions unwrapped where unambiguous.
      const codec = compileAvro({ type: 'AVRO', schema: JSON.stringify(schema), references: [] });
      const plain = avro.Type.forSchema(schema as avro.Schema, { wrapUnions: 'auto' });
      // avsc's random values of a recursive type never end: that one gets a few trees by hand.
      const samples = name === 'recursive' ? recursiveSamples : Array.from({ length: 300 }, () => plain.random());
      for (const sample of samples) {
        const bytes = plain.toBuffer(sample);
        const { value, text } = codec.decode(bytes);
        expect(codec.decodeText!(bytes).text).toBe(text);
        expect(text).toBe(JSON.stringify(value));
      }
    });
  }

  it('writes strings and numbers JSON.stringify escapes or nulls', () => {
    const schema = { type: 'record', name: 'Awkward', fields: [{ name: 's', type: 'string' }, { name: 'd', type: 'double' }, { name: 'f', type: 'float' }, { name: 'm', type: { type: 'map', values: 'int' } }] };
    const type = avro.Type.forSchema(schema as avro.Schema);
    const fast = compileAvroText(type);
    for (const s of awkwardStrings) {
      for (const d of awkwardNumbers) {
        // Integer-like map keys come first in a JavaScript object: the text must say so too.
        const bytes = type.toBuffer({ s, d, f: d, m: { b: 1, 10: 2, 2: 3, a: 4 } });
        expect(fast(bytes)).toBe(JSON.stringify(type.fromBuffer(bytes)));
      }
    }
  });

  it('leaves truncated, trailing and out-of-range bytes to the slow path and its error', () => {
    const codec = compileAvro({ type: 'AVRO', schema: JSON.stringify(schemas.everyPrimitive), references: [] });
    const type = avro.Type.forSchema(schemas.everyPrimitive as avro.Schema);
    const fast = compileAvroText(type);
    const good = type.toBuffer(type.random());
    expect(fast(good.subarray(0, good.length - 1))).toBeNull();
    expect(fast(Buffer.concat([good, Buffer.of(0)]))).toBeNull();
    expect(() => codec.decodeText!(good.subarray(0, good.length - 1))).toThrow(/not a valid Everything \(truncated buffer\)/);
    expect(() => codec.decodeText!(Buffer.concat([good, Buffer.of(0)]))).toThrow(/trailing data/);

    const colour = compileAvroText(avro.Type.forSchema({ type: 'enum', name: 'C', symbols: ['A'] }));
    expect(colour(Buffer.of(2))).toBeNull(); // index 1: no such symbol
    const union = compileAvroText(avro.Type.forSchema(['null', 'int'] as avro.Schema));
    expect(union(Buffer.of(4))).toBeNull(); // branch 2 of 2
    const long = avro.Type.forSchema('long');
    expect(compileAvroText(long)(Buffer.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f))).toBeNull(); // past 2^53
  });
});
