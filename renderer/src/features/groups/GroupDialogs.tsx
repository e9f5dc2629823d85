import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import { offsetsByTopic } from './group-detail-model';
import { formatLag } from './group-table-model';
import { useDeleteGroup, useDeleteOffsets } from './group-actions';
import { DialogOutcome } from '../../components/DialogOutcome';

function Refused({ error }: { error: Error | null }) {
  return error ? (
    <Alert color="red" title="Main refused" role="alert">
      {error.message}
    </Alert>
  ) : null;
}

/** OffsetDelete for one topic: the group forgets where it was; it resumes by auto.offset.reset next time. */
export function DeleteOffsetsDialog(props: { profileId: string; detail: GroupDetail; topics: string[]; refusal(topic: string): string | null; onClose(): void; onDeleted(): void }) {
  const { detail } = props;
  const [topic, setTopic] = useState<string | null>(props.topics[0] ?? null);
  const [typed, setTyped] = useState('');
  const remove = useDeleteOffsets(props.onDeleted);
  const entry = offsetsByTopic(detail.offsets).find((candidate) => candidate.topic === topic);
  const reason = topic ? props.refusal(topic) : 'Choose a topic.';
  return (
    <Modal opened onClose={props.onClose} title={`Delete committed offsets of ${detail.groupId}`} centered>
      {remove.data ? (
        <Stack gap="sm">
          <Alert color="green" role="status" title="Committed offsets deleted">
            {detail.groupId} no longer has committed offsets for {topic}.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Select label="Topic" data={props.topics} value={topic} onChange={(value) => (setTopic(value), remove.reset())} allowDeselect={false} searchable />
          {entry && (
            <Text size="sm">
              Deletes the group's committed offsets on {entry.partitions.length} partition{entry.partitions.length === 1 ? '' : 's'} of {entry.topic} (lag now {formatLag(entry.lag, false)}). Its consumers then start where their auto.offset.reset setting says. This cannot be undone.
            </Text>
          )}
          {reason && (
            <Alert color="gray" variant="light" data-testid="delete-offsets-refusal">
              {reason}
            </Alert>
          )}
          <TextInput label={`Type the group id (${detail.groupId}) to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" data-autofocus />
          <Refused error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button color="red" disabled={reason !== null || typed !== detail.groupId} loading={remove.isPending} onClick={() => topic && remove.mutate({ profileId: props.profileId, groupId: detail.groupId, topic, confirmation: typed })}>
              Delete offsets
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function DeleteGroupDialog({ profileId, detail, onClose, onDeleted }: { profileId: string; detail: GroupDetail; onClose(): void; onDeleted(): void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteGroup(() => undefined);
  const topics = new Set(detail.offsets.map((entry) => entry.topic)).size;
  const close = () => (remove.data ? onDeleted() : onClose());
  return (
    <Modal opened onClose={close} title={`Delete group ${detail.groupId}?`} centered>
      {remove.data ? (
        <DialogOutcome title="Group deleted" onDone={onDeleted} doneLabel="Back to groups">
          {detail.groupId} and its committed offsets are gone.
        </DialogOutcome>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Deletes the group and its committed offsets on {detail.offsets.length} partition{detail.offsets.length === 1 ? '' : 's'} of {topics} topic{topics === 1 ? '' : 's'}. A consumer that joins under this id later starts where its auto.offset.reset setting says. This cannot be undone.
          </Text>
          <TextInput label={`Type the group id (${detail.groupId}) to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" data-autofocus />
          <Refused error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" disabled={typed !== detail.groupId} loading={remove.isPending} onClick={() => remove.mutate({ profileId, groupId: detail.groupId, confirmation: typed })}>
              Delete group
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
