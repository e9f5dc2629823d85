import { AppShell, Button, Group, Kbd, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { ariaShortcut, shortcutLabel, useShortcuts, withShortcut } from '../lib/shortcuts';
import { CommandPalette } from '../features/palette/CommandPalette';
import { ShortcutsHelp } from './ShortcutsHelp';
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
  const inPolicyWorkspace = useUiStore((state) => state.startScreen === 'policy-workspace');
  const showSection = useUiStore((state) => state.showSection);
  const sections = useVisibleSections(selectedProfileId);
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useShortcuts({ palette: () => setPalette(true), help: () => setHelp(true) });

  // Alt+1…8 jump between the cluster screens, as in most desktop consoles; the numbers follow the
  // sections the tenant shows, as the navigation labels them.
  useHotkeys(
    sections.map((section, index) => [`alt+${index + 1}`, () => selectedProfileId && showSection(section)]),
  );

  return (
    <AppShell header={{ height: 44 }} navbar={{ width: { base: 220, lg: 260 }, breakpoint: 0 }} footer={{ height: 28 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            Odradek
          </Title>
          <Group gap="xs">
            <Tooltip label={withShortcut('Go to a topic, group, subject or screen', 'palette')}>
              <Button size="compact-sm" variant="default" onClick={() => setPalette(true)} aria-keyshortcuts={ariaShortcut('palette')} rightSection={<Kbd size="xs">{shortcutLabel('palette')}</Kbd>}>
                Go to…
              </Button>
            </Tooltip>
            <Tooltip label={withShortcut('Keyboard shortcuts', 'help')}>
              <Button size="compact-sm" variant="subtle" onClick={() => setHelp(true)} aria-keyshortcuts={ariaShortcut('help')}>
                Shortcuts
              </Button>
            </Tooltip>
            <ThemeSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      {/* The column scrolls when the window is shorter than it: with a few connections and a tenant picker,
          the last cluster entries fell below the window's edge, out of reach of the pointer. */}
      <AppShell.Navbar p="xs" aria-label="Connections and navigation" style={{ overflowY: 'auto' }}>
        <ProfileSidebar />
        {selectedProfileId && <ClusterNavigation />}
      </AppShell.Navbar>
      <AppShell.Main>{selectedProfileId && !inPolicyWorkspace ? <ClusterScreen /> : <StartScreens />}</AppShell.Main>
      <CommandPalette opened={palette} onClose={() => setPalette(false)} />
      <ShortcutsHelp opened={help} onClose={() => setHelp(false)} />
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}
