import { Stack, Text, Title } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { TopicsScreen } from '../topics/TopicsScreen';
import { sectionInfo } from './sections';

export function ClusterScreen() {
  const section = useUiStore((state) => state.section);
  const profileId = useUiStore((state) => state.selectedProfileId);
  if (section === 'topics' && profileId) return <TopicsScreen key={profileId} profileId={profileId} />;
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
