// Wires services to contract channels. Each handler stays thin: the dispatcher has already checked
// the sender and parsed the input; the service does the work.
import type { ProfileSummary } from '../../shared/ipc/contract';
import type { ChannelHandlers, StreamProducers } from './ipc/dispatcher';
import type { EventBus } from './ipc/events';
import { describeApp, type AppInfoSource } from './services/app-info-service';
import { openExternalLink } from './services/external-links';
import type { Clock, ProfileRepo, SecretStore } from './services/ports';

/** Everything main's services need from the outside, supplied by the composition root or a test. */
export interface AppPorts {
  profiles: ProfileRepo<ProfileSummary>;
  secrets: SecretStore;
  clock: Clock;
  events: EventBus;
  appInfo: AppInfoSource;
  openExternal(url: string): Promise<void>;
}

export function createAppHandlers(ports: AppPorts): { handlers: ChannelHandlers; producers: StreamProducers } {
  const handlers: ChannelHandlers = {
    'app:info': () => describeApp(ports.appInfo),
    'profiles:list': () => ports.profiles.list(),
    'shell:open-external': ({ url }) => openExternalLink(url, ports.openExternal),
  };
  const producers: StreamProducers = {};
  return { handlers, producers };
}
