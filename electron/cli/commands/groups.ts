// `odradek groups list|describe|lag`: the same group service as the app's groups screen. The --json
// shapes are the contract's (GroupRow, GroupDetail) and are documented in docs/groups.md.
import { parseArgs } from 'node:util';
import { partitionLag } from '../../../shared/domain/groups/group-lag';
import type { GroupDetail, GroupRow } from '../../../shared/domain/groups/group-schemas';
import { AppFailure } from '../../../shared/ipc/result';
import { readGroupList } from '../../main/services/groups/group-list';
import { describeGroupDetail, locateGroup, withGroupSession } from '../../main/services/groups/group-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';
import { groupsResetUsage, runGroupsResetCommand } from './groups-reset';

const usage = `Usage:
  odradek groups list --profile NAME [--json]
  odradek groups describe --profile NAME --group G [--rate-sample-ms N] [--json]
  odradek groups lag --profile NAME [--group G] [--json]
  ${groupsResetUsage}`;

interface Flags {
  profile?: string;
  group?: string;
  json?: boolean;
  'rate-sample-ms'?: string;
}

/** One committed partition's lag, as `odradek groups lag` prints it (kafka-consumer-groups --describe's columns). */
export interface PartitionLagLine {
  group: string;
  topic: string;
  partition: number;
  committed: number;
  end: number | null;
  lag: number | null;
  /** Member owning the partition now, if any. */
  owner: string | null;
}

