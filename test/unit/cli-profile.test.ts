// `odradek profile …` run in-process against a temporary profile store (no keychain needed: the saved
// profiles here have no secrets, and secret-bearing imports are only previewed).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { capturingIo } from '../support/capturing-io';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'imports');

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
    const code = await runCli(['profile', 'import', join(fixtures, 'warpstream-kpow-docker-run.sh'), '--dry-run'], io.io);
    expect(code).toBe(1);
    const output = io.out.join('\n');
    expect(output).toContain('Format: kpow-env');
    expect(output).toContain('"name": "WarpStream Kafka"');
    expect(output).toContain('line 15: LICENSE_ID: Kpow licence keys are not connection settings.');
    expect(output).toMatch(/error +Line 3 \(BOOTSTRAP\): the bootstrap server is still the placeholder/);
    expect(output).toContain('dry run: nothing was saved');
  });

  it('--json: secrets listed by slot and line, their values absent', async () => {
    const io = capturingIo(dataDir);
    const code = await runCli(['profile', 'import', join(fixtures, 'gateway-client-sasl-ssl-plain.properties'), '--dry-run', '--json'], io.io);
    expect(code).toBe(0);
    const result = JSON.parse(io.out.join(''));
    expect(result).toMatchObject({ format: 'properties', ok: true, profile: { securityProtocol: 'SASL_SSL', sasl: { mechanism: 'plain', password: { slot: 'sasl.password', state: 'set' } } } });
    expect(result.secrets).toEqual([
      { slot: 'tls.truststorePassword', label: 'Kafka TLS truststore password', key: 'ssl.truststore.password', line: 5 },
      { slot: 'sasl.password', label: 'SASL password', key: 'sasl.jaas.config', line: 8 },
    ]);
    expect(io.out.join('')).not.toContain('yourToken');
    expect(io.out.join('')).not.toContain('yourTruststorePassword');
  });

  it('reads standard input and honours --format', async () => {
    const io = capturingIo(dataDir, 'bootstrap.servers=localhost:9092\nsasl.mechanisms=PLAIN\n');
    expect(await runCli(['profile', 'import', '-', '--format', 'properties', '--dry-run', '--json'], io.io)).toBe(0);
    expect(JSON.parse(io.out.join('')).format).toBe('properties');
  });

  it('saves a valid import, never replacing a stored profile without --id, and lists it', async () => {
    const text = 'bootstrap.servers=localhost:9092\nsecurity.protocol=PLAINTEXT\n';
    const first = capturingIo(dataDir, text);
    expect(await runCli(['profile', 'import', '-', '--name', 'Local dev'], first.io)).toBe(0);
    expect(first.out.join('\n')).toContain("saved profile 'Local dev' (id local-dev)");
    const second = capturingIo(dataDir, text);
    expect(await runCli(['profile', 'import', '-', '--name', 'Local dev'], second.io)).toBe(0);
    expect(second.out.join('\n')).toContain('(id local-dev-2)');

    const list = capturingIo(dataDir);
    expect(await runCli(['profile', 'list'], list.io)).toBe(0);
    expect(list.out).toEqual(['local-dev\tLocal dev\t[local]\tlocalhost:9092\tPLAINTEXT', 'local-dev-2\tLocal dev\t[local]\tlocalhost:9092\tPLAINTEXT']);
    const json = capturingIo(dataDir);
    expect(await runCli(['profile', 'list', '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out.join('')).profiles).toHaveLength(2);
  });

  it('refuses to save an import with errors', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'import', join(fixtures, 'gateway-env-kerberos.yaml')], io.io)).toBe(1);
    expect(io.out.join('\n')).toContain('Kerberos (GSSAPI) is not supported');
    expect(io.out.join('\n')).toContain('nothing was saved: fix the errors and import again');
    const list = capturingIo(dataDir);
    await runCli(['profile', 'list'], list.io);
    expect(list.out.join('\n')).toContain('No connection profiles yet');
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
      expect(await runCli(argv, io.io), argv.join(' ')).toBe(2);
      expect(io.err.join('\n'), argv.join(' ')).toContain(message);
    }
  });
});

describe('odradek profile test', () => {
  it('names an unknown profile', async () => {
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'test', 'nope'], io.io)).toBe(1);
    expect(io.err.join('\n')).toContain("There is no profile 'nope'");
  });

  it('reports the failing stage for a cluster that is not there', async () => {
    const save = capturingIo(dataDir, 'bootstrap.servers=127.0.0.1:1\n');
    expect(await runCli(['profile', 'import', '-', '--name', 'Nowhere'], save.io)).toBe(0);
    const io = capturingIo(dataDir);
    expect(await runCli(['profile', 'test', 'Nowhere', '--json'], io.io)).toBe(1);
    const result = JSON.parse(io.out.join(''));
    expect(result.summary).toMatchObject({ ok: false, failedStage: 'tcp' });
  }, 20_000);
});
