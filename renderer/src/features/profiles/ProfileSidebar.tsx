import { Alert, Badge, Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useUiStore } from '../../app/ui-store';
import { api, unwrap } from '../../lib/api';

export function ProfileSidebar() {
  const selectedProfileId = useUiStore((state) => state.selectedProfileId);
  const selectProfile = useUiStore((state) => state.selectProfile);
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const profiles = useQuery({ queryKey: ['profiles:list'], queryFn: () => unwrap(api.invoke['profiles:list'](undefined)) });

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
          No connections yet.
        </Text>
      )}
      <ScrollArea.Autosize mah={260}>
        {profiles.data?.profiles.map((profile) => (
          <NavLink
            key={profile.id}
            label={profile.name}
            description={profile.bootstrapServers.join(', ')}
            active={profile.id === selectedProfileId}
            onClick={() => selectProfile(profile.id)}
            rightSection={
              profile.readOnly ? (
                <Badge size="xs" variant="light">
                  read-only
                </Badge>
              ) : undefined
            }
          />
        ))}
      </ScrollArea.Autosize>
      <NavLink label="Add a connection" onClick={() => showStartScreen('add-profile')} />
      <NavLink label="Offline policy workspace" onClick={() => showStartScreen('policy-workspace')} />
    </Stack>
  );
}
