// One connector: state, worker, topics, each task with its failure trace, the config (secrets masked),
// actions (pause, resume, stop, restart, delete with typed confirmation), and offsets when stopped.
import { Alert, Badge, Button, Code, Group, Menu, Modal, ScrollArea, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { connectorConfirmationText, type ConnectorDetail } from '../../../../shared/domain/connect/connect-schemas';
import { stateColours } from './ConnectorTable';
import { useChangeOffsets, useConnectorAction, useConnectorDetail, useConnectorOffsets } from './queries';

interface Props {
  profileId: string;
  clusterId: string;
  connector: string;
  /** Why operating (pause, resume, stop, restart) is not allowed; null when it is. */
  operateDenied: string | null;
  /** Why editing (config, delete, offsets) is not allowed; null when it is. */
  editDenied: string | null;
  onEdit(detail: ConnectorDetail): void;
  onClose(): void;
}

export function ConnectorDetailPanel({ profileId, clusterId, connector, operateDenied, editDenied, onEdit, onClose }: Props) {
  const ref = { profileId, clusterId, connector };
  const detail = useConnectorDetail(ref);
  const action = useConnectorAction();
  const [confirm, setConfirm] = useState<'delete' | 'reset-offsets' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = detail.data;
  const stopped = data?.state === 'STOPPED';
  const offsets = useConnectorOffsets(stopped ? ref : null);
  const run = (input: Omit<Parameters<typeof action.mutate>[0], 'profileId' | 'clusterId' | 'connector'>) => action.mutate({ ...ref, includeTasks: false, onlyFailed: false, ...input }, { onSuccess: (answer) => setMessage(answer.message) });
  const failedTasks = data?.tasks.filter((task) => task.state === 'FAILED').length ?? 0;
  // After a reset the worker may still list a partition, with `offset: null`.
  const committed = (offsets.data?.offsets ?? []).filter((entry) => entry.offset !== null);

  return (
    <Stack gap="sm" style={{ minWidth: 0, overflow: 'auto' }} aria-label={`Connector ${connector}`} role="region">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} style={{ wordBreak: 'break-all' }}>
          {connector}
        </Title>
        <Button variant="subtle" size="xs" onClick={onClose} aria-label="Close the connector">
          Close
        </Button>
      </Group>
      {detail.error && <Alert color="red">{detail.error.message}</Alert>}
      {!data && !detail.error && <Text c="dimmed">Reading the connector…</Text>}
      {data && (
        <>
          <Group gap="xs">
            <Badge color={stateColours[data.state] ?? 'gray'}>{data.state}</Badge>
            <Text size="sm">
              {data.type} · {data.className} · {data.clusterName}
              {data.workerId ? ` · on ${data.workerId}` : ''}
            </Text>
          </Group>
          <Text size="sm">Topics: {data.topics === null ? 'not tracked by this worker' : data.topics.join(', ') || 'none used yet'}</Text>
          <Group gap="xs">
            {(['pause', 'resume', 'stop'] as const).map((verb) => (
              <Tooltip key={verb} label={operateDenied} disabled={operateDenied === null}>
                <Button size="xs" variant="light" disabled={operateDenied !== null} loading={action.isPending && action.variables?.action === verb} onClick={() => run({ action: verb })}>
                  {verb[0]!.toUpperCase() + verb.slice(1)}
                </Button>
              </Tooltip>
            ))}
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="light" disabled={operateDenied !== null} title={operateDenied ?? undefined}>
                  Restart…
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => run({ action: 'restart' })}>The connector only</Menu.Item>
                <Menu.Item onClick={() => run({ action: 'restart', includeTasks: true })}>The connector and all tasks</Menu.Item>
                <Menu.Item disabled={failedTasks === 0} onClick={() => run({ action: 'restart', includeTasks: true, onlyFailed: true })}>
                  Only failed tasks ({failedTasks})
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Tooltip label={editDenied} disabled={editDenied === null}>
              <Button size="xs" variant="light" disabled={editDenied !== null} onClick={() => onEdit(data)}>
                Edit config
              </Button>
            </Tooltip>
            <Tooltip label={editDenied} disabled={editDenied === null}>
              <Button size="xs" color="red" variant="light" disabled={editDenied !== null} onClick={() => setConfirm('delete')}>
                Delete…
              </Button>
            </Tooltip>
          </Group>
          {message && (
            <Text size="sm" role="status">
              {message}
            </Text>
          )}
          {action.error && <Alert color="red">{action.error.message}</Alert>}
          {data.trace && (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                Connector failure
              </Text>
              <Code block>{data.trace}</Code>
            </Stack>
          )}
          <Title order={4}>Tasks</Title>
          {data.tasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              {data.state === 'STOPPED' ? 'A stopped connector has no tasks; Resume starts them again.' : 'No tasks yet: the worker has not assigned any.'}
            </Text>
          ) : (
            data.tasks.map((task) => (
              <Stack key={task.id} gap={4} data-testid={`task-${task.id}`}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    Task {task.id}
                  </Text>
                  <Badge size="sm" color={stateColours[task.state] ?? 'gray'}>
                    {task.state}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {task.workerId ?? ''}
                  </Text>
                  <Button size="compact-xs" variant="subtle" disabled={operateDenied !== null} onClick={() => run({ action: 'restart', task: task.id })}>
                    Restart task {task.id}
                  </Button>
                </Group>
                {task.trace && (
                  <ScrollArea.Autosize mah={240}>
                    <Code block aria-label={`Task ${task.id} failure trace`}>
                      {task.trace}
                    </Code>
                  </ScrollArea.Autosize>
                )}
              </Stack>
            ))
          )}
          <Title order={4}>Offsets</Title>
          {!stopped ? (
            <Text size="sm" c="dimmed">
              Offsets can be read and reset only while the connector is stopped (KIP-875): Stop it first.
            </Text>
          ) : offsets.error ? (
            <Alert color="red">{offsets.error.message}</Alert>
          ) : (
            <Stack gap={4}>
              {committed.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No offsets committed.
                </Text>
              ) : (
                <Code block data-testid="connector-offsets">
                  {JSON.stringify(committed, null, 2)}
                </Code>
              )}
              <Group>
                <Button size="xs" color="red" variant="light" disabled={editDenied !== null || committed.length === 0} onClick={() => setConfirm('reset-offsets')}>
                  Reset offsets…
                </Button>
              </Group>
            </Stack>
          )}
          <Title order={4}>Config</Title>
          {data.maskedKeys.length > 0 && (
            <Text size="xs" c="dimmed">
              Sensitive values are masked; config provider references are shown as written.
            </Text>
          )}
          <Table fz="sm" withTableBorder>
            <Table.Tbody>
              {Object.entries(data.config)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, value]) => (
                  <Table.Tr key={key}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{key}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {confirm && data && <ConfirmDialog profileId={profileId} clusterId={clusterId} connector={connector} kind={confirm} offsets={committed.length} onClose={() => setConfirm(null)} onDone={(text) => { setMessage(text); setConfirm(null); if (confirm === 'delete') onClose(); }} />}
    </Stack>
  );
}

