// Wires services to contract channels. Each handler stays thin: the dispatcher has already checked
// the sender and parsed the input; the service does the work.
import type { ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import type { ProfileSummary } from '../../shared/ipc/contract';
import type { ChannelHandlers, StreamProducers } from './ipc/dispatcher';
import type { EventBus } from './ipc/events';
import { describeApp, type AppInfoSource } from './services/app-info-service';
import { openExternalLink } from './services/external-links';
import { createKafkaClientFactory } from './services/kafka/client-factory';
import { diagnoseConnection } from './services/kafka/connection-diagnostics';
import { SecretStoreUnavailableError, type Clock, type ProfileRepo, type SecretStore } from './services/ports';
import { createProfileService } from './services/profiles/profile-service';

/** Everything main's services need from the outside, supplied by the composition root or a test. */
export interface AppPorts {
  profiles: ProfileRepo;
  secrets: SecretStore;
  clock: Clock;
  events: EventBus;
  appInfo: AppInfoSource;
  openExternal(url: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /** Warnings from Kafka clients; must never be given secrets (kafkajs does not log credentials). */
  log?(line: string): void;
}

export function createAppHandlers(ports: AppPorts): { handlers: ChannelHandlers; producers: StreamProducers } {
  const kafkaClients = createKafkaClientFactory(ports.clock, ports.log);
  const profiles = createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile });

  const handlers: ChannelHandlers = {
    'app:info': () => describeApp(ports.appInfo),
    'profiles:list': async () => {
      const stored = await profiles.list();
      return { profiles: stored.profiles.map(toProfileSummary), problems: stored.problems };
    },
    'profiles:get': ({ id }) => profiles.get(id),
    'profiles:save': (request) => profiles.save(request),
    'profiles:delete': ({ id }) => profiles.delete(id),
    'keychain:status': async () => {
      try {
        await ports.secrets.list();
        return { available: true };
      } catch (error) {
        if (error instanceof SecretStoreUnavailableError) return { available: false, message: error.message };
        throw error;
      }
    },
    'shell:open-external': ({ url }) => openExternalLink(url, ports.openExternal),
  };

  const producers: StreamProducers = {
    'profiles:test': async (request, sink) => {
      const settings = request.kind === 'saved' ? await profiles.resolveConnection(request.id) : await profiles.resolveDraft(request.draft);
      // Stages finish one at a time; each goes out as its own batch, in order, as credit allows.
      let delivered = Promise.resolve();
      const { summary } = await diagnoseConnection(settings, { factory: kafkaClients, clock: ports.clock }, {
        signal: sink.signal,
        onResult: (result) => {
          delivered = delivered.then(() => sink.batch([result]));
        },
      });
      await delivered;
      return summary;
    },
  };
  return { handlers, producers };
}

function toProfileSummary(profile: ConnectionProfile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    environment: profile.environment,
    bootstrapServers: profile.bootstrapServers,
    securityProtocol: profile.securityProtocol,
    vendor: profile.vendor.preset,
    readOnly: profile.safety.readOnly,
  };
}
