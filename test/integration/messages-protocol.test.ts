// The protocol module against the real bed: the group-less cluster over every kind of connection the
// client factory builds, DescribeLogDirs sizes, and IncrementalAlterConfigs changing only what it names.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { describeLogDirs } from '../../electron/main/services/kafka/protocol/describe-log-dirs';
import { openFetchCluster, type FetchCluster } from '../../electron/main/services/kafka/protocol/fetch-cluster';
import { ConfigChangeRejectedError, incrementalAlterConfigs } from '../../electron/main/services/kafka/protocol/incremental-alter-configs';
import { systemClock } from '../../electron/main/services/ports';
import { adminClient, createTopic, produceMessages, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';

const info = inject('testbed');
const plaintext: KafkaConnectionSettings = { name: 'it', bootstrapServers: info.listeners.plaintext.split(','), tls: null, sasl: null };

async function topicConfigs(topic: string): Promise<Map<string, { value: string; isDefault: boolean }>> {
  const admin = await adminClient(info);
  try {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
    return new Map((resources[0]?.configEntries ?? []).map((entry) => [entry.configName, { value: entry.configValue, isDefault: entry.isDefault }]));
  } finally {
    await admin.disconnect();
  }
}

describe('the group-less cluster connects like the client factory', () => {
  const topic = uniqueTopic('protocol-connect');
  const ca = readFileSync(info.tls.ca.cert, 'utf8');
  const connections: Record<string, KafkaConnectionSettings> = {
    'mutual TLS': {
      name: 'mtls',
      bootstrapServers: info.listeners.ssl.split(','),
      tls: {
        trust: { kind: 'pem', pem: ca },
        identity: { kind: 'pem', certificatePem: readFileSync(info.tls.client.cert, 'utf8'), keyPem: readFileSync(info.tls.client.key, 'utf8') },
        verifyHostname: true,
        profile: 'intermediate',
      },
      sasl: null,
    },
    'SASL_SSL SCRAM-SHA-512': {
      name: 'scram',
      bootstrapServers: info.listeners.saslSsl.split(','),
      tls: { trust: { kind: 'pem', pem: ca }, identity: null, verifyHostname: true, profile: 'default' },
      sasl: { mechanism: 'scram-sha-512', ...info.users.admin },
    },
    'OAUTHBEARER client credentials': {
      name: 'oauth',
      bootstrapServers: info.listeners.oauth.split(','),
      tls: null,
      sasl: {
        mechanism: 'oauthbearer',
        tokenEndpoint: info.oauth.tokenEndpoint,
        clientId: info.oauth.clientId,
        clientSecret: info.oauth.clientSecret,
        scope: info.oauth.scope,
        audience: info.oauth.audience,
      },
    },
  };

  beforeAll(async () => {
    await createTopic(info, { topic });
    await produceWithKafkajs(info, topic, [{ value: 'a' }, { value: 'b' }]);
  });

  for (const [name, settings] of Object.entries(connections)) {
    it(`reads over ${name}`, async () => {
      const cluster = await openFetchCluster(settings, systemClock, { retries: 0 });
      try {
        const latest = await cluster.listOffsets(topic, [0], 'latest');
        expect(latest.get(0)).toBe(2n);
        const [result] = await cluster.fetch(topic, [{ partition: 0, offset: 0n }], { maxBytes: 1024 * 1024, partitionMaxBytes: 1024 * 1024, maxWaitMs: 100 });
        expect(result?.status === 'ok' && result.records.map((record) => record.value?.toString())).toEqual(['a', 'b']);
      } finally {
        await cluster.close();
      }
    });
  }
});

describe('DescribeLogDirs and IncrementalAlterConfigs', () => {
  let cluster: FetchCluster;
  beforeAll(async () => {
    cluster = await openFetchCluster(plaintext, systemClock);
  });
  afterAll(async () => {
    await cluster.close();
  });

  it('reports bytes on disk per partition once data is written', async () => {
    const topic = uniqueTopic('protocol-logdirs');
    await createTopic(info, { topic, partitions: 2 });
    await produceMessages(info, { topic, count: 2_000, size: 512 });
    const sizes = await describeLogDirs(cluster, [topic]);
    const live = sizes.filter((entry) => entry.topic === topic && !entry.isFuture);
    expect(live.map((entry) => entry.partition).sort()).toEqual([0, 1]);
    expect(live.reduce((sum, entry) => sum + entry.sizeBytes, 0)).toBeGreaterThan(2_000 * 512);
    expect(live.every((entry) => entry.logDir.length > 0 && info.nodes.some((node) => node.id === entry.brokerId))).toBe(true);

    const everything = await describeLogDirs(cluster, null);
    expect(everything.some((entry) => entry.topic === topic)).toBe(true);
  });

  it('sets one key and deletes another, leaving the other overrides alone', async () => {
    const topic = uniqueTopic('protocol-configs');
    await createTopic(info, { topic, configs: { 'retention.ms': '86400000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000' } });

    await incrementalAlterConfigs(cluster, [{ type: 'topic', name: topic, changes: [{ name: 'retention.ms', operation: 'set', value: '3600000' }] }]);
    let configs = await topicConfigs(topic);
    expect(configs.get('retention.ms')?.value).toBe('3600000');
    expect(configs.get('cleanup.policy')?.value).toBe('compact');
    expect(configs.get('max.message.bytes')?.value).toBe('2000000');

    await incrementalAlterConfigs(cluster, [{ type: 'topic', name: topic, changes: [{ name: 'max.message.bytes', operation: 'delete' }] }]);
    configs = await topicConfigs(topic);
    expect(configs.get('max.message.bytes')?.isDefault).toBe(true);
    expect(configs.get('retention.ms')?.value).toBe('3600000');
    expect(configs.get('cleanup.policy')?.value).toBe('compact');
  });

  it('validates without applying, and reports a rejected change', async () => {
    const topic = uniqueTopic('protocol-configs-invalid');
    await createTopic(info, { topic });
    await incrementalAlterConfigs(cluster, [{ type: 'topic', name: topic, changes: [{ name: 'retention.ms', operation: 'set', value: '1000' }] }], {
      validateOnly: true,
    });
    expect((await topicConfigs(topic)).get('retention.ms')?.value).not.toBe('1000');
    await expect(
      incrementalAlterConfigs(cluster, [{ type: 'topic', name: topic, changes: [{ name: 'retention.ms', operation: 'set', value: 'soon' }] }]),
    ).rejects.toBeInstanceOf(ConfigChangeRejectedError);
  });

  it('changes a broker config on that broker', async () => {
    const brokerId = String(info.nodes[0]!.id);
    await incrementalAlterConfigs(cluster, [{ type: 'broker', name: brokerId, changes: [{ name: 'log.cleaner.threads', operation: 'set', value: '2' }] }]);
    const admin = await adminClient(info);
    try {
      // Dynamic broker configs reach the broker through the metadata log, a moment after the answer.
      await expect
        .poll(async () => {
          const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 4, name: brokerId, configNames: ['log.cleaner.threads'] }] });
          return resources[0]?.configEntries[0]?.configValue;
        }, { timeout: 10_000 })
        .toBe('2');
    } finally {
      await admin.disconnect();
    }
    await incrementalAlterConfigs(cluster, [{ type: 'broker', name: brokerId, changes: [{ name: 'log.cleaner.threads', operation: 'delete' }] }]);
  });
});
