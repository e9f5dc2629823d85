import { describe, expect, it } from 'vitest';
import { checkProfile } from './checks';
import { applyVendorPreset, detectVendorPreset, mskRegionFromHost, vendorPresets } from './presets';
import { emptyProfileDraft, vendorPresetIds, type ProfileDraft } from './profile-schema';

const base = (fields: Partial<ProfileDraft>): ProfileDraft => ({ ...emptyProfileDraft('p', 'x'), bootstrapServers: ['b:9092'], ...fields });
const codes = (draft: ProfileDraft) => checkProfile(draft).map((issue) => issue.code);

describe('vendor presets', () => {
  it('exist for every vendor id', () => {
    expect(Object.keys(vendorPresets).sort()).toEqual([...vendorPresetIds].sort());
  });

  it('WarpStream: replication factor and partitions 1, Schema Registry observation auto', () => {
    const draft = applyVendorPreset(base({ schemaRegistry: { urls: ['https://sr:8081'], auth: { kind: 'none' }, tls: null, observation: 'auto' } }), 'warpstream');
    expect(draft.topicDefaults).toEqual({ replicationFactor: 1, partitions: 1 });
    expect(draft.schemaRegistry?.observation).toBe('auto');
    expect(applyVendorPreset(base({ topicDefaults: { replicationFactor: 3, partitions: null } }), 'warpstream').topicDefaults).toEqual({ replicationFactor: 3, partitions: 1 });
  });

  it('WarpStream: warns about control-plane URLs, replication factors other than 1 and observation v2', () => {
    for (const address of ['https://console.warpstream.com', 'api.prod.us-east-1.warpstream.com:443', 'console.warpstream.com:9092']) {
      expect(codes(base({ vendor: { preset: 'warpstream' }, bootstrapServers: [address] })), address).toContain('warpstream.control-plane-bootstrap');
    }
    expect(codes(base({ vendor: { preset: 'warpstream' }, bootstrapServers: ['warpstream-agent.default.svc.cluster.local:9092'] }))).not.toContain('warpstream.control-plane-bootstrap');
    expect(codes(base({ vendor: { preset: 'warpstream' }, topicDefaults: { replicationFactor: 3, partitions: null } }))).toContain('warpstream.replication-factor');
    expect(codes(base({ vendor: { preset: 'warpstream' }, schemaRegistry: { urls: ['https://sr:8081'], auth: { kind: 'none' }, tls: null, observation: 'v2' } }))).toContain('warpstream.schema-registry-v2');
  });

  it('Conduktor Gateway: prefix separator "." by default and a note when no virtual cluster is set', () => {
    const draft = applyVendorPreset(base({}), 'conduktor-gateway');
    expect(draft.vendor).toEqual({ preset: 'conduktor-gateway', prefixSeparator: '.' });
    expect(codes(draft)).toContain('gateway.no-virtual-cluster');
    expect(codes({ ...draft, vendor: { preset: 'conduktor-gateway', prefixSeparator: '.', virtualCluster: 'vc-alice' } })).not.toContain('gateway.no-virtual-cluster');
  });

  it('Confluent Cloud: SASL_SSL + PLAIN set up, and flagged otherwise', () => {
    const draft = applyVendorPreset(base({ bootstrapServers: ['pkc-1.eu-west-1.aws.confluent.cloud:9092'] }), 'confluent-cloud');
    expect(draft).toMatchObject({ securityProtocol: 'SASL_SSL', sasl: { mechanism: 'plain' }, tls: { trust: { kind: 'system' } } });
    expect(codes({ ...draft, securityProtocol: 'SASL_PLAINTEXT', tls: null })).toContain('confluent.protocol');
    expect(codes({ ...draft, sasl: { mechanism: 'scram-sha-256', username: 'u' } })).toContain('confluent.mechanism');
  });

  it('Amazon MSK: IAM with the region from the host; ports 9098/9198 expected', () => {
    const draft = applyVendorPreset(base({ bootstrapServers: ['b-1.demo.abc.c2.kafka.eu-central-1.amazonaws.com:9098'] }), 'amazon-msk');
    expect(draft.sasl).toEqual({ mechanism: 'aws-msk-iam', region: 'eu-central-1', credentials: { source: 'default-chain' } });
    expect(codes(draft)).toEqual([]);
    expect(codes({ ...draft, bootstrapServers: ['b-1.demo.abc.c2.kafka.eu-central-1.amazonaws.com:9096'] })).toContain('msk.iam-port');
    expect(codes({ ...draft, sasl: { mechanism: 'aws-msk-iam', region: 'us-east-1', credentials: { source: 'default-chain' } } })).toContain('msk.region');
    expect(mskRegionFromHost('boot-abc.c1.kafka-serverless.us-east-2.amazonaws.com')).toBe('us-east-2');
  });

  it('Aiven: the project CA is needed; Redpanda Cloud: SCRAM over SASL_SSL', () => {
    expect(codes(base({ vendor: { preset: 'aiven' }, securityProtocol: 'SSL', tls: { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' } }))).toContain('aiven.project-ca');
    expect(codes(base({ vendor: { preset: 'redpanda' }, bootstrapServers: ['seed-1.abc.fmc.prd.cloud.redpanda.com:9092'] }))).toContain('redpanda.cloud-auth');
  });

  it('detects the vendor from host names and free-text names', () => {
    expect(detectVendorPreset(['pkc-1.eu-west-1.aws.confluent.cloud:9092'])).toBe('confluent-cloud');
    expect(detectVendorPreset(['b-1.x.c2.kafka.eu-west-1.amazonaws.com:9098'])).toBe('amazon-msk');
    expect(detectVendorPreset(['kafka-x.aivencloud.com:12345'])).toBe('aiven');
    expect(detectVendorPreset(['b:9092'], ['WarpStream Kafka'])).toBe('warpstream');
    expect(detectVendorPreset(['localhost:9092'])).toBe('apache-kafka');
  });
});