function ConfirmDialog({ profileId, clusterId, connector, kind, offsets, onClose, onDone }: { profileId: string; clusterId: string; connector: string; kind: 'delete' | 'reset-offsets'; offsets: number; onClose(): void; onDone(message: string): void }) {
  const [typed, setTyped] = useState('');
  const action = useConnectorAction();
  const reset = useChangeOffsets();
  const expected = connectorConfirmationText(connector);
  const pending = action.isPending || reset.isPending;
  const error = action.error ?? reset.error;
  return (
    <Modal opened onClose={onClose} title={kind === 'delete' ? `Delete connector ${connector}` : `Reset the offsets of ${connector}`}>
      <Stack gap="sm">
        <Text size="sm">
          {kind === 'delete'
            ? 'The connector and its tasks are removed from the Connect cluster; its committed offsets stay in the offsets topic.'
            : `All ${offsets} committed offset${offsets === 1 ? '' : 's'} are removed: when resumed, a source starts from the beginning and a sink's consumer group from its reset policy.`}
        </Text>
        <TextInput label={`Type ${expected} to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />
        {error && <Alert color="red">{error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={typed !== expected}
            loading={pending}
            onClick={() =>
              kind === 'delete'
                ? action.mutate({ profileId, clusterId, connector, action: 'delete', confirmation: typed, includeTasks: false, onlyFailed: false }, { onSuccess: (answer) => onDone(answer.message) })
                : reset.mutate({ profileId, clusterId, connector, offsets: null, confirmation: typed }, { onSuccess: (answer) => onDone(answer.message) })
            }
          >
            {kind === 'delete' ? 'Delete' : 'Reset offsets'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
