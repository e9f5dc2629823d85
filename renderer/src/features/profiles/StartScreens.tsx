import { Alert, Badge, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazyScreen } from '../../app/lazy-screen';
import { useUiStore } from '../../app/ui-store';
import { api, unwrap } from '../../lib/api';
import { useProfileList } from './queries';

// Each start screen is its own chunk: the policy workspace brings CodeMirror, loaded only when opened.
const PolicyWorkspace = lazyScreen(() => import('../policies/PolicyWorkspace'), 'PolicyWorkspace');
const ImportProfileScreen = lazyScreen(() => import('./ImportProfileScreen'), 'ImportProfileScreen');
const ProfileEditorScreen = lazyScreen(() => import('./ProfileEditor'), 'ProfileEditorScreen');

export function StartScreens() {
  const screen = useUiStore((state) => state.startScreen);
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const profiles = useProfileList();
  const firstRun = profiles.data !== undefined && profiles.data.profiles.length === 0;

  if (screen === 'add-profile' || screen === 'edit-profile') return <ProfileEditorScreen />;
  if (screen === 'import-profile') return <ImportProfileScreen />;
  if (screen === 'policy-workspace') return <PolicyWorkspace />;

  return (
    <Stack maw={980} gap="lg">
      <div>
        <Title order={2}>Welcome to Odradek</Title>
        <Text c="dimmed">
          {firstRun
            ? 'No connection yet. Add one, import the settings you already have, or open the local demo cluster.'
            : 'Pick a connection in the sidebar, add another, or work on tenancy policies offline.'}
        </Text>
      </div>
      <LocalDemoCard firstRun={firstRun} />
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
              Paste a client.properties, Kpow or Gateway environment variables, or a kcat/librdkafka config.
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

/**
 * The local demo, when `npm run demo` says (through its discovery file, read by main) that it is
 * running; otherwise how to start it. Never shown as running unless its processes are alive.
 */
function LocalDemoCard({ firstRun }: { firstRun: boolean }) {
  const selectProfile = useUiStore((state) => state.selectProfile);
  const status = useQuery({ queryKey: ['demo:status'], queryFn: () => unwrap(api.invoke['demo:status'](undefined)), refetchInterval: 10_000 });
  const demo = status.data;
  if (demo === undefined) return null;
  if (demo.state === 'running') {
    return (
      <Card withBorder padding="lg" component="section" aria-label="Local demo">
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600}>Local demo cluster</Text>
            <Badge color="green" variant="light">
              running
            </Badge>
            {demo.liveTraffic && (
              <Badge color="blue" variant="light">
                live traffic
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Kafka at <Code>{demo.bootstrap}</Code> (SCRAM over SASL_PLAINTEXT){demo.registryUrl ? <> with a Schema Registry at <Code>{demo.registryUrl}</Code></> : null}, started by{' '}
            <Code>npm run demo</Code>.{demo.tenancyFile ? <> Its tenancy file: <Code>{demo.tenancyFile}</Code>.</> : null}
          </Text>
          {demo.profileExists ? (
            <Group>
              <Button onClick={() => selectProfile(demo.profileId)}>Open {demo.profileName}</Button>
            </Group>
          ) : (
            <Alert color="yellow" title={`The profile '${demo.profileName}' is gone`}>
              Run <Code>npm run demo</Code> again: it recreates the profile with its password in your keychain.
            </Alert>
          )}
        </Stack>
      </Card>
    );
  }
  if (!firstRun) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Local demo">
      <Stack gap={4}>
        <Text fw={600}>Try it on a local demo cluster</Text>
        <Text size="sm" c="dimmed">
          {demo.state === 'stopped' ? 'The local demo is stopped. ' : ''}
          {demo.state === 'unreadable' ? `The local demo's discovery file cannot be read (${demo.reason}). ` : ''}
          Run <Code>npm run demo</Code> in the Odradek checkout: it starts Kafka and a Schema Registry on this machine with live sample data and adds a ready
          {' '}&lsquo;Local demo&rsquo; connection here. Needs Java 17+.
        </Text>
      </Stack>
    </Card>
  );
}
