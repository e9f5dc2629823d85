import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../shared/ipc/contract';
import { api, unwrap } from '../lib/api';
import { useProfileList } from '../features/profiles/queries';
import { useUiStore } from './ui-store';

const stateLabel: Record<ConnectionState['state'], string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  error: 'Connection failed',
};

export function StatusBar() {
  const selectedProfileId = useUiStore((state) => state.selectedProfileId);
  const info = useQuery({ queryKey: ['app:info'], queryFn: () => unwrap(api.invoke['app:info'](undefined)) });
  const [connection, setConnection] = useState<ConnectionState | null>(null);

  useEffect(() => api.on['connection:state']((state) => setConnection(state)), []);
  // Selecting a profile checks its cluster; the answer arrives as connection:state events.
  useQuery({
    queryKey: ['connections:check', selectedProfileId],
    queryFn: () => unwrap(api.invoke['connections:check']({ id: selectedProfileId! })),
    enabled: selectedProfileId !== null,
    staleTime: 60_000,
  });

  const profiles = useProfileList();
  const selected = profiles.data?.profiles.find((profile) => profile.id === selectedProfileId);
  const current = connection && connection.profileId === selectedProfileId ? connection : null;
  const label = selectedProfileId ? stateLabel[current?.state ?? 'disconnected'] : 'No connection selected';

  return (
    <Group h="100%" px="md" justify="space-between" role="status" aria-live="polite">
      <Text size="xs" data-testid="connection-state">
        {label}
        {current?.message ? ` — ${current.message}` : ''}
        {selected?.activeCluster === 'failover' && (
          <Text component="span" size="xs" c="orange" fw={700} data-testid="failover-active">
            {` · on the failover cluster (${selected.failover?.bootstrapServers.join(', ') ?? ''})`}
          </Text>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {info.data ? `Odradek ${info.data.version}${info.data.electron ? '' : ' · test bridge'}` : ''}
      </Text>
    </Group>
  );
}
