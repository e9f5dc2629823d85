// `npm run demo` from a clean state (an empty data folder, no demo state, a fresh keychain service)
// against the integration bed and its Apicurio: the command itself, as a user runs it, with the Electron
// launch skipped (automatically where no binary exists, which the output must say). Then the world it
// made, a second run that adds nothing, and --stop, which stops the traffic but not a bed it did not start.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import kafkajs from 'kafkajs';
import { localDemoStatus } from '../../shared/domain/demo/local-demo';
import { parsePolicyFile } from '../../shared/domain/tenancy';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { createKeytarSecretStore } from '../../electron/main/platform/keytar-secret-store';
import { createProfileService } from '../../electron/main/services/profiles/profile-service';
import { processIsAlive } from '../../electron/main/services/local-demo-service';
import { createRegistryClient } from '../../electron/main/services/schemas/schema-service';
import { ANALYST_USER, DEMO_GROUPS, DEMO_PROFILE_NAME, DEMO_SCHEMAS, DEMO_TOPICS, DEMO_USER } from '../../demo/plan';
import { registrySettings } from '../../demo/seed';
import { adminClient, countMessages } from '../../testbed/helpers';
import { brokerAnswers } from '../../testbed/state';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';
// @ts-expect-error -- a plain .mjs script without types; only findElectronBinary is used
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const { Kafka, logLevel, AclResourceTypes } = kafkajs;
const bed = inject('testbed');
const work = mkdtempSync(join(tmpdir(), 'odradek-demo-it-'));
const dataDir = join(work, 'user-data');
const keychainService = `odradek-demo-it-${randomUUID()}`;
const noBinary = 'missing' in (findElectronBinary() as { path: string } | { missing: string });
let registry: TestRegistry;
let env: Record<string, string>;

