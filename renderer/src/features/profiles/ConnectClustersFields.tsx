// The profile's Kafka Connect clusters: each with a name, REST URLs (tried in order), Basic or bearer
// auth (secrets through the same keychain fields as every other secret), CA and client certificate
// files, and whether it is read-only in this profile.
import { Button, Fieldset, Group, SegmentedControl, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { connectSecretSlot, type SecretSlot } from '../../../../shared/domain/profile/secret-slots';
import type { ProfileDraft } from '../../../../shared/domain/profile/profile-schema';

type Cluster = ProfileDraft['connect'][number];

/** A new cluster's id: stable across renames (its secrets' keychain slots carry it). */
export function newConnectClusterId(existing: readonly { id: string }[]): string {
  for (let n = existing.length + 1; ; n++) {
    const id = `connect-${n}`;
    if (!existing.some((cluster) => cluster.id === id)) return id;
  }
}

export function ConnectClustersFields({ clusters, update, secretField, error }: { clusters: Cluster[]; update(recipe: (clusters: Cluster[]) => void): void; secretField(slot: SecretSlot, label: string): ReactNode; error(field: string): string | undefined }) {
  return (
    <Fieldset legend="Kafka Connect">
      <Stack gap="sm">
        {clusters.length === 0 && (
          <Text size="sm" c="dimmed">
            No Connect cluster. Add one to manage its connectors from the Connect screen.
          </Text>
        )}
        {clusters.map((cluster, index) => {
          const at = (recipe: (entry: Cluster) => void) => update((all) => void (all[index] && recipe(all[index])));
          return (
            <Stack key={cluster.id} gap="xs" p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} aria-label={`Connect cluster ${cluster.name || cluster.id}`} role="group">
              <Group grow align="flex-start">
                <TextInput label="Connect cluster name" value={cluster.name} error={error(`connect.${index}.name`)} onChange={(event) => { const name = event.currentTarget.value; at((entry) => void (entry.name = name)); }} />
                <TextInput label="Id" description="Used in tenancy paths and snapshots" value={cluster.id} disabled />
              </Group>
              <TagsInput
                label="Connect REST URLs"
                description="Tried in order when one does not answer; press Enter after each."
                value={cluster.urls}
                error={error(`connect.${index}.urls`)}
                onChange={(urls) => at((entry) => void (entry.urls = urls))}
              />
              <SegmentedControl
                aria-label="Connect authentication"
                data={[
                  { value: 'none', label: 'None' },
                  { value: 'basic', label: 'Basic' },
                  { value: 'bearer', label: 'Bearer token' },
                ]}
                value={cluster.auth.kind}
                onChange={(kind) => at((entry) => void (entry.auth = kind === 'basic' ? { kind: 'basic', username: '' } : kind === 'bearer' ? { kind: 'bearer' } : { kind: 'none' }))}
              />
              {cluster.auth.kind === 'basic' && (
                <>
                  <TextInput label="Connect REST user" value={cluster.auth.username} error={error(`connect.${index}.auth.username`)} onChange={(event) => { const username = event.currentTarget.value; at((entry) => void (entry.auth.kind === 'basic' && (entry.auth.username = username))); }} />
                  {secretField(connectSecretSlot(cluster.id, 'password'), 'Connect REST password')}
                </>
              )}
              {cluster.auth.kind === 'bearer' && secretField(connectSecretSlot(cluster.id, 'token'), 'Connect bearer token')}
              <Switch
                label="Own TLS settings (CA, client certificate)"
                description="Off: https:// URLs use the system trust store."
                checked={cluster.tls !== null}
                onChange={(event) => { const on = event.currentTarget.checked; at((entry) => void (entry.tls = on ? { caFile: null, clientCertFile: null, clientKeyFile: null, verifyHostname: true } : null)); }}
              />
              {cluster.tls && (
                <>
                  <TextInput label="CA certificate file (PEM)" value={cluster.tls.caFile ?? ''} onChange={(event) => { const path = event.currentTarget.value; at((entry) => void (entry.tls && (entry.tls.caFile = path || null))); }} />
                  <Group grow>
                    <TextInput label="Client certificate file (PEM)" value={cluster.tls.clientCertFile ?? ''} onChange={(event) => { const path = event.currentTarget.value; at((entry) => void (entry.tls && (entry.tls.clientCertFile = path || null))); }} />
                    <TextInput label="Client key file (PEM)" value={cluster.tls.clientKeyFile ?? ''} error={error(`connect.${index}.tls`)} onChange={(event) => { const path = event.currentTarget.value; at((entry) => void (entry.tls && (entry.tls.clientKeyFile = path || null))); }} />
                  </Group>
                  {secretField(connectSecretSlot(cluster.id, 'tls.keyPassword'), 'Client key passphrase')}
                  <Switch label="Verify the host name" checked={cluster.tls.verifyHostname} onChange={(event) => { const on = event.currentTarget.checked; at((entry) => void (entry.tls && (entry.tls.verifyHostname = on))); }} />
                </>
              )}
              <Group justify="space-between">
                <Switch label="Read-only in this profile" checked={cluster.readOnly} onChange={(event) => { const on = event.currentTarget.checked; at((entry) => void (entry.readOnly = on)); }} />
                <Button size="xs" variant="subtle" color="red" onClick={() => update((all) => void all.splice(index, 1))}>
                  Remove {cluster.name || cluster.id}
                </Button>
              </Group>
            </Stack>
          );
        })}
        <Group>
          <Button size="xs" variant="light" onClick={() => update((all) => void all.push({ id: newConnectClusterId(all), name: `Connect ${all.length + 1}`, urls: [], auth: { kind: 'none' }, tls: null, readOnly: false }))}>
            Add a Connect cluster
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
