// What each tenant would see in the snapshot: its synthetic totals and every visible resource by type,
// inferred topics marked.
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type { ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import type { TenantPreview } from '../../../../shared/domain/tenancy';
import { formatDiskBytes, formatRate, groupResources, instanceNames, resourceName } from './preview-model';
import { VirtualResourceList } from './VirtualResourceList';

export interface TenantPreviewPanelProps {
  /** Every tenant in force, in file order (Kpow's defaults when the file configures none). */
  tenantNames: readonly string[];
  /** The tenant on screen; null when there is none. */
  preview: TenantPreview | null;
  snapshot: ClusterSnapshot;
  onSelect(name: string | null): void;
  /** Moves the editor to the tenant's definition; absent for Kpow's implicit default tenants. */
  onReveal?: () => void;
}

export function TenantPreviewPanel({ tenantNames, preview, snapshot, onSelect, onReveal }: TenantPreviewPanelProps) {
  const names = useMemo(() => instanceNames(snapshot), [snapshot]);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const groups = useMemo(() => {
    if (!preview) return [];
    const all = groupResources(preview.resources, snapshot);
    if (deferredFilter === '') return all;
    return all.map((group) => ({ ...group, rows: group.rows.filter((row) => resourceName(row).toLowerCase().includes(deferredFilter)) }));
  }, [preview, snapshot, deferredFilter]);

  if (!preview) {
    return <Text c="dimmed">The policy defines no tenant yet.</Text>;
  }
  const { totals } = preview;
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label="Tenant"
          data={[...new Set(tenantNames)]}
          value={preview.tenant}
          onChange={(value) => onSelect(value)}
          allowDeselect={false}
          searchable
          style={{ flex: 1 }}
        />
        {onReveal && (
          <Button variant="subtle" onClick={onReveal}>
            Show in editor
          </Button>
        )}
      </Group>
      <Group gap="xs">
        {preview.description && (
          <Text size="sm" c="dimmed">
            {preview.description}
          </Text>
        )}
        <Badge variant="outline">roles: {preview.roles.join(', ')}</Badge>
        <Badge variant="outline">{preview.presentationMode}</Badge>
        {preview.hiddenSections.map((section) => (
          <Badge key={section} variant="light" color="gray">
            {section} hidden
          </Badge>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs" aria-label="Tenant totals">
        <Stat label="Topics" value={totals.topics.toLocaleString('en')} />
        <Stat label="Partitions" value={totals.partitions.toLocaleString('en')} />
        <Stat label="Replica disk size" value={formatDiskBytes(totals.replicaBytes)} />
        <Stat label="Write rate" value={formatRate(totals.writesPerSecond)} />
      </SimpleGrid>
      <TextInput label="Filter resources" placeholder="name contains…" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
      <Tabs defaultValue="topic" keepMounted={false}>
        <Tabs.List>
          {groups.map((group) => (
            <Tabs.Tab key={group.type} value={group.type}>
              {group.label} ({group.rows.length})
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {groups.map((group) => (
          <Tabs.Panel key={group.type} value={group.type} pt="xs">
            <VirtualResourceList rows={group.rows} instanceNames={names} label={`${preview.tenant}: ${group.label}`} emptyText={`This tenant sees no ${group.label.toLowerCase()}.`} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  );
}
