import { describe, expect, it } from 'vitest';
import { splitSecrets, joinSecrets, redactedView, secretStatuses } from '../secrets';
import { connectionProfileSchema, profileDraftSchema } from '../profile-schema';
import { importProfile } from './import-profile';

const kpowEnv = [
  'ENVIRONMENT_NAME=Orders',
  'BOOTSTRAP=broker-1.example.com:9092',
  'SECURITY_PROTOCOL=PLAINTEXT',
  'CONNECT_NAME=Warehouse',
  'CONNECT_REST_URL=https://connect-a.example.com:8083,https://connect-b.example.com:8083',
  'CONNECT_AUTH=BASIC',
  'CONNECT_BASIC_AUTH_USER=ops',
  'CONNECT_BASIC_AUTH_PASS=s3cret-connect',
  'CONNECT_REST_URL_2=http://analytics-connect:8083',
  'CONNECT_NAME_2=Analytics',
].join('\n');

describe('Kpow Connect import', () => {
  it('reads the first and numbered Connect clusters, with fail-over URLs and the password as a secret', () => {
    const preview = importProfile(kpowEnv, { format: 'kpow-env' });
    expect(preview.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(joinSecrets(preview.profile, preview.secrets).connect).toEqual([
      {
        id: 'connect-1',
        name: 'Warehouse',
        urls: ['https://connect-a.example.com:8083', 'https://connect-b.example.com:8083'],
        auth: { kind: 'basic', username: 'ops', password: 's3cret-connect' },
        tls: { caFile: null, clientCertFile: null, clientKeyFile: null, verifyHostname: true },
        readOnly: false,
      },
      { id: 'connect-2', name: 'Analytics', urls: ['http://analytics-connect:8083'], auth: { kind: 'none' }, tls: null, readOnly: false },
    ]);
    expect(preview.secretFields.map((field) => field.slot)).toEqual(['connect.connect-1.password']);
  });

  it('reports a bad auth kind and a user-less basic auth', () => {
    const preview = importProfile('BOOTSTRAP=b:9092\nCONNECT_REST_URL=http://c:8083\nCONNECT_AUTH=KERBEROS\nCONNECT_REST_URL_3=http://d:8083\nCONNECT_BASIC_AUTH_PASS_3=x', { format: 'kpow-env' });
    const codes = preview.issues.map((issue) => issue.code);
    expect(codes).toContain('input.connect-auth');
    expect(codes).toContain('input.no-connect-user');
  });
});

describe('Connect secrets', () => {
  it('splits a Connect cluster password into its own slot and joins it back; the redacted view hides it', () => {
    const preview = importProfile(kpowEnv, { format: 'kpow-env' });
    const draft = profileDraftSchema.parse(joinSecrets(preview.profile, preview.secrets));
    const { profile, secrets } = splitSecrets(draft);
    expect(secrets).toEqual({ 'connect.connect-1.password': 's3cret-connect' });
    expect(connectionProfileSchema.safeParse(profile).success).toBe(true);
    expect(JSON.stringify(redactedView(draft))).not.toContain('s3cret-connect');
    expect(secretStatuses(profile).map((status) => [status.slot, status.state])).toContainEqual(['connect.connect-1.password', 'set']);
    expect(joinSecrets(profile, secrets).connect[0]?.auth).toEqual({ kind: 'basic', username: 'ops', password: 's3cret-connect' });
  });

  it('refuses a stored profile whose Connect slot names another cluster, and duplicate ids', () => {
    const preview = importProfile(kpowEnv, { format: 'kpow-env' });
    const { profile } = splitSecrets(profileDraftSchema.parse(joinSecrets(preview.profile, preview.secrets)));
    const tampered = structuredClone(profile);
    (tampered.connect[0]!.auth as { password: { slot: string } }).password.slot = 'connect.connect-2.password';
    expect(connectionProfileSchema.safeParse(tampered).success).toBe(false);
    const duplicate = structuredClone(profile);
    duplicate.connect[1]!.id = 'connect-1';
    expect(connectionProfileSchema.safeParse(duplicate).success).toBe(false);
  });

  it('reads a profile saved before Connect support as having no Connect clusters', () => {
    const { profile } = splitSecrets(profileDraftSchema.parse(importProfile('BOOTSTRAP=b:9092', { format: 'kpow-env' }).profile));
    const { connect: _connect, ...old } = profile;
    expect(connectionProfileSchema.parse(old).connect).toEqual([]);
  });
});