export async function runGroupsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'reset') return runGroupsResetCommand(rest, io);
  if (verb !== 'list' && verb !== 'describe' && verb !== 'lag') {
    io.err(verb === undefined ? usage : `odradek groups: unknown command '${verb}'.\n${usage}`);
    return 2;
  }
  let flags: Flags;
  try {
    ({ values: flags } = parseArgs({
      args: rest,
      options: { profile: { type: 'string' }, group: { type: 'string' }, json: { type: 'boolean' }, 'rate-sample-ms': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek groups ${verb}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!flags.profile) {
    io.err(`odradek groups ${verb}: --profile is required.\n${usage}`);
    return 2;
  }
  if (verb === 'describe' && !flags.group) {
    io.err(`odradek groups describe: --group is required.\n${usage}`);
    return 2;
  }
  const rateSampleMs = flags['rate-sample-ms'] === undefined ? 0 : Number(flags['rate-sample-ms']);
  if (!Number.isInteger(rateSampleMs) || rateSampleMs < 0 || rateSampleMs > 30_000) {
    io.err(`odradek groups ${verb}: --rate-sample-ms takes whole milliseconds from 0 to 30000 (0 skips consumption rates).`);
    return 2;
  }
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, flags.profile);
    const settings = await services.profiles.resolveConnection(profile.id);
    const deps = { clock: services.ports.clock };
    if (verb === 'list') {
      const { rows, summary } = await readGroupList(settings, deps);
      for (const warning of summary.warnings) io.err(`warning: ${warning}`);
      io.out(flags.json ? JSON.stringify({ groups: rows, summary }, null, 2) : listTable(rows));
      return 0;
    }
    if (verb === 'describe') {
      const detail = await withGroupSession(settings, deps, `Describing group '${flags.group}'`, (session) =>
        describeGroupDetail(session, flags.group!, { clock: deps.clock, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), rateSampleMs }),
      );
      for (const warning of detail.warnings) io.err(`warning: ${warning}`);
      io.out(flags.json ? JSON.stringify(detail, null, 2) : describeText(detail));
      return 0;
    }
    const lines = await withGroupSession(settings, deps, 'Reading group lag', async (session) => {
      const groups = flags.group ? [await locateGroup(session, flags.group)] : (await session.listAll()).groups;
      const [committed, described] = await Promise.all([session.committed(groups), session.describe(groups)]);
      const owners = new Map<string, string>();
      for (const [groupId, outcome] of described) {
        if (outcome.ok) for (const member of outcome.value.members) for (const { topic, partitions } of member.assignment) for (const partition of partitions) owners.set(`${groupId}\u0000${topic}\u0000${partition}`, member.memberId);
      }
      const entries = [...committed].flatMap(([groupId, outcome]) => {
        if (!outcome.ok) {
          io.err(`warning: ${outcome.error.message}`);
          return [];
        }
        return outcome.value.map((entry) => ({ groupId, ...entry }));
      });
      const ends = await session.endOffsets(entries);
      return entries
        .map(({ groupId, topic, partition, offset }): PartitionLagLine => {
          const end = ends.offsets.get(topic)?.[partition];
          return { group: groupId, topic, partition, committed: Number(offset), end: end === undefined ? null : Number(end), lag: partitionLag(offset, end), owner: owners.get(`${groupId}\u0000${topic}\u0000${partition}`) ?? null };
        })
        .sort((a, b) => compare(a.group, b.group) || compare(a.topic, b.topic) || a.partition - b.partition);
    });
    io.out(flags.json ? JSON.stringify({ partitions: lines }, null, 2) : lagTable(lines));
    return 0;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`odradek groups ${verb}: ${message}`);
    return 1;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const shown = (value: number | string | null | undefined) => (value === null || value === undefined ? '-' : String(value));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

function listTable(rows: GroupRow[]): string {
  if (rows.length === 0) return 'No consumer groups.';
  return table(
    ['GROUP', 'TYPE', 'STATE', 'MEMBERS', 'TOPICS', 'LAG', 'MAX-LAG', 'COORDINATOR', 'ERROR'],
    rows.map((row) => [row.groupId, row.type, row.state || '-', shown(row.members), shown(row.topics?.length), shown(row.totalLag), shown(row.maxLag), shown(row.coordinator), row.error?.message ?? '']),
  );
}

function lagTable(lines: PartitionLagLine[]): string {
  if (lines.length === 0) return 'No committed offsets.';
  return table(
    ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID'],
    lines.map((line) => [line.group, line.topic, String(line.partition), String(line.committed), shown(line.end), shown(line.lag), line.owner ?? '-']),
  );
}

function describeText(detail: GroupDetail): string {
  const lines = [
    `Group ${detail.groupId}: ${detail.type}, ${detail.state || 'no state'}, protocol ${detail.protocol ?? '-'}, coordinator ${shown(detail.coordinator)}` +
      (detail.groupEpoch === null ? '' : `, group epoch ${detail.groupEpoch}, assignment epoch ${shown(detail.assignmentEpoch)}`),
    `Lag: ${detail.totalLag} (largest on one partition: ${detail.maxLag})`,
    '',
    detail.members.length === 0
      ? 'No members.'
      : table(
          ['MEMBER', 'INSTANCE', 'CLIENT', 'HOST', 'EPOCH', 'ASSIGNED', 'TARGET'],
          detail.members.map((member) => {
            const parts = (assignment: { topic: string; partitions: number[] }[]) => assignment.map(({ topic, partitions }) => `${topic}:${partitions.join(',')}`).join(' ') || '-';
            return [member.memberId, member.instanceId ?? '-', member.clientId, member.host, shown(member.memberEpoch), parts(member.assignment), member.targetAssignment ? parts(member.targetAssignment) : '-'];
          }),
        ),
    '',
    detail.offsets.length === 0
      ? 'No partitions.'
      : table(
          ['TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG', 'RATE/S', 'LEADER-EPOCH', 'OWNER', 'METADATA'],
          detail.offsets.map((entry) => [entry.topic, String(entry.partition), shown(entry.committed), shown(entry.end), shown(entry.lag), shown(entry.consumptionRate), shown(entry.leaderEpoch), entry.owner ?? '-', entry.metadata ?? '']),
        ),
  ];
  return lines.join('\n');
}
