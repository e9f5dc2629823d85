import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import type { CliIo } from '../../electron/cli/io';
import { kafkajsAclCodes } from '../../shared/domain/tenancy';

const policies = join(import.meta.dirname, '../fixtures/policies');
const snapshots = join(import.meta.dirname, '../fixtures/snapshots');
const policy = (name: string) => join(policies, name);
const demo = join(snapshots, 'demo.json');
const PROD = 'N9xnGujkR32eYxHICeaHuQ';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    readInput: (path) => readFile(path, 'utf8'),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('odradek policy validate', () => {
  it('exits 0 for a valid file and prints its warnings', async () => {
    const file = policy('teams.yaml');
    const result = await run('policy', 'validate', file);
    expect(result).toEqual({
      code: 0,
      out: `${file}:30:5: warning: unknown tenant key "owner" is kept but ignored (expected name, description, resources, presentation_mode, roles)\n${file}: valid (2 tenants, 3 policies, 1 warning)\n`,
      err: '',
    });
  });

  it("accepts the documentation's default tenants", async () => {
    expect((await run('policy', 'validate', policy('kpow-defaults.yaml'))).code).toBe(0);
  });

  it('exits 1 with file:line:column: lines for an invalid file', async () => {
    const file = policy('invalid.yaml');
    const { code, out } = await run('policy', 'validate', file);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      `${file}:2:15: error: unknown action "TOPIC_READ"`,
      `${file}:3:13: error: unknown effect "Permit"; expected "Allow", "Deny" or "Stage"`,
      `${file}:9:35: error: unknown cluster resource type "topics" in ["cluster","*","topics","ops-*"]; expected "topic" or "group" or "broker" or "principal"`,
      `${file}:11:39: error: invalid name pattern "ops*internal": "*" may stand alone or start or end a pattern (exact, prefix*, *suffix) in ["cluster","*","topic","ops*internal"]`,
      `${file}:12:13: error: ["connect","*","connector"] needs a name pattern after "connector"`,
      `${file}:13:24: error: unknown presentation_mode "COMPACT"; expected "DEFAULT" or "HIDE_RESOURCES"`,
      `${file}:15:5: warning: unknown tenant key "colour" is kept but ignored (expected name, description, resources, presentation_mode, roles)`,
      `${file}:16:11: error: duplicate tenant name "Ops" (first defined on line 7)`,
      `${file}:20:5: error: tenant has no "name"`,
      `${file}:20:5: error: tenant has no "resources" (a list of include:/exclude: entries)`,
      `${file}:20:5: error: tenant has no "roles" (use - "*" for every role)`,
      `${file}: 10 errors, 1 warning`,
    ]);
  });

  it('reports YAML syntax errors at their position', async () => {
    const file = policy('syntax-error.yaml');
    const { code, out } = await run('policy', 'validate', file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:5:5: error: YAML syntax:`);
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run('policy', 'validate', policy('invalid.yaml'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ valid: false, errors: 10, warnings: 1, tenants: 1 });
  });
});

describe('odradek policy preview', () => {
  it('lists each tenant with full paths and inferred resources flagged', async () => {
    const { code, out, err } = await run('policy', 'preview', policy('teams.yaml'), '--snapshot', demo, '--tenant', 'Payments');
    expect(code).toBe(0);
    expect(err).toContain('warning: unknown tenant key "owner"');
    expect(out).toBe(
      [
        'Tenant "Payments" (roles: pay-team): 3 topics, 91.8 KB replica disk, 15.5 writes/s, 2 groups',
        `  ["cluster","${PROD}","topic","payments-in"]  (inferred)`,
        `  ["cluster","${PROD}","topic","ledger"]  (inferred)`,
        `  ["cluster","${PROD}","topic","card-refunds"]  (inferred)`,
        `  ["cluster","${PROD}","group","payments-processor"]`,
        `  ["cluster","${PROD}","group","payments-reporting"]`,
        `  ["cluster","${PROD}","principal","User:payments"]`,
        '  ["schema","sr-1","subject","payments-in-value"]',
        '',
      ].join('\n'),
    );
  });

  it('previews the default tenants as JSON', async () => {
    const { code, out } = await run('policy', 'preview', policy('kpow-defaults.yaml'), '--snapshot', demo, '--json');
    expect(code).toBe(0);
    const previews = JSON.parse(out) as Array<{ tenant: string; totals: { topics: number } }>;
    expect(previews.map((p) => [p.tenant, p.totals.topics])).toEqual([
      ['Global', 18],
      ['Kpow Hidden', 14],
    ]);
  });

  it('names the known tenants when --tenant is wrong', async () => {
    const { code, err } = await run('policy', 'preview', policy('teams.yaml'), '--snapshot', demo, '--tenant', 'Payment');
    expect(code).toBe(1);
    expect(err).toContain(`odradek policy: no tenant named "Payment" in ${policy('teams.yaml')}; known tenants: "Transactions", "Payments".`);
  });

  it('explains an invalid snapshot with the path of the problem', async () => {
    const bad = join(snapshots, 'bad-partitions.json');
    const { code, err } = await run('policy', 'preview', policy('teams.yaml'), '--snapshot', bad);
    expect(code).toBe(1);
    expect(err).toContain(`odradek policy: ${bad} is not a valid Odradek snapshot (see docs/snapshot-format.md):\n  clusters[0].topics[1].partitions: Invalid input: expected number, received string`);
  });

  it('refuses an invalid policy with its diagnostics', async () => {
    const { code, err } = await run('policy', 'preview', policy('invalid.yaml'), '--snapshot', demo);
    expect(code).toBe(1);
    expect(err).toContain(`is not a valid policy file:\n${policy('invalid.yaml')}:2:15: error: unknown action "TOPIC_READ"`);
  });
});

describe('odradek policy diff', () => {
  it('prints the one-line summary and the per-tenant changes', async () => {
    const { code, out } = await run('policy', 'diff', policy('teams.yaml'), policy('teams-edited.yaml'), '--snapshot', demo);
    expect(code).toBe(0);
    expect(out.split('\n\n')).toEqual([
      'this edit hides 2 topics from "Transactions" and shows 1 more topic to "Payments"',
      ['Tenant "Transactions" (changed)', `  - ["cluster","lkc-dev-8Qx","topic","tx-orders"]`, `  - ["cluster","lkc-dev-8Qx","topic","tx-payments"]`].join('\n'),
      ['Tenant "Payments" (changed)', `  + ["cluster","lkc-dev-8Qx","topic","orders-refunds"]`, ''].join('\n'),
    ]);
  });

  it('prints JSON with --json', async () => {
    const { out } = await run('policy', 'diff', policy('teams.yaml'), policy('teams-edited.yaml'), '--snapshot', demo, '--json');
    const diff = JSON.parse(out) as { tenants: Array<{ tenant: string; change: string }> };
    expect(diff.tenants.map((t) => [t.tenant, t.change])).toEqual([
      ['Transactions', 'changed'],
      ['Payments', 'changed'],
    ]);
  });
});

describe('odradek policy acls', () => {
  it('prints kafka-acls.sh commands and what cannot be translated', async () => {
    const { code, out } = await run('policy', 'acls', policy('teams.yaml'), '--tenant', 'Transactions', '--principal', 'User:tx', '--access', 'write', '--bootstrap-server', 'kafka:9092');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      '# Kafka ACLs for User:tx from tenant "Transactions" (write access)',
      'kafka-acls.sh --bootstrap-server kafka:9092 --add --allow-principal User:tx --operation Read --operation Describe --operation Write --operation Create --operation DescribeConfigs --topic tx- --resource-pattern-type prefixed',
      '#',
      '# Not translated:',
      '#   exclude ["cluster","*","topic","tx-audit"]: exclusions are not translated: a Kafka DENY ACL would override every ALLOW this principal holds, including grants made outside this tenant; narrow the include patterns instead',
    ]);
  });

  it('prints kafkajs createAcls entries with --json', async () => {
    const { out } = await run('policy', 'acls', policy('teams.yaml'), '--tenant', 'Payments', '--principal', 'User:pay', '--json');
    const result = JSON.parse(out) as { acls: Array<{ resourceName: string; operation: number }>; untranslated: Array<{ path: string[] }> };
    expect(result.acls.map((acl) => [acl.resourceName, acl.operation])).toEqual([
      ['payments-', AclOperationTypes.READ],
      ['payments-', AclOperationTypes.DESCRIBE],
    ]);
    expect(result.untranslated.map((u) => u.path.join(','))).toEqual([
      'cluster,prod,group,payments-*',
      'schema,*,subject,payments-*',
      'cluster,prod,principal,User:payments',
      'cluster,*,topic,*-dlq',
    ]);
  });

  it.each([
    { argv: ['--tenant', 'Transactions'], message: '--principal is required.', code: 2 },
    { argv: ['--principal', 'User:x'], message: '--tenant is required; tenants in', code: 2 },
    { argv: ['--tenant', 'Transactions', '--principal', 'alice'], message: "--principal must be a Kafka principal such as User:alice, got 'alice'.", code: 2 },
    { argv: ['--tenant', 'Transactions', '--principal', 'User:x', '--access', 'owner'], message: "--access must be one of read, write, admin, got 'owner'.", code: 2 },
    { argv: ['--tenant', 'Nope', '--principal', 'User:x'], message: 'no tenant named "Nope"', code: 1 },
  ])('rejects bad input: $message', async ({ argv, message, code }) => {
    const result = await run('policy', 'acls', policy('teams.yaml'), ...argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });

  it('uses the numeric codes of kafkajs', () => {
    expect(kafkajsAclCodes).toEqual({
      resourceType: { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP },
      patternType: { LITERAL: ResourcePatternTypes.LITERAL, PREFIXED: ResourcePatternTypes.PREFIXED },
      operation: {
        READ: AclOperationTypes.READ,
        WRITE: AclOperationTypes.WRITE,
        CREATE: AclOperationTypes.CREATE,
        DELETE: AclOperationTypes.DELETE,
        ALTER: AclOperationTypes.ALTER,
        DESCRIBE: AclOperationTypes.DESCRIBE,
        DESCRIBE_CONFIGS: AclOperationTypes.DESCRIBE_CONFIGS,
        ALTER_CONFIGS: AclOperationTypes.ALTER_CONFIGS,
      },
      permissionAllow: AclPermissionTypes.ALLOW,
    });
  });
});

describe('odradek policy: command-line and file errors', () => {
  it.each([
    { argv: ['policy', 'validate', join(policies, 'missing.yaml')], code: 1, message: `odradek policy: cannot read policy file ${join(policies, 'missing.yaml')}: no such file.` },
    { argv: ['policy', 'validate', policies], code: 1, message: 'it is a directory' },
    { argv: ['policy', 'validate'], code: 2, message: "odradek policy: expected FILE, got nothing." },
    { argv: ['policy', 'validate', 'a', '--strict'], code: 2, message: "Unknown option '--strict'" },
    { argv: ['policy', 'preview', 'x.yaml'], code: 2, message: '--snapshot is required.' },
    { argv: ['policy', 'preview', join(policies, 'teams.yaml'), '--snapshot', join(snapshots, 'none.json')], code: 1, message: 'cannot read snapshot' },
    { argv: ['policy', 'diff', 'a.yaml', '--snapshot', 's.json'], code: 2, message: "expected OLD and NEW, got 'a.yaml'." },
    { argv: ['policy', 'explode'], code: 2, message: "unknown subcommand 'explode'." },
  ])('$argv -> $code', async ({ argv, code, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});
