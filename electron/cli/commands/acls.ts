// `odradek acls list|create|delete|copy|principal` and `odradek quotas list`: the app's acls:* and
// quotas:* handlers (same service, same profile actions, same confirmations). create/delete/copy show
// what they would do; --dry-run stops there, --yes applies it (the CLI's typed confirmation: the names
// were given on the command line). The --json shapes are documented in docs/acls.md.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { aclBindingSchema, aclFilterSchema, aclOperations, deleteAclsConfirmation, describeBinding, matchesFilter, type AclBinding } from '../../../shared/domain/acls';
import { channels, type ChannelOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import { createAccessHandlers } from '../../main/services/acls/access-handlers';
import { createAccessService } from '../../main/services/acls/access-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const filterFlags = '[--principal P] [--host H] [--resource-type TOPIC|GROUP|CLUSTER|TRANSACTIONAL_ID] [--name N] [--pattern LITERAL|PREFIXED|MATCH] [--operation OP] [--permission ALLOW|DENY]';
export const aclsUsage = `Usage:
  odradek acls list --profile NAME ${filterFlags} [--json]
  odradek acls create --profile NAME --principal P --resource-type T --name N [--pattern LITERAL|PREFIXED] --operation OP[,OP...] [--permission ALLOW|DENY] [--host H] [--dry-run|--yes] [--json]
  odradek acls delete --profile NAME ${filterFlags} [--dry-run|--yes] [--json]
  odradek acls copy --profile NAME --from P --to P [--dry-run|--yes] [--json]
  odradek acls principal --profile NAME --principal P [--host H] [--json]
  odradek quotas list --profile NAME [--json]`;

const options = {
  profile: { type: 'string' },
  principal: { type: 'string' },
  host: { type: 'string' },
  'resource-type': { type: 'string' },
  name: { type: 'string' },
  pattern: { type: 'string' },
  operation: { type: 'string' },
  permission: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;
type Flags = Partial<Record<'profile' | 'principal' | 'host' | 'resource-type' | 'name' | 'pattern' | 'operation' | 'permission' | 'from' | 'to', string>> & { 'dry-run'?: boolean; yes?: boolean; json?: boolean };

class UsageError extends Error {}

const zodWords = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');

export async function runAclsCommand(noun: 'acls' | 'quotas', args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const known = noun === 'acls' ? ['list', 'create', 'delete', 'copy', 'principal'] : ['list'];
  const prefix = `odradek ${noun} ${verb ?? ''}`.trim();
  if (verb === undefined || !known.includes(verb)) {
    io.err(verb === undefined ? aclsUsage : `odradek ${noun}: unknown command '${verb}'.\n${aclsUsage}`);
    return 2;
  }
  let flags: Flags;
  try {
    ({ values: flags } = parseArgs({ args: rest, options, strict: true }));
    if (!flags.profile) throw new UsageError('--profile is required.');
    if (flags['dry-run'] && flags.yes) throw new UsageError('--dry-run and --yes contradict each other; give one.');
  } catch (error) {
    io.err(`${prefix}: ${(error as Error).message}\n${aclsUsage}`);
    return 2;
  }
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, flags.profile!);
    const handlers = createAccessHandlers({ profiles: services.profiles, access: createAccessService({ factory: services.kafkaClients, clock: services.ports.clock }) });
    const context = {} as never;
    const profileId = profile.id;
    const print = (value: unknown, text: () => string) => io.out(flags.json ? JSON.stringify(value, null, 2) : text());

    if (noun === 'quotas') {
      const listed = await handlers['quotas:list']({ profileId }, context);
      print(listed, () => (listed.entries.length === 0 ? 'No client quotas are set. Set one with kafka-configs --alter --add-config, or in the app\'s Access screen.' : listed.entries.map((entry) => entry.text).join('\n')));
      return 0;
    }
    if (verb === 'list') {
      const filter = parseFilter(flags);
      const listed = await handlers['acls:list']({ profileId }, context);
      const output: ChannelOutput<'acls:list'> = listed.state === 'ok' ? { ...listed, bindings: listed.bindings.filter((row) => matchesFilter(row, filter)) } : listed;
      print(output, () => (output.state === 'security-disabled' ? `SECURITY_DISABLED: ${output.message}` : aclTable(output.bindings)));
      return 0;
    }
    if (verb === 'principal') {
      if (!flags.principal) throw new UsageError('--principal is required.');
      const view = await handlers['acls:principal'](channels['acls:principal'].input.parse({ profileId, principal: flags.principal, host: flags.host ?? '*' }), context);
      print(view, () => principalText(view));
      return 0;
    }
    const apply = async <T>(preview: () => Promise<T>, previewText: (value: T) => string, applyIt: (previewed: T) => Promise<unknown>, nothing: (value: T) => boolean, label: string) => {
      const previewed = await preview();
      if (flags['dry-run'] || nothing(previewed)) {
        print({ dryRun: true, preview: previewed }, () => previewText(previewed));
        return 0;
      }
      if (!flags.yes) {
        print({ dryRun: true, preview: previewed }, () => previewText(previewed));
        io.err(`${prefix}: ${label} needs --yes (or use --dry-run to only preview); nothing was changed.`);
        return 1;
      }
      const applied = await applyIt(previewed);
      print({ dryRun: false, preview: previewed, applied }, () => `${previewText(previewed)}\nDone.`);
      return 0;
    };
    if (verb === 'create') {
      const bindings = parseCreate(flags);
      return await apply(
        async () => ({ bindings: bindings.map((binding) => ({ ...binding, text: describeBinding(binding) })) }),
        (value) => `Would create ${value.bindings.length} ACL${value.bindings.length === 1 ? '' : 's'}:\n${value.bindings.map((row) => `  ${row.text}`).join('\n')}`,
        async () => handlers['acls:create']({ profileId, bindings }, context),
        () => false,
        'creating ACLs',
      );
    }
    if (verb === 'delete') {
      const filter = parseFilter(flags);
      if (Object.keys(filter).length === 0) throw new UsageError('Give at least one filter flag; deleting every ACL of the cluster is not a CLI verb.');
      return await apply(
        async () => handlers['acls:delete-preview']({ profileId, filter }, context),
        (value) => (value.matched.length === 0 ? 'No ACL matches the filter; nothing to delete.' : `The filter matches exactly these ${value.matched.length} ACL${value.matched.length === 1 ? '' : 's'}:\n${aclTable(value.matched)}`),
        // Exactly the previewed entries, not whatever the filter matches by now.
        async (preview) => {
          const bindings = preview.matched.map(({ text: _text, ...binding }) => binding);
          return handlers['acls:delete']({ profileId, bindings, confirmation: deleteAclsConfirmation(bindings) }, context);
        },
        (value) => value.matched.length === 0,
        'deleting ACLs',
      );
    }
    if (!flags.from || !flags.to) throw new UsageError('--from and --to are required.');
    const copyInput = channels['acls:copy-preview'].input.parse({ profileId, from: flags.from, to: flags.to });
    return await apply(
      async () => handlers['acls:copy-preview'](copyInput, context),
      (value) => `Copying ${copyInput.from}'s ACLs to ${copyInput.to} creates ${value.toCreate.length} (${value.present.length} already there):\n${aclTable(value.toCreate)}`,
      async () => handlers['acls:copy']({ ...copyInput, confirmation: copyInput.to }, context),
      (value) => value.toCreate.length === 0,
      'copying ACLs',
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${prefix}: ${error.message}\n${aclsUsage}`);
      return 2;
    }
    if (error instanceof z.ZodError) {
      io.err(`${prefix}: ${zodWords(error)}`);
      return 2;
    }
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`${prefix}: ${message}`);
    return 1;
  }
}

function parseFilter(flags: Flags) {
  const raw = {
    principal: flags.principal,
    host: flags.host,
    resourceType: flags['resource-type']?.toUpperCase(),
    resourceName: flags.name,
    patternType: flags.pattern?.toUpperCase(),
    operation: flags.operation?.toUpperCase(),
    permission: flags.permission?.toUpperCase(),
  };
  return aclFilterSchema.parse(Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)));
}

function parseCreate(flags: Flags): AclBinding[] {
  const missing = (['principal', 'resource-type', 'operation'] as const).filter((flag) => !flags[flag]);
  if (missing.length > 0) throw new UsageError(`${missing.map((flag) => `--${flag}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required.`);
  const resourceType = flags['resource-type']!.toUpperCase();
  const name = flags.name ?? (resourceType === 'CLUSTER' ? 'kafka-cluster' : undefined);
  if (name === undefined) throw new UsageError('--name is required (use * for every name).');
  const operations = flags.operation!.split(',').map((operation) => operation.trim().toUpperCase());
  const unknown = operations.filter((operation) => !(aclOperations as readonly string[]).includes(operation));
  if (unknown.length > 0) throw new UsageError(`Unknown operation${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; known: ${aclOperations.join(', ')}.`);
  return operations.map((operation) =>
    aclBindingSchema.parse({
      principal: flags.principal,
      host: flags.host ?? '*',
      resourceType,
      resourceName: name,
      patternType: (flags.pattern ?? 'LITERAL').toUpperCase(),
      operation,
      permission: (flags.permission ?? 'ALLOW').toUpperCase(),
    }),
  );
}

function aclTable(rows: readonly (AclBinding & { text?: string })[]): string {
  if (rows.length === 0) return 'No ACLs match. Create one with odradek acls create, or in the app\'s Access screen.';
  const header = ['PRINCIPAL', 'HOST', 'RESOURCE', 'PATTERN', 'NAME', 'OPERATION', 'PERMISSION'];
  const lines = rows.map((row) => [row.principal, row.host, row.resourceType, row.patternType, row.resourceName, row.operation, row.permission]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  return [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function principalText(view: ChannelOutput<'acls:principal'>): string {
  const head = view.superUser ? `${view.principal} is a super user: ACLs do not apply to it.` : `What ${view.principal} may do${view.host === '*' ? '' : ` from ${view.host}`}${view.settingsKnown ? '' : " (the brokers' super.users could not be read)"}:`;
  const lines = view.rows.map((row) => {
    const where = row.resourceType === 'CLUSTER' ? 'CLUSTER' : `${row.resourceType} ${row.match === 'prefix' ? `${row.name}*` : row.match === 'other' ? '(any other name)' : row.name}`;
    const allowed = row.operations.filter((operation) => operation.allowed).map((operation) => operation.operation);
    const denied = row.operations.filter((operation) => operation.reason === 'deny-acl').map((operation) => operation.operation);
    return `  ${where}: ${allowed.length === 0 ? 'nothing' : allowed.join(', ')}${denied.length > 0 ? `; denied by ACL: ${denied.join(', ')}` : ''}`;
  });
  return [head, ...lines].join('\n');
}
