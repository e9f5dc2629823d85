// The profile's Connect clusters for a snapshot file: id (the cluster's id in the profile, the one tenancy
// paths use), name and connector names. A cluster that cannot be read is left out with a warning.
import type { SnapshotConnect } from '../../../../shared/domain/snapshot/snapshot';
import type { ConnectClusterSettings } from '../kafka/connection-settings';
import { createConnectClient } from './connect-service';

export async function captureConnectClusters(clusters: readonly ConnectClusterSettings[], warn: (line: string) => void): Promise<SnapshotConnect[]> {
  const captured = await Promise.all(
    clusters.map(async (settings) => {
      const client = createConnectClient(settings);
      try {
        const rows = await client.connectors({ topics: false });
        return { id: settings.id, name: settings.name, connectors: rows.map((row) => row.name) };
      } catch (error) {
        warn(`Connect cluster '${settings.name}' was left out of the snapshot: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      } finally {
        client.transport.close();
      }
    }),
  );
  return captured.filter((entry): entry is SnapshotConnect => entry !== null);
}
