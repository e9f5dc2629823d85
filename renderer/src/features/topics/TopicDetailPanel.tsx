import { Alert, Button, CloseButton, Group, Loader, Paper, ScrollArea, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { ProfileAction } from '../../../../shared/domain/profile/profile-schema';
import type { TopicDetail } from '../../../../shared/domain/topics/topic-schemas';
import { ProduceDialog } from '../producer/ProduceDialog';
import { ProduceFileDialog } from '../producer/ProduceFileDialog';
import { AddPartitionsDialog, CloneTopicDialog, DeleteTopicDialog, EditConfigDialog, PurgeTopicDialog } from './TopicDialogs';
import { useTopicDetail } from './queries';
import { useTopicDecisions } from '../tenancy/queries';
import { requestOf, type TopicPermissions } from './topic-permissions';
import { ariaShortcut, withShortcut } from '../../lib/shortcuts';
import { formatExactCount } from '../../components/format';
import { formatBytes } from './topic-table-model';
import { TopicConfigTable } from './TopicConfigTable';

type Dialog = 'delete' | 'partitions' | 'config' | 'purge' | 'clone' | 'produce' | 'produce-file' | null;

export function TopicDetailPanel(props: { width: number; profileId: string; topic: string; existingNames: readonly string[]; denied: TopicPermissions; onClose(): void; onBrowse(): void; onChanged(): void; onDeleted(): void }) {
  const { profileId, topic, denied } = props;
  // The tenancy guards' answers for this topic's requests, asked ahead: a button main would refuse is disabled with main's reason.
  const decisions = useTopicDecisions(profileId, topic);
  const detail = useTopicDetail(profileId, topic);
  const [dialog, setDialog] = useState<Dialog>(null);
  const browseRefusal = decisions('messages:browse');

  const action = (label: string, opens: Exclude<Dialog, null>, permission: ProfileAction, color?: string) => {
    const request = requestOf(opens);
    const reason = denied(permission) ?? (request ? decisions(request) : null);
    return (
      <Tooltip label={reason} disabled={reason === null}>
        <Button size="compact-sm" variant="light" color={color} disabled={reason !== null || !detail.data} onClick={() => setDialog(opens)}>
          {label}
        </Button>
      </Tooltip>
    );
  };

  return (
    <Paper
      withBorder
      p="sm"
      w={props.width}
      component="section"
      style={{ flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 }}
      aria-label={`Topic ${topic}`}
      onKeyDown={(event: React.KeyboardEvent) => {
        // Escape closes the panel unless a dialog or menu inside it takes the key first.
        if (event.key === 'Escape' && !event.defaultPrevented && dialog === null) props.onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" style={{ wordBreak: 'break-all' }}>
          {topic}
        </Title>
        <Tooltip label="Close the panel (Esc)">
          <CloseButton aria-label="Close topic detail" aria-keyshortcuts="Escape" onClick={props.onClose} />
        </Tooltip>
      </Group>
      <Group gap={4} my={6}>
        <Tooltip label={browseRefusal ?? withShortcut('Browse this topic’s messages', 'browseTopic')}>
          <Button size="compact-sm" disabled={browseRefusal !== null} onClick={props.onBrowse} aria-keyshortcuts={ariaShortcut('browseTopic')}>
            Browse messages
          </Button>
        </Tooltip>
        {action('Produce…', 'produce', 'produce')}
        {action('Produce from file…', 'produce-file', 'produce')}
        {action('Edit configuration', 'config', 'edit-topics')}
        {action('Add partitions', 'partitions', 'edit-topics')}
        {action('Clone', 'clone', 'create-topics')}
        {action('Purge', 'purge', 'delete-topics', 'orange')}
        {action('Delete', 'delete', 'delete-topics', 'red')}
      </Group>
      {detail.isPending && <Loader size="sm" aria-label="Loading topic detail" />}
      {detail.error && (
        <Alert color="red" title="The topic could not be described">
          {detail.error.message}
        </Alert>
      )}
      {detail.data && <DetailTabs detail={detail.data} />}
      {detail.data && (
        <>
          <DeleteTopicDialog opened={dialog === 'delete'} profileId={profileId} detail={detail.data} messages={messageCount(detail.data)} onClose={() => setDialog(null)} onDeleted={props.onDeleted} />
          <AddPartitionsDialog opened={dialog === 'partitions'} profileId={profileId} detail={detail.data} onClose={() => setDialog(null)} onChanged={props.onChanged} />
          {dialog === 'config' && <EditConfigDialog opened profileId={profileId} detail={detail.data} onClose={() => setDialog(null)} onChanged={props.onChanged} />}
          <PurgeTopicDialog opened={dialog === 'purge'} profileId={profileId} detail={detail.data} onClose={() => setDialog(null)} onChanged={props.onChanged} />
          <ProduceDialog opened={dialog === 'produce'} profileId={profileId} topic={topic} partitions={detail.data.partitions.length} onClose={() => setDialog(null)} />
          <ProduceFileDialog opened={dialog === 'produce-file'} profileId={profileId} topic={topic} partitions={detail.data.partitions.length} onClose={() => setDialog(null)} />
          <CloneTopicDialog opened={dialog === 'clone'} profileId={profileId} detail={detail.data} existingNames={props.existingNames} onClose={() => setDialog(null)} onChanged={props.onChanged} />
        </>
      )}
    </Paper>
  );
}

const messageCount = (detail: TopicDetail) => detail.partitions.reduce((sum, entry) => sum + Math.max(0, (entry.endOffset ?? 0) - (entry.startOffset ?? 0)), 0);

function DetailTabs({ detail }: { detail: TopicDetail }) {
  return (
    <Tabs defaultValue="partitions" style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Tabs.List>
        <Tabs.Tab value="partitions">Partitions ({detail.partitions.length})</Tabs.Tab>
        <Tabs.Tab value="config">Configuration</Tabs.Tab>
        <Tabs.Tab value="groups">Consumer groups ({detail.groups.length})</Tabs.Tab>
      </Tabs.List>
      {detail.warnings.length > 0 && (
        <Alert color="yellow" mt="xs">
          {detail.warnings.join(' ')}
        </Alert>
      )}
      {/* Focusable, so the partitions and configuration tables scroll by keyboard too. */}
      <ScrollArea style={{ flex: 1 }} viewportProps={{ tabIndex: 0 }}>
        <Tabs.Panel value="partitions">
          <Table striped aria-label="Partitions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Leader</Table.Th>
                <Table.Th>Replicas</Table.Th>
                <Table.Th>ISR</Table.Th>
                <Table.Th ta="right">Start</Table.Th>
                <Table.Th ta="right">End</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.partitions.map((partition) => (
                <Table.Tr key={partition.partition}>
                  <Table.Td>{partition.partition}</Table.Td>
                  <Table.Td c={partition.leader < 0 ? 'red' : undefined}>{partition.leader < 0 ? 'none' : partition.leader}</Table.Td>
                  <Table.Td>{partition.replicas.join(', ')}</Table.Td>
                  <Table.Td c={partition.isr.length < partition.replicas.length ? 'red' : undefined}>{partition.isr.join(', ')}</Table.Td>
                  <Table.Td ta="right">{partition.startOffset ?? '…'}</Table.Td>
                  <Table.Td ta="right">{partition.endOffset ?? '…'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} title={partition.sizeBytes === null ? undefined : `${partition.sizeBytes.toLocaleString('en-US')} bytes`}>
                    {formatBytes(partition.sizeBytes)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="config">
          <TopicConfigTable configs={detail.configs} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          {detail.groups.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              No consumer group has committed offsets on this topic. One shows here once a consumer with a group.id reads it and commits.
            </Text>
          ) : (
            <Table aria-label="Consumer groups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Group</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th ta="right">Members</Table.Th>
                  <Table.Th ta="right">Lag</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.groups.map((group) => (
                  <Table.Tr key={group.groupId}>
                    <Table.Td>{group.groupId}</Table.Td>
                    <Table.Td>{group.state}</Table.Td>
                    <Table.Td ta="right">{group.members}</Table.Td>
                    <Table.Td ta="right" title={group.partitions.map((partition) => `p${partition.partition}: ${partition.lag}`).join(', ')}>
                      {formatExactCount(group.lag)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
      </ScrollArea>
    </Tabs>
  );
}
