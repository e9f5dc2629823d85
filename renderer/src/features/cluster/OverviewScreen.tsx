// The Overview section: totals over what the active tenant sees (main computes them from the same
// visible topics the lists show), and capturing those resources to a snapshot for offline work.
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCaptureSnapshot, useClusterOverview, useTenancyState } from '../tenancy/queries';
import { overviewFigures } from '../tenancy/tenancy-view';

export function OverviewScreen({ profileId }: { profileId: string }) {
  const tenancy = useTenancyState(profileId);
  const overview = useClusterOverview(profileId, tenancy.data);
  const capture = useCaptureSnapshot(profileId);
  const captured = capture.data;

  return (
    <Stack maw={960} gap="md">
      <Group justify="space-between">
        <Title order={2}>Overview</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void overview.refetch()} loading={overview.isFetching} disabled={!overview.data && !overview.isError}>
            Refresh
          </Button>
          <Button size="xs" variant="light" onClick={() => capture.mutate()} loading={capture.isPending}>
            Capture snapshot…
          </Button>
        </Group>
      </Group>
      {overview.isPending && overview.isFetching && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Reading the cluster and sampling write rates…
          </Text>
        </Group>
      )}
      {overview.isError && (
        <Alert color="red" title="The overview could not be read">
          {overview.error.message}
        </Alert>
      )}
      {overview.data && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" component="dl" aria-label="Cluster totals" style={{ margin: 0 }}>
          {overviewFigures(overview.data).map((figure) => (
            <Paper key={figure.label} withBorder p="sm" data-figure={figure.label}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={700}>
                {figure.label}
              </Text>
              <Text component="dd" fw={600} m={0} style={{ overflowWrap: 'anywhere' }}>
                {figure.value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {overview.data && (
        <Text size="xs" c="dimmed">
          Sampled at {new Date(overview.data.sampledAt).toLocaleTimeString()}.{overview.data.tenant ? ` Totals cover only the topics, groups and principals of ${overview.data.tenant}.` : ''}
        </Text>
      )}
      {captured && (
        <Alert color={captured.path ? 'green' : 'gray'} variant="light" role="status" data-testid="snapshot-result">
          {captured.path ? `Saved ${plural(captured.topics, 'topic')} and ${plural(captured.groups, 'group')} to ${captured.path}.` : 'No file was chosen; nothing was captured.'}
        </Alert>
      )}
      {capture.isError && (
        <Alert color="red" title="The snapshot could not be captured">
          {capture.error.message}
        </Alert>
      )}
    </Stack>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
