import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import type { GroupLagFrame } from '../../../../shared/domain/groups/lag-history';
import { formatLag } from './group-table-model';
import { formatOffset, formatRecordRate } from './group-detail-model';
import { healthView } from './health-view';
import { historyTopics, knownPoints, lagSeries, rateSeries, type ChartData } from './lag-chart-model';
import type { LagHistoryView } from './use-lag-history';

// uPlot and its stylesheet load only when a chart is first shown.
const LagChart = lazy(() => import('./LagChart'));

/** Lag over time from main's sampled history, and the Burrow-style verdict per group and partition. */
export function GroupLagPanel({ detail, lag: watched }: { detail: GroupDetail; lag: LagHistoryView }) {
  const { history, latest, intervalMs, error } = watched;
  const topics = useMemo(() => historyTopics(history), [history]);
  const [chosenTopic, setChosenTopic] = useState<string | null>(null);
  const topic = chosenTopic !== null && topics.includes(chosenTopic) ? chosenTopic : (topics[0] ?? null);
  const lag = useMemo(() => lagSeries(detail.groupId, history), [detail.groupId, history]);
  const rates = useMemo(() => (topic ? rateSeries(history, topic) : null), [history, topic]);
  const health = latest && latest.error === null ? healthView(latest.health) : null;
  const samples = history.points.length;

  return (
    <Stack gap="md" p="xs">
      {error && (
        <Alert color="red" title="Lag could not be sampled" role="alert">
          {error}
        </Alert>
      )}
      <Text size="xs" c="dimmed" data-testid="lag-sampling">
        {samples === 0 ? 'Waiting for the first sample…' : `${samples} sample${samples === 1 ? '' : 's'}`}
        {intervalMs ? ` · main samples every ${Math.round(intervalMs / 1000)} s while this group or the list is open, keeping the last hour` : ''}
      </Text>
      {health && latest && (
        <Stack gap={6}>
          <Title order={4} size="h6">
            Lag health
          </Title>
          <Group gap="xs" wrap="nowrap" data-testid="group-verdict">
            <Badge color={health.colour} variant="filled" data-verdict={health.verdict} style={{ flexShrink: 0 }}>
              {health.label}
            </Badge>
            <Text size="sm">{health.reason}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            Time to catch up: {health.catchUp} · consuming {formatRecordRate(latest.consumptionRate)}, topics written at {formatRecordRate(latest.writeRate)}
          </Text>
        </Stack>
      )}
      <ChartBlock title={`Lag of ${detail.groupId} over time`} data={lag} />
      <Stack gap={6}>
        <Group gap="sm" align="flex-end">
          <Title order={4} size="h6">
            Write rate against consumption
          </Title>
          {topics.length > 1 && <Select aria-label="Topic for the rate chart" size="xs" data={topics} value={topic} onChange={setChosenTopic} allowDeselect={false} w={240} />}
        </Group>
        {rates ? (
          <ChartBlock title={`${topic} write rate against the consumption rate of ${detail.groupId}`} data={rates} />
        ) : (
          <Text size="sm" c="dimmed">
            Per-topic rates start with this screen&apos;s next samples (they need two).
          </Text>
        )}
      </Stack>
      {latest?.partitions && latest.partitions.length > 0 && <PartitionHealthTable partitions={latest.partitions} />}
    </Stack>
  );
}

function ChartBlock({ title, data }: { title: string; data: ChartData }) {
  if (knownPoints(data) === 0) {
    return (
      <Text size="sm" c="dimmed" aria-label={title}>
        {data.times.length < 2 && data.series.some((series) => series.unit === 'records/s') ? 'Rates need two samples; the next one comes in a few seconds.' : 'No samples yet.'}
      </Text>
    );
  }
  return (
    <Suspense
      fallback={
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Loading the chart…
          </Text>
        </Group>
      }
    >
      <LagChart title={title} data={data} />
    </Suspense>
  );
}

type PartitionVerdict = NonNullable<GroupLagFrame['partitions']>[number];

function PartitionHealthTable({ partitions }: { partitions: readonly PartitionVerdict[] }) {
  return (
    <Table striped aria-label="Lag health per partition">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Topic</Table.Th>
          <Table.Th ta="right">Partition</Table.Th>
          <Table.Th>Verdict</Table.Th>
          <Table.Th ta="right">Committed</Table.Th>
          <Table.Th ta="right">End</Table.Th>
          <Table.Th ta="right">Lag</Table.Th>
          <Table.Th>Time to catch up</Table.Th>
          <Table.Th>Why</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partitions.map((entry) => {
          const view = healthView(entry);
          return (
            <Table.Tr key={`${entry.topic}:${entry.partition}`} data-partition-health={`${entry.topic}:${entry.partition}`}>
              <Table.Td>{entry.topic}</Table.Td>
              <Table.Td ta="right">{entry.partition}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={view.colour} data-verdict={entry.verdict}>
                  {view.label}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatOffset(entry.committed)}</Table.Td>
              <Table.Td ta="right">{formatOffset(entry.end)}</Table.Td>
              <Table.Td ta="right">{formatLag(entry.lag, false)}</Table.Td>
              <Table.Td>{view.catchUp}</Table.Td>
              <Table.Td>
                <Text size="sm">{entry.reason}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
