// The Tenants section: the policy file behind the profile's tenancy (its own or the app's), attaching
// and detaching it, its problems, the roles the user acts as and the tenants those roles may enter.
import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useUiStore } from '../../app/ui-store';
import { PolicyProblems } from './PolicyProblems';
import { useAttachPolicy, useDetachPolicy, useTenancyState } from './queries';
import { rolesSummary, tenancyHeadline } from './tenancy-view';
import { TenantList } from './TenantList';

export function TenantsScreen({ profileId }: { profileId: string }) {
  const tenancy = useTenancyState(profileId);
  const attach = useAttachPolicy();
  const detach = useDetachPolicy();
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const [outcome, setOutcome] = useState<string | null>(null);
  const state = tenancy.data;
  const failure = attach.error ?? detach.error;

  const attachTo = (scope: 'profile' | 'app') =>
    attach.mutate(scope === 'profile' ? { scope, profileId } : { scope }, {
      onSuccess: ({ path }) => setOutcome(path === null ? 'No file was chosen; nothing changed.' : `Attached ${path}.`),
    });
  const detachFrom = (scope: 'profile' | 'app') =>
    detach.mutate(scope === 'profile' ? { scope, profileId } : { scope }, {
      onSuccess: ({ detached }) => setOutcome(detached ? `Detached the ${scope === 'app' ? 'app-wide' : "connection's"} policy file.` : `There was no ${scope === 'app' ? 'app-wide' : "connection's own"} policy file to detach.`),
    });

  return (
    <Stack maw={860} gap="md">
      <Title order={2}>Tenants</Title>
      {tenancy.isPending && <Loader size="sm" aria-label="Loading tenancy" />}
      {tenancy.isError && (
        <Alert color="red" title="Tenancy could not be read">
          {tenancy.error.message}
        </Alert>
      )}
      {state && (
        <>
          <Paper withBorder p="sm" component="section" aria-label="Policy file">
            <Stack gap="xs">
              <Group gap="xs">
                <Text fw={600}>Policy file</Text>
                {state.policy && <Badge variant="light">{state.policy.attachedTo === 'app' ? 'app-wide' : 'this connection'}</Badge>}
                {state.policy?.hasPolicies && (
                  <Badge variant="light" color="gray" title="Actions follow the file's policies on top of the connection's safety settings">
                    with action policies
                  </Badge>
                )}
              </Group>
              {state.policy ? (
                <Code data-testid="policy-path">{state.policy.path}</Code>
              ) : (
                <Text size="sm" c="dimmed">
                  None attached: this connection shows the whole cluster. Attach a Kpow-style tenancy file to work inside a tenant.
                </Text>
              )}
              <Text size="sm" data-testid="tenancy-status">
                {state.status === 'active' ? `Active tenant: ${tenancyHeadline(state)}` : tenancyHeadline(state)}
              </Text>
              <Group gap="xs">
                <Button size="xs" loading={attach.isPending && attach.variables?.scope === 'profile'} onClick={() => attachTo('profile')}>
                  Attach to this connection…
                </Button>
                <Button size="xs" variant="default" disabled={state.policy?.attachedTo !== 'profile'} onClick={() => detachFrom('profile')}>
                  Detach from this connection
                </Button>
                <Button size="xs" variant="light" loading={attach.isPending && attach.variables?.scope === 'app'} onClick={() => attachTo('app')}>
                  Attach for the app…
                </Button>
                <Tooltip label="No app-wide file is attached" disabled={Boolean(state.appPolicyPath)}>
                  <Button size="xs" variant="default" disabled={!state.appPolicyPath} onClick={() => detachFrom('app')}>
                    Detach the app-wide file
                  </Button>
                </Tooltip>
              </Group>
              <Text size="xs" c="dimmed">
                An app-wide file applies to every connection that has no file of its own.
              </Text>
              {outcome && (
                <Text size="sm" role="status">
                  {outcome}
                </Text>
              )}
              {failure && (
                <Alert color="red" variant="light">
                  {failure.message}
                </Alert>
              )}
            </Stack>
          </Paper>
          {state.policy && state.policy.problems.length > 0 && (
            <Paper withBorder p="sm" component="section" aria-label="Problems">
              <Stack gap="xs">
                <PolicyProblems problems={state.policy.problems} />
                <Button size="xs" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => showStartScreen('policy-workspace')}>
                  Fix it in the policy workspace
                </Button>
              </Stack>
            </Paper>
          )}
          {state.policy && state.status !== 'invalid' && (
            <Stack gap="xs" component="section" aria-label="Available tenants">
              <Text size="sm" c="dimmed">
                {rolesSummary(state.roles)} Change the roles in the navigation.
              </Text>
              <TenantList state={state} />
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
