import { NavLink, Stack, Text } from '@mantine/core';
import { clusterSections, useUiStore } from '../../app/ui-store';
import { sectionInfo } from './sections';

export function ClusterNavigation() {
  const section = useUiStore((state) => state.section);
  const showSection = useUiStore((state) => state.showSection);
  return (
    <Stack gap={2} component="nav" aria-label="Cluster">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
        Cluster
      </Text>
      {clusterSections.map((id, index) => (
        <NavLink
          key={id}
          label={sectionInfo[id].label}
          active={id === section}
          aria-current={id === section ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${index + 1}`}
          onClick={() => showSection(id)}
        />
      ))}
    </Stack>
  );
}
