import { parseArgs } from 'node:util';
import { diagnosticStageLabels } from '../../../shared/domain/connection-diagnostics';
import { uniqueProfileId } from '../../../shared/domain/profile/ids';
import { importFormats, type ImportFormat } from '../../../shared/domain/profile/import/detect';
import { importProfile, type ImportPreview } from '../../../shared/domain/profile/import/import-profile';
import type { ProfileIssue } from '../../../shared/domain/profile/issues';
import { joinSecrets, secretSlotInfo, secretStatuses } from '../../../shared/domain/profile/secrets';
import { AppFailure } from '../../../shared/ipc/result';
import { diagnoseConnection } from '../../main/services/kafka/connection-diagnostics';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = `Usage:
  odradek profile import <file|-> [--format auto|${importFormats.join('|')}] [--name NAME] [--id ID] [--dry-run] [--json]
  odradek profile list [--json]
  odradek profile test <id|name> [--json]
  odradek profile switch <id|name> --to main|failover [--json]`;

/** `odradek profile …`: import pasted client configs, list stored profiles, test a connection. */
export async function runProfileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'import':
      return runImport(rest, io);
    case 'list':
      return runList(rest, io);
    case 'test':
      return runTest(rest, io);
    case 'switch':
      return runSwitch(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.out(usage);
      return 0;
    default:
      io.err(`odradek profile: ${subcommand === undefined ? 'a subcommand is required' : `unknown subcommand '${subcommand}'`}.\n${usage}`);
      return 2;
  }
}

type Parsed<T> = { ok: true; values: T; positionals: string[] } | { ok: false };

function parse<T>(args: readonly string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options'], io: CliIo, command: string): Parsed<T> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, values: values as T, positionals };
  } catch (error) {
    io.err(`odradek profile ${command}: ${(error as Error).message}\n${usage}`);
    return { ok: false };
  }
}

interface ImportFlags {
  format?: string;
  name?: string;
  id?: string;
  'dry-run'?: boolean;
  json?: boolean;
}

