// Applies planned ACL bindings (e.g. a tenant's, shared/domain/tenancy/acls.ts) to a cluster. The
// preview describes what the cluster already has for the principal, so applying is a reviewed,
// idempotent step: only missing entries are created, nothing is ever deleted.
import kafkajs, { type Admin } from 'kafkajs';
import type { KafkajsAclEntry } from '../../../../shared/domain/tenancy/acls';
import { withAdminClient } from '../kafka/admin-session';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';

// kafkajs is CommonJS: Node's ESM loader (CLI, test bridge) sees only its default export.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

export interface AclApplyPreview {
  /** Entries the cluster does not have yet: what applying would create. */
  missing: KafkajsAclEntry[];
  /** Entries already granted, left as they are. */
  present: KafkajsAclEntry[];
  clusterId: string;
}

/** The entries to grant on the cluster with this id (a tenant's rules may be scoped to one cluster). */
export type AclEntriesFor = (clusterId: string) => readonly KafkajsAclEntry[];

export interface AclService {
  preview(settings: KafkaConnectionSettings, entriesFor: AclEntriesFor): Promise<AclApplyPreview>;
  /** Creates the missing entries of a fresh preview and returns what it did. */
  apply(settings: KafkaConnectionSettings, entriesFor: AclEntriesFor): Promise<AclApplyPreview & { created: number }>;
}

export function createAclService(deps: { factory: KafkaClientFactory }): AclService {
  const withAdmin = <T>(settings: KafkaConnectionSettings, doing: string, work: (admin: Admin) => Promise<T>) => withAdminClient(deps.factory, settings, doing, work);

  const previewWith = async (admin: Admin, entriesFor: AclEntriesFor): Promise<AclApplyPreview> => {
    const { clusterId } = await admin.describeCluster();
    const entries = entriesFor(clusterId);
    const existing = new Set<string>();
    for (const principal of new Set(entries.map((entry) => entry.principal))) {
      const described = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      for (const resource of described.resources) {
        for (const acl of resource.acls) {
          existing.add(
            entryKey({
              resourceType: resource.resourceType,
              resourceName: resource.resourceName,
              resourcePatternType: resource.resourcePatternType,
              principal: acl.principal,
              host: acl.host,
              operation: acl.operation,
              permissionType: acl.permissionType,
            }),
          );
        }
      }
    }
    const missing: KafkajsAclEntry[] = [];
    const present: KafkajsAclEntry[] = [];
    for (const entry of entries) (existing.has(entryKey(entry)) ? present : missing).push(entry);
    return { missing, present, clusterId };
  };

  return {
    preview: (settings, entriesFor) => withAdmin(settings, 'Reading ACLs', (admin) => previewWith(admin, entriesFor)),
    apply: (settings, entriesFor) =>
      withAdmin(settings, 'Creating ACLs', async (admin) => {
        const preview = await previewWith(admin, entriesFor);
        if (preview.missing.length > 0) await admin.createAcls({ acl: preview.missing });
        return { ...preview, created: preview.missing.length };
      }),
  };
}

function entryKey(entry: KafkajsAclEntry): string {
  return JSON.stringify([entry.resourceType, entry.resourceName, entry.resourcePatternType, entry.principal, entry.host, entry.operation, entry.permissionType]);
}
