import { describe, expect, it } from 'vitest';
import { importProfile } from '../import/import-profile';
import { redactedView, REDACTED_SECRET, secretStatuses, splitSecrets } from '../secrets';
import { testProfiles } from '../test-profiles';
import { exportJavaProperties } from './java-properties';
import { exportKafkajsSnippet } from './kafkajs-snippet';
import { exportLibrdkafkaConfig } from './librdkafka';

const cases = testProfiles.map(({ draft, librdkafka }) => ({ name: draft.id, librdkafka, ...splitSecrets(draft) }));

describe('export round trips: importing an export yields the same profile', () => {
  it.each(cases)('Java properties with secrets: $name', ({ profile, secrets }) => {
    const text = exportJavaProperties(profile, { secrets });
    const preview = importProfile(text);
    expect(preview.format).toBe('properties');
    expect(preview.profile).toEqual(profile);
    expect(preview.secrets).toEqual(secrets);
  });

  it.each(cases.filter((entry) => entry.librdkafka))('librdkafka config with secrets: $name', ({ profile, secrets }) => {
    const text = exportLibrdkafkaConfig(profile, { secrets });
    const preview = importProfile(text, { format: 'librdkafka' });
    expect(preview.profile).toEqual(profile);
    expect(preview.secrets).toEqual(secrets);
  });

  it.each(cases)('redacted Java properties: same profile, secrets reported as redacted and left unset: $name', ({ profile }) => {
    const preview = importProfile(exportJavaProperties(profile));
    const unset = splitSecrets(JSON.parse(JSON.stringify(redactedView(profile)).replaceAll(JSON.stringify(REDACTED_SECRET), '""'))).profile;
    expect(preview.profile).toEqual(unset);
    expect(preview.secrets).toEqual({});
    const redacted = secretStatuses(profile).filter((status) => status.state === 'set').length;
    expect(preview.issues.filter((issue) => issue.code === 'input.secret-redacted')).toHaveLength(redacted);
  });
});

describe('exports keep secrets out unless given', () => {
  it.each(cases)('$name: no planted secret in redacted exports, all of them when passed explicitly', ({ profile, secrets }) => {
    for (const exporter of [exportJavaProperties, exportLibrdkafkaConfig, exportKafkajsSnippet]) {
      expect(exporter(profile)).not.toContain('PLANTED');
    }
    const withSecrets = exportJavaProperties(profile, { secrets });
    expect(importProfile(withSecrets).secrets).toEqual(secrets);
  });
});

describe('kafkajs snippet', () => {
  it('writes a SASL/TLS client with the TLS profile and the secret only when given', () => {
    const entry = cases.find((candidate) => candidate.name === 'warpstream-prod');
    if (!entry) throw new Error('missing case');
    const redacted = exportKafkajsSnippet(entry.profile);
    expect(redacted).toContain("import { Kafka } from 'kafkajs';");
    expect(redacted).toContain('"warpstream-agent.default.svc.cluster.local:9092"');
    expect(redacted).toContain(`password: ${JSON.stringify(REDACTED_SECRET)}`);
    expect(redacted).toContain("minVersion: 'TLSv1.2'");
    expect(redacted).toContain('ECDHE-ECDSA-AES128-GCM-SHA256');
    expect(exportKafkajsSnippet(entry.profile, { secrets: entry.secrets })).toContain(JSON.stringify(entry.secrets['sasl.password']));
  });

  it('uses the MSK IAM signer with the named profile, and the OAuth client-credentials flow', () => {
    const iam = cases.find((candidate) => candidate.name === 'msk-iam-profile');
    const oauth = cases.find((candidate) => candidate.name === 'gateway-oauth');
    if (!iam || !oauth) throw new Error('missing case');
    const iamSnippet = exportKafkajsSnippet(iam.profile);
    expect(iamSnippet).toContain("import { generateAuthTokenFromProfile } from 'aws-msk-iam-sasl-signer-js';");
    expect(iamSnippet).toContain('awsProfileName: "kafka-admin"');
    const oauthSnippet = exportKafkajsSnippet(oauth.profile);
    expect(oauthSnippet).toContain('"grant_type": "client_credentials"');
    expect(oauthSnippet).toContain('"resource": "https://kafka.example.com"');
  });

  it('explains Kerberos instead of configuring it', () => {
    const { profile } = splitSecrets({ ...testProfiles[6]!.draft, securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'gssapi', principal: 'kafka@EXAMPLE.COM' } });
    expect(exportKafkajsSnippet(profile)).toContain('// Kerberos (GSSAPI) is not supported: kafkajs has no GSSAPI implementation');
    expect(exportJavaProperties(profile)).toContain('sasl.mechanism=GSSAPI');
  });
});

describe('stores imported into the keychain', () => {
  const { profile, secrets } = splitSecrets({
    ...testProfiles[1]!.draft,
    tls: {
      trust: { kind: 'pkcs12', source: 'keychain', store: 'UExBTlRFRC10cnVzdA==', password: 'PLANTED-trust' },
      identity: { kind: 'pkcs12', source: 'keychain', store: 'UExBTlRFRC1rZXk=', password: 'PLANTED-key' },
      verifyHostname: true,
      profile: 'default',
    },
  });

  it('cannot become file paths: every exporter says so in a comment instead, even with secrets', () => {
    const java = exportJavaProperties(profile, { secrets });
    expect(java).toMatch(/^# .*PKCS12 truststore is imported into Odradek's keychain.*set ssl\.truststore\.location/m);
    expect(java).toMatch(/^# .*PKCS12 keystore is imported into Odradek's keychain.*set ssl\.keystore\.location/m);
    expect(java).not.toMatch(/^ssl\.(trust|key)store\.location/m);
    expect(exportLibrdkafkaConfig(profile, { secrets })).toMatch(/^# .*PKCS12 keystore is imported into Odradek's keychain/m);
    expect(exportKafkajsSnippet(profile, { secrets })).toContain("keystore is imported into Odradek's keychain and has no file path");
    for (const text of [java, exportLibrdkafkaConfig(profile, { secrets }), exportKafkajsSnippet(profile, { secrets })]) {
      expect(text).not.toContain('UExBTlRFRC');
    }
  });

  it('imports back without the store (there is no path to read), not as a store with an empty path', () => {
    const preview = importProfile(exportJavaProperties(profile, { secrets }));
    expect(preview.profile.tls?.identity).toBeNull();
  });
});
