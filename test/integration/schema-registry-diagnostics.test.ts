// Issue 11: the connection test's Schema Registry stage against the bed's Apicurio: it passes and names
// the observation mode (v1 on Apicurio, why), and an unreachable, untrusted or wrongly authenticated
// registry fails the run, so the summary can never say every stage passed.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { diagnoseConnection } from '../../electron/main/services/kafka/connection-diagnostics';
import type { KafkaConnectionSettings, SchemaRegistrySettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';

const bed = inject('testbed');
const factory = createKafkaClientFactory(systemClock);
let registry: TestRegistry;

beforeAll(async () => {
  registry = await registryForTests(bed, { basic: true });
});
afterAll(() => registry?.stop());

const withRegistry = (schemaRegistry: Partial<SchemaRegistrySettings> & { urls: string[] }): KafkaConnectionSettings => ({
  name: 'registry-diagnostics',
  bootstrapServers: bed.listeners.plaintext.split(','),
  tls: null,
  sasl: null,
  schemaRegistry: { id: 'bed', name: 'bed', auth: { kind: 'none' }, tls: null, observation: 'auto', ...schemaRegistry },
});
async function stage(settings: KafkaConnectionSettings) {
  const report = await diagnoseConnection(settings, { factory, clock: systemClock });
  return { report, registryStage: report.results.find((result) => result.stage === 'schema-registry')! };
}

describe('the Schema Registry stage', () => {
  it('passes on Apicurio and says it lists in v1 because its /schemas entries lack subject, version and id', async () => {
    const { report, registryStage } = await stage(withRegistry({ urls: [registry.info.plain] }));
    expect(report.summary).toMatchObject({ ok: true, failedStage: null });
    expect(registryStage).toMatchObject({ status: 'passed', facts: { url: registry.info.plain, observation: 'v1' } });
    expect(registryStage.message).toMatch(/without subject, version, id/);
  });

  it('names the 404 of a v1-only registry, and TLS with the bed CA passes', async () => {
    expect((await stage(withRegistry({ urls: [registry.info.v1Only] }))).registryStage).toMatchObject({ status: 'passed', facts: { observation: 'v1', 'fallback reason': 'GET /schemas answered 404' } });
    const tls = { trust: { kind: 'pem' as const, pem: readFileSync(registry.info.caFile, 'utf8') }, identity: null, verifyHostname: true, profile: 'default' as const };
    expect((await stage(withRegistry({ urls: [registry.info.tls], tls }))).registryStage).toMatchObject({ status: 'passed' });
  });

  it('an unreachable registry fails the run at its stage', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const { report, registryStage } = await stage(withRegistry({ urls: [`http://127.0.0.1:${port}/apis/ccompat/v7`] }));
    expect(report.summary).toMatchObject({ ok: false, failedStage: 'schema-registry' });
    expect(registryStage).toMatchObject({ status: 'failed', message: expect.stringContaining('connection refused') });
    expect(registryStage.remedy).toMatch(/Check the Schema Registry URL/);
  });

  it('an untrusted certificate, a wrong password and a pinned v2 each fail with their own words', async () => {
    expect((await stage(withRegistry({ urls: [registry.info.tls] }))).registryStage).toMatchObject({ status: 'failed', message: expect.stringContaining('not signed by a CA this profile trusts') });
    const basic = registry.info.basic!;
    const wrong = await stage(withRegistry({ urls: [basic.url], auth: { kind: 'basic', username: basic.admin.username, password: 'wrong' } }));
    expect(wrong.registryStage).toMatchObject({ status: 'failed', message: expect.stringContaining('refused the credentials (401') });
    expect((await stage(withRegistry({ urls: [basic.url], auth: { kind: 'basic', ...basic.reader } }))).registryStage).toMatchObject({ status: 'passed' });
    const pinned = await stage(withRegistry({ urls: [registry.info.plain], observation: 'v2' }));
    expect(pinned.registryStage).toMatchObject({ status: 'failed', message: expect.stringContaining('pins observation v2') });
  });
});
