// The Brokers section: every broker (stopped ones as unavailable) with its partitions, disk use and
// the KRaft quorum; Enter on a broker opens its configuration and log directories. Leadership and
// placement (preferred election, reassignment) and the cluster-wide defaults are tabs beside it.
import { Alert, Badge, Box, Button, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { BrokerList, BrokerRow } from '../../../../shared/domain/brokers/broker-schemas';
import { formatBytes } from '../../components/format';
import { useRovingRows } from '../../components/use-roving-rows';
import { virtualRowStyle } from '../../components/virtual-row-style';
import { BrokerDetail } from './BrokerDetail';
import { LeadershipPanel } from './LeadershipPanel';
import { quorumRows, sinceWords, statusWords } from './broker-view';
import { useBrokerList } from './queries';

const ROW_HEIGHT = 32;
const GRID = '64px minmax(160px, 2fr) minmax(70px, 1fr) minmax(150px, 1.4fr) 80px 84px 110px 72px 96px';
const headers: { label: string; numeric: boolean; title?: string }[] = [
  { label: 'Id', numeric: true },
  { label: 'Host:port', numeric: false },
  { label: 'Rack', numeric: false },
  { label: 'Status', numeric: false, title: 'alive; fenced: registered but stopped or without a session; not answering: in the metadata but silent' },
  { label: 'Leads', numeric: true, title: 'Partitions this broker leads' },
  { label: 'Replicas', numeric: true, title: 'Replicas assigned to this broker' },
  { label: 'Under-repl.', numeric: true, title: 'Partitions it leads with fewer in-sync replicas than replicas' },
  { label: 'Offline', numeric: true, title: 'Partitions with a replica here and no leader' },
  { label: 'Disk', numeric: true, title: 'Bytes on disk over its log directories (DescribeLogDirs)' },
];

export function BrokersScreen({ profileId }: { profileId: string }) {
  const list = useBrokerList(profileId);
  const [open, setOpen] = useState<number | null>(null);
  const data = list.data;

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <Title order={2}>Brokers</Title>
        <Group gap="xs">
          {list.isFetching && <Loader size="xs" aria-label="Reading the brokers" />}
          <Button size="xs" variant="default" onClick={() => void list.refetch()}>
            Refresh
          </Button>
        </Group>
      </Group>
      {list.isPending && !list.isError && <Text size="sm" c="dimmed">Reading brokers, log directories and the controller quorum…</Text>}
      {list.isError && (
        <Alert color="red" title="The brokers could not be read">
          {list.error.message}
        </Alert>
      )}
      {data && (
        <Tabs defaultValue="brokers" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="brokers">Brokers ({data.brokers.length})</Tabs.Tab>
            <Tabs.Tab value="defaults" disabled={data.tenant !== null} title={data.tenant !== null ? "The cluster-wide default applies to every broker, not only the tenant's." : undefined}>
              Cluster defaults
            </Tabs.Tab>
            <Tabs.Tab value="leadership">Leadership &amp; placement</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="brokers" pt="sm">
            <BrokersPanel profileId={profileId} data={data} open={open} setOpen={setOpen} />
          </Tabs.Panel>
          <Tabs.Panel value="defaults" pt="sm">
            <BrokerDetail profileId={profileId} brokerId={null} alive onClose={() => undefined} />
          </Tabs.Panel>
          <Tabs.Panel value="leadership" pt="sm">
            <LeadershipPanel profileId={profileId} brokers={data.brokers} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function BrokersPanel({ profileId, data, open, setOpen }: { profileId: string; data: BrokerList; open: number | null; setOpen(id: number | null): void }) {
  if (data.brokers.length === 0) {
    return (
      <Stack gap="sm">
      <Alert color="gray" title={data.tenant ? `Tenant '${data.tenant}' shows no brokers` : 'No brokers answered'} data-testid="brokers-empty">
        {data.tenant
          ? 'Broker information, configuration included, is hidden in this tenant. To see brokers, use a tenant whose rules include ["cluster", "*", "broker", "*"] (Tenants section), or ask for the policy file to include them.'
          : 'The cluster metadata names no broker. Check the connection in the profile (Profiles → Test).'}
      </Alert>
      <QuorumPanel data={data} />
      </Stack>
    );
  }
  const openRow = data.brokers.find((broker) => broker.id === open) ?? null;
  return (
    <Stack gap="sm">
      {data.warnings.map((warning) => (
        <Alert key={warning} color="yellow" variant="light">
          {warning}
        </Alert>
      ))}
      {!data.listsFenced && <Text size="xs" c="dimmed">This cluster does not report fenced brokers (DescribeCluster v2, Kafka 4.0+): a stopped broker drops off this list instead of showing as unavailable.</Text>}
      <BrokerTable rows={data.brokers} selected={open} onOpen={setOpen} onEscape={() => setOpen(null)} />
      <QuorumPanel data={data} />
      {openRow && <BrokerDetail key={openRow.id} profileId={profileId} brokerId={openRow.id} alive={openRow.status === 'alive'} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function BrokerTable({ rows, selected, onOpen, onEscape }: { rows: BrokerRow[]; selected: number | null; onOpen(id: number): void; onEscape(): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const selectedIndex = selected === null ? -1 : rows.findIndex((row) => row.id === selected);
  const { virtualizer, onKeyDown, rowProps } = useRovingRows({ count: rows.length, rowHeight: ROW_HEIGHT, scroller, selectedIndex, onOpen: (index) => onOpen(rows[index]!.id), onEscape });
  return (
    <Box role="grid" aria-label="Brokers" aria-rowcount={rows.length + 1} aria-readonly style={{ display: 'flex', flexDirection: 'column', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-default-border)', fontWeight: 600 }}>
        {headers.map((header) => (
          <Text key={header.label} role="columnheader" size="sm" fw={600} px="xs" py={6} title={header.title} style={{ textAlign: header.numeric ? 'right' : 'left', whiteSpace: 'nowrap' }}>
            {header.label}
          </Text>
        ))}
      </Box>
      <div ref={scroller} role="rowgroup" onKeyDown={onKeyDown} style={{ overflow: 'auto', maxHeight: 12 * ROW_HEIGHT, minHeight: Math.min(rows.length, 12) * ROW_HEIGHT }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const down = row.status !== 'alive';
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row.id === selected}
                data-broker={row.id}
                data-status={row.status}
                {...rowProps(item.index)}
                onClick={() => onOpen(row.id)}
                style={{ ...virtualRowStyle({ offset: item.start, height: ROW_HEIGHT, columns: GRID }), fontSize: 'var(--mantine-font-size-sm)', outlineOffset: -2 }}
              >
                <Num>{row.id}</Num>
                <Text role="gridcell" size="sm" px="xs" truncate="end">
                  {row.host}:{row.port}
                </Text>
                <Text role="gridcell" size="sm" px="xs" truncate="end" c={row.rack ? undefined : 'dimmed'}>
                  {row.rack ?? '—'}
                </Text>
                <Group role="gridcell" gap={4} px="xs" wrap="nowrap">
                  <Badge size="sm" variant="light" color={down ? 'red' : 'green'}>
                    {statusWords[row.status]}
                  </Badge>
                  {row.isController && (
                    <Badge size="sm" variant="default" title="Active controller (quorum leader)">
                      controller
                    </Badge>
                  )}
                </Group>
                <Num>{row.leaderPartitions}</Num>
                <Num>{row.replicas}</Num>
                <Num warn={row.underReplicatedLed > 0}>{row.underReplicatedLed}</Num>
                <Num warn={row.offlineReplicas > 0}>{row.offlineReplicas}</Num>
                <Num title={row.diskBytes === null ? (down ? 'The broker is not answering.' : 'DescribeLogDirs was refused or failed.') : `${row.diskBytes} bytes${row.failedLogDirs ? `; ${row.failedLogDirs} failed log directories` : ''}`}>
                  {row.diskBytes === null ? '—' : formatBytes(row.diskBytes)}
                  {row.failedLogDirs ? ' ⚠' : ''}
                </Num>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function Num({ children, warn, title }: { children: React.ReactNode; warn?: boolean; title?: string }) {
  return (
    <Text role="gridcell" size="sm" px="xs" ta="right" c={warn ? 'red' : undefined} fw={warn ? 600 : undefined} title={title} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Text>
  );
}

function QuorumPanel({ data }: { data: BrokerList }) {
  if (!data.quorum) {
    return (
      <Text size="sm" c="dimmed" data-testid="quorum-note">
        Controller quorum: {data.quorumNote ?? 'not available.'}
      </Text>
    );
  }
  const { quorum } = data;
  return (
    <Stack gap={4} data-testid="quorum">
      <Title order={4}>Controller quorum (KRaft)</Title>
      <Text size="sm">
        Leader {quorum.leaderId < 0 ? 'not in this tenant' : `node ${quorum.leaderId}`}, epoch {quorum.leaderEpoch}, high watermark {quorum.highWatermark}
      </Text>
      <Table striped withTableBorder fz="sm" aria-label="Quorum replicas" maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Node</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th ta="right">Log end offset</Table.Th>
            <Table.Th ta="right">Lag</Table.Th>
            <Table.Th>Last fetch</Table.Th>
            <Table.Th>Last caught up</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quorumRows(quorum.voters, quorum.observers).map((replica) => (
            <Table.Tr key={`${replica.role}-${replica.id}`} data-quorum-node={replica.id}>
              <Table.Td>{replica.id}</Table.Td>
              <Table.Td>{replica.role}</Table.Td>
              <Table.Td ta="right">{replica.logEndOffset}</Table.Td>
              <Table.Td ta="right" c={replica.lag > 0 ? 'orange' : undefined}>
                {replica.lag}
              </Table.Td>
              <Table.Td>{replica.isLeader ? '—' : sinceWords(replica.lastFetchTimestamp, data.sampledAt)}</Table.Td>
              <Table.Td>{replica.isLeader ? '—' : sinceWords(replica.lastCaughtUpTimestamp, data.sampledAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
