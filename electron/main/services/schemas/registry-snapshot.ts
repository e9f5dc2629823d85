// A profile's Schema Registry in the snapshot format (`schemaRegistries[]`): its id (the one tenancy
// paths use) and its subject names, one GET /subjects.
import type { SnapshotSchemaRegistry } from '../../../../shared/domain/snapshot/snapshot';
import type { SchemaRegistrySettings } from '../kafka/connection-settings';
import { RegistryClient } from './registry-client';
import { RegistryTransport } from './registry-transport';

/** The registry's subjects, or null (after `warn`) when it cannot be read: the cluster part still counts. */
export async function captureSchemaRegistry(settings: SchemaRegistrySettings, warn: (message: string) => void): Promise<SnapshotSchemaRegistry | null> {
  const transport = new RegistryTransport(settings, { maxSockets: 1 });
  try {
    const subjects = await new RegistryClient(transport).subjects();
    return { id: settings.id, name: settings.name, subjects: [...subjects].sort() };
  } catch (error) {
    warn(`The Schema Registry's subjects are not in the snapshot: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    transport.close();
  }
}
