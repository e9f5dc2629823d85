// What the status bar shows for the selected profile: connecting, then connected (cluster id and broker
// count) or the reason it failed. Announced as `connection:state` events while the check runs.
import type { ConnectionState } from '../../../../shared/ipc/contract';
import type { EventBus } from '../../ipc/events';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';

const CHECK_TIMEOUT_MS = 10_000;

export async function checkConnection(
  profileId: string,
  resolve: () => Promise<KafkaConnectionSettings>,
  deps: { factory: KafkaClientFactory; events: EventBus },
): Promise<ConnectionState> {
  const announce = (state: ConnectionState) => {
    deps.events.emit('connection:state', state);
    return state;
  };
  announce({ profileId, state: 'connecting' });
  let admin: ReturnType<ReturnType<KafkaClientFactory['create']>['admin']> | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const settings = await resolve();
    admin = deps.factory
      .create(settings, { connectionTimeoutMs: CHECK_TIMEOUT_MS, authenticationTimeoutMs: CHECK_TIMEOUT_MS, requestTimeoutMs: CHECK_TIMEOUT_MS, retries: 1 })
      .admin();
    const connected = admin;
    const cluster = await Promise.race([
      connected.connect().then(() => connected.describeCluster()),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s; run Test connection for details`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    const brokers = `${cluster.brokers.length} broker${cluster.brokers.length === 1 ? '' : 's'}`;
    return announce({ profileId, state: 'connected', message: `cluster ${cluster.clusterId}, ${brokers}` });
  } catch (error) {
    return announce({ profileId, state: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
    await admin?.disconnect().catch(() => undefined);
  }
}
