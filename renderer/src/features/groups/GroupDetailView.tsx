import { Alert, Badge, Button, Code, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { GroupDetail, GroupRow } from '../../../../shared/domain/groups/group-schemas';
import { useStoredProfile } from '../profiles/queries';
import { GroupLagPanel } from './GroupLagPanel';
import { DeleteGroupDialog, DeleteOffsetsDialog } from './GroupDialogs';
import { ResetOffsetsDialog } from './ResetOffsetsDialog';
import { assignedCount, formatAssignment, formatOffset, formatRecordRate, offsetsByTopic, reconciling, sortedMembers } from './group-detail-model';
import { useRequestDecisions } from '../tenancy/queries';
import { groupActionRefusal, groupAsks, type GroupAction } from './group-permissions';
import { formatExact, formatLag } from './group-table-model';
import { healthView } from './health-view';
import { useGroupDetail } from './queries';
import { useLagHistory, type LagHistoryView } from './use-lag-history';

type Dialog = 'reset' | 'delete-offsets' | 'delete-group' | null;

/** One group, full width: figures first, then partitions, members and lag over time. Escape goes back. */
export function GroupDetailView(props: { profileId: string; groupId: string; row: GroupRow | undefined; onBack(): void; onDeleted(): void; onChanged(): void }) {
  const { profileId, groupId } = props;
  const detail = useGroupDetail(profileId, groupId);
  // Watched for as long as the detail is open, not only while its chart tab shows, so the per-topic
  // series main keeps for detail watches have no gaps.
  const lag = useLagHistory(profileId, groupId);
  const profile = useStoredProfile(profileId);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Escape closes the detail only when no dialog is open: a dialog takes Escape for itself.
  useHotkeys([['Escape', () => dialog === null && props.onBack()]]);

  const offsetTopics = detail.data ? offsetsByTopic(detail.data.offsets).map((entry) => entry.topic) : [];
  // The tenancy guards' answers for this group's requests, asked ahead: an action the tenant's policies deny is disabled with main's reason.
  const decisions = useRequestDecisions(profileId, groupAsks(groupId, offsetTopics));
  const refusal = (action: GroupAction) => groupActionRefusal(profile.data, detail.data, action, undefined, decisions);
  const action = (label: string, opens: Exclude<Dialog, null>, reason: string | null, color?: string) => (
    <Tooltip label={reason} disabled={reason === null} multiline maw={360}>
      <Button size="xs" variant="light" color={color} disabled={reason !== null} onClick={() => setDialog(opens)} data-disabled-reason={reason ?? undefined}>
        {label}
      </Button>
    </Tooltip>
  );
  const deleteOffsetsReason = detail.data && offsetTopics.length === 0 ? 'The group has no committed offsets.' : refusal('delete-offsets');

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} aria-label={`Consumer group ${groupId}`}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Button size="xs" variant="default" onClick={props.onBack} aria-keyshortcuts="Escape" data-group-detail={props.groupId}>
            ← Groups
          </Button>
          <Title order={2} size="h3" style={{ wordBreak: 'break-all' }}>
            {groupId}
          </Title>
          {detail.data && (
            <>
              <Badge variant="light">{detail.data.type}</Badge>
              <Badge variant="outline" color="gray">
                {detail.data.state}
              </Badge>
            </>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          {detail.isFetching && <Loader size="xs" aria-label="Refreshing the group" />}
          {action('Reset offsets…', 'reset', refusal('reset-offsets'))}
          {action('Delete offsets…', 'delete-offsets', deleteOffsetsReason, 'orange')}
          {action('Delete group…', 'delete-group', refusal('delete-group'), 'red')}
        </Group>
      </Group>
      {detail.isPending && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Describing the group and reading its offsets…
          </Text>
        </Group>
      )}
      {detail.error && (
        <Alert color="red" title="The group could not be described" role="alert">
          {detail.error.message}
        </Alert>
      )}
      {detail.data && <Figures detail={detail.data} health={lag.latest && lag.latest.error === null ? lag.latest.health : (props.row?.health ?? null)} />}
      {detail.data && detail.data.warnings.length > 0 && (
        <Alert color="yellow" title="Some facts could not be read">
          {detail.data.warnings.join(' ')}
        </Alert>
      )}
      {detail.data && <DetailTabs detail={detail.data} lag={lag} />}
      {detail.data && (
        <>
          {dialog === 'reset' && <ResetOffsetsDialog profileId={profileId} detail={detail.data} onClose={() => setDialog(null)} onApplied={props.onChanged} />}
          {dialog === 'delete-offsets' && (
            <DeleteOffsetsDialog profileId={profileId} detail={detail.data} topics={offsetTopics} refusal={(topic) => groupActionRefusal(profile.data, detail.data, 'delete-offsets', topic, decisions)} onClose={() => setDialog(null)} onDeleted={props.onChanged} />
          )}
          {dialog === 'delete-group' && <DeleteGroupDialog profileId={profileId} detail={detail.data} onClose={() => setDialog(null)} onDeleted={props.onDeleted} />}
        </>
      )}
    </Stack>
  );
}

