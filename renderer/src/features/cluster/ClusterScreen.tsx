import { Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useUiStore, type ClusterSection } from '../../app/ui-store';
import { useTenancyState } from '../tenancy/queries';
import { TenancyGate } from '../tenancy/TenancyGate';
import { TenantsScreen } from '../tenancy/TenantsScreen';
import { shownSection, tenancyViewKey, visibleSections } from '../tenancy/tenancy-view';
import { GroupsScreen } from '../groups/GroupsScreen';
import { TopicsScreen } from '../topics/TopicsScreen';
import { OverviewScreen } from './OverviewScreen';
import { sectionInfo } from './sections';

// The Schemas screen (and its dialogs) loads the first time it is opened, not with the app.
const SchemasScreen = lazy(() => import('../schemas/SchemasScreen').then((module) => ({ default: module.SchemasScreen })));

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
  return (
    <TenancyGate profileId={profileId}>
      {shown === 'overview' ? (
        <OverviewScreen key={viewKey} profileId={profileId} />
      ) : shown === 'topics' ? (
        <TopicsScreen key={viewKey} profileId={profileId} />
      ) : shown === 'groups' ? (
        <GroupsScreen key={viewKey} profileId={profileId} />
      ) : shown === 'schemas' ? (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the Schemas screen" />}>
          <SchemasScreen key={viewKey} profileId={profileId} />
        </Suspense>
      ) : (
        <Placeholder section={shown} />
      )}
    </TenancyGate>
  );
}

function Placeholder({ section }: { section: ClusterSection }) {
  const { label, purpose } = sectionInfo[section];
  return (
    <Stack maw={720} gap="sm">
      <Title order={2}>{label}</Title>
      <Text>{purpose}</Text>
      <Text size="sm" c="dimmed">
        This screen is being built.
      </Text>
    </Stack>
  );
}
