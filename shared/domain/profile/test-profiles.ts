// Profiles covering every variant, with planted secret values, shared by the model and export tests.
import { emptyProfileDraft, profileActions, type ProfileDraft } from './profile-schema';

const certificate = '-----BEGIN CERTIFICATE-----\nMIIBtestcertificate\n-----END CERTIFICATE-----';
const privateKey = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nPLANTED-PRIVATE-KEY-BODY\n-----END ENCRYPTED PRIVATE KEY-----';

function draft(id: string, name: string, fields: Partial<ProfileDraft>): ProfileDraft {
  return { ...emptyProfileDraft(id, name), ...fields };
}

/** Each entry: a draft with secret values inline, and which export formats can express it fully. */
export const testProfiles: { draft: ProfileDraft; librdkafka: boolean }[] = [
  {
    librdkafka: true,
    draft: draft('warpstream-prod', 'WarpStream prod', {
      environment: { tag: 'prod', colour: '#fa5252' },
      bootstrapServers: ['warpstream-agent.default.svc.cluster.local:9092', '[2001:db8::1]:9092'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'plain', username: 'ccloud "key"', password: 'PLANTED-sasl-password \\ with "quotes"' },
      tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'intermediate' },
      schemaRegistry: { name: 'WarpStream SR', urls: ['https://sr.example.com:8081', 'https://sr2.example.com'], auth: { kind: 'basic', username: 'sr-user', password: 'PLANTED-sr-password' }, tls: null, observation: 'auto' },
      vendor: { preset: 'warpstream' },
      topicDefaults: { replicationFactor: 1, partitions: 1 },
      safety: { readOnly: true, allowedActions: ['produce', 'export-data'] },
    }),
  },
  {
    librdkafka: false,
    draft: draft('scram-jks', 'SCRAM with JKS', {
      bootstrapServers: ['b-1.example.com:9096'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'PLANTED-scram-password' },
      tls: {
        trust: { kind: 'jks', path: '/etc/kafka/truststore.jks', password: 'PLANTED-truststore-password' },
        identity: { kind: 'jks', path: 'C:\\certs\\keystore.jks', password: 'PLANTED-keystore-password', keyPassword: 'PLANTED-key-password' },
        verifyHostname: false,
        profile: 'modern',
      },
    }),
  },
  {
    librdkafka: true,
    draft: draft('gateway-oauth', 'Gateway OAuth', {
      environment: { tag: 'staging', colour: '#123abc' },
      bootstrapServers: ['gateway.example.com:6969'],
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: {
        mechanism: 'oauthbearer',
        tokenEndpoint: 'https://login.example.com/oauth2/token',
        clientId: 'odradek-client',
        clientSecret: 'PLANTED-client-secret',
        scope: 'kafka.read kafka.write',
        audience: 'api://kafka',
        extraParameters: { resource: 'https://kafka.example.com' },
      },
      schemaRegistry: { urls: ['https://sr.example.com'], auth: { kind: 'bearer', token: 'PLANTED-sr-token' }, tls: null, observation: 'v2' },
      vendor: { preset: 'conduktor-gateway', virtualCluster: 'vc-alice', prefixSeparator: '.' },
    }),
  },
  {
    librdkafka: true,
    draft: draft('msk-iam-profile', 'MSK IAM', {
      bootstrapServers: ['b-1.demo.abc123.c2.kafka.eu-west-1.amazonaws.com:9098'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'aws-msk-iam', region: 'eu-west-1', credentials: { source: 'profile', profileName: 'kafka-admin' } },
      tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' },
      vendor: { preset: 'amazon-msk' },
    }),
  },
  {
    librdkafka: false,
    draft: draft('msk-iam-static', 'MSK IAM static keys', {
      bootstrapServers: ['b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9198'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'aws-msk-iam', region: 'us-east-1', credentials: { source: 'static', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'PLANTED-aws-secret', sessionToken: 'PLANTED-aws-session' } },
      tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' },
      vendor: { preset: 'amazon-msk' },
    }),
  },
  {
    librdkafka: false,
    draft: draft('mtls-pem-text', 'mTLS with pasted PEM', {
      bootstrapServers: ['kafka.internal:9093'],
      securityProtocol: 'SSL',
      tls: {
        trust: { kind: 'pem-text', pem: certificate },
        identity: { kind: 'pem', certificate: { source: 'text', pem: certificate }, key: { source: 'text', pem: privateKey }, keyPassword: 'PLANTED-key-passphrase' },
        verifyHostname: true,
        profile: 'old',
      },
      schemaRegistry: {
        urls: ['https://sr.internal:8081'],
        auth: { kind: 'none' },
        tls: {
          trust: { kind: 'pkcs12', path: '/certs/sr-trust.p12', password: 'PLANTED-sr-truststore' },
          identity: { kind: 'pem', certificate: { source: 'file', path: '/certs/sr.crt' }, key: { source: 'file', path: '/certs/sr.key' }, keyPassword: 'PLANTED-sr-key-pass' },
          verifyHostname: false,
        },
        observation: 'v1',
      },
      vendor: { preset: 'aiven' },
    }),
  },
  {
    librdkafka: true,
    draft: draft('local', 'Local docker', {
      environment: { tag: 'local', colour: '#868e96' },
      bootstrapServers: ['localhost:9092'],
      safety: { readOnly: false, allowedActions: [...profileActions] },
    }),
  },
  {
    librdkafka: true,
    draft: draft('pkcs12-mtls', 'PKCS12 client', {
      bootstrapServers: ['kafka-1.example.com:9093', 'kafka-2.example.com:9093'],
      securityProtocol: 'SSL',
      tls: { trust: { kind: 'pem-file', path: '/certs/ca.pem' }, identity: { kind: 'pkcs12', path: '/certs/client.p12', password: 'PLANTED-p12-password' }, verifyHostname: false, profile: 'intermediate' },
      vendor: { preset: 'redpanda' },
    }),
  },
];