/** `verdict`: the detail watch's newest, else the list row's (the list samples too). */
function Figures({ detail, health: verdict }: { detail: GroupDetail; health: GroupRow['health'] }) {
  const partitions = detail.offsets.length;
  const health = verdict ? healthView(verdict) : null;
  const figures: { label: string; value: string; title?: string }[] = [
    { label: 'Members', value: String(detail.members.length) },
    { label: 'Partitions', value: String(partitions) },
    { label: 'Total lag', value: formatLag(detail.totalLag, false), title: formatExact(detail.totalLag) },
    { label: 'Max lag', value: formatLag(detail.maxLag, false), title: formatExact(detail.maxLag) },
    { label: 'Assignor', value: detail.protocol ?? '—', title: detail.protocolType ? `Protocol type ${detail.protocolType}` : undefined },
    { label: 'Coordinator', value: detail.coordinator === null ? '—' : `broker ${detail.coordinator}` },
  ];
  if (detail.groupEpoch !== null) {
    // The target assignment's epoch trails the group's while the coordinator is still assigning.
    const behind = detail.assignmentEpoch !== null && detail.assignmentEpoch !== detail.groupEpoch;
    figures.push({ label: 'Group epoch', value: behind ? `${detail.groupEpoch} (target ${detail.assignmentEpoch})` : String(detail.groupEpoch), title: `Target assignment epoch ${detail.assignmentEpoch ?? 'not known'}` });
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 3, lg: 7 }} spacing="xs" component="dl" aria-label="Group figures" style={{ margin: 0 }}>
        {figures.map((figure) => (
          <Paper key={figure.label} withBorder px="sm" py={6} data-figure={figure.label} title={figure.title}>
            <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={700}>
              {figure.label}
            </Text>
            <Text component="dd" fw={600} m={0} style={{ overflowWrap: 'anywhere' }}>
              {figure.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {health && (
        <Group gap="xs" wrap="nowrap" data-testid="group-health">
          <Badge color={health.colour} variant="filled" data-verdict={health.verdict} style={{ flexShrink: 0 }}>
            {health.label}
          </Badge>
          <Text size="sm">{health.reason}</Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            Time to catch up: {health.catchUp}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function DetailTabs({ detail, lag }: { detail: GroupDetail; lag: LagHistoryView }) {
  const topics = offsetsByTopic(detail.offsets);
  return (
    <Tabs defaultValue="partitions" keepMounted={false} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Tabs.List>
        <Tabs.Tab value="partitions">Partitions ({detail.offsets.length})</Tabs.Tab>
        <Tabs.Tab value="members">Members ({detail.members.length})</Tabs.Tab>
        <Tabs.Tab value="lag">Lag over time</Tabs.Tab>
      </Tabs.List>
      <ScrollArea style={{ flex: 1 }}>
        <Tabs.Panel value="partitions">
          {topics.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              The group has no committed offsets.
            </Text>
          ) : (
            <Table striped stickyHeader aria-label="Committed offsets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Topic</Table.Th>
                  <Table.Th ta="right">Partition</Table.Th>
                  <Table.Th ta="right">Committed</Table.Th>
                  <Table.Th ta="right">End</Table.Th>
                  <Table.Th ta="right">Lag</Table.Th>
                  <Table.Th ta="right" title="Committed offset delta per second">
                    Consumed
                  </Table.Th>
                  <Table.Th ta="right" title="Leader epoch recorded with the commit">
                    Epoch
                  </Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Metadata</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {topics.flatMap((topic) => [
                  <Table.Tr key={`${topic.topic}:total`} data-topic-total={topic.topic}>
                    <Table.Td fw={600}>{topic.topic}</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {topic.partitions.length} partition{topic.partitions.length === 1 ? '' : 's'}
                    </Table.Td>
                    <Table.Td />
                    <Table.Td />
                    <Table.Td ta="right" fw={600}>
                      {formatLag(topic.lag, false)}
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatRecordRate(topic.consumptionRate)}
                    </Table.Td>
                    <Table.Td colSpan={3} />
                  </Table.Tr>,
                  ...topic.partitions.map((entry) => (
                    <Table.Tr key={`${entry.topic}:${entry.partition}`} data-partition={`${entry.topic}:${entry.partition}`}>
                      <Table.Td c="dimmed">{entry.topic}</Table.Td>
                      <Table.Td ta="right">{entry.partition}</Table.Td>
                      <Table.Td ta="right" data-cell="committed">
                        {entry.committed === null ? <Text span c="dimmed" size="sm">none</Text> : entry.committed}
                      </Table.Td>
                      <Table.Td ta="right">{formatOffset(entry.end)}</Table.Td>
                      <Table.Td ta="right" data-cell="lag">
                        {formatLag(entry.lag, false)}
                      </Table.Td>
                      <Table.Td ta="right">{formatRecordRate(entry.consumptionRate)}</Table.Td>
                      <Table.Td ta="right">{entry.leaderEpoch ?? '—'}</Table.Td>
                      <Table.Td style={{ maxWidth: 220 }}>
                        <Text size="sm" truncate="end" title={entry.owner ?? undefined}>
                          {entry.owner ?? <Text span c="dimmed" size="sm">unassigned</Text>}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ maxWidth: 220 }}>
                        {entry.metadata ? (
                          <Code title={entry.metadata} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                            {entry.metadata}
                          </Code>
                        ) : (
                          <Text span c="dimmed" size="sm">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )),
                ])}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTable detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="lag">
          <GroupLagPanel detail={detail} lag={lag} />
        </Tabs.Panel>
      </ScrollArea>
    </Tabs>
  );
}

function MembersTable({ detail }: { detail: GroupDetail }) {
  if (detail.members.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No members are connected{detail.offsets.length > 0 ? ': the group only holds committed offsets.' : '.'}
      </Text>
    );
  }
  const kip848 = detail.members.some((member) => member.memberEpoch !== null || member.targetAssignment !== null);
  return (
    <Table striped stickyHeader aria-label="Members">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Member id</Table.Th>
          <Table.Th>Instance id</Table.Th>
          <Table.Th>Client id</Table.Th>
          <Table.Th>Host</Table.Th>
          <Table.Th>Assigned</Table.Th>
          {kip848 && <Table.Th>Target assignment</Table.Th>}
          {kip848 && <Table.Th ta="right">Epoch</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sortedMembers(detail).map((member) => (
          <Table.Tr key={member.memberId} data-member={member.memberId}>
            <Table.Td style={{ maxWidth: 260 }}>
              <Text size="sm" ff="monospace" truncate="end" title={member.memberId}>
                {member.memberId}
              </Text>
            </Table.Td>
            <Table.Td>{member.instanceId ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
            <Table.Td>{member.clientId}</Table.Td>
            <Table.Td>{member.host}</Table.Td>
            <Table.Td title={`${assignedCount(member.assignment)} partitions`}>{formatAssignment(member.assignment)}</Table.Td>
            {kip848 && (
              <Table.Td>
                {formatAssignment(member.targetAssignment)}
                {reconciling(member.assignment, member.targetAssignment) && (
                  <Badge ml={6} size="xs" color="yellow" variant="light" title="The member does not own its target assignment yet">
                    reconciling
                  </Badge>
                )}
              </Table.Td>
            )}
            {kip848 && <Table.Td ta="right">{member.memberEpoch ?? '—'}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
