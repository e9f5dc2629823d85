import { Alert, Button, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { entityKey, entityWords, quotaKeys, quotaKeyWords, type QuotaEntity, type QuotaKey } from '../../../../shared/domain/acls';
import { quotaDeleteConfirmation } from '../../../../shared/domain/acls/access-schemas';
import { useDeleteQuota, useEditRefusal, useQuotaList, useSetQuota } from './access-queries';

type EntityKind = 'user' | 'client-id' | 'user-default' | 'client-id-default' | 'user-client-id';

function entityOf(kind: EntityKind, user: string, clientId: string): QuotaEntity | null {
  switch (kind) {
    case 'user':
      return user.trim() ? { user: user.trim() } : null;
    case 'client-id':
      return clientId.trim() ? { clientId: clientId.trim() } : null;
    case 'user-default':
      return { user: null };
    case 'client-id-default':
      return { clientId: null };
    case 'user-client-id':
      return user.trim() && clientId.trim() ? { user: user.trim(), clientId: clientId.trim() } : null;
  }
}

export function QuotasPanel({ profileId }: { profileId: string }) {
  const list = useQuotaList(profileId);
  const setQuota = useSetQuota(profileId);
  const refusal = useEditRefusal(profileId, 'edit-quotas');
  const [kind, setKind] = useState<EntityKind>('user');
  const [user, setUser] = useState('');
  const [clientId, setClientId] = useState('');
  const [key, setKey] = useState<QuotaKey>('producer_byte_rate');
  const [value, setValue] = useState<number | string>('');
  const [deleting, setDeleting] = useState<QuotaEntity | null>(null);
  const entity = entityOf(kind, user, clientId);
  const numeric = typeof value === 'number' && value > 0 ? value : null;

  return (
    <Stack gap="sm">
      <Text size="sm">Client quotas limit what a user, a client id, or both may use per broker. A default applies to every user or client id without its own quota.</Text>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label="For"
          size="xs"
          w={190}
          allowDeselect={false}
          value={kind}
          onChange={(next) => setKind(next as EntityKind)}
          data={[
            { value: 'user', label: 'a user' },
            { value: 'client-id', label: 'a client id' },
            { value: 'user-client-id', label: 'a user with a client id' },
            { value: 'user-default', label: 'the user default' },
            { value: 'client-id-default', label: 'the client-id default' },
          ]}
        />
        {(kind === 'user' || kind === 'user-client-id') && <TextInput size="xs" label="User" value={user} onChange={(event) => setUser(event.currentTarget.value)} autoComplete="off" />}
        {(kind === 'client-id' || kind === 'user-client-id') && <TextInput size="xs" label="Client id" value={clientId} onChange={(event) => setClientId(event.currentTarget.value)} autoComplete="off" />}
        <Select size="xs" label="Quota" w={230} allowDeselect={false} value={key} onChange={(next) => setKey(next as QuotaKey)} data={quotaKeys.map((quota) => ({ value: quota, label: quota }))} />
        <NumberInput size="xs" label="Value" description={quotaKeyWords[key]} value={value} onChange={setValue} min={0} w={200} />
        <Button
          size="xs"
          disabled={refusal !== null || entity === null || numeric === null}
          title={refusal ?? (entity === null ? 'Name the user or client id.' : numeric === null ? 'Give a value above 0.' : undefined)}
          loading={setQuota.isPending}
          onClick={() => entity && numeric !== null && setQuota.mutate({ profileId, entity, set: { [key]: numeric } })}
        >
          Set quota
        </Button>
      </Group>
      {setQuota.error && (
        <Alert color="red" role="alert" title="Not set">
          {setQuota.error.message}
        </Alert>
      )}
      {setQuota.data && (
        <Text size="sm" role="status">
          Now: {setQuota.data.entry.text}
        </Text>
      )}
      {list.isPending && <Loader size="sm" aria-label="Loading client quotas" />}
      {list.error && (
        <Alert color="red" role="alert" title="The client quotas could not be read">
          {list.error.message}
        </Alert>
      )}
      {list.data && list.data.entries.length === 0 && <Text size="sm">No client quotas are set: clients are limited only by the brokers. Set one above, for example producer_byte_rate for a user.</Text>}
      {list.data && list.data.entries.length > 0 && (
        <Table striped withTableBorder data-testid="quota-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Entity</Table.Th>
              {quotaKeys.map((quota) => (
                <Table.Th key={quota} title={quotaKeyWords[quota]} style={{ textAlign: 'right' }}>
                  {quota}
                </Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.entries.map((entry) => (
              <Table.Tr key={entityKey(entry.entity)}>
                <Table.Td>{entityWords(entry.entity)}</Table.Td>
                {quotaKeys.map((quota) => (
                  <Table.Td key={quota} style={{ textAlign: 'right' }}>
                    {entry.values[quota] ?? '—'}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" disabled={refusal !== null} title={refusal ?? undefined} onClick={() => setDeleting(entry.entity)}>
                    Remove…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deleting && <DeleteQuotaDialog profileId={profileId} entity={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

function DeleteQuotaDialog({ profileId, entity, onClose }: { profileId: string; entity: QuotaEntity; onClose(): void }) {
  const remove = useDeleteQuota(profileId);
  const [typed, setTyped] = useState('');
  const confirmation = quotaDeleteConfirmation(entity);
  return (
    <Modal opened onClose={onClose} title="Remove client quotas" centered>
      <Stack gap="sm">
        <Text size="sm">Removes every quota of {entityWords(entity)}; its clients then fall back to a default quota, if one is set, or to no limit.</Text>
        <TextInput label={`Type ${confirmation} to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" data-autofocus />
        {remove.error && (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={typed !== confirmation} loading={remove.isPending} onClick={() => remove.mutate({ profileId, entity, confirmation: typed }, { onSuccess: onClose })}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
