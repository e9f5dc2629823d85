import { NavLink, Stack, Text } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { useVisibleSections } from '../tenancy/queries';
import { TenantPicker } from '../tenancy/TenantPicker';
import { sectionInfo } from './sections';

export function ClusterNavigation() {
  const section = useUiStore((state) => state.section);
  const showSection = useUiStore((state) => state.showSection);
  const profileId = useUiStore((state) => state.selectedProfileId);
  const sections = useVisibleSections(profileId);
  return (
    <Stack gap={2}>
      {profileId && <TenantPicker profileId={profileId} />}
      <Stack gap={2} component="nav" aria-label="Cluster">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
          Cluster
        </Text>
        {sections.map((id, index) => (
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
    </Stack>
  );
}
