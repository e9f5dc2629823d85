// The tenants the selected roles may enter, with their description and presentation mode; the
// active one is marked and the others can be entered from here.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { TenancyState } from '../../../../shared/ipc/contract';
import { useEnterTenant } from './queries';

export function TenantList({ state }: { state: TenancyState }) {
  const enter = useEnterTenant(state.profileId);
  if (state.tenants.length === 0) return <Text c="dimmed">The selected roles may enter no tenant. Choose other roles, or attach another policy file.</Text>;
  return (
    <Stack gap="xs" component="ul" aria-label="Tenants" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {state.tenants.map((tenant) => {
        const active = tenant.name === state.activeTenant;
        return (
          <Paper key={tenant.name} component="li" withBorder p="sm" aria-current={active ? 'true' : undefined} data-tenant={tenant.name}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{tenant.name}</Text>
                  {active && <Badge size="sm">active</Badge>}
                  {tenant.presentationMode === 'HIDE_RESOURCES' && (
                    <Badge size="sm" variant="light" color="gray" title="Schemas, Connect and ksqlDB are hidden when the tenant has none of them">
                      HIDE_RESOURCES
                    </Badge>
                  )}
                  {tenant.builtIn && (
                    <Badge size="sm" variant="light" color="gray">
                      built in
                    </Badge>
                  )}
                </Group>
                {tenant.description && (
                  <Text size="sm" c="dimmed">
                    {tenant.description}
                  </Text>
                )}
              </Stack>
              {!active && (
                <Button size="xs" variant="light" loading={enter.isPending && enter.variables === tenant.name} onClick={() => enter.mutate(tenant.name)}>
                  Enter {tenant.name}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
      {enter.error && (
        <Text c="red" size="sm" role="alert">
          {enter.error.message}
        </Text>
      )}
    </Stack>
  );
}
