// The main-process services the CLI shares with the app, over the Node ports (same store file, same
// keychain). Created lazily per command so `odradek --help` touches neither.
import { createNodePorts } from '../main/platform/node-ports';
import { createKafkaClientFactory } from '../main/services/kafka/client-factory';
import { createProfileService } from '../main/services/profiles/profile-service';
import type { CliIo } from './io';
import type { ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../shared/ipc/result';

export function cliServices(io: CliIo) {
  const ports = createNodePorts(io.dataDir === undefined ? {} : { dataDir: io.dataDir });
  const profiles = createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile });
  return { ports, profiles, kafkaClients: createKafkaClientFactory(ports.clock) };
}

/** Finds a profile by id, or by name when no id matches; an unknown name lists the known ones. */
export async function findProfile(services: ReturnType<typeof cliServices>, idOrName: string): Promise<ConnectionProfile> {
  const { profiles } = await services.profiles.list();
  const found = profiles.find((profile) => profile.id === idOrName) ?? profiles.find((profile) => profile.name === idOrName);
  if (found) return found;
  const known = profiles.map((profile) => `'${profile.name}'`).join(', ') || 'none';
  throw new AppFailure('NOT_FOUND', `There is no profile '${idOrName}'. Known profiles: ${known}.`);
}
