// One broker (or, with brokerId null, the cluster-wide dynamic defaults): every configuration entry
// with its source, synonyms and masked sensitive values, an editor that previews a change (before →
// after and the broker's own validate-only verdict) before applying it, and the log directories.
import { Alert, Autocomplete, Badge, Button, Code, Group, ScrollArea, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { BrokerConfigPreview } from '../../../../shared/domain/brokers/broker-schemas';
import { formatBytes } from '../../components/format';
import { useStoredProfile } from '../profiles/queries';
import { useRequestDecisions } from '../tenancy/queries';
import { filterConfigs, profileRefusal, sourceWords } from './broker-view';
import { useBrokerAction, useBrokerConfigs, useBrokerLogDirs } from './queries';

export function BrokerDetail({ profileId, brokerId, alive, onClose }: { profileId: string; brokerId: number | null; alive: boolean; onClose(): void }) {
  const title = brokerId === null ? 'Cluster-wide defaults' : `Broker ${brokerId}`;
  return (
    <Stack gap="xs" data-testid="broker-detail" aria-label={title} role="region">
      <Group justify="space-between">
        <Title order={3}>{title}</Title>
        {brokerId !== null && (
          <Button size="xs" variant="subtle" onClick={onClose} title="Close (Escape in the table)">
            Close
          </Button>
        )}
      </Group>
      {!alive && <Alert color="red">Broker {brokerId} is not answering: its configuration and log directories cannot be read until it is back.</Alert>}
      {alive &&
        (brokerId === null ? (
          <ConfigsPanel profileId={profileId} brokerId={null} />
        ) : (
          <Tabs defaultValue="configs" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="configs">Configuration</Tabs.Tab>
              <Tabs.Tab value="log-dirs">Log directories</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="configs" pt="xs">
              <ConfigsPanel profileId={profileId} brokerId={brokerId} />
            </Tabs.Panel>
            <Tabs.Panel value="log-dirs" pt="xs">
              <LogDirsPanel profileId={profileId} brokerId={brokerId} />
            </Tabs.Panel>
          </Tabs>
        ))}
    </Stack>
  );
}

function ConfigsPanel({ profileId, brokerId }: { profileId: string; brokerId: number | null }) {
  const configs = useBrokerConfigs(profileId, brokerId, true);
  const [search, setSearch] = useState('');
  const [onlySet, setOnlySet] = useState(brokerId === null);
  if (configs.isPending) return <Text size="sm" c="dimmed">Reading the configuration…</Text>;
  if (configs.isError) return <Alert color="red" title="The configuration could not be read">{configs.error.message}</Alert>;
  const entries = configs.data.entries;
  const shown = filterConfigs(entries, search, onlySet);
  return (
    <Stack gap="xs">
      <ConfigEditor profileId={profileId} brokerId={brokerId} keys={entries.filter((entry) => !entry.readOnly).map((entry) => entry.name)} />
      <Group gap="sm">
        <TextInput size="xs" placeholder="Filter by key or value" aria-label="Filter configuration" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={280} />
        {brokerId !== null && <Switch size="xs" label="Only values set (not Kafka defaults)" checked={onlySet} onChange={(event) => setOnlySet(event.currentTarget.checked)} />}
        <Text size="xs" c="dimmed">
          {shown.length} of {entries.length} entries
        </Text>
      </Group>
      {entries.length === 0 && brokerId === null ? (
        <Text size="sm" c="dimmed" data-testid="no-defaults">
          No cluster-wide default is set: every broker uses its own server.properties and Kafka's defaults. Set one above to change it for all brokers at once.
        </Text>
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed">No entry matches the filter; clear it to see all {entries.length}.</Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': brokerId === null ? 'Cluster-wide default configuration, scrollable' : `Configuration of broker ${brokerId}, scrollable` }}>
          <Table striped withTableBorder fz="sm" aria-label={brokerId === null ? 'Cluster-wide default configuration' : `Configuration of broker ${brokerId}`} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Synonyms (highest precedence first)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((entry) => (
                <Table.Tr key={entry.name} data-config={entry.name}>
                  <Table.Td>
                    <Code>{entry.name}</Code>
                    {entry.readOnly && (
                      <Badge size="xs" variant="light" color="gray" ml={4} title="Changes only with a restart">
                        read-only
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.sensitive ? <Badge size="xs" color="grape" variant="light">sensitive, hidden</Badge> : (entry.value ?? <Text span c="dimmed">null</Text>)}</Table.Td>
                  <Table.Td data-source={entry.source}>{sourceWords[entry.source]}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {entry.synonyms.map((synonym) => `${sourceWords[synonym.source]}: ${synonym.name === entry.name ? '' : `${synonym.name}=`}${entry.sensitive ? 'hidden' : (synonym.value ?? 'null')}`).join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function ConfigEditor({ profileId, brokerId, keys }: { profileId: string; brokerId: number | null; keys: string[] }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [asked, setAsked] = useState<{ set: Record<string, string>; reset: string[] } | null>(null);
  const preview = useBrokerAction('brokers:config-preview');
  const apply = useBrokerAction('brokers:alter-config');
  const profile = useStoredProfile(profileId);
  const decisions = useRequestDecisions(profileId, [{ id: 'alter', request: 'brokers:alter-config', input: { brokerId } }]);
  const refusal = profileRefusal(profile.data, 'edit-brokers') ?? decisions('alter');
  const ask = (change: { set: Record<string, string>; reset: string[] }) => {
    setAsked(change);
    apply.reset();
    preview.mutate({ profileId, brokerId, ...change });
  };
  const result: BrokerConfigPreview | undefined = preview.data;
  const blocked = result ? result.rows.some((row) => row.problem !== null) || result.rejected !== null : true;
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} aria-label="Change a dynamic configuration" role="group">
      <Group gap="xs" align="end">
        <Autocomplete size="xs" label="Key" placeholder="e.g. message.max.bytes" data={keys} limit={20} value={key} onChange={setKey} w={300} />
        <TextInput size="xs" label="New value" value={value} onChange={(event) => setValue(event.currentTarget.value)} w={220} onKeyDown={(event) => event.key === 'Enter' && key.trim() !== '' && ask({ set: { [key.trim()]: value }, reset: [] })} />
        <Button size="xs" variant="light" disabled={key.trim() === ''} onClick={() => ask({ set: { [key.trim()]: value }, reset: [] })}>
          Preview set
        </Button>
        <Button size="xs" variant="default" disabled={key.trim() === ''} onClick={() => ask({ set: {}, reset: [key.trim()] })} title={brokerId === null ? 'Remove the cluster-wide default' : "Remove this broker's own value"}>
          Preview reset
        </Button>
      </Group>
      {preview.isError && <Alert color="red">{preview.error.message}</Alert>}
      {result && asked && (
        <Stack gap={4} data-testid="config-preview">
          <Table withTableBorder fz="sm" aria-label="Configuration change preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((row) => (
                <Table.Tr key={row.name}>
                  <Table.Td>
                    <Code>{row.name}</Code>
                  </Table.Td>
                  <Table.Td>{row.operation}</Table.Td>
                  <Table.Td>{valueWords(row.sensitive, row.before, row.beforeKey, row.name)} <Text span size="xs" c="dimmed">({sourceWords[row.beforeSource]})</Text></Table.Td>
                  <Table.Td>
                    {valueWords(row.sensitive, row.after, row.afterKey, row.name)} <Text span size="xs" c="dimmed">({sourceWords[row.afterSource]})</Text>
                    {row.problem && (
                      <Text size="xs" c="red">
                        {row.problem}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.rejected && <Alert color="red" title="The broker would refuse this change">{result.rejected}</Alert>}
          {!result.rejected && <Text size="xs" c="dimmed">The broker checked this change (validate only) and accepts it. Nothing has changed yet.</Text>}
          <Group gap="xs">
            <Button size="xs" color="red" disabled={blocked || refusal !== null} title={refusal ?? undefined} loading={apply.isPending} onClick={() => apply.mutate({ profileId, brokerId, ...asked })}>
              Apply to {brokerId === null ? 'every broker (cluster default)' : `broker ${brokerId}`}
            </Button>
            {refusal && <Text size="xs" c="dimmed">{refusal}</Text>}
          </Group>
        </Stack>
      )}
      {apply.isError && <Alert color="red">{apply.error.message}</Alert>}
      {apply.data && (
        <Alert color="green" role="status">
          Changed {apply.data.changed.join(', ')}.
        </Alert>
      )}
    </Stack>
  );
}

const valueWords = (sensitive: boolean, value: string | null, key: string, name: string) => (sensitive ? 'hidden' : `${key === name ? '' : `${key}=`}${value ?? 'null'}`);

function LogDirsPanel({ profileId, brokerId }: { profileId: string; brokerId: number }) {
  const logDirs = useBrokerLogDirs(profileId, brokerId, true);
  if (logDirs.isPending) return <Text size="sm" c="dimmed">Reading the log directories…</Text>;
  if (logDirs.isError) return <Alert color="red" title="The log directories could not be read">{logDirs.error.message}</Alert>;
  return (
    <Stack gap="sm">
      {logDirs.data.dirs.map((dir) => (
        <Stack key={dir.logDir} gap={4} data-log-dir={dir.logDir}>
          <Group gap="xs">
            <Code>{dir.logDir}</Code>
            <Text size="sm">{formatBytes(dir.totalBytes)}</Text>
            {dir.error ? <Badge color="red">failed: {dir.error}</Badge> : <Badge color="green" variant="light">online</Badge>}
            {dir.hiddenPartitions > 0 && <Text size="xs" c="dimmed">{dir.hiddenPartitions} partitions of topics outside the tenant are counted in the size, not listed</Text>}
          </Group>
          {dir.partitions.length === 0 ? (
            <Text size="xs" c="dimmed">No partitions{dir.error ? ' can be read from a failed directory' : ' in this directory'}.</Text>
          ) : (
            <ScrollArea.Autosize mah={300} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': `Partitions in ${dir.logDir}, scrollable` }}>
              <Table striped withTableBorder fz="sm" aria-label={`Partitions in ${dir.logDir}`} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Topic</Table.Th>
                    <Table.Th ta="right">Partition</Table.Th>
                    <Table.Th ta="right">Size</Table.Th>
                    <Table.Th ta="right" title="How far a future replica (being moved here) trails the current one">Offset lag</Table.Th>
                    <Table.Th>Replica</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dir.partitions.map((partition) => (
                    <Table.Tr key={`${partition.topic}-${partition.partition}-${partition.isFuture}`}>
                      <Table.Td>{partition.topic}</Table.Td>
                      <Table.Td ta="right">{partition.partition}</Table.Td>
                      <Table.Td ta="right" title={`${partition.sizeBytes} bytes`}>{formatBytes(partition.sizeBytes)}</Table.Td>
                      <Table.Td ta="right">{partition.isFuture ? partition.offsetLag : '—'}</Table.Td>
                      <Table.Td>{partition.isFuture ? 'future (moving here)' : 'current'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
