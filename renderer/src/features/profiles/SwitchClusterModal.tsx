import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../../shared/ipc/contract';
import { api, unwrap } from '../../lib/api';

/**
 * Switching a profile between its main and failover cluster is always the user's explicit choice: this
 * dialog says where it goes, and on success every query is dropped so open views reconnect to the new
 * cluster instead of showing the old one's data.
 */
export function SwitchClusterModal({ profile, onClose }: { profile: ProfileSummary | null; onClose(): void }) {
  const queryClient = useQueryClient();
  const to = profile?.activeCluster === 'failover' ? 'main' : 'failover';
  const target = profile ? (to === 'failover' ? (profile.failover?.bootstrapServers ?? []) : profile.bootstrapServers) : [];
  const switchCluster = useMutation({
    mutationFn: (request: { id: string; to: 'main' | 'failover' }) => unwrap(api.invoke['profiles:switch-cluster'](request)),
    onSuccess: async () => {
      await queryClient.resetQueries();
      onClose();
    },
  });
  const close = () => {
    switchCluster.reset();
    onClose();
  };

  return (
    <Modal opened={profile !== null} onClose={close} title={profile ? `Switch ${profile.name} to its ${to} cluster?` : ''} centered>
      {profile && (
        <Stack gap="sm">
          <Text size="sm">
            Every view of this profile reconnects to <strong>{target.join(', ')}</strong> with that cluster&apos;s own credentials. Nothing switches back until you do.
          </Text>
          {switchCluster.isError && (
            <Alert color="red" variant="light" title="The profile was not switched">
              {switchCluster.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={to === 'failover' ? 'orange' : 'blue'} loading={switchCluster.isPending} onClick={() => switchCluster.mutate({ id: profile.id, to })} data-testid="confirm-switch-cluster">
              Switch to {to}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
