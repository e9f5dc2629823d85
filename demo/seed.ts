// Applies the demo plan (plan.ts) to a running bed: topics, schemas registered and history encoded with
// the app's own registry client and encoders, one-off groups, ACLs, the SCRAM user, the "Local demo"
// profile (secret in the keychain through the app's profile service), the tenancy file and the
// discovery file. Every step checks what is there first, so a second run adds nothing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';
import { emptyProfileDraft, type ProfileDraft } from '../shared/domain/profile/profile-schema';
import type { LocalDemoFile } from '../shared/domain/demo/local-demo';
import { createNodePorts } from '../electron/main/platform/node-ports';
import { createProfileService } from '../electron/main/services/profiles/profile-service';
import { createRegistryClient } from '../electron/main/services/schemas/schema-service';
import { createRegistryCodecs, encodeWithSchema, type CompiledSchema } from '../electron/main/services/decoding/registry-codecs';
import { writeFileAtomically } from '../electron/main/services/files/write-file-atomically';
import { systemClock } from '../electron/main/services/ports';
import { adminClient, createConsumerGroup, createTopics, runKafkaTool } from '../testbed/helpers';
import { commitGroupOffsets } from '../testbed/groups';
import type { TestbedInfo } from '../testbed/types';
import {
  DEMO_ACLS,
  DEMO_PROFILE_ID,
  DEMO_PROFILE_NAME,
  DEMO_SCHEMAS,
  DEMO_TOPICS,
  DEMO_USER,
  DISCOVERY_FILE_NAME,
  TENANCY_FILE_NAME,
  decideProfile,
  demoTenancyYaml,
  sampleRecord,
  seedGroupsToMake,
  topicsToCreate,
  type DemoTopic,
} from './plan';

const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;

export interface DemoBed {
  info: TestbedInfo;
  /** Confluent-compatible API base of the registry (`…/apis/ccompat/v7`). */
  registryUrl: string;
}

export interface SeedReport {
  createdTopics: string[];
  registered: { subject: string; id: number }[];
  historyRecords: number;
  createdGroups: string[];
  profile: 'create' | 'update' | 'unchanged';
  tenancyFile: string;
}

export type Log = (line: string) => void;

export function registrySettings(url: string) {
  return { id: 'local-demo-registry', name: 'Local demo registry', urls: [url], auth: { kind: 'none' as const }, tls: null, observation: 'auto' as const };
}

/** Encoders for each schema'd topic, by subject's latest version, through the app's registry codecs. */
export async function topicEncoders(registryUrl: string): Promise<(topic: DemoTopic, value: unknown) => Buffer> {
  const codecs = createRegistryCodecs(createRegistryClient(registrySettings(registryUrl)), systemClock);
  const compiled = new Map<string, CompiledSchema>();
  for (const topic of DEMO_TOPICS) if (topic.subject) compiled.set(topic.name, await codecs.bySubjectVersion(topic.subject, 'latest'));
  return (topic, value) => {
    const schema = compiled.get(topic.name);
    if (schema) return Buffer.from(encodeWithSchema(schema, value));
    return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  };
}

async function registerSchemas(registryUrl: string, log: Log): Promise<SeedReport['registered']> {
  const client = createRegistryClient(registrySettings(registryUrl));
  const registered: SeedReport['registered'] = [];
  for (const spec of DEMO_SCHEMAS) {
    // Registering an identical schema again answers the existing id: no new version.
    const { id } = await client.register(spec.subject, { schema: spec.schema, type: spec.schemaType });
    registered.push({ subject: spec.subject, id });
  }
  log(`schemas: ${registered.map((entry) => `${entry.subject} (id ${entry.id})`).join(', ')}`);
  return registered;
}

