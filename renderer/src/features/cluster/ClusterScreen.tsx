import { Stack, Text, Title } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { sectionInfo } from './sections';

export function ClusterScreen() {
  const section = useUiStore((state) => state.section);
  const { label, purpose } = sectionInfo[section];
  return (
    <Stack maw={720} gap="sm">
      <Title order={2}>{label}</Title>
      <Text>{purpose}</Text>
      <Text size="sm" c="dimmed">
        This screen is being built.
      </Text>
    </Stack>
  );
}
