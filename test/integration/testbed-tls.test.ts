// The per-run TLS material works in every form it is exposed in, and the broken variants fail the
// way diagnostics tests expect.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import type { KafkaConfig } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { runKafkaTool } from '../../testbed/helpers';

const { Kafka, logLevel } = kafkajs;
const execFileAsync = promisify(execFile);
const testbed = inject('testbed');
const { tls } = testbed;
const read = (file: string) => readFileSync(file, 'utf8');

async function describeCluster(config: KafkaConfig): Promise<number> {
  const admin = new Kafka({ ...config, logLevel: logLevel.NOTHING, connectionTimeout: 5000, retry: { retries: 0 } }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).brokers.length;
  } finally {
    await admin.disconnect();
  }
}

describe('test bed TLS material', () => {
  it('mTLS accepts the passphrase-protected PEM key', async () => {
    const brokers = await describeCluster({
      brokers: testbed.listeners.ssl.split(','),
      ssl: { ca: [read(tls.ca.cert)], cert: read(tls.client.cert), key: read(tls.client.encryptedKey), passphrase: tls.password },
    });
    expect(brokers).toBe(testbed.nodes.length);
  });

  it('mTLS rejects the expired client certificate', async () => {
    await expect(
      describeCluster({
        brokers: testbed.listeners.ssl.split(','),
        ssl: { ca: [read(tls.ca.cert)], cert: read(tls.expiredClient.cert), key: read(tls.expiredClient.key) },
      }),
      // The broker answers the handshake with a "certificate unknown" alert.
    ).rejects.toThrow(/certificate/i);
  });

  it('the wrong-host listener fails hostname verification', async () => {
    const error = await describeCluster({ brokers: testbed.listeners.sslWrongHost.split(','), ssl: { ca: [read(tls.ca.cert)] } }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/altnames|ERR_TLS_CERT_ALTNAME_INVALID|does not match/i);
  });

  it('the PKCS12 client keystore works with kcat (librdkafka)', async () => {
    const { stdout } = await execFileAsync('kcat', [
      '-b', testbed.listeners.ssl,
      '-X', 'security.protocol=ssl',
      '-X', `ssl.ca.location=${tls.ca.cert}`,
      '-X', `ssl.keystore.location=${tls.client.keystoreP12}`,
      '-X', `ssl.keystore.password=${tls.password}`,
      '-L', '-J',
    ]);
    expect((JSON.parse(stdout) as { brokers: unknown[] }).brokers).toHaveLength(testbed.nodes.length);
  });

  it('the JKS keystore and truststore work with a Java client', async () => {
    const config = path.join(testbed.dataDir, `jks-client-${Date.now()}.properties`);
    writeFileSync(
      config,
      [
        'security.protocol=SSL',
        'ssl.keystore.type=JKS',
        `ssl.keystore.location=${tls.client.keystoreJks}`,
        `ssl.keystore.password=${tls.password}`,
        `ssl.key.password=${tls.password}`,
        'ssl.truststore.type=JKS',
        `ssl.truststore.location=${tls.ca.truststoreJks}`,
        `ssl.truststore.password=${tls.password}`,
        '',
      ].join('\n'),
    );
    const { stdout } = await runKafkaTool(testbed, 'org.apache.kafka.tools.ClusterTool', [
      'cluster-id', '--bootstrap-server', testbed.listeners.ssl, '--config', config,
    ]);
    expect(stdout).toContain(testbed.clusterId);
  });
});
