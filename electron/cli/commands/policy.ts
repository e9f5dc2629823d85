// `odradek policy validate|preview|diff|acls`: the tenancy domain over files, for CI and reviews.
// Exit codes: 0 success, 1 the input is wrong (invalid policy, unreadable file or snapshot, unknown
// tenant), 2 the command line is wrong. Every failure is one specific message, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseSnapshot, type ClusterSnapshot } from '../../../shared/domain/snapshot/snapshot';
import {
  aclAccessLevels,
  diffPolicies,
  effectiveTenants,
  formatDiagnostic,
  formatPath,
  isKafkaPrincipal,
  describeAclEntry,
  parsePolicyFile,
  planTenantAcls,
  previewPolicy,
  toKafkaAclsCommands,
  toKafkajsAclEntries,
  type AclAccessLevel,
  type PolicyDiagnostic,
  type Tenant,
  type TenantAclPlan,
  type TenantPolicy,
  type TenantPreview,
  type VisibleResource,
} from '../../../shared/domain/tenancy';
import { createAclService, type AclApplyPreview } from '../../main/services/acls/acl-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = `Usage:
  odradek policy validate FILE [--json]
  odradek policy preview FILE --snapshot SNAP [--tenant NAME] [--json]
  odradek policy diff OLD NEW --snapshot SNAP [--json]
  odradek policy acls FILE --tenant NAME --principal User:x [--access read|write|admin]
                      [--bootstrap-server HOST:PORT] [--cluster ID|PROFILE] [--json]
  odradek policy acls FILE --tenant NAME --principal User:x --profile NAME [--apply] [--json]
                      (preview against the cluster: which ACLs it has and lacks; --apply creates the missing ones)
`;

/** A failure already explained to the user; carries the exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const usageError = (message: string) => new CliFailure(`odradek policy: ${message}\n\n${usage}`, 2);
const inputError = (message: string) => new CliFailure(`odradek policy: ${message}`, 1);

export async function runPolicyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    switch (subcommand) {
      case 'validate':
        return await validate(rest, io);
      case 'preview':
        return await preview(rest, io);
      case 'diff':
        return await diff(rest, io);
      case 'acls':
        return await acls(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(usage);
        return subcommand === undefined ? 2 : 0;
      default:
        throw usageError(`unknown subcommand '${subcommand}'.`);
    }
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.err(error.message);
    return error.exitCode;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T, positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message}.`);
  }
  if (parsed.positionals.length !== positionals.length) {
    throw usageError(`expected ${positionals.join(' and ')}, got ${parsed.positionals.length === 0 ? 'nothing' : parsed.positionals.map((p) => `'${p}'`).join(' ')}.`);
  }
  return parsed;
}

function requireOption(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value === '') throw usageError(`--${name} is required.`);
  return value;
}

async function readText(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return await io.readInput(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw inputError(`cannot read ${what} ${path}: ${reason}.`);
  }
}

async function readPolicy(io: CliIo, path: string): Promise<{ policy: TenantPolicy; diagnostics: PolicyDiagnostic[] }> {
  const result = parsePolicyFile(await readText(io, path, 'policy file'));
  const lines = result.diagnostics.map((diagnostic) => formatDiagnostic(path, diagnostic));
  if (!result.valid) throw inputError(`${path} is not a valid policy file:\n${lines.join('\n')}`);
  if (lines.length > 0) io.err(lines.join('\n'));
  return result;
}

async function readSnapshot(io: CliIo, path: string): Promise<ClusterSnapshot> {
  const result = parseSnapshot(await readText(io, path, 'snapshot'));
  if (result.ok) return result.snapshot;
  const issues = result.issues.slice(0, 10).map((issue) => `  ${issue.path}: ${issue.message}`);
  const more = result.issues.length > 10 ? `\n  ... and ${result.issues.length - 10} more` : '';
  throw inputError(`${path} is not a valid Odradek snapshot (see docs/snapshot-format.md):\n${issues.join('\n')}${more}`);
}

