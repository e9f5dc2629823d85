import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePolicyFile, renameTenant, setTenantResources } from '../../../shared/domain/tenancy';
import { hashPolicyText, PolicyFileError, PolicyFileService } from './policy-file-service';

const original = `# Tenants, reviewed by the platform team.
tenants:
  - name: "Transactions"   # the tx squad
    resources:
      - include: [ "cluster", "*", "topic", "tx-*" ]
    roles: [ tx-team ]
    owner: platform@example.com
`;

describe('PolicyFileService', () => {
  let dir: string;
  let file: string;
  const service = new PolicyFileService();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'odradek-policy-'));
    file = join(dir, 'rbac.yaml');
    await writeFile(file, original);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens a file with its content hash and mtime', async () => {
    const opened = await service.open(file);
    expect(opened).toMatchObject({ path: file, text: original, hash: hashPolicyText(original) });
    expect(opened.mtimeMs).toBeGreaterThan(0);
  });

  it('saves an edit atomically, keeps the previous version as .bak and leaves no temp file', async () => {
    const opened = await service.open(file);
    const edited = renameTenant(opened.text, 'Transactions', 'Tx');
    const saved = await service.save(file, edited, { expectedHash: opened.hash });
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(original);
    expect((await readdir(dir)).sort()).toEqual(['rbac.yaml', 'rbac.yaml.bak']);
    expect(saved.hash).toBe(hashPolicyText(edited));
  });

  it('keeps comments, key order and unknown keys through an edit and a save', async () => {
    const opened = await service.open(file);
    const edited = setTenantResources(opened.text, 'Transactions', [{ effect: 'include', path: ['cluster', 'prod', 'topic', 'tx-*'] }]);
    await service.save(file, edited, { expectedHash: opened.hash });
    const reread = await readFile(file, 'utf8');
    expect(reread).toContain('# Tenants, reviewed by the platform team.');
    expect(reread).toContain('# the tx squad');
    expect(reread.indexOf('resources:')).toBeLessThan(reread.indexOf('roles:'));
    expect(reread.indexOf('roles:')).toBeLessThan(reread.indexOf('owner: platform@example.com'));
    expect(parsePolicyFile(reread).policy.tenants[0]!.resources[0]!.path).toEqual(['cluster', 'prod', 'topic', 'tx-*']);
  });

  it('refuses to overwrite a file changed on disk since it was opened, unless forced', async () => {
    const opened = await service.open(file);
    await writeFile(file, `${original}# someone else's change\n`);
    const save = service.save(file, 'tenants: []\n', { expectedHash: opened.hash });
    await expect(save).rejects.toBeInstanceOf(PolicyFileError);
    await expect(service.save(file, 'tenants: []\n', { expectedHash: opened.hash })).rejects.toMatchObject({ code: 'CHANGED_ON_DISK' });
    expect(await readFile(file, 'utf8')).toContain("someone else's change");

    await service.save(file, 'tenants: []\n', { expectedHash: opened.hash, force: true });
    expect(await readFile(file, 'utf8')).toBe('tenants: []\n');
    expect(await readFile(`${file}.bak`, 'utf8')).toContain("someone else's change");
  });

  it('detects a file deleted since it was opened, and creates a new file when expected to be absent', async () => {
    const opened = await service.open(file);
    await rm(file);
    await expect(service.save(file, 'tenants: []\n', { expectedHash: opened.hash })).rejects.toMatchObject({ code: 'CHANGED_ON_DISK' });
    const fresh = join(dir, 'new.yaml');
    await service.save(fresh, 'tenants: []\n', { expectedHash: null });
    expect(await readdir(dir)).toEqual(['new.yaml']);
  });

  it('reports a missing file as NOT_FOUND', async () => {
    await expect(service.open(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: `${join(dir, 'missing.yaml')} does not exist.` });
  });
});
