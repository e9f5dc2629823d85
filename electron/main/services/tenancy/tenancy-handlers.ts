// The tenancy channels, the cluster overview and snapshot capture, plus the guards around every other
// profile channel: app-handlers.ts wires them with one call.
import { schemaRegistryIdOf } from '../../../../shared/domain/schemas/schema-schemas';
import { SNAPSHOT_VERSION, type ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import type { ClusterOverview } from '../../../../shared/ipc/contract';
import type { ChannelHandlers, StreamProducers } from '../../ipc/dispatcher';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { writeFileAtomically } from '../files/write-file-atomically';
import type { FileDialogs } from '../policy-workspace-service';
import type { Clock } from '../ports';
import { captureClusterDetails } from '../snapshots/capture-snapshot';
import { captureConnectClusters } from '../connect/connect-snapshot';
import { captureSchemaRegistry } from '../schemas/registry-snapshot';
import { describeKafkaFailure, principalOf } from '../topics/kafka-error-words';
import { explainRequests, guardHandlers, type GuardDeps } from './channel-guards';
import type { TenancySettingsRepo } from './tenancy-settings';
import { createTenancyService, type TenancyAccess } from './tenancy-service';
import { createScopeCache } from './tenant-scope';

type TenancyChannel = 'tenancy:state' | 'tenancy:attach-policy' | 'tenancy:detach-policy' | 'tenancy:select-roles' | 'tenancy:enter' | 'tenancy:decisions' | 'cluster:overview' | 'snapshots:capture';

export interface TenancyDeps {
  settings: TenancySettingsRepo;
  profiles: {
    get(id: string): Promise<{ name: string; schemaRegistry?: { name?: string | undefined; urls: string[] } | null }>;
    resolveConnection(id: string): Promise<KafkaConnectionSettings>;
  };
  factory: KafkaClientFactory;
  clock: Clock;
  dialogs: FileDialogs;
  /** How long the overview and snapshot files watch end offsets for write rates. */
  rateSampleMs?: number;
  log?(line: string): void;
}

export function createTenancy(deps: TenancyDeps) {
  const rateSampleMs = deps.rateSampleMs ?? 1_000;
  const tenancy = createTenancyService({ settings: deps.settings, profileName: async (id) => (await deps.profiles.get(id)).name, dialogs: deps.dialogs });
  const capture = async (profileId: string, sampleMs: number) => {
    const [profile, settings] = await Promise.all([deps.profiles.get(profileId), deps.profiles.resolveConnection(profileId)]);
    try {
      const captured = await captureClusterDetails(settings, { factory: deps.factory, clock: deps.clock }, { profileName: profile.name, rateSampleMs: sampleMs, ...(deps.log ? { warn: deps.log } : {}) });
      return profile.schemaRegistry ? { ...captured, schemaRegistryId: schemaRegistryIdOf(profile.schemaRegistry) } : captured;
    } catch (error) {
      throw describeKafkaFailure(error, 'Reading the cluster', principalOf(settings));
    }
  };
  const scopes = createScopeCache({ capture, clock: deps.clock });
  const tenantOf = (access: TenancyAccess) => (access.kind === 'tenant' ? access.tenant : null);
  const guardDeps: GuardDeps = {
    access: (profileId) => tenancy.access(profileId),
    scope: (profileId, access, maxAgeMs) => scopes.scope(profileId, access.tenant, maxAgeMs),
    invalidate: (profileId) => scopes.invalidate(profileId),
  };

  const handlers: Pick<ChannelHandlers, TenancyChannel> = {
    'tenancy:state': ({ profileId }) => tenancy.state(profileId),
    'tenancy:attach-policy': (scope) => tenancy.attachPolicy(scope),
    'tenancy:detach-policy': (scope) => tenancy.detachPolicy(scope),
    'tenancy:select-roles': ({ profileId, roles }) => tenancy.selectRoles(profileId, roles),
    'tenancy:enter': ({ profileId, tenant }) => tenancy.enter(profileId, tenant),
    'tenancy:decisions': ({ profileId, asks }) => explainRequests(profileId, asks, guardDeps),
    'cluster:overview': async ({ profileId }): Promise<ClusterOverview> => {
      const access = await tenancy.access(profileId);
      const scope = await scopes.fresh(profileId, tenantOf(access), rateSampleMs);
      const { captured } = scope;
      const view = scope.visibleCluster();
      const sum = (value: (topic: (typeof view.topics)[number]) => number) => view.topics.reduce((total, topic) => total + value(topic), 0);
      const controllerId = captured.controllerId !== null && view.brokers.some((broker) => broker.id === captured.controllerId) ? captured.controllerId : null;
      return {
        clusterId: captured.cluster.id,
        tenant: scope.tenantName,
        brokers: view.brokers.length,
        controllerId,
        topics: view.topics.length,
        internalTopics: view.topics.filter((topic) => topic.internal).length,
        partitions: sum((topic) => topic.partitions),
        replicaBytes: captured.replicaBytesKnown ? sum((topic) => topic.replicaBytes) : null,
        writesPerSecond: captured.ratesKnown ? Math.round(sum((topic) => topic.writesPerSecond) * 100) / 100 : null,
        groups: view.groups.length,
        principals: captured.principalsKnown ? view.principals.length : null,
        sampledAt: deps.clock.now(),
      };
    },
    'snapshots:capture': async ({ profileId }) => {
      const access = await tenancy.access(profileId);
      const profile = await deps.profiles.get(profileId);
      const path = await deps.dialogs.chooseSavePath('snapshot', `${safeFileName(profile.name)}-snapshot.json`);
      if (path === null) return { path: null, topics: 0, groups: 0 };
      const resolved = deps.profiles.resolveConnection(profileId);
      const [scope, registry, connectClusters] = await Promise.all([
        scopes.fresh(profileId, tenantOf(access), rateSampleMs),
        resolved.then((settings) => (settings.schemaRegistry ? captureSchemaRegistry(settings.schemaRegistry, deps.log ?? (() => undefined)) : null)),
        resolved.then((settings) => captureConnectClusters(settings.connect ?? [], deps.log ?? (() => undefined))),
      ]);
      const cluster = scope.visibleSnapshotCluster();
      // Inside a tenant, only the tenant's subjects.
      const registries = registry ? [{ ...registry, subjects: registry.subjects.filter((subject) => scope.isVisible('subject', subject, registry.id)) }] : [];
      const snapshot: ClusterSnapshot = {
        version: SNAPSHOT_VERSION,
        capturedAt: new Date(deps.clock.now()).toISOString(),
        clusters: [cluster],
        schemaRegistries: registries,
        // Inside a tenant, only the tenant's connectors.
        connectClusters: connectClusters.map((entry) => ({ ...entry, connectors: entry.connectors.filter((name) => scope.isVisible('connector', name, entry.id)) })),
        ksqlDbs: [],
      };
      await writeFileAtomically(path, `${JSON.stringify(snapshot, null, 2)}\n`);
      return { path, topics: cluster.topics.length, groups: cluster.groups.length };
    },
  };

  return {
    handlers,
    /** Wraps the complete handler map and producers with the tenancy guards (see channel-guards.ts). */
    guard: (all: ChannelHandlers, producers: StreamProducers) => guardHandlers(all, producers, guardDeps),
  };
}

/** Profile names may hold characters a file name cannot. */
function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
}
