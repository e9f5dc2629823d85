import type { TenancyState } from '../../../../shared/ipc/contract';
import type { ClusterSection } from '../../app/ui-store';

export interface SectionInfo {
  label: string;
  /** What the screen will show; also the placeholder text until the feature lands. */
  purpose: string;
  /** The resource domain the section lists; a HIDE_RESOURCES tenant without any of it hides the section. */
  domain?: keyof TenancyState['navigation'];
}

export const sectionInfo: Record<ClusterSection, SectionInfo> = {
  overview: {
    label: 'Overview',
    purpose: 'Cluster id, controller, broker count, topic and partition totals, disk size and write rate — scoped to the active tenant.',
  },
  topics: {
    label: 'Topics',
    purpose: 'Every topic with partitions, replication, under-replicated partitions, size, message count and write rate; search, sort, create, configure, purge and browse messages.',
  },
  groups: {
    label: 'Consumer groups',
    purpose: 'Classic and KIP-848 consumer groups with state, members, per-partition lag and offset resets.',
  },
  schemas: {
    label: 'Schemas',
    domain: 'schemas',
    purpose: 'Schema Registry subjects, versions, compatibility and the messages that use each schema.',
  },
  connect: {
    label: 'Connect',
    domain: 'connect',
    purpose: 'Kafka Connect connectors across the profile’s Connect clusters: state, tasks with failure traces, topics, plugins, validated create and edit, offsets.',
  },
  tenants: {
    label: 'Tenants',
    purpose: 'The tenant you act in, its resources (inferred ones marked) and the policy file behind it.',
  },
  acls: {
    label: 'Access',
    purpose: 'ACLs by principal and resource, what a principal may do, and client quotas.',
  },
  brokers: {
    label: 'Brokers',
    purpose: 'Brokers (stopped ones as unavailable) with rack, leadership, disk use and the KRaft quorum; configuration with sources, log directories, preferred election and reassignment.',
  },
};
