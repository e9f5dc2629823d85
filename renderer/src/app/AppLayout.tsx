import { AppShell, Group, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { ClusterNavigation } from '../features/cluster/ClusterNavigation';
import { ClusterScreen } from '../features/cluster/ClusterScreen';
import { ProfileSidebar } from '../features/profiles/ProfileSidebar';
import { StartScreens } from '../features/profiles/StartScreens';
import { useVisibleSections } from '../features/tenancy/queries';
import { StatusBar } from './StatusBar';
import { ThemeSwitch } from './ThemeSwitch';
import { useUiStore } from './ui-store';

export function AppLayout() {
  const selectedProfileId = useUiStore((state) => state.selectedProfileId);
  const showSection = useUiStore((state) => state.showSection);
  const sections = useVisibleSections(selectedProfileId);

  // Alt+1…7 jump between the cluster screens, as in most desktop consoles; the numbers follow the
  // sections the tenant shows, as the navigation labels them.
  useHotkeys(
    sections.map((section, index) => [`alt+${index + 1}`, () => selectedProfileId && showSection(section)]),
  );

  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 260, breakpoint: 0 }} footer={{ height: 28 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            Odradek
          </Title>
          <ThemeSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Connections and navigation">
        <ProfileSidebar />
        {selectedProfileId && <ClusterNavigation />}
      </AppShell.Navbar>
      <AppShell.Main>{selectedProfileId ? <ClusterScreen /> : <StartScreens />}</AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}
