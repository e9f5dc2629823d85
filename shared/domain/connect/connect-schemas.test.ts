import { describe, expect, it } from 'vitest';
import { MASKED_VALUE, maskConfig, parseConfigJson, unmaskConfig } from './connect-schemas';

describe('connector config masking', () => {
  it('masks secrets, keeps provider references and ordinary keys, and puts stored values back on edit', () => {
    const stored = {
      'connection.url': 'jdbc:postgresql://db/orders',
      'connection.password': 'hunter2',
      'connection.user': 'app',
      'aws.secret.access.key': '${file:/etc/secrets.properties:aws}',
      'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";',
      'tasks.max': '1',
    };
    const { config, maskedKeys } = maskConfig(stored);
    expect(maskedKeys.sort()).toEqual(['connection.password', 'sasl.jaas.config']);
    expect(config['connection.password']).toBe(MASKED_VALUE);
    expect(config['aws.secret.access.key']).toBe('${file:/etc/secrets.properties:aws}');
    expect(config['connection.user']).toBe('app');
    const edited = { ...config, 'tasks.max': '2' };
    expect(unmaskConfig(edited, stored)).toEqual({ ...stored, 'tasks.max': '2' });
    expect(unmaskConfig({ 'connection.password': 'new' }, stored)).toEqual({ 'connection.password': 'new' });
  });

  it('parses a raw JSON config and refuses nested values', () => {
    expect(parseConfigJson('{"tasks.max": 2, "file": "/tmp/x", "errors.tolerance": "all"}')).toEqual({ ok: true, config: { 'tasks.max': '2', file: '/tmp/x', 'errors.tolerance': 'all' } });
    expect(parseConfigJson('{"a": {"b": 1}}')).toMatchObject({ ok: false });
    expect(parseConfigJson('[1]')).toMatchObject({ ok: false });
    expect(parseConfigJson('{nope')).toMatchObject({ ok: false });
  });
});