function findTenant(tenants: readonly Tenant[], name: string, file: string): Tenant {
  const tenant = tenants.find((candidate) => candidate.name === name);
  if (tenant !== undefined) return tenant;
  throw inputError(`no tenant named ${JSON.stringify(name)} in ${file}; known tenants: ${tenants.map((t) => JSON.stringify(t.name)).join(', ')}.`);
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {}, ['FILE']);
  const file = positionals[0]!;
  const result = parsePolicyFile(await readText(io, file, 'policy file'));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  if (values.json) {
    io.out(json({ file, valid: result.valid, errors, warnings, tenants: result.policy.tenants.length, policies: result.policy.policies.length, diagnostics: result.diagnostics }));
  } else {
    for (const diagnostic of result.diagnostics) io.out(formatDiagnostic(file, diagnostic));
    io.out(
      result.valid
        ? `${file}: valid (${plural(result.policy.tenants.length, 'tenant')}, ${plural(result.policy.policies.length, 'policy', 'policies')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''})`
        : `${file}: ${plural(errors, 'error')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`,
    );
  }
  return result.valid ? 0 : 1;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function formatResource(resource: VisibleResource): string {
  return `${formatPath(resource.path)}${resource.inferred ? '  (inferred)' : ''}`;
}

function formatPreview(preview: TenantPreview): string {
  const { totals } = preview;
  const header = `Tenant ${JSON.stringify(preview.tenant)} (roles: ${preview.roles.join(', ')}): ${plural(totals.topics, 'topic')}, ${formatBytes(totals.replicaBytes)} replica disk, ${Number(totals.writesPerSecond.toFixed(2))} writes/s, ${plural(totals.groups, 'group')}`;
  const lines = preview.resources.map((resource) => `  ${formatResource(resource)}`);
  return [header, ...(lines.length > 0 ? lines : ['  (sees nothing in this snapshot)'])].join('\n');
}

async function preview(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { snapshot: { type: 'string' }, tenant: { type: 'string' } }, ['FILE']);
  const file = positionals[0]!;
  const snapshotPath = requireOption(values.snapshot, 'snapshot');
  const { policy } = await readPolicy(io, file);
  const snapshot = await readSnapshot(io, snapshotPath);
  const tenants = typeof values.tenant === 'string' ? [findTenant(effectiveTenants(policy), values.tenant, file)] : effectiveTenants(policy);
  const previews = previewPolicy({ tenants: [...tenants] }, snapshot);
  io.out(values.json ? json(previews) : previews.map(formatPreview).join('\n\n'));
  return 0;
}

async function diff(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { snapshot: { type: 'string' } }, ['OLD', 'NEW']);
  const snapshotPath = requireOption(values.snapshot, 'snapshot');
  const before = await readPolicy(io, positionals[0]!);
  const after = await readPolicy(io, positionals[1]!);
  const result = diffPolicies(before.policy, after.policy, await readSnapshot(io, snapshotPath));
  if (values.json) {
    io.out(json(result));
    return 0;
  }
  const sections = result.tenants
    .filter((tenant) => tenant.change !== 'unchanged')
    .map((tenant) => {
      const title = tenant.change === 'renamed' ? `Tenant ${JSON.stringify(tenant.previousName)} -> ${JSON.stringify(tenant.tenant)} (renamed)` : `Tenant ${JSON.stringify(tenant.tenant)} (${tenant.change})`;
      return [title, ...tenant.removed.map((r) => `  - ${formatResource(r)}`), ...tenant.added.map((r) => `  + ${formatResource(r)}`)].join('\n');
    });
  io.out([result.summary, ...sections].join('\n\n'));
  return 0;
}

