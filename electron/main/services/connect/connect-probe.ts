// The Kafka Connect stage of the connection test: each of the profile's Connect clusters answers GET /
// (version, Kafka cluster id) and GET /connectors with its credentials; the first one that fails fails
// the stage with its specific message.
import type { ConnectClusterSettings } from '../kafka/connection-settings';
import { isConnectError } from './connect-errors';
import { createConnectClient } from './connect-service';

type Facts = Record<string, string | number | boolean>;
export type ConnectProbe = { ok: true; message: string; warning: string | null; facts: Facts } | { ok: false; message: string; remedy: string; facts: Facts };

const remedies: Record<string, string> = {
  unauthorized: "Check the Connect cluster's REST user and password, or bearer token, in the profile.",
  forbidden: 'Ask the Connect administrator for a user that may list connectors.',
  tls: "Check the Connect cluster's TLS settings: the CA that signed the workers' certificates, and a client certificate if they ask for one.",
  unreachable: 'Check the Connect REST URLs (scheme, host and port, usually 8083) and that they are reachable from here.',
  timeout: 'The workers may be overloaded or rebalancing, or a firewall drops the traffic.',
};

export async function probeConnectClusters(clusters: readonly ConnectClusterSettings[], options: { timeoutMs: number; kafkaClusterId?: string | null }): Promise<ConnectProbe> {
  const facts: Facts = {};
  const lines: string[] = [];
  let warning: string | null = null;
  for (const settings of clusters) {
    const client = createConnectClient(settings, { timeoutMs: Math.max(500, Math.floor(options.timeoutMs / (2 * clusters.length))) });
    try {
      const worker = await client.worker();
      const connectors = await client.connectors({ topics: false });
      facts[`${settings.name} URL`] = client.transport.currentUrl;
      facts[`${settings.name} version`] = worker.version;
      facts[`${settings.name} connectors`] = connectors.length;
      if (settings.urls.length > 1 && client.transport.currentUrl !== settings.urls[0]) facts[`${settings.name} first URL`] = 'did not answer';
      if (options.kafkaClusterId && worker.kafkaClusterId && worker.kafkaClusterId !== options.kafkaClusterId) {
        warning = `Connect cluster '${settings.name}' works with Kafka cluster ${worker.kafkaClusterId}, not this profile's ${options.kafkaClusterId}.`;
      }
      lines.push(`${settings.name}: Connect ${worker.version}, ${connectors.length} connector${connectors.length === 1 ? '' : 's'}`);
    } catch (error) {
      const kind = isConnectError(error) ? error.kind : 'unknown';
      return { ok: false, message: error instanceof Error ? error.message : String(error), remedy: remedies[kind] ?? 'See the message.', facts };
    } finally {
      client.transport.close();
    }
  }
  return { ok: true, message: `${lines.join('; ')}.`, warning, facts };
}
