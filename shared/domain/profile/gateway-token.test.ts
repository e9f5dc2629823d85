import { describe, expect, it } from 'vitest';
import { gatewayTokenStatus, readGatewayToken } from './gateway-token';
import { importProfile } from './import/import-profile';

// The token printed in the Conduktor Gateway docs (the seed): jdoe, passthrough, exp 1745365971.
const seedToken = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6Impkb2UiLCJ2Y2x1c3RlciI6InBhc3N0aHJvdWdoIiwiZXhwIjoxNzQ1MzY1OTcxfQ.zPPiD17MiRnXyHJw07Cx4SKPySDi_ErJrXmi5BycR04';
const seedExpiry = new Date(1745365971 * 1000);

const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.c2ln`;

describe('Gateway tokens', () => {
  it('reads the seed token: user, virtual cluster, expiry', () => {
    expect(readGatewayToken(seedToken)).toEqual({ username: 'jdoe', virtualCluster: 'passthrough', expiresAt: '2025-04-22T23:52:51.000Z' });
  });

  it('valid: more than a week left', () => {
    const status = gatewayTokenStatus(readGatewayToken(seedToken)!, new Date(seedExpiry.getTime() - 30 * 86_400_000));
    expect(status.state).toBe('valid');
    expect(status.message).toBe("Gateway token for 'jdoe' in virtual cluster 'passthrough', valid until 2025-04-22 23:52 UTC.");
  });

  it('expiring: warns within a week, saying how long is left', () => {
    const status = gatewayTokenStatus(readGatewayToken(seedToken)!, new Date(seedExpiry.getTime() - 3 * 86_400_000));
    expect(status.state).toBe('expiring');
    expect(status.message).toContain('expires in 3 days');
    expect(gatewayTokenStatus(readGatewayToken(seedToken)!, new Date(seedExpiry.getTime() - 5 * 3_600_000)).message).toContain('expires in 5 hours');
  });

  it('expired: says so plainly', () => {
    const status = gatewayTokenStatus(readGatewayToken(seedToken)!, new Date('2026-01-01T00:00:00Z'));
    expect(status.state).toBe('expired');
    expect(status.message).toMatch(/expired on 2025-04-22 23:52 UTC; the Gateway refuses it/);
  });

  it('no exp claim', () => {
    const facts = readGatewayToken(token({ username: 'a', vcluster: 'vc-a' }));
    expect(facts).toEqual({ username: 'a', virtualCluster: 'vc-a', expiresAt: null });
    expect(gatewayTokenStatus(facts!, new Date()).state).toBe('no-expiry');
  });

  it('not a Gateway token: ordinary passwords, other JWTs, broken encodings', () => {
    for (const password of [undefined, '', 'hunter2', 'a.b.c', 'a.b', `${seedToken}.x`, token({ sub: 'someone', exp: 1 }), token({ username: 'a' }), `${b64({ alg: 'HS256' })}.!!!.sig`, `${b64('text')}.${b64({ username: 'a', vcluster: 'b' })}.s`]) {
      expect(readGatewayToken(password), String(password)).toBeNull();
    }
  });
});

describe('a Gateway token in an imported profile', () => {
  const properties = (password: string) =>
    `bootstrap.servers=gateway.example.com:6969\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="${password}";\n`;
  const aliceToken = token({ username: 'alice', vcluster: 'vc-alice', exp: Date.parse('2027-01-10T00:00:00Z') / 1000 });

  it('valid: the facts are kept, the vendor and virtual cluster pre-filled, the token only in the secrets', () => {
    const preview = importProfile(properties(aliceToken), { now: new Date('2026-12-01T00:00:00Z') });
    expect(preview.profile.gatewayToken).toEqual({ username: 'alice', virtualCluster: 'vc-alice', expiresAt: '2027-01-10T00:00:00.000Z' });
    expect(preview.profile.vendor).toEqual({ preset: 'conduktor-gateway', prefixSeparator: '.', virtualCluster: 'vc-alice' });
    const issue = preview.issues.find((entry) => entry.code === 'gateway.token-valid');
    expect(issue?.severity).toBe('info');
    expect(issue?.message).toContain("virtual cluster was set to 'vc-alice' from the token");
    expect(JSON.stringify({ ...preview, secrets: undefined })).not.toContain(aliceToken);
    expect(preview.secrets['sasl.password']).toBe(aliceToken);
  });

  it('expiring within a week: a warning', () => {
    const preview = importProfile(properties(aliceToken), { now: new Date('2027-01-05T00:00:00Z') });
    expect(preview.issues.find((entry) => entry.code === 'gateway.token-expiring')).toMatchObject({ severity: 'warning', message: expect.stringContaining('expires in 5 days') });
  });

  it('expired: a warning that says it has expired', () => {
    const preview = importProfile(properties(aliceToken), { now: new Date('2027-02-01T00:00:00Z') });
    expect(preview.issues.find((entry) => entry.code === 'gateway.token-expired')?.message).toContain('expired on 2027-01-10 00:00 UTC');
  });

  it('not a JWT: nothing about tokens, the vendor stays as detected', () => {
    const preview = importProfile(properties('plain-password').replace('gateway.example.com', 'broker.example.com'));
    expect(preview.profile.gatewayToken).toBeUndefined();
    expect(preview.profile.vendor.preset).toBe('apache-kafka');
    expect(preview.issues.some((entry) => entry.code.startsWith('gateway.token'))).toBe(false);
  });

  it('a passthrough token does not set a virtual cluster', () => {
    const preview = importProfile(properties(seedToken), { now: new Date('2025-01-01T00:00:00Z') });
    expect(preview.profile.vendor).toEqual({ preset: 'conduktor-gateway', prefixSeparator: '.' });
  });
});
