// Main refuses Kafka channels while a profile's policy file is invalid or no tenant is entered yet;
// instead of showing screens full of refusals the cluster area asks for what is missing.
import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useUiStore } from '../../app/ui-store';
import { PolicyProblems } from './PolicyProblems';
import { useTenancyState } from './queries';
import { TenantList } from './TenantList';

export function TenancyGate({ profileId, children }: { profileId: string; children: ReactNode }) {
  const tenancy = useTenancyState(profileId);
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const showSection = useUiStore((state) => state.showSection);
  const state = tenancy.data;
  if (tenancy.isPending) return <Loader size="sm" aria-label="Loading tenancy" />;
  if (!state || state.status === 'none' || state.status === 'active') return children;

  if (state.status === 'choose') {
    return (
      <Stack maw={720} gap="sm">
        <Title order={2}>Choose a tenant</Title>
        <Text>This connection has a policy file with several tenants. Choose the one to work in; you can switch at any time from the navigation.</Text>
        <TenantList state={state} />
      </Stack>
    );
  }
  return (
    <Stack maw={820} gap="sm">
      <Title order={2}>The policy file has errors</Title>
      <Alert color="red" variant="light" title={state.policy?.path ?? 'Policy file'}>
        Kafka views stay closed until the file is fixed, so nothing shows that the file would hide.
      </Alert>
      <PolicyProblems problems={state.policy?.problems ?? []} />
      <Stack gap={4} align="flex-start">
        <Button variant="light" onClick={() => showStartScreen('policy-workspace')}>
          Fix it in the policy workspace
        </Button>
        <Button variant="subtle" size="xs" onClick={() => showSection('tenants')}>
          Attach another file or detach it
        </Button>
      </Stack>
    </Stack>
  );
}
