import { describe, expect, it } from 'vitest';
import { produceFileRequestSchema, produceRequestSchema, reproduceRequestSchema } from '../../../../shared/domain/messages/produce-request';
import {
  buildProduceFileRequest,
  buildProduceRequest,
  buildReproduceRequest,
  defaultProduceFileForm,
  defaultProduceForm,
  defaultReproduceForm,
  describeProduced,
} from './produce-form';

const source = { topic: 'orders', partition: 1, offset: '42' };

describe('buildProduceRequest', () => {
  it('encodes with a registry subject only in the Schema Registry format, and asks for JSON and a subject first', () => {
    const form = { ...defaultProduceForm, value: '{"id":"a"}', valueFormat: 'schema' as const, valueSchema: { subject: 'orders-value', version: 'latest' as const } };
    const built = buildProduceRequest('p', 'orders', form);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(produceRequestSchema.parse(built.request)).toMatchObject({ valueFormat: 'schema', valueSchema: { subject: 'orders-value', version: 'latest' } });
    expect(buildProduceRequest('p', 'orders', { ...form, valueSchema: null })).toEqual({ ok: false, error: 'Choose the subject (and version) to encode the value with.' });
    expect(buildProduceRequest('p', 'orders', { ...form, value: '{"id":' })).toEqual({ ok: false, error: expect.stringMatching(/^The value is encoded with a schema, so it must be JSON: .* at line 1, column 7\.$/) });
    const asJson = buildProduceRequest('p', 'orders', { ...form, valueFormat: 'json' });
    expect(asJson.ok && 'valueSchema' in asJson.request).toBe(false);
  });

  it('builds a request the contract accepts, with a null key when the key is off', () => {
    const built = buildProduceRequest('p', 'orders', { ...defaultProduceForm, withKey: false, value: '{"a":1}', valueFormat: 'json', partition: '2', headers: [{ id: 1, key: 'h', value: 'v' }] });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(produceRequestSchema.parse(built.request)).toMatchObject({ key: null, partition: 2, headers: [{ key: 'h', value: 'v' }], acks: 'all', idempotent: true });
    expect(buildProduceRequest('p', 't', { ...defaultProduceForm, key: '', value: 'x' })).toMatchObject({ ok: true, request: { key: '', partition: null } });
  });

  it('stops at invalid JSON, an unnamed header or idempotence without acks=all', () => {
    expect(buildProduceRequest('p', 't', { ...defaultProduceForm, value: '{"a":', valueFormat: 'json' })).toEqual({ ok: false, error: expect.stringMatching(/^Not valid JSON: .* at line 1, column 6\.$/) });
    expect(buildProduceRequest('p', 't', { ...defaultProduceForm, value: 'x', headers: [{ id: 1, key: ' ', value: 'v' }] })).toEqual({ ok: false, error: 'Header 1 needs a name (or remove it).' });
    expect(buildProduceRequest('p', 't', { ...defaultProduceForm, value: 'x', acks: 'leader' })).toMatchObject({ ok: false, error: expect.stringMatching(/needs acks=all/) });
    expect(buildProduceRequest('p', 't', { ...defaultProduceForm, value: 'x', acks: 'leader', idempotent: false }).ok).toBe(true);
  });
});

describe('buildReproduceRequest', () => {
  it('defaults to the same topic and partition and passes the contract', () => {
    const built = buildReproduceRequest('p', source, defaultReproduceForm('orders'));
    expect(built.ok && reproduceRequestSchema.parse(built.request)).toMatchObject({ targetTopic: 'orders', partition: 'same', keepTimestamp: false });
    expect(buildReproduceRequest('p', source, { ...defaultReproduceForm('orders'), targetTopic: ' copy ', partition: '3' })).toMatchObject({ ok: true, request: { targetTopic: 'copy', partition: 3 } });
  });

  it('needs a target topic and a whole partition number', () => {
    expect(buildReproduceRequest('p', source, { ...defaultReproduceForm('orders'), targetTopic: '' })).toEqual({ ok: false, error: 'Name the topic to produce the copy to.' });
    expect(buildReproduceRequest('p', source, { ...defaultReproduceForm('orders'), partition: '1.5' })).toEqual({ ok: false, error: 'A partition is a whole number from 0.' });
  });
});

describe('buildProduceFileRequest', () => {
  it('passes partition choices through to the contract', () => {
    for (const partition of ['key', 'file', '0'] as const) {
      const built = buildProduceFileRequest('p', 't', { ...defaultProduceFileForm, partition });
      expect(built.ok && produceFileRequestSchema.parse(built.request).partition).toBe(partition === '0' ? 0 : partition);
    }
  });
});

describe('describeProduced', () => {
  it('names partition and offset, or says why the offset is unknown', () => {
    expect(describeProduced({ topic: 't', partition: 2, offset: '7' })).toBe("Written to partition 2 of 't' at offset 7.");
    expect(describeProduced({ topic: 't', partition: null, offset: null })).toBe("Sent to 't'; with acks=none the broker does not confirm, so the offset is unknown.");
  });
});
