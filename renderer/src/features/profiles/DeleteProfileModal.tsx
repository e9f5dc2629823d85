import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../shared/ipc/contract';
import { useUiStore } from '../../app/ui-store';
import { useDeleteProfile } from './queries';

/** Deleting a profile removes its keychain secrets too, so it asks for the profile name typed out. */
export function DeleteProfileModal({ profile, onClose }: { profile: ProfileSummary | null; onClose(): void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteProfile();
  const selectedProfileId = useUiStore((state) => state.selectedProfileId);
  const editingProfileId = useUiStore((state) => state.editingProfileId);
  const showStartScreen = useUiStore((state) => state.showStartScreen);

  const close = () => {
    setTyped('');
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!profile || typed !== profile.name) return;
    remove.mutate(profile.id, {
      onSuccess: () => {
        if (selectedProfileId === profile.id || editingProfileId === profile.id) showStartScreen('start');
        close();
      },
    });
  };

  return (
    <Modal opened={profile !== null} onClose={close} title={profile ? `Delete ${profile.name}?` : ''} centered>
      {profile && (
        <Stack gap="sm">
          <Text size="sm">
            The connection profile and its secrets in the OS keychain are deleted. The cluster itself is not touched.
          </Text>
          <TextInput
            label={`Type the profile name (${profile.name}) to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && confirm()}
            data-autofocus
          />
          {remove.isError && (
            <Alert color="red" title="The profile was not deleted">
              {remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" disabled={typed !== profile.name} loading={remove.isPending} onClick={confirm}>
              Delete profile
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
