// Which snapshot the preview uses and what is in it, or how to get one.
import { Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { fileNameOf } from './preview-model';

export interface SnapshotSummaryProps {
  query: UseQueryResult<ChannelOutput<'snapshots:open'>>;
  path: string | null;
  onOpen(): void;
  choosing: boolean;
}

export function SnapshotSummary({ query, path, onOpen, choosing }: SnapshotSummaryProps) {
  const openButton = (label: string) => (
    <Button variant="light" size="xs" onClick={onOpen} loading={choosing}>
      {label}
    </Button>
  );
  if (path === null) {
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>No snapshot loaded</Text>
          <Text size="sm" c="dimmed">
            A snapshot is a JSON picture of a cluster&apos;s topics, groups, brokers and principals; the preview and diff evaluate the policy
            against it. Capture one from a connection: open it and press <b>Capture snapshot…</b> on its Overview, or on the command line run
          </Text>
          <Code block style={{ overflowX: 'auto', whiteSpace: 'pre' }}>
            odradek snapshot --profile NAME -o FILE
          </Code>
          <Group>{openButton('Open snapshot…')}</Group>
        </Stack>
      </Paper>
    );
  }
  if (query.isPending) {
    return (
      <Paper withBorder p="md">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">Reading {fileNameOf(path)}…</Text>
        </Group>
      </Paper>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={`Cannot use ${fileNameOf(path)}`}>
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {query.error.message}
          </Text>
          <Group>{openButton('Open another snapshot…')}</Group>
        </Stack>
      </Alert>
    );
  }
  const { snapshot } = query.data;
  const others = [
    [snapshot.schemaRegistries.length, 'schema registr', 'y', 'ies'],
    [snapshot.connectClusters.length, 'Connect cluster', '', 's'],
    [snapshot.ksqlDbs.length, 'ksqlDB', '', 's'],
  ] as const;
  return (
    <Paper withBorder p="sm" aria-label="Snapshot">
      <Stack gap="xs">
        <Group justify="space-between">
          <div>
            <Text fw={600} size="sm" data-testid="snapshot-name">
              {fileNameOf(path)}
            </Text>
            <Text size="xs" c="dimmed">
              captured {new Date(snapshot.capturedAt).toLocaleString()}
              {others
                .filter(([count]) => count > 0)
                .map(([count, stem, one, many]) => ` · ${count} ${stem}${count === 1 ? one : many}`)
                .join('')}
            </Text>
          </div>
          {openButton('Change…')}
        </Group>
        <Table striped withTableBorder fz="sm" aria-label="Clusters in the snapshot">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cluster</Table.Th>
              <Table.Th ta="right">Topics</Table.Th>
              <Table.Th ta="right">Groups</Table.Th>
              <Table.Th ta="right">Brokers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshot.clusters.map((cluster) => (
              <Table.Tr key={cluster.id}>
                <Table.Td>
                  <Text size="sm">{cluster.profileName && cluster.profileName !== cluster.name ? `${cluster.name} (${cluster.profileName})` : cluster.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {cluster.id}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{cluster.topics.length.toLocaleString('en')}</Table.Td>
                <Table.Td ta="right">{cluster.groups.length.toLocaleString('en')}</Table.Td>
                <Table.Td ta="right">{cluster.brokers.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