function demo(args: string[] = []) {
  const run = spawnSync('npm', ['run', '-s', 'demo', ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: resolve('.'),
    // Without a binary the launch is skipped by itself (what CI checks); with one, skipped on purpose.
    env: { ...process.env, ...env, ...(noBinary ? {} : { ODRADEK_DEMO_NO_LAUNCH: '1' }) },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const profiles = () => {
  const ports = createNodePorts({ dataDir, keychainService });
  return createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile });
};

let firstOutput = '';
beforeAll(async () => {
  registry = await registryForTests(bed);
  const bedFile = join(work, 'bed.json');
  writeFileSync(bedFile, JSON.stringify({ info: bed, registryUrl: registry.info.plain }));
  env = { ODRADEK_DEMO_BED: bedFile, ODRADEK_DATA_DIR: dataDir, ODRADEK_DEMO_STATE_DIR: join(work, 'state'), ODRADEK_KEYCHAIN_SERVICE: keychainService };
  const first = demo();
  firstOutput = first.output;
  expect(first.status, first.output).toBe(0);
}, 240_000);

afterAll(async () => {
  // Whatever a failed test left running.
  if (existsSync(join(work, 'state', 'demo.json'))) demo(['--stop']);
  const secrets = createKeytarSecretStore(keychainService);
  for (const account of await secrets.list().catch(() => [])) await secrets.delete(account).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  await registry?.stop();
});

describe('npm run demo from a clean state', () => {
  it('says the app is not launched and why, and where the demo is', () => {
    if (noBinary) expect(firstOutput).toContain('No Electron binary, so the app is not launched:');
    else expect(firstOutput).toContain('Not launching the app (ODRADEK_DEMO_NO_LAUNCH=1)');
    expect(firstOutput).toContain('The demo cluster keeps running');
    expect(firstOutput).toContain(`profile '${DEMO_PROFILE_NAME}' created`);
    // The SCRAM password never reaches the terminal.
    expect(firstOutput).not.toMatch(/demo-[0-9a-f]{24}/);
  });

  it('makes one "Local demo" profile that signs in with SCRAM from the keychain and sees the demo topics through its ACLs', async () => {
    const service = profiles();
    const stored = (await service.list()).profiles;
    expect(stored.map((profile) => profile.name)).toEqual([DEMO_PROFILE_NAME]);
    expect(stored[0]!.sasl).toMatchObject({ mechanism: 'scram-sha-512', username: DEMO_USER, password: { state: 'set' } });
    expect(JSON.stringify(stored[0])).not.toMatch(/demo-[0-9a-f]{24}/);
    const settings = await service.resolveConnection(stored[0]!.id);
    expect(settings.bootstrapServers.join(',')).toBe(bed.listeners.saslPlaintext);
    const sasl = settings.sasl as { mechanism: 'scram-sha-512'; username: string; password: string };
    const admin = new Kafka({ brokers: settings.bootstrapServers, sasl: { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password }, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      for (const topic of DEMO_TOPICS) expect(topics).toContain(topic.name);
    } finally {
      await admin.disconnect();
    }
  });

  it('seeds topics with history and configs, the schemas, the groups, ACLs for two principals and the tenancy file', async () => {
    for (const topic of DEMO_TOPICS) expect(await countMessages(bed, topic.name)).toBeGreaterThanOrEqual(topic.name.startsWith('__') ? 1 : topic.history);
    const subjects = await createRegistryClient(registrySettings(registry.info.plain)).subjects();
    for (const schema of DEMO_SCHEMAS) expect(subjects).toContain(schema.subject);

    const admin = await adminClient(bed);
    try {
      const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: 'customers.profiles', configNames: ['cleanup.policy'] }] });
      expect(configs.resources[0]!.configEntries[0]!.configValue).toBe('compact');
      // Live members join within a few seconds of the traffic process starting.
      await expect
        .poll(async () => {
          const described = await admin.describeGroups(['orders-fulfilment', 'tx-settlement', 'legacy-reporting', 'tx-audit-archiver']);
          return Object.fromEntries(described.groups.map((group) => [group.groupId, group.state]));
        }, { timeout: 60_000, interval: 1000 })
        .toEqual({ 'orders-fulfilment': 'Stable', 'tx-settlement': 'Stable', 'legacy-reporting': 'Empty', 'tx-audit-archiver': 'Empty' });
      // The KIP-848 member is a JVM of its own, slower to join on a loaded machine.
      await expect
        // The bed is shared with other test files: only the demo's own groups are compared.
        .poll(async () => new Set((await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => DEMO_GROUPS.some((group) => group.id === id))), { timeout: 60_000, interval: 1000 })
        .toEqual(new Set([...DEMO_GROUPS.map((group) => group.id)]));
      const acls = await admin.describeAcls({ resourceType: AclResourceTypes.ANY, resourcePatternType: 1, operation: 1, permissionType: 1 } as never);
      const principals = new Set(acls.resources.flatMap((resource) => resource.acls.map((acl) => acl.principal)));
      expect(principals).toContain(`User:${DEMO_USER}`);
      expect(principals).toContain(`User:${ANALYST_USER}`);
    } finally {
      await admin.disconnect();
    }
    const tenancy = parsePolicyFile(readFileSync(join(dataDir, 'local-demo-tenancy.yaml'), 'utf8'));
    expect(tenancy.policy?.tenants.map((tenant) => tenant.name)).toEqual(['Transactions', 'Shop and platform']);
  });

  it('leaves a discovery file the first-run screen reads as running', async () => {
    const status = localDemoStatus(readFileSync(join(dataDir, 'local-demo.json'), 'utf8'), processIsAlive, new Set(['local-demo']));
    expect(status).toMatchObject({ state: 'running', profileExists: true, liveTraffic: true, bootstrap: bed.listeners.saslPlaintext });
  });

  it('run twice, adds nothing: no topic, history, schema version, group or profile', async () => {
    const before = await countMessages(bed, 'tx-audit');
    const second = demo();
    expect(second.status, second.output).toBe(0);
    expect(second.output).toContain('topics: all there');
    expect(second.output).toContain(`profile '${DEMO_PROFILE_NAME}' is up to date`);
    expect(second.output).toContain('Live traffic: already running');
    expect(second.output).not.toContain('groups made');
    // Only live traffic (0.5/s) arrived, not the 30 records of history again.
    expect((await countMessages(bed, 'tx-audit')) - before).toBeLessThan(20);
    const client = createRegistryClient(registrySettings(registry.info.plain));
    for (const schema of DEMO_SCHEMAS) expect(await client.versions(schema.subject)).toEqual([1]);
    expect((await profiles().list()).profiles).toHaveLength(1);
  }, 120_000);

  it('--stop stops the traffic it started and leaves the bed it was given running', async () => {
    const traffic = JSON.parse(readFileSync(join(work, 'state', 'traffic.json'), 'utf8')) as { pid: number; kip848Pid: number | null };
    const stopped = demo(['--stop']);
    expect(stopped.status, stopped.output).toBe(0);
    expect(stopped.output).toContain(`Stopped the live traffic (pid ${traffic.pid})`);
    expect(stopped.output).toContain('The test bed was not started by the demo, so it keeps running.');
    expect(processIsAlive(traffic.pid)).toBe(false);
    if (traffic.kip848Pid !== null) await expect.poll(() => processIsAlive(traffic.kip848Pid!), { timeout: 15_000 }).toBe(false);
    expect(await brokerAnswers(bed)).toBe(true);
    const status = localDemoStatus(readFileSync(join(dataDir, 'local-demo.json'), 'utf8'), processIsAlive, new Set(['local-demo']));
    expect(status).toMatchObject({ state: 'running', liveTraffic: false });
  }, 60_000);
});
