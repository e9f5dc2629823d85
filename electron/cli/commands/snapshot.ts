import { parseArgs } from 'node:util';
import { AppFailure } from '../../../shared/ipc/result';
import { writeFileAtomically } from '../../main/services/files/write-file-atomically';
import { captureSnapshot } from '../../main/services/snapshots/capture-snapshot';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = 'Usage: odradek snapshot --profile NAME -o FILE [--rate-sample-ms N]';

/** `odradek snapshot`: captures a connected cluster into the offline snapshot format. */
export async function runSnapshotCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { profile?: string; output?: string; 'rate-sample-ms'?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { profile: { type: 'string' }, output: { type: 'string', short: 'o' }, 'rate-sample-ms': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek snapshot: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.profile || !values.output) {
    io.err(`odradek snapshot: --profile and -o are required.\n${usage}`);
    return 2;
  }
  const rateSampleMs = values['rate-sample-ms'] === undefined ? 1_000 : Number(values['rate-sample-ms']);
  if (!Number.isInteger(rateSampleMs) || rateSampleMs < 0) {
    io.err('odradek snapshot: --rate-sample-ms takes a whole number of milliseconds (0 skips write rates).');
    return 2;
  }
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, values.profile);
    const settings = await services.profiles.resolveConnection(profile.id);
    const snapshot = await captureSnapshot(settings, { factory: services.kafkaClients, clock: services.ports.clock }, {
      profileName: profile.name,
      rateSampleMs,
      warn: (message) => io.err(`warning: ${message}`),
    });
    await writeFileAtomically(values.output, `${JSON.stringify(snapshot, null, 2)}\n`);
    const cluster = snapshot.clusters[0]!;
    io.out(`Captured cluster ${cluster.id} through '${profile.name}': ${cluster.brokers.length} brokers, ${cluster.topics.length} topics, ${cluster.groups.length} groups, ${cluster.principals.length} principals → ${values.output}`);
    return 0;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof Error ? error.message : String(error);
    io.err(`odradek snapshot: ${message}`);
    return 1;
  }
}
