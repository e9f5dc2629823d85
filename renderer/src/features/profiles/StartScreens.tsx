import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { lazyScreen } from '../../app/lazy-screen';
import { useUiStore } from '../../app/ui-store';

// Each start screen is its own chunk: the policy workspace brings CodeMirror, loaded only when opened.
const PolicyWorkspace = lazyScreen(() => import('../policies/PolicyWorkspace'), 'PolicyWorkspace');
const ImportProfileScreen = lazyScreen(() => import('./ImportProfileScreen'), 'ImportProfileScreen');
const ProfileEditorScreen = lazyScreen(() => import('./ProfileEditor'), 'ProfileEditorScreen');

export function StartScreens() {
  const screen = useUiStore((state) => state.startScreen);
  const showStartScreen = useUiStore((state) => state.showStartScreen);

  if (screen === 'add-profile' || screen === 'edit-profile') return <ProfileEditorScreen />;
  if (screen === 'import-profile') return <ImportProfileScreen />;
  if (screen === 'policy-workspace') return <PolicyWorkspace />;

  return (
    <Stack maw={980} gap="lg">
      <div>
        <Title order={2}>Welcome to Odradek</Title>
        <Text c="dimmed">Connect to a Kafka cluster, or work on tenancy policies offline.</Text>
      </div>
      <Group grow align="stretch">
        <Card withBorder padding="lg">
          <Stack gap="xs" h="100%" justify="space-between">
            <Text fw={600}>Add a connection</Text>
            <Text size="sm" c="dimmed">
              Bootstrap servers, authentication and TLS; secrets stay in your OS keychain.
            </Text>
            <Button onClick={() => showStartScreen('add-profile')}>Add a connection</Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="xs" h="100%" justify="space-between">
            <Text fw={600}>Import from properties/env</Text>
            <Text size="sm" c="dimmed">
              Paste client properties, Kpow or Gateway environment variables.
            </Text>
            <Button variant="light" onClick={() => showStartScreen('import-profile')}>
              Import from properties/env
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="xs" h="100%" justify="space-between">
            <Text fw={600}>Open a policy file offline</Text>
            <Text size="sm" c="dimmed">
              Edit and preview Kpow tenancy/RBAC YAML with no cluster.
            </Text>
            <Button variant="light" onClick={() => showStartScreen('policy-workspace')}>
              Open a policy file offline
            </Button>
          </Stack>
        </Card>
      </Group>
    </Stack>
  );
}
