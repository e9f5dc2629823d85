import { Alert, Button, Code, CopyButton, Divider, Group, Loader, Modal, ScrollArea, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import type { ProfileExportFormat, ProfileSummary } from '../../../../shared/ipc/contract';
import { useProfileExport } from './queries';

const formatLabels: Record<ProfileExportFormat, string> = {
  'java-properties': 'Java .properties',
  librdkafka: 'librdkafka',
  kafkajs: 'kafkajs',
};

/** The profile as config for another client; main redacts every secret, so this can be copied safely. */
export function ExportProfileModal({ profile, onClose }: { profile: ProfileSummary | null; onClose(): void }) {
  const [format, setFormat] = useState<ProfileExportFormat>('java-properties');
  const exported = useProfileExport(profile?.id ?? null, format);
  return (
    <Modal opened={profile !== null} onClose={onClose} title={profile ? `Export ${profile.name}` : ''} size="xl">
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Export format"
          value={format}
          onChange={(value) => setFormat(value as ProfileExportFormat)}
          data={Object.entries(formatLabels).map(([value, label]) => ({ value, label }))}
        />
        <Text size="sm" c="dimmed">
          Secrets are written as a redacted placeholder; fill them in from your own vault.
        </Text>
        {exported.isPending && <Loader size="sm" aria-label="Exporting" />}
        {exported.isError && (
          <Alert color="red" title="The profile could not be exported">
            {exported.error.message}
          </Alert>
        )}
        {exported.data && (
          <>
            <ScrollArea.Autosize mah={420}>
              <Code block data-testid="export-text">
                {exported.data.text}
              </Code>
            </ScrollArea.Autosize>
            <Group justify="flex-end">
              <CopyButton value={exported.data.text}>{({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            </Group>
          </>
        )}
        {profile && <ExportWithSecrets profile={profile} format={format} />}
      </Stack>
    </Modal>
  );
}

/**
 * The same export with secrets in clear: main writes it to a file chosen in a save dialog, owner-only,
 * after the user types the profile's name. The secret values never reach this window.
 */
function ExportWithSecrets({ profile, format }: { profile: ProfileSummary; format: ProfileExportFormat }) {
  const [confirmation, setConfirmation] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api.invoke['profiles:export-with-secrets']({ id: profile.id, format, confirmation })),
  });
  return (
    <>
      <Divider label="With secrets" labelPosition="left" />
      <Text size="sm">
        Writes the {formatLabels[format]} export with every secret in clear to a file you choose (readable by you only). Anyone who can read
        that file can connect as this profile.
      </Text>
      <Group align="end">
        <TextInput
          label={`Type ${profile.name} to confirm`}
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button color="red" variant="light" disabled={confirmation !== profile.name} loading={save.isPending} onClick={() => save.mutate()}>
          Save with secrets…
        </Button>
      </Group>
      {save.isError && (
        <Alert color="red" title="Not exported">
          {save.error.message}
        </Alert>
      )}
      {save.data && <Text size="sm">{save.data.path ? `Saved to ${save.data.path}.` : 'Cancelled: nothing was written.'}</Text>}
    </>
  );
}
