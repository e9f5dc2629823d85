// `odradek acls list|create|delete|copy|principal` and `odradek quotas list` against the bed, in-process
// through the app's store: --dry-run changes nothing, no --yes refuses, --yes applies exactly the
// preview; the --json shapes are those of docs/acls.md.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';
import { cliServices } from '../../electron/cli/services';
import { adminClient } from '../../testbed/helpers';

const bed = inject('testbed');
const run = `ac${Date.now().toString(36)}`;
const alice = `User:${run}-alice`;
const bob = `User:${run}-bob`;

function capturingIo(dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => void out.push(text), err: (text) => void err.push(text), readInput: async (path) => readFileSync(path, 'utf8'), dataDir };
  return { io, out, err };
}
let dir: string;
const cli = async (...args: string[]) => {
  const { io, out, err } = capturingIo(dir);
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const json = <T>(text: string) => JSON.parse(text) as T;
type Listed = { state: string; bindings: { principal: string; operation: string; resourceName: string }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odradek-acls-cli-'));
  await cliServices(capturingIo(dir).io).profiles.save({ draft: { ...emptyProfileDraft('bed', 'Test bed'), bootstrapServers: bed.listeners.plaintext.split(',') } });
});
afterAll(async () => {
  const admin = await adminClient(bed);
  try {
    await admin.deleteAcls({ filters: [alice, bob].map((principal) => ({ principal, resourceType: 1, resourcePatternType: 1, operation: 1, permissionType: 1 }) as never) });
  } finally {
    await admin.disconnect();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('odradek acls', () => {
  const create = ['acls', 'create', '--profile', 'Test bed', '--principal', alice, '--resource-type', 'topic', '--name', `${run}-`, '--pattern', 'prefixed', '--operation', 'read,write'];

  it('create: --dry-run shows the words and changes nothing, no --yes refuses, --yes creates', async () => {
    const dry = await cli(...create, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`Lets ${alice} consume from (READ) every topic whose name starts with '${run}-', from any host.`);
    expect((await cli(...create)).code).toBe(1);
    expect(json<Listed>((await cli('acls', 'list', '--profile', 'Test bed', '--principal', alice, '--json')).out).bindings).toEqual([]);
    const done = await cli(...create, '--yes', '--json');
    expect(done.code, done.err).toBe(0);
    expect(json<{ applied: { created: unknown[] } }>(done.out).applied.created).toHaveLength(2);
    const listed = json<Listed>((await cli('acls', 'list', '--profile', 'Test bed', '--principal', alice, '--json')).out);
    expect(listed.state).toBe('ok');
    expect(listed.bindings.map((row) => row.operation).sort()).toEqual(['READ', 'WRITE']);
    expect((await cli('acls', 'list', '--profile', 'Test bed', '--principal', alice)).out).toMatch(/^PRINCIPAL +HOST +RESOURCE +PATTERN +NAME +OPERATION +PERMISSION$/m);
  });

  it('copy and principal: copies after --yes and says what the copy may do', async () => {
    expect((await cli('acls', 'copy', '--profile', 'Test bed', '--from', alice, '--to', bob, '--yes')).code).toBe(0);
    const principal = await cli('acls', 'principal', '--profile', 'Test bed', '--principal', bob);
    expect(principal.out).toContain(`TOPIC ${run}-*: READ, WRITE, DESCRIBE`);
  });

  it('delete: previews exactly what the filter matches; --yes deletes that; bad flags exit 2', async () => {
    const dry = await cli('acls', 'delete', '--profile', 'Test bed', '--principal', bob, '--operation', 'write', '--dry-run', '--json');
    expect(json<{ preview: { matched: unknown[]; confirmation: string } }>(dry.out).preview).toMatchObject({ matched: [expect.objectContaining({ principal: bob, operation: 'WRITE' })], confirmation: bob });
    expect((await cli('acls', 'delete', '--profile', 'Test bed', '--principal', bob, '--operation', 'write', '--yes')).code).toBe(0);
    expect(json<Listed>((await cli('acls', 'list', '--profile', 'Test bed', '--principal', bob, '--json')).out).bindings.map((row) => row.operation)).toEqual(['READ']);
    expect((await cli('acls', 'delete', '--profile', 'Test bed')).code).toBe(2);
    const bad = await cli('acls', 'create', '--profile', 'Test bed', '--principal', alice, '--resource-type', 'group', '--name', 'g', '--operation', 'write', '--dry-run');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('WRITE is not an operation on consumer groups');
  });

  it('quotas list --json', async () => {
    const listed = await cli('quotas', 'list', '--profile', 'Test bed', '--json');
    expect(listed.code, listed.err).toBe(0);
    expect(json<{ entries: unknown[] }>(listed.out)).toHaveProperty('entries');
  });
});
