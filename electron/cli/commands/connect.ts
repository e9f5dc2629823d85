// `odradek connect list|status|restart|pause|resume`: the profile's Kafka Connect clusters through the
// same service the app uses (the profile's operate-connectors action and read-only clusters apply).
// --json prints the channel shapes (shared/domain/connect/connect-schemas.ts), documented in docs/connect.md.
import { parseArgs } from 'node:util';
import { AppFailure } from '../../../shared/ipc/result';
import { createConnectService } from '../../main/services/connect/connect-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = `Usage:
  odradek connect list    --profile NAME [--cluster C] [--json]
  odradek connect status  --profile NAME [--cluster C] --connector N [--json]
  odradek connect restart --profile NAME [--cluster C] --connector N [--tasks] [--only-failed] [--task ID] [--json]
  odradek connect pause   --profile NAME [--cluster C] --connector N [--json]
  odradek connect resume  --profile NAME [--cluster C] --connector N [--json]`;

const verbs = ['list', 'status', 'restart', 'pause', 'resume'] as const;
type Verb = (typeof verbs)[number];

class UsageError extends Error {}

export async function runConnectCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    io.out(usage);
    return verb === undefined ? 2 : 0;
  }
  if (!(verbs as readonly string[]).includes(verb)) {
    io.err(`odradek connect: unknown verb '${verb}'.\n${usage}`);
    return 2;
  }
  let values: { profile?: string; cluster?: string; connector?: string; tasks?: boolean; 'only-failed'?: boolean; task?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        profile: { type: 'string' },
        cluster: { type: 'string' },
        connector: { type: 'string' },
        tasks: { type: 'boolean' },
        'only-failed': { type: 'boolean' },
        task: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
    if (!values.profile) throw new UsageError('--profile is required.');
    if (verb !== 'list' && !values.connector) throw new UsageError('--connector is required.');
    if (values.task !== undefined && !/^\d+$/.test(values.task)) throw new UsageError(`--task takes a task id (0, 1, ...), not '${values.task}'.`);
  } catch (error) {
    io.err(`odradek connect ${verb}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const services = cliServices(io);
  const connect = createConnectService({ profiles: services.profiles });
  const print = (data: unknown) => io.out(JSON.stringify(data, null, 2));
  try {
    const profile = await findProfile(services, values.profile);
    const profileId = profile.id;
    const clusterOf = async (): Promise<string> => {
      if (values.cluster) {
        const found = profile.connect.find((cluster) => cluster.id === values.cluster || cluster.name === values.cluster);
        if (!found) throw new AppFailure('NOT_FOUND', `Profile '${profile.name}' has no Connect cluster '${values.cluster}' (it has ${profile.connect.map((cluster) => cluster.id).join(', ') || 'none'}).`);
        return found.id;
      }
      if (profile.connect.length === 1) return profile.connect[0]!.id;
      if (profile.connect.length === 0) throw new AppFailure('NOT_FOUND', `Profile '${profile.name}' has no Kafka Connect cluster: add one in the profile's Connect settings.`);
      throw new UsageError(`Profile '${profile.name}' has ${profile.connect.length} Connect clusters (${profile.connect.map((cluster) => cluster.id).join(', ')}): choose one with --cluster.`);
    };
    switch (verb as Verb) {
      case 'list': {
        const clusterId = values.cluster ? await clusterOf() : null;
        if (clusterId === null && profile.connect.length === 0) await clusterOf();
        const list = await connect.list(profileId, clusterId, { topics: true });
        if (values.json) print(list);
        else {
          for (const cluster of list.clusters) io.out(cluster.error ? `${cluster.name} (${cluster.id}): ${cluster.error}` : `${cluster.name} (${cluster.id}) at ${cluster.url}: ${cluster.connectors} connector${cluster.connectors === 1 ? '' : 's'}`);
          const rows = list.connectors.map((row) => [row.clusterId, row.name, row.type, row.state, `${row.tasks.running}/${row.tasks.total} running${row.tasks.failed ? `, ${row.tasks.failed} failed` : ''}`, row.className.split('.').pop() ?? '', (row.topics ?? []).join(',')]);
          const widths = rows.reduce((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), [] as number[]);
          for (const row of rows) io.out(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
        }
        // A cluster that could not be listed makes the exit code 1, so scripts notice.
        return list.clusters.some((cluster) => cluster.error !== null) ? 1 : 0;
      }
      case 'status': {
        const detail = await connect.detail({ profileId, clusterId: await clusterOf(), connector: values.connector! });
        if (values.json) print(detail);
        else {
          io.out(`${detail.name} (${detail.type}, ${detail.className}) on ${detail.clusterName}: ${detail.state}${detail.workerId ? ` on ${detail.workerId}` : ''}`);
          if (detail.trace) io.out(detail.trace.trimEnd());
          for (const task of detail.tasks) {
            io.out(`  task ${task.id}: ${task.state}${task.workerId ? ` on ${task.workerId}` : ''}`);
            if (task.trace) io.out(task.trace.trimEnd().split('\n').map((line) => `    ${line}`).join('\n'));
          }
          if (detail.topics) io.out(`  topics: ${detail.topics.join(', ') || '(none yet)'}`);
        }
        return detail.state === 'FAILED' || detail.tasks.some((task) => task.state === 'FAILED') ? 1 : 0;
      }
      case 'restart':
      case 'pause':
      case 'resume': {
        const ref = { profileId, clusterId: await clusterOf(), connector: values.connector! };
        let message: string;
        if (verb === 'restart') {
          const task = values.task === undefined ? undefined : Number(values.task);
          await connect.restart(ref, { includeTasks: values.tasks ?? false, onlyFailed: values['only-failed'] ?? false, task });
          message = task !== undefined ? `Task ${task} of '${ref.connector}' is restarting.` : `Connector '${ref.connector}' is restarting${values.tasks ? (values['only-failed'] ? ' with its failed tasks' : ' with its tasks') : ''}.`;
        } else if (verb === 'pause') {
          await connect.pause(ref);
          message = `Connector '${ref.connector}' is being paused.`;
        } else {
          await connect.resume(ref);
          message = `Connector '${ref.connector}' is being resumed.`;
        }
        if (values.json) print({ message });
        else io.out(message);
        return 0;
      }
    }
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`odradek connect ${verb}: ${error.message}\n${usage}`);
      return 2;
    }
    io.err(`odradek connect ${verb}: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof AppFailure && error.code === 'NOT_FOUND' ? 3 : error instanceof AppFailure && error.code === 'NOT_ALLOWED' ? 4 : 1;
  } finally {
    connect.close();
  }
}
