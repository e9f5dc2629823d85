// Deletes a version or a whole subject: soft first (the registry keeps it, hidden), then hard
// (gone for good) — the registry refuses a hard delete of anything not soft-deleted, so it is offered
// only then. The user types what is being deleted to confirm.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { deleteConfirmationText } from '../../../../shared/domain/schemas/schema-schemas';
import { useSchemaChange } from './queries';

export interface DeleteTarget {
  subject: string;
  /** The version shown, or null when the subject has no version to offer. */
  version: number | null;
  versionDeleted: boolean;
  /** Every version of the subject is soft-deleted. */
  subjectDeleted: boolean;
  liveVersions: number;
}

export function DeleteSchemaDialog({ profileId, target, onClose, onDeleted }: { profileId: string; target: DeleteTarget; onClose(): void; onDeleted(whole: boolean): void }) {
  const [scope, setScope] = useState<'version' | 'subject'>(target.version !== null ? 'version' : 'subject');
  const [typed, setTyped] = useState('');
  const remove = useSchemaChange('schemas:delete');
  const version = scope === 'version' ? target.version : null;
  const permanent = scope === 'version' ? target.versionDeleted : target.subjectDeleted;
  const expected = deleteConfirmationText(target.subject, version);
  const what = version === null ? `subject ${target.subject}` : `version ${version} of ${target.subject}`;
  return (
    <Modal opened onClose={onClose} title={`Delete ${what}?`} centered size="lg">
      <Stack gap="sm">
        {target.version !== null && (
          <Radio.Group
            label="Delete"
            value={scope}
            onChange={(value) => {
              setScope(value as 'version' | 'subject');
              setTyped('');
            }}
          >
            <Stack gap={6} mt={4}>
              <Radio value="version" label={`Version ${target.version}${target.versionDeleted ? ' (soft-deleted)' : ''}`} />
              <Radio value="subject" label={`The whole subject${target.subjectDeleted ? ' (soft-deleted)' : ` (${target.liveVersions} live version${target.liveVersions === 1 ? '' : 's'})`}`} />
            </Stack>
          </Radio.Group>
        )}
        <Text size="sm" data-testid="delete-consequence">
          {permanent
            ? `Hard delete: the registry forgets ${what} for good. Messages written with its schema id can no longer be decoded through this subject, and this cannot be undone.`
            : `Soft delete: ${what} disappears from listings and can no longer be used to register against, but the registry keeps it and schema ids stay readable. Afterwards, with “Show soft-deleted”, it can be deleted for good.`}
        </Text>
        <TextInput label={`Type ${expected} to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />
        {remove.error && (
          <Alert color="red" title="Not deleted" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={typed !== expected} loading={remove.isPending} onClick={() => remove.mutate({ profileId, subject: target.subject, version, permanent, confirmation: typed }, { onSuccess: () => onDeleted(version === null) })}>
            {permanent ? 'Delete for good' : 'Soft delete'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
