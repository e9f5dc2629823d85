import { Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { lazyScreen } from '../../app/lazy-screen';
import { useUiStore, type ClusterSection } from '../../app/ui-store';
import { useTenancyState } from '../tenancy/queries';
import { TenancyGate } from '../tenancy/TenancyGate';
import { shownSection, tenancyViewKey, visibleSections } from '../tenancy/tenancy-view';
import { sectionInfo } from './sections';

const TenantsScreen = lazyScreen(() => import('../tenancy/TenantsScreen'), 'TenantsScreen');

/**
 * The screen each section shows, each loaded on first use (its own chunk). A new screen (groups,
 * schemas) plugs in here with one line; sections without one show what they will hold.
 */
const screens: Partial<Record<ClusterSection, ComponentType<{ profileId: string }>>> = {
  overview: lazyScreen(() => import('./OverviewScreen'), 'OverviewScreen'),
  topics: lazyScreen(() => import('../topics/TopicsScreen'), 'TopicsScreen'),
  groups: lazyScreen(() => import('../groups/GroupsScreen'), 'GroupsScreen'),
  schemas: lazyScreen(() => import('../schemas/SchemasScreen'), 'SchemasScreen'),
  acls: lazyScreen(() => import('../access/AccessScreen'), 'AccessScreen'),
  brokers: lazyScreen(() => import('../brokers/BrokersScreen'), 'BrokersScreen'),
  connect: lazyScreen(() => import('../connect/ConnectScreen'), 'ConnectScreen'),
};

export function ClusterScreen() {
  const section = useUiStore((state) => state.section);
  const profileId = useUiStore((state) => state.selectedProfileId);
  const tenancy = useTenancyState(profileId);
  if (!profileId) return null;
  const shown = shownSection(section, visibleSections(tenancy.data?.navigation));
  // The tenancy screen stays reachable while the file is invalid or no tenant is chosen: it is where that gets fixed.
  if (shown === 'tenants') return <TenantsScreen profileId={profileId} />;
  // Keyed by the tenant view too: the topic and group lists are streams, so a switch must start them over.
  const viewKey = `${profileId}|${tenancyViewKey(tenancy.data)}`;
  const Screen = screens[shown];
  return <TenancyGate profileId={profileId}>{Screen ? <Screen key={viewKey} profileId={profileId} /> : <Placeholder section={shown} />}</TenancyGate>;
}

function Placeholder({ section }: { section: ClusterSection }) {
  const { label, purpose } = sectionInfo[section];
  return (
    <Stack maw={720} gap="sm">
      <Title order={2}>{label}</Title>
      <Text>{purpose}</Text>
      <Text size="sm" c="dimmed">
        This screen is being built. Until then the Overview shows the cluster&rsquo;s brokers and totals, and the offline policy workspace&rsquo;s Kafka ACLs tab previews and applies the ACLs a tenant needs.
      </Text>
    </Stack>
  );
}
