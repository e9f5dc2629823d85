// `odradek groups reset`: the app's offset reset from a script. It previews with main's service and
// prints the same table as the app's reset dialog (topic, partition, current, new, lag before → after,
// note); applying needs --yes and commits exactly that table (the service refuses if ends or commits
// moved in between). --json prints { preview } or { preview, applied }, documented in docs/groups.md.
import { parseArgs } from 'node:util';
import { describeTarget, parseResetTo, ResetPlanError, type ResetRequest, type ResetRow } from '../../../shared/domain/groups/offset-reset';
import { AppFailure } from '../../../shared/ipc/result';
import { createGroupStateReader } from '../../main/services/groups/group-lag-reader';
import { createGroupOffsetsService, type ResetApplied, type ResetPreview } from '../../main/services/groups/group-offsets';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

export const groupsResetUsage =
  'odradek groups reset --profile NAME --group G --to earliest|latest|<iso-time>|<N>m-ago|<N>h-ago|offset:<n>|shift:<±n> [--topic T] [--partitions 0,1] [--dry-run] [--yes] [--json]';
const usage = `Usage: ${groupsResetUsage}`;

interface Flags {
  profile?: string;
  group?: string;
  to?: string;
  topic?: string;
  partitions?: string;
  'dry-run'?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** Exit codes: 0 previewed or applied, 1 refused or failed (nothing changed unless it says so), 2 usage. */
export async function runGroupsResetCommand(args: readonly string[], io: CliIo): Promise<number> {
  let flags: Flags;
  try {
    ({ values: flags } = parseArgs({
      args: [...args],
      options: {
        profile: { type: 'string' },
        group: { type: 'string' },
        to: { type: 'string' },
        topic: { type: 'string' },
        partitions: { type: 'string' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek groups reset: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const missing = (['profile', 'group', 'to'] as const).filter((name) => !flags[name]);
  if (missing.length > 0) {
    io.err(`odradek groups reset: ${missing.map((name) => `--${name}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required.\n${usage}`);
    return 2;
  }
  if (flags['dry-run'] && flags.yes) {
    io.err('odradek groups reset: --dry-run and --yes contradict each other; give one.');
    return 2;
  }
  let target: ResetRequest['target'];
  let partitions: number[] | undefined;
  try {
    target = parseResetTo(flags.to!);
    partitions = flags.partitions === undefined ? undefined : parsePartitions(flags.partitions);
  } catch (error) {
    io.err(`odradek groups reset: ${(error as Error).message}`);
    return 2;
  }
  if (partitions && !flags.topic) {
    io.err('odradek groups reset: --partitions needs --topic (partitions are numbered per topic).');
    return 2;
  }

  try {
    const services = cliServices(io);
    const profile = await findProfile(services, flags.profile!);
    const offsets = createGroupOffsetsService({
      profiles: services.profiles,
      factory: services.kafkaClients,
      clock: services.ports.clock,
      groups: createGroupStateReader({ profiles: services.profiles, clock: services.ports.clock }),
    });
    const request: ResetRequest = {
      profileId: profile.id,
      groupId: flags.group!,
      scope: flags.topic ? { kind: 'topic', topic: flags.topic, ...(partitions ? { partitions } : {}) } : { kind: 'group' },
      target,
    };
    const preview = await offsets.previewReset(request);
    if (flags['dry-run']) {
      io.out(flags.json ? JSON.stringify({ preview }, null, 2) : previewText(preview));
      return 0;
    }
    if (!flags.yes) {
      if (!flags.json) io.out(previewText(preview));
      else io.out(JSON.stringify({ preview }, null, 2));
      io.err('odradek groups reset: applying needs --yes (or use --dry-run to only preview); nothing was changed.');
      return 1;
    }
    if (preview.blockers.length > 0) {
      if (!flags.json) io.out(previewText(preview));
      io.err(`odradek groups reset: refused; nothing was changed. ${preview.blockers.join(' ')}`);
      return 1;
    }
    // --yes is the CLI's typed confirmation: the group id was given on the command line.
    const applied = await offsets.applyReset({ ...request, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: request.groupId });
    io.out(flags.json ? JSON.stringify({ preview, applied }, null, 2) : appliedText(preview, applied));
    return readBackDiffers(applied).length === 0 ? 0 : 1;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`odradek groups reset: ${message}`);
    return 1;
  }
}

function parsePartitions(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) throw new ResetPlanError(`--partitions '${text}' must be partition numbers separated by commas, e.g. 0,1,4.`);
  return parts.map(Number);
}

const shown = (value: number | null) => (value === null ? '-' : String(value));

/** The app's preview table, as text. */
export function resetTable(rows: readonly ResetRow[]): string {
  const header = ['TOPIC', 'PARTITION', 'CURRENT', 'NEW', 'LAG-BEFORE', 'LAG-AFTER', 'NOTE'];
  const cells = rows.map((row) => [row.topic, String(row.partition), row.current === null ? 'none' : String(row.current), String(row.target), shown(row.lagBefore), String(row.lagAfter), row.note ?? (row.current === row.target ? 'unchanged' : '')]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  return [header, ...cells].map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}

function previewText(preview: ResetPreview): string {
  const { totals } = preview;
  return [
    `Reset of group '${preview.groupId}' (${preview.group.type}, ${preview.group.state}, ${preview.group.members} member${preview.group.members === 1 ? '' : 's'}) to ${describeTarget(preview.target)}:`,
    resetTable(preview.rows),
    `${preview.rows.length} partition${preview.rows.length === 1 ? '' : 's'}, ${totals.changed} changed, ${totals.clamped} clamped; lag ${totals.lagBefore} → ${totals.lagAfter}. Fingerprint ${preview.fingerprint}.`,
    ...preview.blockers.map((blocker) => `Blocked: ${blocker}`),
  ].join('\n');
}

function appliedText(preview: ResetPreview, applied: ResetApplied): string {
  const differs = readBackDiffers(applied);
  return [
    previewText(preview),
    differs.length === 0
      ? `Applied: ${applied.rows.length} committed offset${applied.rows.length === 1 ? '' : 's'} written and read back equal to the preview.`
      : `Applied, but the offsets read back differ on ${differs.join(', ')} (a consumer may have committed since).`,
  ].join('\n');
}

function readBackDiffers(applied: ResetApplied): string[] {
  const read = new Map(applied.readBack.map((entry) => [`${entry.topic}-${entry.partition}`, entry.committed]));
  return applied.rows.filter((row) => read.get(`${row.topic}-${row.partition}`) !== row.target).map((row) => `${row.topic}-${row.partition}`);
}
