import { describe, expect, it } from 'vitest';
import { checkProfile } from '../../../../shared/domain/profile/checks';
import { emptyProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import { issueFor, newProfileId, parseParameterLines, formatParameterLines, saslFor, secretValue, withProtocol, withSecret, withTypedServers } from './draft-editing';

describe('profile editor helpers', () => {
  it('adds and drops the SASL and TLS sections with the protocol, keeping what still applies', () => {
    const sasl = withProtocol(emptyProfileDraft('a', 'A'), 'SASL_SSL');
    expect(sasl.sasl).toEqual({ mechanism: 'scram-sha-512', username: '' });
    expect(sasl.tls).toMatchObject({ trust: { kind: 'system' }, verifyHostname: true });
    const kept = withProtocol({ ...sasl, sasl: { mechanism: 'plain', username: 'ann' } }, 'SASL_PLAINTEXT');
    expect(kept).toMatchObject({ sasl: { mechanism: 'plain', username: 'ann' }, tls: null });
    expect(withProtocol(kept, 'PLAINTEXT')).toMatchObject({ sasl: null, tls: null });
  });

  it('keeps the user name between PLAIN and SCRAM but not into OAuth', () => {
    expect(saslFor('scram-sha-256', { mechanism: 'plain', username: 'ann', password: 'x' })).toEqual({ mechanism: 'scram-sha-256', username: 'ann' });
    expect(saslFor('oauthbearer', { mechanism: 'plain', username: 'ann' })).toEqual({ mechanism: 'oauthbearer', tokenEndpoint: '', clientId: '', extraParameters: {} });
  });

  it('reads and writes secrets by slot, ignoring slots whose section is absent', () => {
    const draft = withProtocol(emptyProfileDraft('a', 'A'), 'SASL_PLAINTEXT');
    const withPassword = withSecret(draft, 'sasl.password', 's3cret');
    expect(secretValue(withPassword, 'sasl.password')).toBe('s3cret');
    expect(secretValue(draft, 'sasl.password')).toBeUndefined();
    expect(secretValue(withSecret(withPassword, 'sasl.password', undefined), 'sasl.password')).toBeUndefined();
    expect(withSecret(draft, 'tls.truststorePassword', 'x')).toEqual(draft);
  });

  it('finds a field’s error without the field prefix', () => {
    const issues = checkProfile(withProtocol(emptyProfileDraft('a', ''), 'SASL_PLAINTEXT'));
    expect(issueFor(issues, 'name')).toBe('Give the profile a name.');
    expect(issueFor(issues, 'sasl.username')).toBe('Give the SASL username.');
    expect(issueFor(issues, 'tls.verifyHostname', 'warning')).toBeUndefined();
  });

  it('derives free ids from names and round-trips extra parameters', () => {
    expect(newProfileId('Orders (prod)', [])).toBe('orders-prod');
    expect(newProfileId('Orders (prod)', ['orders-prod', 'orders-prod-2'])).toBe('orders-prod-3');
    expect(newProfileId('☃', [])).toBe('profile');
    const parameters = parseParameterLines('resource = api://kafka\nbroken\n=x\naudience=a=b');
    expect(parameters).toEqual({ resource: 'api://kafka', audience: 'a=b' });
    expect(formatParameterLines(parameters)).toBe('resource=api://kafka\naudience=a=b');
  });
});

describe('stores imported into the keychain, in the editor', () => {
  it('reads and writes the imported store by slot, for Kafka and Schema Registry TLS alike', () => {
    const draft = {
      ...withProtocol(emptyProfileDraft('a', 'A'), 'SSL'),
      schemaRegistry: { urls: ['https://sr.example.com'], auth: { kind: 'none' as const }, tls: { trust: { kind: 'system' as const }, identity: { kind: 'pkcs12' as const, source: 'keychain' as const }, verifyHostname: true }, observation: 'auto' as const },
    };
    const withStore = withSecret(draft, 'schemaRegistry.tls.keystore', 'AAEC');
    expect(withStore.schemaRegistry?.tls?.identity).toEqual({ kind: 'pkcs12', source: 'keychain', store: 'AAEC' });
    expect(secretValue(withStore, 'schemaRegistry.tls.keystore')).toBe('AAEC');
    expect(secretValue(withStore, 'tls.keystore')).toBeUndefined();
    expect(withSecret(withStore, 'schemaRegistry.tls.keystore', undefined).schemaRegistry?.tls?.identity).toEqual({ kind: 'pkcs12', source: 'keychain' });
  });

  it('names Schema Registry TLS problems by their own field', () => {
    const draft = {
      ...emptyProfileDraft('a', 'A'),
      bootstrapServers: ['b:9092'],
      schemaRegistry: { urls: ['https://sr.example.com'], auth: { kind: 'none' as const }, tls: { trust: { kind: 'pem-file' as const, path: '' }, identity: null, verifyHostname: false }, observation: 'auto' as const },
    };
    const issues = checkProfile(draft);
    expect(issueFor(issues, 'schemaRegistry.tls.trust.path')).toBe('Give the file path.');
    expect(issueFor(issues, 'schemaRegistry.tls.verifyHostname', 'warning')).toMatch(/host-name verification is off/);
  });
});

describe('withTypedServers (issue 17: bootstrap servers accepted as typed)', () => {
  it('counts the server still being typed, and several separated by commas or spaces', () => {
    const draft = emptyProfileDraft('p', 'P');
    expect(withTypedServers(draft, '').bootstrapServers).toEqual([]);
    expect(withTypedServers(draft, ' localhost:9092 ').bootstrapServers).toEqual(['localhost:9092']);
    const one = { ...draft, bootstrapServers: ['a:1'] };
    expect(withTypedServers(one, 'b:2, c:3 a:1').bootstrapServers).toEqual(['a:1', 'b:2', 'c:3']);
    expect(withTypedServers(one, '  ')).toBe(one);
  });
});