async function acls(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      tenant: { type: 'string' },
      principal: { type: 'string' },
      access: { type: 'string', default: 'read' },
      'bootstrap-server': { type: 'string' },
      cluster: { type: 'string' },
      profile: { type: 'string' },
      apply: { type: 'boolean' },
    },
    ['FILE'],
  );
  const file = positionals[0]!;
  const access = values.access as string;
  if (!(aclAccessLevels as readonly string[]).includes(access)) throw usageError(`--access must be one of ${aclAccessLevels.join(', ')}, got '${access}'.`);
  const principal = requireOption(values.principal, 'principal');
  if (!isKafkaPrincipal(principal)) throw usageError(`--principal must be a Kafka principal such as User:alice, got '${principal}'.`);
  if (values.apply && typeof values.profile !== 'string') throw usageError('--apply needs --profile NAME: the cluster to create the ACLs on.');
  if (typeof values.profile === 'string' && typeof values.cluster === 'string') throw usageError('--cluster and --profile exclude each other: with --profile the cluster id comes from the cluster.');
  const { policy } = await readPolicy(io, file);
  const tenants = effectiveTenants(policy);
  if (typeof values.tenant !== 'string') {
    throw usageError(`--tenant is required; tenants in ${file}: ${tenants.map((t) => JSON.stringify(t.name)).join(', ')}.`);
  }
  const tenant = findTenant(tenants, values.tenant, file);
  const planFor = (cluster?: { id: string; profileName: string }) => planTenantAcls(tenant, { principal, access: access as AclAccessLevel, ...(cluster ? { cluster } : {}) });
  if (typeof values.profile === 'string') return aclsOnCluster(io, { profile: values.profile, apply: values.apply === true, json: values.json === true, planFor });

  const plan = planFor(typeof values.cluster === 'string' ? { id: values.cluster, profileName: values.cluster } : undefined);
  if (values.json) {
    io.out(json({ tenant: plan.tenant, principal: plan.principal, access: plan.access, acls: toKafkajsAclEntries(plan), bindings: plan.bindings, untranslated: plan.untranslated }));
    return 0;
  }
  const bootstrap = typeof values['bootstrap-server'] === 'string' ? values['bootstrap-server'] : 'localhost:9092';
  io.out([`# Kafka ACLs for ${principal} from tenant ${JSON.stringify(tenant.name)} (${access} access)`, ...toKafkaAclsCommands(plan, bootstrap), ...untranslatedLines(plan)].join('\n'));
  return 0;
}

/**
 * The plan against a real cluster: which entries it already has and which it lacks (the preview), and
 * with --apply the missing ones created through the ACL service. Nothing is ever deleted.
 */
async function aclsOnCluster(
  io: CliIo,
  options: { profile: string; apply: boolean; json: boolean; planFor(cluster: { id: string; profileName: string }): TenantAclPlan },
): Promise<number> {
  let plan: TenantAclPlan | undefined;
  let result: AclApplyPreview & { created?: number };
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, options.profile);
    const settings = await services.profiles.resolveConnection(profile.id);
    const entriesFor = (clusterId: string) => toKafkajsAclEntries((plan = options.planFor({ id: clusterId, profileName: profile.name })));
    const acls = createAclService({ factory: services.kafkaClients });
    result = options.apply ? await acls.apply(settings, entriesFor) : await acls.preview(settings, entriesFor);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw inputError(error instanceof Error ? error.message : String(error));
  }
  const applied = plan!;
  if (options.json) {
    io.out(json({ tenant: applied.tenant, principal: applied.principal, access: applied.access, clusterId: result.clusterId, missing: result.missing, present: result.present, created: result.created ?? 0, untranslated: applied.untranslated }));
    return 0;
  }
  const lines = [
    `# ACLs for ${applied.principal} from tenant ${JSON.stringify(applied.tenant)} (${applied.access} access) on cluster ${result.clusterId}`,
    ...result.present.map((entry) => `  = ${describeAclEntry(entry)}  (already granted)`),
    ...result.missing.map((entry) => `  ${options.apply ? '+' : '?'} ${describeAclEntry(entry)}${options.apply ? '  (created)' : '  (missing)'}`),
    options.apply
      ? `Created ${plural(result.created ?? 0, 'ACL entry', 'ACL entries')}; ${plural(result.present.length, 'was', 'were')} already there.`
      : result.missing.length > 0
        ? `${plural(result.missing.length, 'ACL entry', 'ACL entries')} missing; run again with --apply to create ${result.missing.length === 1 ? 'it' : 'them'}.`
        : 'Every entry is already granted.',
    ...untranslatedLines(applied),
  ];
  io.out(lines.join('\n'));
  return 0;
}

function untranslatedLines(plan: TenantAclPlan): string[] {
  const lines: string[] = [];
  if (plan.bindings.length === 0) lines.push('# Nothing in this tenant can be expressed as a Kafka ACL.');
  if (plan.untranslated.length > 0) {
    lines.push('#', '# Not translated:');
    for (const rule of plan.untranslated) lines.push(`#   ${rule.effect} ${formatPath(rule.path)}: ${rule.reason}`);
  }
  return lines;
}
