// What one tenant may touch in one profile's cluster, answered from a live capture: every channel
// guard and the overview ask the same scope, so lists, checks and totals agree. Captures are cached
// per profile for a short time and dropped after actions that create or delete topics.
import type { SnapshotCluster } from '../../../../shared/domain/snapshot/snapshot';
import {
  buildConsumptionIndex,
  compileTenant,
  evaluateTenant,
  visibilityOf,
  type ClusterView,
  type CompiledTenant,
  type ConsumptionIndex,
  type ResourceDomain,
  type ResourceRef,
  type Tenant,
  type Visibility,
} from '../../../../shared/domain/tenancy';
import type { CapturedCluster } from '../snapshots/capture-snapshot';
import type { Clock } from '../ports';

/** Every resource kind the tenancy seed's paths name that a channel can touch. */
export type GuardedResourceType = 'topic' | 'group' | 'broker' | 'principal' | 'subject' | 'connector';

/** Where each kind lives: the profile's Kafka cluster, its Schema Registry or a Connect cluster. */
const domainOfType: Record<GuardedResourceType, ResourceDomain> = {
  topic: 'cluster',
  group: 'cluster',
  broker: 'cluster',
  principal: 'cluster',
  subject: 'schema',
  connector: 'connect',
};

export class TenantScope {
  private readonly consumption: ConsumptionIndex;
  private view: ClusterView | null | undefined;

  constructor(
    readonly captured: CapturedCluster,
    /** null: no policy is attached and the whole cluster is in scope. */
    readonly tenant: CompiledTenant | null,
  ) {
    this.consumption = buildConsumptionIndex({ version: 1, capturedAt: '', clusters: [captured.cluster], schemaRegistries: [], connectClusters: [], ksqlDbs: [] });
  }

  get clusterId(): string {
    return this.captured.cluster.id;
  }

  get tenantName(): string | null {
    return this.tenant?.tenant.name ?? null;
  }

  topicVisibility(topic: string): Visibility {
    if (this.tenant === null) return 'included';
    return visibilityOf(this.tenant, this.ref('topic', topic), this.consumption);
  }

  isTopicVisible(topic: string): boolean {
    return this.topicVisibility(topic) !== 'hidden';
  }

  isGroupVisible(group: string): boolean {
    return this.isVisible('group', group);
  }

  /**
   * Whether the tenant shows a resource of any kind. Only topics can be inferred (from included groups,
   * the seed's rule); `domainId` names the registry or Connect cluster of a subject or connector.
   */
  isVisible(type: GuardedResourceType, name: string, domainId?: string): boolean {
    if (this.tenant === null) return true;
    if (type === 'topic') return this.isTopicVisible(name);
    return visibilityOf(this.tenant, this.ref(type, name, domainId)) !== 'hidden';
  }

  /** A new resource may be named only what the tenant includes explicitly: inference cannot cover a topic no group reads yet. */
  coversNew(type: GuardedResourceType, name: string, domainId?: string): boolean {
    return this.tenant === null || visibilityOf(this.tenant, this.ref(type, name, domainId)) === 'included';
  }

  coversNewTopic(topic: string): boolean {
    return this.coversNew('topic', topic);
  }

  /** The Kpow resource path policies are matched against, e.g. `["cluster", id, "group", "billing"]`. */
  pathOf(type: GuardedResourceType, name: string, domainId?: string): string[] {
    const ref = this.ref(type, name, domainId);
    return [ref.domain, ref.id, type, name];
  }

  /** The cluster as the tenant sees it (topics, groups, brokers, principals); evaluated once per scope. */
  visibleCluster(): ClusterView {
    if (this.view === undefined) {
      const cluster = this.captured.cluster;
      this.view =
        this.tenant === null
          ? { cluster, topics: cluster.topics, inferredTopics: new Set(), groups: cluster.groups, brokers: cluster.brokers, principals: cluster.principals }
          : (evaluateTenant(this.tenant, { version: 1, capturedAt: '', clusters: [cluster], schemaRegistries: [], connectClusters: [], ksqlDbs: [] }).clusters[0] ?? null);
    }
    return this.view ?? { cluster: this.captured.cluster, topics: [], inferredTopics: new Set(), groups: [], brokers: [], principals: [] };
  }

  /** The visible part of the cluster in the snapshot format; groups list only the visible topics they read. */
  visibleSnapshotCluster(): SnapshotCluster {
    const view = this.visibleCluster();
    const visibleTopics = new Set(view.topics.map((topic) => topic.name));
    return {
      ...view.cluster,
      brokers: view.brokers,
      topics: view.topics,
      groups: view.groups.map((group) => ({ ...group, topics: group.topics.filter((topic) => visibleTopics.has(topic)) })),
      principals: view.principals,
    };
  }

  private ref(type: GuardedResourceType, name: string, domainId?: string): ResourceRef {
    const cluster = this.captured.cluster;
    const domain = domainOfType[type];
    // A subject without a registry id is in the profile's own registry.
    const id = domain === 'cluster' ? cluster.id : (domainId ?? (domain === 'schema' ? this.captured.schemaRegistryId : undefined) ?? cluster.id);
    return { domain, id, profileName: cluster.profileName ?? cluster.name, type, name };
  }
}

export interface ScopeCacheOptions {
  capture(profileId: string, rateSampleMs: number): Promise<CapturedCluster>;
  clock: Clock;
  /** How long a capture answers checks before the cluster is read again. */
  ttlMs?: number;
}

/** Captures per profile, shared by every tenant of that profile; a tenant only changes how they are read. */
export function createScopeCache({ capture, clock, ttlMs = 30_000 }: ScopeCacheOptions) {
  const captures = new Map<string, { at: number; captured: Promise<CapturedCluster> }>();
  const compiled = new WeakMap<Tenant, CompiledTenant>();
  const compile = (tenant: Tenant | null) => {
    if (tenant === null) return null;
    let found = compiled.get(tenant);
    if (found === undefined) compiled.set(tenant, (found = compileTenant(tenant)));
    return found;
  };
  return {
    /** `maxAgeMs` (at most the TTL) asks for a capture at least that recent. */
    async scope(profileId: string, tenant: Tenant | null, maxAgeMs = ttlMs): Promise<TenantScope> {
      const cached = captures.get(profileId);
      let captured = cached && clock.now() - cached.at < Math.min(maxAgeMs, ttlMs) ? cached.captured : undefined;
      if (captured === undefined) {
        captured = capture(profileId, 0);
        captures.set(profileId, { at: clock.now(), captured });
        // A failed capture must not answer the next check.
        captured.catch(() => {
          if (captures.get(profileId)?.captured === captured) captures.delete(profileId);
        });
      }
      return new TenantScope(await captured, compile(tenant));
    },
    /** A capture with write rates (overview, snapshot file); it also answers checks that follow. */
    async fresh(profileId: string, tenant: Tenant | null, rateSampleMs: number): Promise<TenantScope> {
      const captured = await capture(profileId, rateSampleMs);
      captures.set(profileId, { at: clock.now(), captured: Promise.resolve(captured) });
      return new TenantScope(captured, compile(tenant));
    },
    invalidate(profileId: string): void {
      captures.delete(profileId);
    },
  };
}
export type ScopeCache = ReturnType<typeof createScopeCache>;