async function writeHistory(info: TestbedInfo, registryUrl: string, topics: DemoTopic[]): Promise<number> {
  if (topics.length === 0) return 0;
  const encode = await topicEncoders(registryUrl);
  const producer = new Kafka({ clientId: 'odradek-demo-seed', brokers: info.listeners.plaintext.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  let written = 0;
  try {
    const now = Date.now();
    for (const topic of topics) {
      // Spread over the last hour, oldest first, so the browser's time seek has something to find.
      const messages = Array.from({ length: topic.history }, (_, index) => {
        const at = now - (topic.history - index) * Math.floor(3_600_000 / Math.max(1, topic.history));
        const record = sampleRecord(topic, index + 1, at);
        return { key: record.key, value: encode(topic, record.value), headers: record.headers, timestamp: String(at) };
      });
      await producer.send({ topic: topic.name, messages });
      written += messages.length;
    }
  } finally {
    await producer.disconnect();
  }
  return written;
}

async function makeSeedGroups(info: TestbedInfo, existing: string[], log: Log): Promise<string[]> {
  const made: string[] = [];
  for (const group of seedGroupsToMake(existing)) {
    if (group.member === 'seed-consume-once') {
      // A real classic consumer that read some records and went away: Empty, with lag that grows.
      await createConsumerGroup(info, { groupId: group.id, topic: group.topic, consume: group.consumed ?? 10, protocol: 'classic' });
    } else {
      const partitions = DEMO_TOPICS.find((topic) => topic.name === group.topic)?.partitions ?? 1;
      await commitGroupOffsets(info, [{ groupId: group.id, offsets: Array.from({ length: partitions }, (_, partition) => ({ topic: group.topic, partition, offset: group.consumed ?? 1 })) }]);
    }
    made.push(group.id);
  }
  if (made.length > 0) log(`groups made: ${made.join(', ')}`);
  return made;
}

async function grantAcls(info: TestbedInfo): Promise<void> {
  const admin = await adminClient(info);
  try {
    // CreateAcls of a binding that exists is a no-op on the broker: safe to repeat.
    await admin.createAcls({
      acl: DEMO_ACLS.flatMap((acl) =>
        acl.operations.map((operation) => ({
          resourceType: AclResourceTypes[acl.resourceType],
          resourceName: acl.resourceName,
          resourcePatternType: ResourcePatternTypes[acl.patternType],
          principal: acl.principal,
          host: '*',
          operation: AclOperationTypes[operation],
          permissionType: AclPermissionTypes.ALLOW,
        })),
      ),
    });
  } finally {
    await admin.disconnect();
  }
}

/** SCRAM-SHA-512 credentials for the demo user (an upsert: the same password again changes nothing). */
async function setScramUser(info: TestbedInfo, password: string): Promise<void> {
  try {
    await runKafkaTool(info, 'kafka.admin.ConfigCommand', [
      '--bootstrap-server', info.listeners.plaintext,
      '--alter',
      '--add-config', `SCRAM-SHA-512=[password=${password}]`,
      '--entity-type', 'users',
      '--entity-name', DEMO_USER,
    ]);
  } catch (error) {
    // The tool's failure repeats its arguments; the password must not reach the terminal.
    throw new Error(`setting the SCRAM credentials of '${DEMO_USER}' failed: ${(error instanceof Error ? error.message : String(error)).split(password).join('<redacted>')}`);
  }
}

export function demoProfileDraft(bed: DemoBed, password: string, base?: ProfileDraft): ProfileDraft {
  const draft = base ?? emptyProfileDraft(DEMO_PROFILE_ID, DEMO_PROFILE_NAME);
  return {
    ...draft,
    environment: base?.environment ?? { tag: 'local', colour: '#868e96' },
    bootstrapServers: bed.info.listeners.saslPlaintext.split(','),
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: { mechanism: 'scram-sha-512', username: DEMO_USER, password },
    tls: null,
    schemaRegistry: { name: 'Local Apicurio', urls: [bed.registryUrl], auth: { kind: 'none' }, tls: null, observation: 'auto' },
  };
}

async function upsertProfile(bed: DemoBed, dataDir: string, log: Log): Promise<SeedReport['profile']> {
  const ports = createNodePorts({ dataDir });
  const profiles = createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile });
  const stored = (await profiles.list()).profiles.find((profile) => profile.id === DEMO_PROFILE_ID) ?? null;
  let storedPassword: string | null = null;
  if (stored) {
    // A keychain that lost the password (another machine's profile file, a fresh keyring) means a new
    // one; a keychain that is unavailable fails again, clearly, when the profile is saved.
    storedPassword = await profiles.withSecrets(DEMO_PROFILE_ID).then(
      ({ secrets }) => secrets['sasl.password'] ?? null,
      () => null,
    );
  }
  const sameEndpoints =
    stored !== null &&
    stored.bootstrapServers.join(',') === bed.info.listeners.saslPlaintext &&
    (stored.schemaRegistry?.urls ?? []).join(',') === bed.registryUrl &&
    stored.sasl?.mechanism === 'scram-sha-512' &&
    stored.sasl.username === DEMO_USER;
  const decision = decideProfile({ exists: stored !== null, sameEndpoints, secretStored: storedPassword !== null });
  if (decision.action === 'unchanged') {
    log(`profile '${DEMO_PROFILE_NAME}' is up to date`);
    return 'unchanged';
  }
  const password = decision.action === 'update' && decision.reuseSecret && storedPassword !== null ? storedPassword : `demo-${randomBytes(12).toString('hex')}`;
  await setScramUser(bed.info, password);
  // An update keeps what the user changed (name, colour, safety); only the connection is the demo's.
  const base = stored ? ({ ...stored, sasl: null, tls: null, schemaRegistry: null } as ProfileDraft) : undefined;
  await profiles.save({ draft: demoProfileDraft(bed, password, base) });
  log(`profile '${stored?.name ?? DEMO_PROFILE_NAME}' ${decision.action === 'create' ? 'created' : 'updated'} (SCRAM-SHA-512 as ${DEMO_USER}; password in the keychain)`);
  return decision.action;
}

