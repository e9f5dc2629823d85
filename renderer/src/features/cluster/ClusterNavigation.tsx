import { NavLink, Stack, Text } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { useVisibleSections } from '../tenancy/queries';
import { TenantPicker } from '../tenancy/TenantPicker';
import { shownSection } from '../tenancy/tenancy-view';
import { sectionInfo } from './sections';

export function ClusterNavigation() {
  const section = useUiStore((state) => state.section);
  const showSection = useUiStore((state) => state.showSection);
  const profileId = useUiStore((state) => state.selectedProfileId);
  const sections = useVisibleSections(profileId);
  const current = shownSection(section, sections);
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
            component="button"
            label={sectionInfo[id].label}
            rightSection={
              // On the active entry's tint the hint takes the entry's own (contrast-checked) colour.
              <Text size="xs" c={id === current ? undefined : 'dimmed'} aria-hidden>
                Alt+{index + 1}
              </Text>
            }
            active={id === current}
            aria-current={id === current ? 'page' : undefined}
            aria-keyshortcuts={`Alt+${index + 1}`}
            onClick={() => showSection(id)}
          />
        ))}
      </Stack>
    </Stack>
  );
}
