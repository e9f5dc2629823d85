// Leadership and placement: a preferred leader election for chosen partitions or all, and a
// reassignment of one topic's replicas (a proposed plan table, typed confirmation, progress from
// ListPartitionReassignments, cancel). Both need the profile's `reassign-partitions` action.
import { Alert, Button, Group, MultiSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { electionConfirmationText, movedReplicas } from '../../../../shared/domain/brokers/broker-logic';
import type { BrokerRow } from '../../../../shared/domain/brokers/broker-schemas';
import { useStoredProfile } from '../profiles/queries';
import { useRequestDecisions } from '../tenancy/queries';
import { parsePartitionList, profileRefusal } from './broker-view';
import { useBrokerAction, useReassignments } from './queries';

export function LeadershipPanel({ profileId, brokers }: { profileId: string; brokers: BrokerRow[] }) {
  const profile = useStoredProfile(profileId);
  const refusal = profileRefusal(profile.data, 'reassign-partitions');
  return (
    <Stack gap="lg">
      <ElectionForm profileId={profileId} refusal={refusal} />
      <ReassignmentForm profileId={profileId} brokers={brokers} refusal={refusal} />
    </Stack>
  );
}

function ElectionForm({ profileId, refusal }: { profileId: string; refusal: string | null }) {
  const [topic, setTopic] = useState('');
  const [partitionText, setPartitionText] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const elect = useBrokerAction('brokers:elect-leaders');
  const partitionList = parsePartitionList(partitionText);
  const chosen = topic.trim() === '' ? null : (partitionList ?? []).map((partition) => ({ topic: topic.trim(), partition }));
  const invalid = topic.trim() !== '' && (partitionList === null || partitionList.length === 0);
  const expected = electionConfirmationText(chosen);
  const decisions = useRequestDecisions(profileId, chosen && chosen.length > 0 ? [{ id: 'elect', request: 'brokers:elect-leaders', input: { partitions: chosen } }] : [{ id: 'elect', request: 'brokers:elect-leaders', input: { partitions: null } }]);
  const denied = refusal ?? decisions('elect');
  return (
    <Stack gap={6} role="group" aria-label="Preferred leader election">
      <Title order={4}>Preferred leader election</Title>
      <Text size="sm" c="dimmed">
        Moves leadership back to each partition&apos;s first replica where it is in sync. Leave the topic empty to elect every partition of the cluster.
      </Text>
      <Group gap="xs" align="end">
        <TextInput size="xs" label="Topic" placeholder="all partitions" value={topic} onChange={(event) => setTopic(event.currentTarget.value)} w={260} />
        <TextInput size="xs" label="Partitions" placeholder="0,2-4" value={partitionText} onChange={(event) => setPartitionText(event.currentTarget.value)} w={140} disabled={topic.trim() === ''} error={invalid ? 'Give partitions as 0,2-4' : undefined} />
        <TextInput size="xs" label={`Type "${expected}" to confirm`} value={confirmation} onChange={(event) => setConfirmation(event.currentTarget.value)} w={240} />
        <Button size="xs" color="red" disabled={invalid || confirmation !== expected || denied !== null} title={denied ?? undefined} loading={elect.isPending} onClick={() => elect.mutate({ profileId, partitions: chosen, confirmation })}>
          Elect preferred leaders
        </Button>
      </Group>
      {denied && <Text size="xs" c="dimmed">{denied}</Text>}
      {elect.isError && <Alert color="red">{elect.error.message}</Alert>}
      {elect.data && (
        <Alert color="green" variant="light" role="status" title="Election done">
          {summarise(elect.data.results)}
          {elect.data.results.filter((result) => result.outcome === 'failed').map((result) => (
            <Text key={`${result.topic}-${result.partition}`} size="xs" c="red">
              {result.topic}-{result.partition}: {result.message}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

const summarise = (results: { outcome: string }[]) => {
  const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
  return `${count('elected')} elected, ${count('already-preferred')} already led by their preferred replica, ${count('failed')} failed.`;
};

function ReassignmentForm({ profileId, brokers, refusal }: { profileId: string; brokers: BrokerRow[]; refusal: string | null }) {
  const [topic, setTopic] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [factor, setFactor] = useState<number | string>('');
  const [confirmation, setConfirmation] = useState('');
  const [started, setStarted] = useState<string | null>(null);
  const plan = useBrokerAction('brokers:reassignment-plan');
  const reassign = useBrokerAction('brokers:reassign');
  const cancel = useBrokerAction('brokers:cancel-reassignment');
  const progress = useReassignments(profileId, started);
  const decisions = useRequestDecisions(profileId, topic.trim() === '' ? null : [{ id: 'reassign', request: 'brokers:reassign', input: { topic: topic.trim() } }]);
  const denied = refusal ?? decisions('reassign');
  const proposal = plan.data;
  const live = brokers.filter((broker) => broker.status === 'alive');
  return (
    <Stack gap={6} role="group" aria-label="Partition reassignment">
      <Title order={4}>Reassign a topic&apos;s partitions</Title>
      <Group gap="xs" align="end">
        <TextInput size="xs" label="Topic" value={topic} onChange={(event) => setTopic(event.currentTarget.value)} w={260} />
        <MultiSelect size="xs" label="Onto brokers" data={live.map((broker) => ({ value: String(broker.id), label: `${broker.id} (${broker.host}:${broker.port})` }))} value={targets} onChange={setTargets} w={300} />
        <NumberInput size="xs" label="Replication factor" placeholder="keep" min={1} max={32} value={factor} onChange={setFactor} w={130} />
        <Button size="xs" variant="light" disabled={topic.trim() === '' || targets.length === 0} loading={plan.isPending} onClick={() => plan.mutate({ profileId, topic: topic.trim(), brokerIds: targets.map(Number), ...(typeof factor === 'number' ? { replicationFactor: factor } : {}) })}>
          Propose plan
        </Button>
      </Group>
      {plan.isError && <Alert color="red">{plan.error.message}</Alert>}
      {proposal && (
        <Stack gap={4} data-testid="reassignment-plan">
          <Text size="sm">
            {movedReplicas(proposal.partitions) === 0 ? 'The replicas are already on these brokers: nothing would move.' : `${movedReplicas(proposal.partitions)} replicas would be copied to new brokers.`}
          </Text>
          <Table withTableBorder fz="sm" aria-label="Proposed reassignment" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Partition</Table.Th>
                <Table.Th>Replicas now</Table.Th>
                <Table.Th>Proposed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.partitions.map((row) => (
                <Table.Tr key={row.partition} fw={row.current.join() === row.proposed.join() ? undefined : 600}>
                  <Table.Td>{row.partition}</Table.Td>
                  <Table.Td>[{row.current.join(', ')}]</Table.Td>
                  <Table.Td>[{row.proposed.join(', ')}]</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="xs" align="end">
            <TextInput size="xs" label={`Type the topic "${proposal.topic}" to confirm`} value={confirmation} onChange={(event) => setConfirmation(event.currentTarget.value)} w={300} />
            <Button
              size="xs"
              color="red"
              disabled={confirmation !== proposal.topic || denied !== null || movedReplicas(proposal.partitions) === 0}
              title={denied ?? undefined}
              loading={reassign.isPending}
              onClick={() =>
                reassign.mutate(
                  { profileId, topic: proposal.topic, partitions: proposal.partitions.filter((row) => row.current.join() !== row.proposed.join()).map((row) => ({ partition: row.partition, replicas: row.proposed })), confirmation },
                  { onSuccess: () => setStarted(proposal.topic) },
                )
              }
            >
              Start reassignment
            </Button>
          </Group>
          {denied && <Text size="xs" c="dimmed">{denied}</Text>}
        </Stack>
      )}
      {reassign.isError && <Alert color="red">{reassign.error.message}</Alert>}
      {reassign.data?.partitions.some((entry) => entry.error) && <Alert color="red">{reassign.data.partitions.filter((entry) => entry.error).map((entry) => `partition ${entry.partition}: ${entry.error}`).join('; ')}</Alert>}
      {started && progress.data && (
        <Stack gap={4} data-testid="reassignment-progress">
          {progress.data.reassignments.length === 0 ? (
            <Alert color="green" variant="light" role="status">No reassignment of {started} is in progress: the replicas are where the plan put them (or it was cancelled).</Alert>
          ) : (
            <>
              <Text size="sm">
                {progress.data.reassignments.length} partitions of {started} are moving.
              </Text>
              {progress.data.reassignments.map((entry) => (
                <Text key={entry.partition} size="xs">
                  partition {entry.partition}: replicas [{entry.replicas.join(', ')}], adding [{entry.adding.join(', ')}], removing [{entry.removing.join(', ')}]
                </Text>
              ))}
              <Button size="xs" variant="default" w="fit-content" disabled={denied !== null} loading={cancel.isPending} onClick={() => cancel.mutate({ profileId, topic: started, partitions: null, confirmation: started })}>
                Cancel the reassignment of {started}
              </Button>
            </>
          )}
        </Stack>
      )}
      {cancel.isError && <Alert color="red">{cancel.error.message}</Alert>}
    </Stack>
  );
}
