// `odradek brokers list|configs`: the brokers screen on the command line, over the same broker
// service. --json prints the contract's shapes (BrokerList, BrokerConfigs), documented in docs/brokers.md.
import { parseArgs } from 'node:util';
import type { BrokerConfigs, BrokerList } from '../../../shared/domain/brokers/broker-schemas';
import { AppFailure } from '../../../shared/ipc/result';
import { createBrokerService } from '../../main/services/brokers/broker-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

export const brokersUsage = `Usage:
  odradek brokers list --profile NAME [--json]
  odradek brokers configs --profile NAME (--broker ID | --default) [--changed] [--json]`;

export async function runBrokersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'list' && verb !== 'configs') {
    io.err(verb === undefined ? brokersUsage : `odradek brokers: unknown command '${verb}'.\n${brokersUsage}`);
    return 2;
  }
  let flags: { profile?: string; broker?: string; default?: boolean; changed?: boolean; json?: boolean };
  try {
    ({ values: flags } = parseArgs({
      args: rest,
      options: { profile: { type: 'string' }, broker: { type: 'string' }, default: { type: 'boolean' }, changed: { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek brokers ${verb}: ${(error as Error).message}\n${brokersUsage}`);
    return 2;
  }
  if (!flags.profile) {
    io.err(`odradek brokers ${verb}: --profile is required.\n${brokersUsage}`);
    return 2;
  }
  let brokerId: number | null = null;
  if (verb === 'configs') {
    if ((flags.broker === undefined) === (flags.default !== true)) {
      io.err(`odradek brokers configs: give either --broker ID or --default (the cluster-wide default).\n${brokersUsage}`);
      return 2;
    }
    if (flags.broker !== undefined) {
      brokerId = Number(flags.broker);
      if (!/^\d+$/.test(flags.broker) || !Number.isSafeInteger(brokerId)) {
        io.err(`odradek brokers configs: --broker takes a broker id (a whole number), not '${flags.broker}'.`);
        return 2;
      }
    }
  }
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, flags.profile);
    const brokers = createBrokerService({ profiles: services.profiles, factory: services.kafkaClients, clock: services.ports.clock });
    if (verb === 'list') {
      const list = await brokers.list(profile.id);
      for (const warning of list.warnings) io.err(`warning: ${warning}`);
      io.out(flags.json ? JSON.stringify(list, null, 2) : listText(list));
      return 0;
    }
    const configs = await brokers.configs(profile.id, brokerId);
    const entries = flags.changed ? configs.entries.filter((entry) => entry.source !== 'default') : configs.entries;
    io.out(flags.json ? JSON.stringify({ ...configs, entries }, null, 2) : configsText({ ...configs, entries }));
    return 0;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`odradek brokers ${verb}: ${message}`);
    return 1;
  }
}

const shown = (value: number | string | null | undefined) => (value === null || value === undefined ? '-' : String(value));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

function listText(list: BrokerList): string {
  const brokers =
    list.brokers.length === 0
      ? 'No brokers.'
      : table(
          ['ID', 'HOST:PORT', 'RACK', 'STATUS', 'CONTROLLER', 'LEADS', 'REPLICAS', 'UNDER-REPLICATED', 'OFFLINE', 'DISK-BYTES'],
          list.brokers.map((broker) => [
            String(broker.id),
            `${broker.host}:${broker.port}`,
            broker.rack ?? '-',
            broker.status,
            broker.isController ? 'yes' : '',
            String(broker.leaderPartitions),
            String(broker.replicas),
            String(broker.underReplicatedLed),
            String(broker.offlineReplicas),
            shown(broker.diskBytes),
          ]),
        );
  const quorum = list.quorum
    ? `Quorum: leader ${list.quorum.leaderId}, epoch ${list.quorum.leaderEpoch}, high watermark ${list.quorum.highWatermark}\n` +
      table(
        ['NODE', 'ROLE', 'LOG-END-OFFSET', 'LAG', 'LAST-FETCH', 'LAST-CAUGHT-UP'],
        [...list.quorum.voters.map((replica) => ({ replica, role: replica.isLeader ? 'leader' : 'voter' })), ...list.quorum.observers.map((replica) => ({ replica, role: 'observer' }))].map(({ replica, role }) => [
          String(replica.id),
          role,
          String(replica.logEndOffset),
          String(replica.lag),
          replica.lastFetchTimestamp === null ? '-' : new Date(replica.lastFetchTimestamp).toISOString(),
          replica.lastCaughtUpTimestamp === null ? '-' : new Date(replica.lastCaughtUpTimestamp).toISOString(),
        ]),
      )
    : `Quorum: ${list.quorumNote ?? 'not available'}`;
  return `Cluster ${list.clusterId || '-'}, controller ${shown(list.controllerId)}\n${brokers}\n\n${quorum}`;
}

function configsText(configs: BrokerConfigs): string {
  if (configs.entries.length === 0) return 'No configuration entries.';
  return table(
    ['KEY', 'VALUE', 'SOURCE', 'READ-ONLY', 'SYNONYMS'],
    configs.entries.map((entry) => [
      entry.name,
      entry.sensitive ? '(sensitive)' : (entry.value ?? '-'),
      entry.source,
      entry.readOnly ? 'yes' : 'no',
      entry.synonyms.map((synonym) => `${synonym.source}:${synonym.name}=${entry.sensitive ? '(sensitive)' : (synonym.value ?? '-')}`).join(' '),
    ]),
  );
}
