// The tenant indicator at the top of the cluster navigation: which tenant the profile acts in, a
// switch to any other the selected roles allow, and the roles themselves. Main enforces the choice.
import { Alert, Button, Loader, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { useAttachPolicy, useEnterTenant, useSelectRoles, useTenancyState } from './queries';
import { tenancyHeadline } from './tenancy-view';

export function TenantPicker({ profileId }: { profileId: string }) {
  const tenancy = useTenancyState(profileId);
  const enter = useEnterTenant(profileId);
  const selectRoles = useSelectRoles(profileId);
  const attach = useAttachPolicy();
  const showSection = useUiStore((state) => state.showSection);
  const state = tenancy.data;

  if (tenancy.isPending) return <Loader size="xs" mx="xs" aria-label="Loading tenancy" />;
  if (!state) {
    return (
      <Text size="xs" c="dimmed" px="xs" data-testid="tenant-indicator">
        Tenancy unavailable: {tenancy.error?.message}
      </Text>
    );
  }
  const failure = enter.error ?? selectRoles.error ?? attach.error;

  return (
    <Stack gap={6} px="xs" mb="sm" component="section" aria-label="Tenant">
      {state.status === 'none' && (
        <>
          <Text size="sm" data-testid="tenant-indicator">
            {tenancyHeadline(state)}
          </Text>
          <Button size="compact-xs" variant="light" loading={attach.isPending} onClick={() => attach.mutate({ scope: 'profile', profileId })}>
            Attach policy file…
          </Button>
        </>
      )}
      {state.status === 'invalid' && (
        <>
          <Text size="sm" c="red" data-testid="tenant-indicator">
            {tenancyHeadline(state)}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={() => showSection('tenants')}>
            Show the problems
          </Button>
        </>
      )}
      {(state.status === 'choose' || state.status === 'active') && (
        <>
          <Select
            label="Tenant"
            size="xs"
            placeholder="Choose a tenant"
            data={state.tenants.map((tenant) => ({ value: tenant.name, label: tenant.name }))}
            value={state.activeTenant}
            allowDeselect={false}
            disabled={enter.isPending}
            onChange={(tenant) => tenant && tenant !== state.activeTenant && enter.mutate(tenant)}
            data-testid="tenant-indicator"
          />
          {state.roles.available.length > 0 && (
            <MultiSelect
              label="Roles"
              size="xs"
              placeholder={state.roles.selected.length === 0 ? 'All roles' : undefined}
              data={state.roles.available}
              value={state.roles.selected}
              disabled={selectRoles.isPending}
              onChange={(roles) => selectRoles.mutate(roles)}
              clearable
            />
          )}
        </>
      )}
      {failure && (
        <Alert color="red" variant="light" p="xs">
          {failure.message}
        </Alert>
      )}
    </Stack>
  );
}