async function writeIfChanged(file: string, text: string): Promise<void> {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  await writeFileAtomically(file, text);
}

export async function seedDemo(bed: DemoBed, options: { dataDir: string; log: Log }): Promise<SeedReport> {
  const { info, registryUrl } = bed;
  const { log } = options;
  mkdirSync(options.dataDir, { recursive: true });

  const admin = await adminClient(info);
  let existingTopics: string[];
  let existingGroups: string[];
  try {
    existingTopics = await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
  const missing = topicsToCreate(existingTopics);
  if (missing.length > 0) {
    await createTopics(info, missing.map((topic) => ({ topic: topic.name, partitions: topic.partitions, configs: topic.configs })));
    log(`topics created: ${missing.map((topic) => topic.name).join(', ')}`);
  } else log('topics: all there');

  const registered = await registerSchemas(registryUrl, log);
  const historyRecords = await writeHistory(info, registryUrl, missing);
  if (historyRecords > 0) log(`history: ${historyRecords} records`);

  const groupAdmin = await adminClient(info);
  try {
    existingGroups = (await groupAdmin.listGroups()).groups.map((group) => group.groupId);
  } finally {
    await groupAdmin.disconnect();
  }
  const createdGroups = await makeSeedGroups(info, existingGroups, log);
  await grantAcls(info);
  log(`ACLs: ${new Set(DEMO_ACLS.map((acl) => acl.principal)).size} principals`);

  const profile = await upsertProfile(bed, options.dataDir, log);
  const tenancyFile = path.join(options.dataDir, TENANCY_FILE_NAME);
  await writeIfChanged(tenancyFile, demoTenancyYaml());
  return { createdTopics: missing.map((topic) => topic.name), registered, historyRecords, createdGroups, profile, tenancyFile };
}

export async function writeDiscoveryFile(dataDir: string, file: LocalDemoFile): Promise<string> {
  const target = path.join(dataDir, DISCOVERY_FILE_NAME);
  await writeFileAtomically(target, `${JSON.stringify(file, null, 2)}\n`);
  return target;
}
