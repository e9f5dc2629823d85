// `odradek topics config`: the configuration tab and its editor on the command line, over the same
// topic service. Values are checked against the shared table of known keys before the broker sees
// them; only the named keys change (incremental set / reset). --json: { topic, changed, configs }
// with configs in the contract's TopicConfigEntry shape plus `readable` (documented in docs/topics.md).
import { parseArgs } from 'node:util';
import { configValueProblem, readableConfigValue } from '../../../shared/domain/topics/topic-config-keys';
import type { TopicConfigEntry } from '../../../shared/domain/topics/topic-schemas';
import { AppFailure } from '../../../shared/ipc/result';
import { createTopicService } from '../../main/services/topics/topic-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

export const topicsUsage = `Usage:
  odradek topics config --profile NAME --topic T [--overrides] [--set key=value]... [--reset key]... [--json]`;

export async function runTopicsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'config') {
    io.err(verb === undefined ? topicsUsage : `odradek topics: unknown command '${verb}'.\n${topicsUsage}`);
    return 2;
  }
  let flags: { profile?: string; topic?: string; set?: string[]; reset?: string[]; overrides?: boolean; json?: boolean };
  try {
    ({ values: flags } = parseArgs({
      args: rest,
      options: { profile: { type: 'string' }, topic: { type: 'string' }, set: { type: 'string', multiple: true }, reset: { type: 'string', multiple: true }, overrides: { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek topics config: ${(error as Error).message}\n${topicsUsage}`);
    return 2;
  }
  if (!flags.profile || !flags.topic) {
    io.err(`odradek topics config: --profile and --topic are required.\n${topicsUsage}`);
    return 2;
  }
  const set: Record<string, string> = {};
  const problems: string[] = [];
  for (const pair of flags.set ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      problems.push(`--set ${pair}: write key=value.`);
      continue;
    }
    const key = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    if (Object.hasOwn(set, key)) problems.push(`--set ${key} is given twice.`);
    set[key] = value;
    const problem = configValueProblem(key, value);
    if (problem) problems.push(`--set ${problem}`);
  }
  const reset = flags.reset ?? [];
  for (const key of reset) if (Object.hasOwn(set, key)) problems.push(`${key} is both set and reset.`);
  if (problems.length > 0) {
    io.err(`odradek topics config: nothing changed.\n${problems.join('\n')}`);
    return 2;
  }
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, flags.profile);
    const topics = createTopicService({ profiles: services.profiles, factory: services.kafkaClients, clock: services.ports.clock });
    const changed = Object.keys(set).length + reset.length > 0 ? (await topics.alterConfig({ profileId: profile.id, topic: flags.topic, set, reset })).changed : [];
    const detail = await topics.detail(profile.id, flags.topic);
    const configs = detail.configs.filter((entry) => !flags.overrides || entry.isOverride);
    if (flags.json) io.out(JSON.stringify({ topic: flags.topic, changed, configs: configs.map((entry) => ({ ...entry, readable: entry.sensitive ? null : readableConfigValue(entry.name, entry.value) })) }, null, 2));
    else io.out(`${changed.length > 0 ? `Changed ${changed.join(', ')} on ${flags.topic}.\n` : ''}${configTable(configs)}`);
    return 0;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`odradek topics config: ${message}`);
    return 1;
  }
}

function configTable(configs: readonly TopicConfigEntry[]): string {
  if (configs.length === 0) return 'No configuration entries.';
  const rows = configs.map((entry) => {
    const readable = entry.sensitive ? '(sensitive)' : entry.value === null ? '-' : readableConfigValue(entry.name, entry.value);
    return [entry.name, entry.sensitive ? '(sensitive)' : (entry.value ?? '-'), readable === entry.value ? '' : readable, entry.isOverride ? 'override' : entry.source];
  });
  const header = ['KEY', 'VALUE', 'READABLE', 'SOURCE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}
