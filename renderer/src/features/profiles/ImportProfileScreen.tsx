import { Alert, Badge, Button, Code, FileButton, Grid, Group, Loader, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ImportFormat } from '../../../../shared/domain/profile/import/detect';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { vendorPresets } from '../../../../shared/domain/profile/presets';
import type { ImportPreviewView } from '../../../../shared/ipc/contract';
import { useUiStore } from '../../app/ui-store';
import { IssueList } from './IssueList';
import { useImportPreview, useImportSave, useKeychainStatus } from './queries';

const formats: { value: ImportFormat | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'properties', label: 'Java client .properties' },
  { value: 'kpow-env', label: 'Kpow environment variables' },
  { value: 'gateway-env', label: 'Conduktor Gateway KAFKA_* variables' },
  { value: 'gateway-cluster-config', label: 'Conduktor Gateway cluster-config YAML (main + failover)' },
  { value: 'librdkafka', label: 'librdkafka or kcat config' },
];

/** Pasted (or opened) client config → a preview from main → saved only when the user confirms. */
export function ImportProfileScreen() {
  const showStartScreen = useUiStore((state) => state.showStartScreen);
  const editProfile = useUiStore((state) => state.editProfile);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [name, setName] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [debouncedText] = useDebouncedValue(text, 300);
  const [debouncedName] = useDebouncedValue(name.trim(), 300);
  const request = { text: debouncedText, format, ...(debouncedName ? { name: debouncedName } : {}) };
  const preview = useImportPreview(request);
  const keychain = useKeychainStatus();
  const save = useImportSave();

  const openFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    if (file.size > 1024 * 1024) {
      setFileError(`${file.name} is larger than 1 MB; open only the connection settings.`);
      return;
    }
    setText(await file.text());
  };

  const upToDate = debouncedText === text && debouncedName === name.trim() && !preview.isFetching;
  const keychainBlocked = keychain.data && !keychain.data.available ? (keychain.data.message ?? 'The OS keychain is unavailable.') : undefined;
  const blocked = keychainBlocked ?? (preview.data && !preview.data.ok ? 'Fix the errors in the pasted text first.' : !upToDate ? 'Waiting for the preview…' : undefined);

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <div>
          <Title order={2}>Import a connection</Title>
          <Text size="sm" c="dimmed">
            Paste Java client properties, Kpow or Gateway environment variables, or a librdkafka or kcat (-F file) config. Nothing is saved until you confirm.
          </Text>
        </div>
        <Button variant="default" onClick={() => showStartScreen('start')}>
          Close
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Group align="flex-end" grow>
              <Select label="Format" data={formats} value={format} allowDeselect={false} onChange={(value) => value && setFormat(value as ImportFormat | 'auto')} />
              <FileButton onChange={(file) => void openFile(file)} accept=".properties,.env,.conf,.config,.txt,text/plain">
                {(props) => (
                  <Button variant="default" {...props}>
                    Open a file…
                  </Button>
                )}
              </FileButton>
            </Group>
            {fileError && <Alert color="red">{fileError}</Alert>}
            <Textarea
              label="Configuration"
              placeholder={'bootstrap.servers=broker-1:9092\nsecurity.protocol=SASL_SSL\n…'}
              autosize
              minRows={14}
              maxRows={30}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              spellCheck={false}
            />
            <TextInput label="Profile name (optional)" description="Overrides a name found in the text." value={name} onChange={(event) => setName(event.currentTarget.value)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {text.trim() === '' && (
              <Text c="dimmed" size="sm">
                Paste a configuration or open a file to see what Odradek understands from it.
              </Text>
            )}
            {text.trim() !== '' && preview.isPending && <Loader size="sm" aria-label="Reading the configuration" />}
            {preview.isError && (
              <Alert color="red" title="The configuration could not be read">
                {preview.error.message}
              </Alert>
            )}
            {preview.data && text.trim() !== '' && <ImportPreviewPanel preview={preview.data} />}
            {keychainBlocked && (
              <Alert color="red" title="Saving is disabled: the OS keychain is unavailable">
                {keychainBlocked}
              </Alert>
            )}
            {save.isError && (
              <Alert color="red" title="Nothing was saved">
                {save.error.message}
              </Alert>
            )}
            {preview.data && text.trim() !== '' && (
              <Group>
                <Button
                  onClick={() => save.mutate({ text, format, ...(name.trim() ? { name: name.trim() } : {}) }, { onSuccess: (saved) => editProfile(saved.id) })}
                  disabled={blocked !== undefined}
                  loading={save.isPending}
                  title={blocked}
                >
                  {preview.data.replaces ? 'Replace the stored connection' : 'Save connection'}
                </Button>
                {blocked && (
                  <Text size="sm" c="dimmed">
                    {blocked}
                  </Text>
                )}
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function describeAuth(profile: ConnectionProfile): string {
  const sasl = profile.sasl;
  if (!sasl) return profile.tls?.identity ? `client certificate (${profile.tls.identity.kind})` : 'none';
  if ('username' in sasl) return `${sasl.mechanism.toUpperCase()} as ${sasl.username || '(no user)'}`;
  if (sasl.mechanism === 'oauthbearer') return `OAUTHBEARER, client ${sasl.clientId || '(none)'} at ${sasl.tokenEndpoint || '(no endpoint)'}`;
  if (sasl.mechanism === 'aws-msk-iam') return `AWS MSK IAM in ${sasl.region || '(no region)'}, ${sasl.credentials.source} credentials`;
  return 'GSSAPI (not supported)';
}

function describeTrust(profile: ConnectionProfile): string {
  const trust = profile.tls?.trust;
  if (!trust) return 'no TLS';
  if (trust.kind === 'system') return 'system trust store';
  if (trust.kind === 'pem-text') return 'CA certificate (pasted PEM)';
  if (trust.kind === 'pem-file') return `CA file ${trust.path}`;
  return `${trust.kind.toUpperCase()} truststore ${trust.source === 'keychain' ? '(imported into the keychain)' : trust.path}`;
}

function ImportPreviewPanel({ preview }: { preview: ImportPreviewView }) {
  const profile = preview.profile;
  const understood: [string, string][] = [
    ['Name', profile.name],
    ['Id', profile.id],
    ['Bootstrap servers', profile.bootstrapServers.join(', ') || '(none)'],
    ['Security protocol', profile.securityProtocol],
    ['Authentication', describeAuth(profile)],
    ['TLS trust', describeTrust(profile)],
    ['Host-name verification', profile.tls ? (profile.tls.verifyHostname ? 'on' : 'off') : '—'],
    ['Schema Registry', profile.schemaRegistry ? profile.schemaRegistry.urls.join(', ') : 'none'],
    ['Vendor', vendorPresets[profile.vendor.preset].label],
  ];
  const errorCount = preview.issues.filter((issue) => issue.severity === 'error').length;
  return (
    <Stack gap="md" data-testid="import-preview">
      <Group gap="xs">
        <Text size="sm">
          Read as <b>{formats.find((format) => format.value === preview.format)?.label}</b> ({preview.formatReason}).
        </Text>
        {errorCount > 0 ? (
          <Badge color="red" variant="light">
            {errorCount} error{errorCount === 1 ? '' : 's'}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            ready to save
          </Badge>
        )}
      </Group>
      {preview.replaces && (
        <Alert color="orange" variant="light">
          A connection with the id {profile.id} exists; saving replaces it.
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={4} aria-label="What was understood">
        <Table.Tbody>
          {understood.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Stack gap={4}>
        <Text fw={600} size="sm">
          Secrets — will be stored in the OS keychain
        </Text>
        {preview.secrets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No secrets found.
          </Text>
        ) : (
          <Table aria-label="Secrets found" verticalSpacing={2}>
            <Table.Tbody>
              {preview.secrets.map((secret) => (
                <Table.Tr key={secret.slot} data-testid={`import-secret-${secret.slot}`}>
                  <Table.Td>{secret.label}</Table.Td>
                  <Table.Td>
                    from <Code>{secret.key}</Code>, line {secret.line}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      will be stored in the OS keychain
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      {preview.issues.length > 0 && <IssueList title="Issues" issues={preview.issues} />}

      <Stack gap={4}>
        <Text fw={600} size="sm">
          Ignored settings
        </Text>
        {preview.ignored.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing was ignored.
          </Text>
        ) : (
          <Table aria-label="Ignored settings" verticalSpacing={2}>
            <Table.Tbody>
              {preview.ignored.map((setting) => (
                <Table.Tr key={`${setting.key}:${setting.line}`}>
                  <Table.Td w={70}>line {setting.line}</Table.Td>
                  <Table.Td>
                    <Code>{setting.key}</Code>
                  </Table.Td>
                  <Table.Td>{setting.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
