// How the edit changes what each tenant sees, against the text as last opened or saved.
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import type { PolicyDiff, TenantDiff } from '../../../../shared/domain/tenancy';
import { groupResources, instanceNames } from './preview-model';
import { VirtualResourceList } from './VirtualResourceList';

const changeColours: Record<TenantDiff['change'], string> = {
  added: 'teal',
  removed: 'red',
  renamed: 'blue',
  changed: 'yellow',
  unchanged: 'gray',
};

export function PolicyDiffPanel({ diff, snapshot }: { diff: PolicyDiff; snapshot: ClusterSnapshot }) {
  const names = useMemo(() => instanceNames(snapshot), [snapshot]);
  const changed = diff.tenants.filter((tenant) => tenant.change !== 'unchanged');
  // Grouped so that topics come before groups, brokers and the rest, as in the preview.
  const rowsOf = (resources: TenantDiff['added']) => groupResources(resources, snapshot).flatMap((group) => group.rows);
  return (
    <Stack gap="sm">
      <Text fw={600} data-testid="diff-summary">
        {diff.summary}
      </Text>
      {changed.length > 0 && (
        <Accordion multiple defaultValue={changed.map((tenant) => tenant.tenant)} variant="separated">
          {changed.map((tenant) => (
            <Accordion.Item key={tenant.tenant} value={tenant.tenant}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={500}>{tenant.tenant}</Text>
                  <Badge size="sm" color={changeColours[tenant.change]} variant="light">
                    {tenant.change === 'renamed' ? `renamed from ${tenant.previousName}` : tenant.change}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    +{tenant.added.length} / −{tenant.removed.length}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <VirtualResourceList rows={rowsOf(tenant.added)} instanceNames={names} change="added" label={`${tenant.tenant}: now visible`} height={200} emptyText="Nothing newly visible." />
                  <VirtualResourceList rows={rowsOf(tenant.removed)} instanceNames={names} change="removed" label={`${tenant.tenant}: now hidden`} height={200} emptyText="Nothing newly hidden." />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
