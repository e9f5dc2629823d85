import { Alert, Button, Checkbox, Group, List, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { aclResourceTypes, deleteAclsConfirmation, operationsByResource, type AclBinding, type AclFilter, type AclOperation, type AclResourceType } from '../../../../shared/domain/acls';
import type { AclRow } from '../../../../shared/domain/acls/access-schemas';
import { emptyAclForm, previewAclForm, type AclForm } from './acl-table-model';
import { DialogOutcome } from '../../components/DialogOutcome';
import { useRequestDecisions } from '../tenancy/queries';
import { useCopyAcls, useCopyPreview, useCreateAcls, useDeleteAcls, useDeletePreview } from './access-queries';

function Refused({ error }: { error: Error | null }) {
  return error ? (
    <Alert color="red" title="Not done" role="alert">
      {error.message}
    </Alert>
  ) : null;
}

const stripText = (rows: readonly AclRow[]): AclBinding[] => rows.map(({ text: _text, ...binding }) => binding);

/** The create form with its live preview: each binding it would create, in words, as the fields change. */
export function CreateAclDialog({ profileId, initial, onClose }: { profileId: string; initial?: Partial<AclForm>; onClose(): void }) {
  const [form, setForm] = useState<AclForm>({ ...emptyAclForm, ...initial });
  const create = useCreateAcls(profileId);
  const preview = previewAclForm(form);
  const set = (patch: Partial<AclForm>) => {
    create.reset();
    setForm((current) => ({ ...current, ...patch }));
  };
  const operations = ['ALL', ...operationsByResource[form.resourceType]] as AclOperation[];
  // Inside a tenant, main's guards answer ahead for the principal typed (its principal rules, ACL_EDIT).
  const decisions = useRequestDecisions(profileId, preview.bindings.length === 0 ? null : [{ id: 'create', request: 'acls:create', input: { bindings: preview.bindings } }]);
  const tenantRefusal = preview.bindings.length === 0 ? null : decisions('create');
  return (
    <Modal opened onClose={onClose} title="Create ACL" centered size="lg">
      {create.data ? (
        <DialogOutcome title="ACLs created" onDone={onClose}>
          {create.data.created.length} created{create.data.present.length > 0 ? `, ${create.data.present.length} already there` : ''}.
        </DialogOutcome>
      ) : (
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label="Principal" description="TYPE:NAME; User:* is every user" value={form.principal} onChange={(event) => set({ principal: event.currentTarget.value })} data-autofocus autoComplete="off" />
            <TextInput label="Host" description="* for any host, or one IP address" value={form.host} onChange={(event) => set({ host: event.currentTarget.value })} autoComplete="off" />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Resource type"
              data={aclResourceTypes.filter((type) => type !== 'USER' && type !== 'DELEGATION_TOKEN')}
              value={form.resourceType}
              allowDeselect={false}
              onChange={(value) => {
                const resourceType = value as AclResourceType;
                set({ resourceType, operations: form.operations.filter((operation) => operation === 'ALL' || operationsByResource[resourceType].includes(operation as never)) });
              }}
            />
            <TextInput label="Name" description="* for every name" disabled={form.resourceType === 'CLUSTER'} value={form.resourceType === 'CLUSTER' ? 'kafka-cluster' : form.resourceName} onChange={(event) => set({ resourceName: event.currentTarget.value })} autoComplete="off" />
          </Group>
          <Group grow align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="acl-pattern-label">
                Pattern
              </Text>
              <SegmentedControl aria-labelledby="acl-pattern-label" disabled={form.resourceType === 'CLUSTER'} data={['LITERAL', 'PREFIXED']} value={form.patternType} onChange={(value) => set({ patternType: value as AclForm['patternType'] })} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="acl-permission-label">
                Permission
              </Text>
              <SegmentedControl aria-labelledby="acl-permission-label" data={['ALLOW', 'DENY']} value={form.permission} color={form.permission === 'DENY' ? 'red' : undefined} onChange={(value) => set({ permission: value as AclForm['permission'] })} />
            </Stack>
          </Group>
          <Checkbox.Group label="Operations" value={form.operations} onChange={(value) => set({ operations: value as AclOperation[] })}>
            <Group gap="sm" mt={4}>
              {operations.map((operation) => (
                <Checkbox key={operation} value={operation} label={operation} />
              ))}
            </Group>
          </Checkbox.Group>
          <Stack gap={4} data-testid="acl-create-preview" aria-live="polite">
            <Text size="sm" fw={600}>
              What this allows
            </Text>
            {preview.problems.length > 0 ? (
              <List size="sm" c="orange.8">
                {preview.problems.map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
            ) : (
              <List size="sm">
                {preview.sentences.map((sentence) => (
                  <List.Item key={sentence}>{sentence}</List.Item>
                ))}
              </List>
            )}
            {preview.warnings.map((warning) => (
              <Text key={warning} size="sm" c="orange.8">
                ⚠ {warning}
              </Text>
            ))}
          </Stack>
          {tenantRefusal && (
            <Alert color="gray" variant="light" data-testid="acl-create-refusal">
              {tenantRefusal}
            </Alert>
          )}
          <Refused error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={preview.problems.length > 0 || tenantRefusal !== null} title={tenantRefusal ?? undefined} loading={create.isPending} onClick={() => create.mutate({ profileId, bindings: preview.bindings })}>
              Create {preview.bindings.length > 1 ? `${preview.bindings.length} ACLs` : 'ACL'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Shows exactly the entries the filter matches on the broker, then deletes exactly those after a typed confirmation. */
export function DeleteAclsDialog({ profileId, filter, onClose }: { profileId: string; filter: AclFilter; onClose(): void }) {
  const preview = useDeletePreview();
  const remove = useDeleteAcls(profileId);
  const [typed, setTyped] = useState('');
  const { mutate } = preview;
  useEffect(() => mutate({ profileId, filter }), [mutate, profileId, filter]);
  const matched = preview.data?.matched ?? [];
  const confirmation = deleteAclsConfirmation(matched);
  return (
    <Modal opened onClose={onClose} title="Delete ACLs" centered size="lg">
      {remove.data ? (
        <DialogOutcome title="ACLs deleted" onDone={onClose}>
          {remove.data.deleted.length} deleted{remove.data.missing.length > 0 ? `; ${remove.data.missing.length} were already gone` : ''}.
        </DialogOutcome>
      ) : (
        <Stack gap="sm">
          <Refused error={preview.error} />
          {preview.isPending && <Text size="sm">Asking the cluster which ACLs the filter matches…</Text>}
          {preview.data && matched.length === 0 && <Text size="sm">No ACL matches this filter, so there is nothing to delete. Change the filters above the list.</Text>}
          {matched.length > 0 && (
            <>
              <Text size="sm">
                The filter matches exactly these {matched.length} ACL{matched.length === 1 ? '' : 's'}; deleting removes them and nothing else:
              </Text>
              <List size="sm" data-testid="acl-delete-preview" style={{ maxHeight: 240, overflow: 'auto' }}>
                {matched.map((row) => (
                  <List.Item key={`${row.principal}|${row.host}|${row.resourceType}|${row.patternType}|${row.resourceName}|${row.operation}|${row.permission}`}>{row.text}</List.Item>
                ))}
              </List>
              <TextInput label={`Type ${confirmation} to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" data-autofocus />
            </>
          )}
          <Refused error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" disabled={matched.length === 0 || typed !== confirmation} loading={remove.isPending} onClick={() => remove.mutate({ profileId, bindings: stripText(matched), confirmation: typed })}>
              Delete {matched.length} ACL{matched.length === 1 ? '' : 's'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Copies a principal's ACLs to another after showing what would be created. */
export function CopyAclsDialog({ profileId, from: initialFrom, onClose }: { profileId: string; from: string; onClose(): void }) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState('User:');
  const [typed, setTyped] = useState('');
  const preview = useCopyPreview();
  const copy = useCopyAcls(profileId);
  return (
    <Modal opened onClose={onClose} title="Copy a principal's ACLs" centered size="lg">
      {copy.data ? (
        <DialogOutcome title="ACLs copied" onDone={onClose}>
          {copy.data.toCreate.length} created for {to}.
        </DialogOutcome>
      ) : (
        <Stack gap="sm">
          <Group grow align="flex-end">
            <TextInput label="From" value={from} onChange={(event) => (setFrom(event.currentTarget.value), preview.reset())} autoComplete="off" />
            <TextInput label="To" value={to} onChange={(event) => (setTo(event.currentTarget.value), preview.reset())} autoComplete="off" data-autofocus />
            <Button variant="default" onClick={() => preview.mutate({ profileId, from: from.trim(), to: to.trim() })} loading={preview.isPending}>
              Preview
            </Button>
          </Group>
          <Refused error={preview.error} />
          {preview.data && (
            <>
              <Text size="sm">
                Creates {preview.data.toCreate.length} ACL{preview.data.toCreate.length === 1 ? '' : 's'} for {to.trim()}
                {preview.data.present.length > 0 ? ` (${preview.data.present.length} it already has)` : ''}:
              </Text>
              <List size="sm" style={{ maxHeight: 240, overflow: 'auto' }}>
                {preview.data.toCreate.map((row) => (
                  <List.Item key={`${row.host}|${row.resourceType}|${row.patternType}|${row.resourceName}|${row.operation}|${row.permission}`}>{row.text}</List.Item>
                ))}
              </List>
              {preview.data.toCreate.length > 0 && <TextInput label={`Type ${to.trim()} to confirm`} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" />}
            </>
          )}
          <Refused error={copy.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={!preview.data || preview.data.toCreate.length === 0 || typed !== to.trim()} loading={copy.isPending} onClick={() => copy.mutate({ profileId, from: from.trim(), to: to.trim(), confirmation: typed })}>
              Copy
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