async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse<ImportFlags>(args, { format: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, io, 'import');
  if (!parsed.ok) return 2;
  const { values, positionals } = parsed;
  const [input, ...extra] = positionals;
  if (input === undefined || extra.length > 0) {
    io.err(`odradek profile import: give exactly one file, or - for standard input.\n${usage}`);
    return 2;
  }
  const format = values.format ?? 'auto';
  if (format !== 'auto' && !(importFormats as readonly string[]).includes(format)) {
    io.err(`odradek profile import: unknown format '${format}'; use auto, ${importFormats.join(', ')}.`);
    return 2;
  }
  let text: string;
  try {
    text = await io.readInput(input);
  } catch (error) {
    io.err(`odradek profile import: cannot read ${input === '-' ? 'standard input' : `'${input}'`}: ${(error as Error).message}`);
    return 2;
  }
  const preview = importProfile(text, {
    format: format as ImportFormat | 'auto',
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values.id === undefined ? {} : { id: values.id }),
  });
  const dryRun = values['dry-run'] === true;

  if (dryRun || !preview.ok) {
    report(io, preview, values.json === true, dryRun ? 'dry run: nothing was saved' : 'nothing was saved: fix the errors and import again');
    return preview.ok ? 0 : 1;
  }
  try {
    const services = cliServices(io);
    const stored = (await services.profiles.list()).profiles;
    // Without --id, an import never replaces a stored profile: a taken id gets a numbered suffix.
    if (values.id === undefined) preview.profile.id = uniqueProfileId(preview.profile.id, new Set(stored.map((profile) => profile.id)));
    const replaces = stored.some((profile) => profile.id === preview.profile.id);
    // A replaced profile keeps no secret the imported text does not give.
    const clearSecrets = secretStatuses(preview.profile)
      .map(({ slot }) => slot)
      .filter((slot) => preview.secrets[slot] === undefined);
    const saved = await services.profiles.save({ draft: joinSecrets(preview.profile, preview.secrets), clearSecrets });
    const secretCount = Object.keys(preview.secrets).length;
    const outcome = `${replaces ? 'replaced' : 'saved'} profile '${saved.name}' (id ${saved.id})${secretCount > 0 ? `; ${secretCount} secret${secretCount === 1 ? '' : 's'} stored in the OS keychain` : ''}`;
    report(io, { ...preview, profile: saved }, values.json === true, outcome);
    return 0;
  } catch (error) {
    io.err(`odradek profile import: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function report(io: CliIo, preview: ImportPreview, json: boolean, outcome: string): void {
  const secrets = preview.secretFields.map(({ slot, key, line }) => ({ slot, label: secretSlotInfo(slot).label, key, line }));
  if (json) {
    // The profile holds only `{slot, state}` references; secret values are never printed.
    io.out(JSON.stringify({ format: preview.format, formatReason: preview.formatReason, profile: preview.profile, secrets, ignored: preview.ignored, issues: preview.issues, ok: preview.ok, outcome }, null, 2));
    return;
  }
  const lines = [`Format: ${preview.format} (${preview.formatReason})`, '', 'Profile (secrets appear only as {slot, state}):', JSON.stringify(preview.profile, null, 2)];
  if (secrets.length > 0) {
    lines.push('', 'Secrets (stored in the OS keychain on save, never printed):', ...secrets.map((secret) => `  ${secret.label} (${secret.slot}) from ${secret.key}, line ${secret.line}`));
  }
  if (preview.ignored.length > 0) lines.push('', 'Ignored:', ...preview.ignored.map((entry) => `  line ${entry.line}: ${entry.key}: ${entry.reason}`));
  if (preview.issues.length > 0) lines.push('', 'Issues:', ...preview.issues.map((issue) => `  ${issue.severity.padEnd(7)} ${issue.message}`));
  lines.push('', `${countIssues(preview.issues)}; ${outcome}.`);
  io.out(lines.join('\n'));
}

function countIssues(issues: readonly ProfileIssue[]): string {
  const count = (severity: ProfileIssue['severity']) => issues.filter((issue) => issue.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}

async function runList(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse<{ json?: boolean }>(args, { json: { type: 'boolean' } }, io, 'list');
  if (!parsed.ok) return 2;
  try {
    const { profiles, problems } = await cliServices(io).profiles.list();
    if (parsed.values.json) {
      io.out(JSON.stringify({ profiles, problems }, null, 2));
      return 0;
    }
    if (profiles.length === 0) io.out('No connection profiles yet. Add one with: odradek profile import <file>');
    for (const profile of profiles) {
      const auth = profile.sasl ? ` ${profile.sasl.mechanism.toUpperCase()}` : '';
      const flags = profile.safety.readOnly ? ' read-only' : '';
      io.out(`${profile.id}\t${profile.name}\t[${profile.environment.tag}]\t${profile.bootstrapServers.join(',')}\t${profile.securityProtocol}${auth}${flags}`);
    }
    for (const problem of problems) io.err(`warning: ${JSON.stringify(problem)}`);
    return 0;
  } catch (error) {
    io.err(`odradek profile list: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** `--json`: `{"id", "activeCluster": "main"|"failover", "bootstrapServers": [...]}`. */
async function runSwitch(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse<{ json?: boolean; to?: string }>(args, { json: { type: 'boolean' }, to: { type: 'string' } }, io, 'switch');
  if (!parsed.ok) return 2;
  const [idOrName, ...extra] = parsed.positionals;
  const to = parsed.values.to;
  if (idOrName === undefined || extra.length > 0 || (to !== 'main' && to !== 'failover')) {
    io.err(`odradek profile switch: give one profile id or name and --to main or --to failover.\n${usage}`);
    return 2;
  }
  try {
    const services = cliServices(io);
    const profile = await services.profiles.switchCluster((await findProfile(services, idOrName)).id, to);
    const bootstrapServers = to === 'failover' && profile.failover ? profile.failover.bootstrapServers : profile.bootstrapServers;
    if (parsed.values.json) io.out(JSON.stringify({ id: profile.id, activeCluster: to, bootstrapServers }, null, 2));
    else io.out(`${profile.name} now connects to its ${to} cluster: ${bootstrapServers.join(',')}`);
    return 0;
  } catch (error) {
    io.err(`odradek profile switch: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function runTest(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse<{ json?: boolean }>(args, { json: { type: 'boolean' } }, io, 'test');
  if (!parsed.ok) return 2;
  const [idOrName, ...extra] = parsed.positionals;
  if (idOrName === undefined || extra.length > 0) {
    io.err(`odradek profile test: give one profile id or name.\n${usage}`);
    return 2;
  }
  const json = parsed.values.json === true;
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, idOrName);
    const settings = await services.profiles.resolveConnection(profile.id);
    const { results, summary } = await diagnoseConnection(settings, { factory: services.kafkaClients, clock: services.ports.clock }, {
      onResult: (result) => {
        if (json) return;
        const remedy = result.remedy ? `\n    ${result.remedy}` : '';
        io.out(`${result.status.padEnd(7)} ${diagnosticStageLabels[result.stage]}: ${result.message}${remedy}`);
      },
    });
    if (json) io.out(JSON.stringify({ profile: { id: profile.id, name: profile.name }, results, summary }, null, 2));
    else io.out(summary.ok ? `Connection to '${profile.name}' works (${summary.totalMs} ms).` : `Connection to '${profile.name}' failed at ${summary.failedStage ?? 'an unknown stage'}.`);
    return summary.ok ? 0 : 1;
  } catch (error) {
    io.err(`odradek profile test: ${error instanceof AppFailure || error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
