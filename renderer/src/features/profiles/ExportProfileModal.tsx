import { Alert, Button, Code, CopyButton, Group, Loader, Modal, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
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
      </Stack>
    </Modal>
  );
}
