// Pure view logic for tenancy: which cluster sections a tenant shows, what the indicator says, which
// cached queries a tenant switch makes stale, and the overview's figures. Main decides all of it; this
// only turns main's answers into what the screens display.
import type { ClusterOverview, TenancyState } from '../../../../shared/ipc/contract';
import { clusterSections, type ClusterSection } from '../../app/ui-store';
import { sectionInfo } from '../cluster/sections';
import { formatDiskBytes, formatRate } from '../policies/preview-model';

/** The sections a tenant's navigation shows: HIDE_RESOURCES hides domains the tenant has nothing in. */
export function visibleSections(navigation: TenancyState['navigation'] | undefined): ClusterSection[] {
  if (!navigation) return [...clusterSections];
  return clusterSections.filter((section) => {
    const domain = sectionInfo[section].domain;
    return domain === undefined || navigation[domain];
  });
}

/** The section to show: one the tenant hides (a remembered Schemas, say) falls back to the overview. */
export function shownSection(section: ClusterSection, visible: readonly ClusterSection[]): ClusterSection {
  return visible.includes(section) ? section : 'overview';
}

/** One line for the navigation's tenant indicator. */
export function tenancyHeadline(state: TenancyState): string {
  switch (state.status) {
    case 'none':
      return 'Whole cluster (no policy file)';
    case 'invalid':
      return 'The policy file has errors';
    case 'choose':
      return 'Choose a tenant';
    case 'active':
      return state.activeTenant ?? 'Choose a tenant';
  }
}

/** Which roles the user acts as; main answers an empty choice with every role in the file. */
export function rolesSummary(roles: TenancyState['roles']): string {
  if (roles.available.length === 0) return 'The policy file names no roles.';
  if (roles.selected.length === 0 || roles.selected.length === roles.available.length) return `Acting as all ${roles.available.length} role${roles.available.length === 1 ? '' : 's'} in the file.`;
  return `Acting as ${roles.selected.join(', ')}.`;
}

/** Query keys that carry no cluster data, so a tenant switch leaves them alone. */
const tenancyIndependentChannels = new Set(['app:info', 'profiles:list', 'profiles:get', 'keychain:status', 'connections:check', 'tenancy:state', 'demo:status']);

/** True for cached answers that depend on what the active tenant sees (topic detail, overview, …). */
export function dependsOnTenant(queryKey: readonly unknown[]): boolean {
  const channel = queryKey[0];
  return typeof channel === 'string' && !tenancyIndependentChannels.has(channel);
}

/**
 * Identifies the view the cluster screens show: when it changes (another tenant, another file, a
 * different role set) streamed screens such as the topic list start over instead of keeping old rows.
 */
export function tenancyViewKey(state: TenancyState | undefined): string {
  if (!state) return 'unknown';
  return [state.status, state.policy?.path ?? '', state.policy?.attachedTo ?? '', state.activeTenant ?? '', state.roles.selected.join(',')].join('|');
}

/** Kafka channels answer only with no policy or inside a tenant; otherwise main refuses them. */
export function clusterReadable(state: TenancyState | undefined): boolean {
  return state !== undefined && (state.status === 'none' || state.status === 'active');
}

export interface OverviewFigure {
  label: string;
  value: string;
}

const count = new Intl.NumberFormat('en');

export function overviewFigures(overview: ClusterOverview): OverviewFigure[] {
  return [
    { label: 'Cluster id', value: overview.clusterId },
    { label: 'Tenant', value: overview.tenant ?? 'Whole cluster' },
    // Under the tenancy rules brokers are resources too: a tenant that includes only topics sees none.
    // Metadata lists only the brokers that answer: say so, a stopped one shows on the Brokers screen.
    { label: 'Brokers', value: overview.tenant !== null && overview.brokers === 0 ? 'none in this tenant' : `${count.format(overview.brokers)} online` },
    { label: 'Controller', value: overview.controllerId === null ? (overview.tenant !== null && overview.brokers === 0 ? 'not in this tenant' : 'unknown') : `broker ${overview.controllerId}` },
    // `topics` counts internal ones too: one figure that says which is which, not two that add up twice.
    { label: 'Topics', value: overview.internalTopics === 0 ? count.format(overview.topics) : `${count.format(overview.topics - overview.internalTopics)} + ${count.format(overview.internalTopics)} internal` },
    { label: 'Partitions', value: count.format(overview.partitions) },
    // The same units as the offline tenant preview, so the two views of a tenant read alike.
    { label: 'Replica disk size', value: overview.replicaBytes === null ? 'unavailable (DescribeLogDirs refused)' : formatDiskBytes(overview.replicaBytes) },
    { label: 'Writes', value: overview.writesPerSecond === null ? 'unavailable' : formatRate(overview.writesPerSecond) },
    { label: 'Consumer groups', value: count.format(overview.groups) },
    { label: 'ACL principals', value: overview.principals === null ? 'not allowed to describe ACLs' : count.format(overview.principals) },
  ];
}
