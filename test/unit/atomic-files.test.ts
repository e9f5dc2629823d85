// Files main writes while the app runs: a kill -9 in the middle of a save, again and again, always
// leaves the old or the new document (never half of one); a file made read-only, truncated or filled
// with garbage behind the app's back gives a clear error, keeps the last good version as a backup and
// is never overwritten blindly.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateProfileDocument } from '../../shared/domain/profile/migrate';
import { emptyProfileDraft } from '../../shared/domain/profile/profile-schema';
import { createNodePorts } from '../../electron/main/platform/node-ports';
import { PolicyFileService } from '../../electron/main/services/policy-file-service';

const root = mkdtempSync(join(tmpdir(), 'odradek-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const KILLS = Number(process.env.ATOMIC_KILLS ?? 3);
const isRoot = process.getuid?.() === 0;
const draft = (id: string, name: string) => ({ ...emptyProfileDraft(id, name), bootstrapServers: ['localhost:9092'] }) as never;
const policyText = (generation: number) => `# generation ${generation}\n${`# ${'p'.repeat(64 * 1024)}\n`.repeat(8)}tenants: []\n# end ${generation}\n`;

/** Starts the save loop, waits for its first save, lets it run a random while, then kill -9. */
async function killDuringSaves(kind: 'profiles' | 'policy', target: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/support/save-loop.ts', kind, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`save loop did not start: ${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`save loop exited ${code}: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9 during a save, in a loop', () => {
  it(`the profile store is always a whole document (${KILLS} kills)`, async () => {
    const dataDir = join(root, 'profiles');
    for (let kill = 0; kill < KILLS; kill++) {
      await killDuringSaves('profiles', dataDir, 30 + ((kill * 97) % 400));
      const document = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as { profiles: unknown[] };
      expect(document.profiles.length).toBeGreaterThan(0);
      for (const entry of document.profiles) {
        const migrated = migrateProfileDocument(entry);
        expect(migrated.ok).toBe(true);
        const generation = /^g(\d+)-/.exec((entry as { name: string }).name)![1];
        // A whole profile: every one of its 600 bootstrap entries from the same generation.
        expect((entry as { bootstrapServers: string[] }).bootstrapServers.every((server) => server.includes(`.g${generation}.`))).toBe(true);
      }
    }
    // A kill can leave Conf's temporary file beside the store; it is never the store itself.
    expect(readdirSync(dataDir).filter((name) => name !== 'profiles.json' && !name.endsWith('.bak') && !/\.tmp/.test(name))).toEqual([]);
  }, 180_000);

  it(`a policy file is always the old or the new generation, with its .bak (${KILLS} kills)`, async () => {
    const file = join(root, 'rbac.yaml');
    writeFileSync(file, policyText(-1));
    for (let kill = 0; kill < KILLS; kill++) {
      await killDuringSaves('policy', file, 30 + ((kill * 89) % 400));
      const text = readFileSync(file, 'utf8');
      const generation = /^# generation (-?\d+)\n/.exec(text)?.[1];
      expect(generation).toBeDefined();
      expect(text.endsWith(`# end ${generation}\n`)).toBe(true);
      expect(text.length).toBeGreaterThan(8 * 64 * 1024);
    }
    expect(existsSync(`${file}.bak`)).toBe(true);
  }, 180_000);
});

describe('files changed behind the running app', () => {
  it('a garbage or truncated profile store: a clear error, the damaged file kept, the last good version in .bak, nothing overwritten', async () => {
    const dataDir = join(root, 'garbage');
    const { profiles } = createNodePorts({ dataDir });
    await profiles.save(draft('a', 'first'));
    await profiles.save(draft('b', 'second'));
    const file = join(dataDir, 'profiles.json');
    const good = readFileSync(file, 'utf8');
    for (const damage of ['\u0000\u0001garbage{{', good.slice(0, Math.floor(good.length / 2))]) {
      writeFileSync(file, damage);
      await expect(profiles.load()).rejects.toThrow(/profiles file .* was changed outside Odradek and is not valid JSON.*left as it is.*\.bak/);
      await expect(profiles.save(draft('c', 'third'))).rejects.toThrow(/profiles file .* was changed outside Odradek and is not valid JSON.*left as it is.*\.bak/);
      expect(readFileSync(file, 'utf8')).toBe(damage);
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe(good);
    }
    writeFileSync(file, good);
    expect((await profiles.load()).profiles.map((profile) => profile.name).sort()).toEqual(['first', 'second']);
  });

  it.skipIf(isRoot)('a read-only profile store or policy file: a clear error, the file unchanged', async () => {
    const dataDir = join(root, 'readonly');
    const { profiles } = createNodePorts({ dataDir });
    await profiles.save(draft('a', 'first'));
    const file = join(dataDir, 'profiles.json');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    chmodSync(dataDir, 0o555);
    try {
      await expect(profiles.save(draft('b', 'second'))).rejects.toThrow(/permission|read-only|EACCES/i);
      expect(readFileSync(file, 'utf8')).toBe(before);
      const service = new PolicyFileService();
      const policy = join(root, 'readonly-policy');
      rmSync(policy, { recursive: true, force: true });
      const { mkdirSync } = await import('node:fs');
      mkdirSync(policy);
      writeFileSync(join(policy, 'rbac.yaml'), 'tenants: []\n');
      const opened = await service.open(join(policy, 'rbac.yaml'));
      chmodSync(policy, 0o555);
      await expect(service.save(join(policy, 'rbac.yaml'), 'tenants: [x]\n', { expectedHash: opened.hash, force: false })).rejects.toThrow(/permission|read-only|could not/i);
      expect(readFileSync(join(policy, 'rbac.yaml'), 'utf8')).toBe('tenants: []\n');
      chmodSync(policy, 0o755);
    } finally {
      chmodSync(dataDir, 0o755);
      chmodSync(file, 0o644);
    }
  });
});
