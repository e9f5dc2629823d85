// The Connect section: every connector of the profile's Connect clusters in one virtualized list (a
// cluster that cannot be read says why, the others are still listed), the chosen connector's detail
// beside it, and creating a connector through the validated form.
import { Alert, Button, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type { ConnectorDetail } from '../../../../shared/domain/connect/connect-schemas';
import { isConnectActionAllowed } from '../../../../shared/domain/profile/profile-schema';
import { useUiStore } from '../../app/ui-store';
import { useStoredProfile } from '../profiles/queries';
import { ConnectorDetailPanel } from './ConnectorDetailPanel';
import { ConnectorEditor, type EditorTarget } from './ConnectorEditor';
import { connectorKey, ConnectorTable } from './ConnectorTable';
import { useConnectors } from './queries';

const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

export function ConnectScreen({ profileId }: { profileId: string }) {
  const profile = useStoredProfile(profileId);
  const editProfile = useUiStore((state) => state.editProfile);
  const list = useConnectors(profileId);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [selected, setSelected] = useState<{ clusterId: string; connector: string } | null>(null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const rows = useMemo(() => {
    const needle = deferred.trim().toLowerCase();
    return (list.data?.connectors ?? []).filter((row) => needle === '' || row.name.toLowerCase().includes(needle) || row.className.toLowerCase().includes(needle) || row.state.toLowerCase() === needle);
  }, [list.data, deferred]);
  const clusters = profile.data?.connect ?? [];

  if (profile.data && clusters.length === 0) {
    return (
      <Stack maw={720} gap="sm">
        <Title order={2}>Connect</Title>
        <Text>Profile ‘{profile.data.name}’ names no Kafka Connect cluster, so there are no connectors to show.</Text>
        <Group>
          <Button onClick={() => editProfile(profileId)}>Add a Connect cluster to the profile</Button>
        </Group>
      </Stack>
    );
  }

  const denied = (clusterId: string, action: 'operate-connectors' | 'edit-connectors'): string | null => {
    const cluster = clusters.find((entry) => entry.id === clusterId);
    if (!profile.data || !cluster) return 'Reading the profile…';
    if (isConnectActionAllowed(profile.data, cluster, action)) return null;
    if (profile.data.safety.readOnly) return `Profile ‘${profile.data.name}’ is read-only.`;
    if (cluster.readOnly) return `Connect cluster ‘${cluster.name}’ is read-only in this profile.`;
    return `The profile does not allow ‘${action}’.`;
  };
  const writable = clusters.filter((cluster) => denied(cluster.id, 'edit-connectors') === null);
  const selectedKey = selected ? connectorKey({ clusterId: selected.clusterId, name: selected.connector }) : null;
  const close = () => setSelected(null);
  const edit = (detail: ConnectorDetail) => setEditor({ mode: 'update', clusterId: detail.clusterId, connector: detail.name, config: detail.config });

  return (
    <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={2}>Connect</Title>
          <Text size="sm" c="dimmed">
            {list.data ? `${list.data.connectors.length} connector${list.data.connectors.length === 1 ? '' : 's'} on ${list.data.clusters.length} Connect cluster${list.data.clusters.length === 1 ? '' : 's'}` : 'Reading the Connect clusters…'}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => void list.refetch()} loading={list.isFetching}>
            Refresh
          </Button>
          <Tooltip label={writable.length === 0 ? 'No Connect cluster of this profile allows creating connectors.' : null} disabled={writable.length > 0}>
            <Button size="xs" disabled={writable.length === 0} onClick={() => setEditor({ mode: 'create', clusterId: writable[0]!.id, connector: '', config: {} })}>
              New connector
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.clusters
        .filter((cluster) => cluster.error !== null)
        .map((cluster) => (
          <Alert key={cluster.id} color="orange" title={`${cluster.name} could not be listed`}>
            {cluster.error}
          </Alert>
        ))}
      <TextInput placeholder="Filter by name, class or state" value={search} onChange={(event) => setSearch(event.currentTarget.value)} aria-label="Filter connectors" maw={420} />
      <Group align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack style={{ flex: 3, minWidth: 0, minHeight: 0 }}>
          {list.data && list.data.connectors.length === 0 ? (
            <Text c="dimmed">No connectors yet. {writable.length > 0 ? 'Use New connector to create one from a plugin.' : 'This profile cannot create any: its Connect clusters are read-only.'}</Text>
          ) : list.data && rows.length === 0 ? (
            <Text c="dimmed">No connector matches ‘{search}’. Clear the filter to see all of them.</Text>
          ) : (
            <ConnectorTable rows={rows} selected={selectedKey} onOpen={(row) => setSelected({ clusterId: row.clusterId, connector: row.name })} onEscape={close} />
          )}
        </Stack>
        {selected && (
          <Stack style={{ flex: 2, minWidth: 320, minHeight: 0, overflow: 'auto' }}>
            <ConnectorDetailPanel
              key={selectedKey}
              profileId={profileId}
              clusterId={selected.clusterId}
              connector={selected.connector}
              operateDenied={denied(selected.clusterId, 'operate-connectors')}
              editDenied={denied(selected.clusterId, 'edit-connectors')}
              onEdit={edit}
              onClose={close}
            />
          </Stack>
        )}
      </Group>
      {editor && (
        <ConnectorEditor
          profileId={profileId}
          clusters={(editor.mode === 'create' ? writable : clusters).map(({ id, name }) => ({ id, name }))}
          target={editor}
          onClose={() => setEditor(null)}
          onSaved={(clusterId, connector) => {
            setEditor(null);
            setSelected({ clusterId, connector });
          }}
        />
      )}
    </Stack>
  );
}
