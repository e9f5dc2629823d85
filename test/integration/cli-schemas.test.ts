// Issue 11: `odradek schemas list|get|diff|check` against the bed's Apicurio, in-process through runCli
// with the same profile store the app uses; --json output parsed as documented in docs/schema-registry.md.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { createMemorySecretStore } from '../../electron/main/services/memory-secret-store';
import { createProfileService } from '../../electron/main/services/profiles/profile-service';
import { createRegistryClient } from '../../electron/main/services/schemas/schema-service';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { registryForTests, type TestRegistry } from '../../testbed/registry-for-tests';
import { capturingIo } from '../support/capturing-io';

const bed = inject('testbed');
const run = `cli${Date.now().toString(36)}`;
const subject = `${run}-orders-value`;
const ns = `odradek.${run}`;
const avro = (fields: Array<Record<string, unknown>>) => JSON.stringify({ type: 'record', name: 'Order', namespace: ns, fields });
let registry: TestRegistry;
let dataDir: string;

async function cli(args: string[], stdin = '') {
  const io = capturingIo(dataDir, stdin);
  const code = await runCli(args, io.io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

beforeAll(async () => {
  registry = await registryForTests(bed);
  dataDir = await mkdtemp(join(tmpdir(), 'odradek-cli-schemas-'));
  const ports = createNodePorts({ dataDir });
  // No secret in this profile, so the store is never asked; the CLI reads the same profile file.
  const profiles = createProfileService({ repo: ports.profiles, secrets: createMemorySecretStore(), readFile: ports.readFile });
  await profiles.save({ draft: { ...emptyProfileDraft('cli-sr', 'cli-registry'), bootstrapServers: bed.listeners.plaintext.split(','), schemaRegistry: { urls: [registry.info.plain], auth: { kind: 'none' }, tls: null, observation: 'auto' } } });
  const client = createRegistryClient({ id: 'x', name: 'x', urls: [registry.info.plain], auth: { kind: 'none' }, tls: null, observation: 'auto' });
  await client.register(subject, { schema: avro([{ name: 'id', type: 'string' }]), type: 'AVRO' });
  await client.register(subject, { schema: avro([{ name: 'id', type: 'string' }, { name: 'qty', type: 'int', default: 1 }]), type: 'AVRO' });
  await client.setCompatibility(subject, 'BACKWARD');
  client.transport.close();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await registry?.stop();
});

describe('odradek schemas', () => {
  it('list prints the subjects and the observation mode in use; --json is the schemas:list shape', async () => {
    const text = await cli(['schemas', 'list', '--profile', 'cli-registry']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/listed in v1 \(GET \/schemas answered entries without subject, version, id/);
    expect(text.out).toMatch(new RegExp(`${subject}\\s+AVRO\\s+v2\\s+id \\d+\\s+BACKWARD`));
    const json = await cli(['schemas', 'list', '--profile', 'cli-registry', '--json']);
    const parsed = JSON.parse(json.out) as { observation: { inUse: string }; subjects: Array<{ subject: string; latestVersion: number }> };
    expect(parsed.observation.inUse).toBe('v1');
    expect(parsed.subjects.find((row) => row.subject === subject)).toMatchObject({ latestVersion: 2, compatibility: 'BACKWARD' });
  });

  it('get prints one version pretty-printed; diff prints a unified diff of two versions', async () => {
    const got = await cli(['schemas', 'get', '--profile', 'cli-registry', '--subject', subject, '--version', '1']);
    expect(got.code).toBe(0);
    expect(got.out).toMatch(new RegExp(`^${subject} v1 \\(id \\d+, AVRO\\)`));
    expect(got.out).toContain('  "namespace": ');
    const diff = await cli(['schemas', 'diff', '--profile', 'cli-registry', '--subject', subject, '--from', '1', '--to', '2']);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain(`--- ${subject} v1`);
    expect(diff.out).toMatch(/^\+\s+"name": "qty",$/m);
    expect(JSON.parse((await cli(['schemas', 'diff', '--profile', 'cli-registry', '--subject', subject, '--from', '1', '--json'])).out)).toMatchObject({ to: { version: 2 }, identical: false });
  });

  it('check exits 0 for a compatible draft and 1 with the verdict for an incompatible one', async () => {
    const draft = join(dataDir, 'draft.avsc');
    await writeFile(draft, avro([{ name: 'id', type: 'int' }]));
    const bad = await cli(['schemas', 'check', '--profile', 'cli-registry', '--subject', subject, '--schema', draft]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.out).toContain(`Not compatible with the latest version of ${subject}.`);
    const good = await cli(['schemas', 'check', '--profile', 'cli-registry', '--subject', subject, '--schema', '-', '--json'], avro([{ name: 'id', type: 'string' }, { name: 'qty', type: 'int', default: 1 }, { name: 'note', type: ['null', 'string'], default: null }]));
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toEqual({ compatible: true, messages: [], subjectExists: true });
  });

  it('usage errors exit 2, an unknown subject 3, naming what is wrong', async () => {
    expect(await cli(['schemas', 'get', '--profile', 'cli-registry'])).toMatchObject({ code: 2, err: expect.stringContaining('--subject is required.') });
    expect(await cli(['schemas', 'get', '--profile', 'cli-registry', '--subject', subject, '--version', 'two'])).toMatchObject({ code: 2, err: expect.stringContaining("--version takes a version number") });
    expect(await cli(['schemas', 'get', '--profile', 'cli-registry', '--subject', `${run}-none`])).toMatchObject({ code: 3, err: expect.stringContaining(`Subject '${run}-none' not found.`) });
    expect(await cli(['schemas', 'list', '--profile', 'nobody'])).toMatchObject({ code: 3, err: expect.stringContaining("There is no profile 'nobody'") });
  });
});
