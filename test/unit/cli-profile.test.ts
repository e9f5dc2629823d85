// `odradek profile …` run in-process against a temporary profile store (no keychain needed: the saved
// profiles here have no secrets, and secret-bearing imports are only previewed).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'imports');

function capturingIo(dataDir: string, stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    dataDir,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readInput: (path) => (path === '-' ? Promise.resolve(stdin) : readFile(path, 'utf8')),
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'odradek-cli-profile-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('odradek profile import', () => {
  it('--dry-run prints the understood profile, secrets never in clear, and fails on errors', async () => {
    const io = capturingIo(dataDir);
    const code = await runCli(['profile', 'import', join(fixtures, 'warpstream-kpow-docker-run.sh'), '--dry-run'], io);
    expect(code).toBe(1);
    const output = io.stdout.join('\n');
    expect(output).toContain('Format: kpow-env');
    expect(output).toContain('"name": "WarpStream Kafka"');
    expect(output).toContain('line 15: LICENSE_ID: Kpow licence keys are not connection settings.');
    expect(output).toMatch(/error +Line 3 \(BOOTSTRAP\): the bootstrap server is still the placeholder/);
    expect(output).toContain('dry run: nothing was saved');
  });

  it('--json: secrets listed by slot and line, their values absent', async () => {
    const io = capturingIo(dataDir);
    const code = await runCli(['profile', 'import', join(fixtures, 'gateway-client-sasl-ssl-plain.properties'), '--dry-run', '--json'], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout.join(''));
    expect(result).toMatchObject({ format: 'properties', ok: true, profile: { securityProtocol: 'SASL_SSL', sasl: { mechanism: 'plain', password: { slot: 'sasl.password', state: 'set' } } } });
    expect(result.secrets).toEqual([
      { slot: 'tls.truststorePassword', label: 'Kafka TLS truststore password', key: 'ssl.truststore.password', line: 5 },
      { slot: 'sasl.password', label: 'SASL password', key: 'sasl.jaas.config', line: 8 },
    ]);
    expect(io.stdout.join('')).not.toContain('yourToken');
    expect(io.stdout.join('')).not.toContain('yourTruststorePassword');
  });

  it('reads standard input and honours --format', async () => {
    const io = capturingIo(dataDir, 'bootstrap.servers=localhost:9092\nsasl.mechanisms=PLAIN\n');
    expect(await runCli(['profile', 'import', '-', '--format', 'properties', '--dry-run', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('')).format).toBe('properties');
  });

  it('saves a valid import, never replacing a stored profile without --id, and lists it', async () => {
    const text = 'bootstrap.servers=localhost:9092\nsecurity.protocol=PLAINTEXT\n';
    const first = capturingIo(dataDir, text);
    expect(await runCli(['profile', 'import', '-', '--name', 'Local dev'], first)).toBe(0);
    expect(first.stdout.join('\n')).toContain("saved profile 'Local dev' (id local-dev)");
    const second = capturingIo(dataDir, text);
    expect(await runCli(['profile', 'import', '-', '--name', 'Local dev'], second)).toBe(0);
    expect(second.stdout.join('\n')).toContain('(id local-dev-2)');

    const list = capturingIo(dataDir);
    expect(await runCli(['profile', 'list'], list)).toBe(0);
    expect(list.stdout).toEqual(['local-dev\tLocal dev\t[local]\tlocalhost:9092\tPLAINTEXT', 'local-dev-2\tLocal dev\t[local]\tlocalhost:9092\tPLAINTEXT']);
    const json = capturingIo(dataDir);
    expect(await runCli(['profile', 'list', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join('')).profiles).toHaveLength(2);
  });

  it('refuses to save an import with errors', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'import', join(fixtures, 'gateway-env-kerberos.yaml')], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('Kerberos (GSSAPI) is not supported');
    expect(io.stdout.join('\n')).toContain('nothing was saved: fix the errors and import again');
    const list = capturingIo(dataDir);
    await runCli(['profile', 'list'], list);
    expect(list.stdout.join('\n')).toContain('No connection profiles yet');
  });

  it('usage errors exit 2 with a message', async () => {
    const cases: [string[], string][] = [
      [['profile', 'import'], 'give exactly one file'],
      [['profile', 'import', 'a', 'b'], 'give exactly one file'],
      [['profile', 'import', 'x', '--format', 'yaml'], "unknown format 'yaml'"],
      [['profile', 'import', 'x', '--bogus'], "Unknown option '--bogus'"],
      [['profile', 'import', join(dataDir, 'missing.properties'), '--dry-run'], 'cannot read'],
      [['profile', 'frobnicate'], "unknown subcommand 'frobnicate'"],
      [['profile'], 'a subcommand is required'],
      [['profile', 'test'], 'give one profile id or name'],
    ];
    for (const [argv, message] of cases) {
      const io = capturingIo(dataDir);
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n'), argv.join(' ')).toContain(message);
    }
  });
});

describe('odradek profile test', () => {
  it('names an unknown profile', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'test', 'nope'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain("There is no profile 'nope'");
  });

  it('reports the failing stage for a cluster that is not there', async () => {
    const save = capturingIo(dataDir, 'bootstrap.servers=127.0.0.1:1\n');
    expect(await runCli(['profile', 'import', '-', '--name', 'Nowhere'], save)).toBe(0);
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'test', 'Nowhere', '--json'], io)).toBe(1);
    const result = JSON.parse(io.stdout.join(''));
    expect(result.summary).toMatchObject({ ok: false, failedStage: 'tcp' });
  }, 20_000);
});
