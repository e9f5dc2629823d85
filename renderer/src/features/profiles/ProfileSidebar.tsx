import { ActionIcon, Alert, Badge, ColorSwatch, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../shared/ipc/contract';
import { useUiStore } from '../../app/ui-store';
import { DeleteProfileModal } from './DeleteProfileModal';
import { ExportProfileModal } from './ExportProfileModal';
import { SwitchClusterModal } from './SwitchClusterModal';
import { useProfileList } from './queries';

export function ProfileSidebar() {
  const selectedProfileId = useUiStore((state) => state.selectedProfileId);
  const selectProfile = useUiStore((state) => state.selectProfile);
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const editProfile = useUiStore((state) => state.editProfile);
  const profiles = useProfileList();
  const [deleting, setDeleting] = useState<ProfileSummary | null>(null);
  const [exporting, setExporting] = useState<ProfileSummary | null>(null);
  const [switching, setSwitching] = useState<ProfileSummary | null>(null);

  return (
    <Stack gap={4} mb="sm">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
        Connections
      </Text>
      {profiles.isPending && <Loader size="xs" mx="xs" aria-label="Loading connections" />}
      {profiles.data?.problems.map((problem) => (
        <Alert key={problem.message} color="orange" variant="light" title="A stored profile needs attention">
          {problem.message}
        </Alert>
      ))}
      {profiles.isError && (
        <Alert color="red" variant="light" title="Connections could not be read">
          {profiles.error.message}
        </Alert>
      )}
      {profiles.data?.profiles.length === 0 && (
        <Text size="xs" c="dimmed" px="xs">
          No connections yet. Add one or import your client config.
        </Text>
      )}
      {/* Its own gutter: an overlaid scrollbar covered the profiles' action buttons once the list scrolled. */}
      {/* At most a third of the window: the cluster entries below stay in view in a short window. */}
      <ScrollArea.Autosize mah="min(260px, 33vh)" offsetScrollbars>
        {profiles.data?.profiles.map((profile) => (
          <Group key={profile.id} gap={0} wrap="nowrap" data-testid={`profile-${profile.id}`}>
            <NavLink
              component="button"
              label={profile.name}
              description={
                <>
                  {profile.activeCluster === 'failover' && profile.failover ? `failover: ${profile.failover.bootstrapServers.join(', ')}` : profile.bootstrapServers.join(', ')}
                  {profile.gatewayToken && profile.gatewayToken.state !== 'valid' && profile.gatewayToken.state !== 'no-expiry' && (
                    <Text component="span" size="xs" c={profile.gatewayToken.state === 'expired' ? 'red' : 'orange'} display="block" data-testid={`profile-token-${profile.id}`}>
                      {profile.gatewayToken.message}
                    </Text>
                  )}
                </>
              }
              active={profile.id === selectedProfileId}
              onClick={() => selectProfile(profile.id)}
              leftSection={<ColorSwatch color={profile.environment.colour} size={10} aria-hidden />}
              rightSection={
                <Group gap={4} wrap="nowrap">
                  <Badge size="xs" variant="light" color="gray">
                    {profile.environment.tag}
                  </Badge>
                  {profile.activeCluster === 'failover' && (
                    <Badge size="xs" variant="filled" color="orange" title="Connected to the failover cluster; switch back from the profile's menu">
                      failover
                    </Badge>
                  )}
                  {profile.readOnly && (
                    <Badge size="xs" variant="light">
                      read-only
                    </Badge>
                  )}
                </Group>
              }
            />
            <Menu position="right-start" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${profile.name}`}>
                  ⋯
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => editProfile(profile.id)}>Edit and test</Menu.Item>
                <Menu.Item onClick={() => setExporting(profile)}>Export as client config…</Menu.Item>
                {profile.failover && (
                  <Menu.Item onClick={() => setSwitching(profile)}>{profile.activeCluster === 'failover' ? 'Switch back to the main cluster…' : 'Switch to the failover cluster…'}</Menu.Item>
                )}
                <Menu.Item color="red" onClick={() => setDeleting(profile)}>
                  Delete…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        ))}
      </ScrollArea.Autosize>
      <NavLink component="button" label="Add a connection" onClick={() => showStartScreen('add-profile')} />
      <NavLink component="button" label="Import from properties/env" onClick={() => showStartScreen('import-profile')} />
      <NavLink component="button" label="Offline policy workspace" onClick={() => showStartScreen('policy-workspace')} />
      <DeleteProfileModal profile={deleting} onClose={() => setDeleting(null)} />
      <ExportProfileModal profile={exporting} onClose={() => setExporting(null)} />
      <SwitchClusterModal profile={switching} onClose={() => setSwitching(null)} />
    </Stack>
  );
}
