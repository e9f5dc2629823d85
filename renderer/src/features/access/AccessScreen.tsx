// Access: the cluster's ACLs (filter, sort, create with a preview in words, delete exactly what a
// filter matches, copy a principal's ACLs), what one principal may do as the authorizer decides it,
// and client quotas. Inside a tenant main lists and accepts only the tenant's principals.
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { aclOperations, aclResourceTypes, type AclFilter } from '../../../../shared/domain/acls';
import type { AclRow } from '../../../../shared/domain/acls/access-schemas';
import { CopyAclsDialog, CreateAclDialog, DeleteAclsDialog } from './AclDialogs';
import { AclTable } from './AclTable';
import { deleteFilterOf, emptyFilters, filtersActive, nextAclSort, visibleAcls, type AclListFilters, type AclSort } from './acl-table-model';
import { useAclList, useEditRefusal, usePrincipalView } from './access-queries';
import { QuotasPanel } from './QuotasPanel';
import { useRequestDecisions, useTenancyState } from '../tenancy/queries';

const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

export function AccessScreen({ profileId }: { profileId: string }) {
  const [tab, setTab] = useState<string | null>('acls');
  const [principal, setPrincipal] = useState<string | null>(null);
  return (
    <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Title order={2}>Access</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Tabs.List>
          <Tabs.Tab value="acls">ACLs</Tabs.Tab>
          <Tabs.Tab value="principal">What can a principal do</Tabs.Tab>
          <Tabs.Tab value="quotas">Client quotas</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="acls" pt="sm" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <AclsPanel
            profileId={profileId}
            onShowPrincipal={(name) => {
              setPrincipal(name);
              setTab('principal');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="principal" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <PrincipalPanel profileId={profileId} initial={principal} />
        </Tabs.Panel>
        <Tabs.Panel value="quotas" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <QuotasPanel profileId={profileId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}


type Dialog = { kind: 'create' } | { kind: 'delete'; filter: AclFilter } | { kind: 'copy'; from: string } | null;

function AclsPanel({ profileId, onShowPrincipal }: { profileId: string; onShowPrincipal(principal: string): void }) {
  const list = useAclList(profileId);
  const [filters, setFilters] = useState<AclListFilters>(emptyFilters);
  const [sort, setSort] = useState<AclSort>({ column: 'principal', direction: 'asc' });
  const [open, setOpen] = useState<AclRow | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const refusal = useEditRefusal(profileId, 'edit-acls');
  const tenancy = useTenancyState(profileId).data;
  const tenant = tenancy?.status === 'active' ? tenancy.activeTenant : null;
  const openBinding = open === null ? null : (({ text: _text, ...binding }) => binding)(open);
  // Inside a tenant: would main's guards let this one binding be deleted (the principal's ACL_EDIT)?
  const decisions = useRequestDecisions(profileId, openBinding === null ? null : [{ id: 'delete', request: 'acls:delete', input: { bindings: [openBinding], confirmation: '' } }]);
  const deleteRefusal = refusal ?? (openBinding === null ? null : decisions('delete'));
  const deferred = useDeferredValue(filters);
  const rows = useMemo(() => (list.data?.state === 'ok' ? list.data.bindings : []), [list.data]);
  const shown = useMemo(() => visibleAcls(rows, deferred, sort), [rows, deferred, sort]);
  const set = (patch: Partial<AclListFilters>) => setFilters((current) => ({ ...current, ...patch }));

  if (list.isPending) return <Loader size="sm" aria-label="Loading ACLs" />;
  if (list.error) {
    return (
      <Alert color="red" title="The ACLs could not be read" role="alert">
        {list.error.message}
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  if (list.data.state === 'security-disabled') {
    return (
      <Alert color="yellow" title="No authorizer: SECURITY_DISABLED" data-testid="acls-security-disabled">
        {list.data.message}
      </Alert>
    );
  }
  const deleteFilter = deleteFilterOf(filters);
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput size="xs" label="Principal" placeholder="contains…" value={filters.principal} onChange={(event) => set({ principal: event.currentTarget.value })} />
        <TextInput size="xs" label="Host" placeholder="contains…" value={filters.host} onChange={(event) => set({ host: event.currentTarget.value })} w={110} />
        <Select size="xs" label="Resource" placeholder="any" data={[...aclResourceTypes]} value={filters.resourceType || null} onChange={(value) => set({ resourceType: (value ?? '') as AclListFilters['resourceType'] })} clearable w={150} />
        <Select size="xs" label="Pattern" placeholder="any" data={['LITERAL', 'PREFIXED']} value={filters.patternType || null} onChange={(value) => set({ patternType: (value ?? '') as AclListFilters['patternType'] })} clearable w={110} />
        <TextInput size="xs" label="Name" placeholder="contains…" value={filters.resourceName} onChange={(event) => set({ resourceName: event.currentTarget.value })} />
        <Select size="xs" label="Operation" placeholder="any" data={[...aclOperations]} value={filters.operation || null} onChange={(value) => set({ operation: (value ?? '') as AclListFilters['operation'] })} clearable w={150} searchable />
        <Select size="xs" label="Permission" placeholder="any" data={['ALLOW', 'DENY']} value={filters.permission || null} onChange={(value) => set({ permission: (value ?? '') as AclListFilters['permission'] })} clearable w={100} />
        {filtersActive(filters) && (
          <Button size="xs" variant="subtle" onClick={() => setFilters(emptyFilters)}>
            Clear filters
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <Button size="xs" onClick={() => setDialog({ kind: 'create' })} disabled={refusal !== null} title={refusal ?? undefined} data-disabled-reason={refusal ?? undefined}>
          Create ACL…
        </Button>
        <Button
          size="xs"
          variant="default"
          color="red"
          onClick={() => setDialog({ kind: 'delete', filter: deleteFilter })}
          disabled={refusal !== null || Object.keys(deleteFilter).length === 0}
          title={refusal ?? (Object.keys(deleteFilter).length === 0 ? 'Set a filter first: the broker deletes what it matches.' : 'Previews exactly what the filter matches (principal, host and name as typed in full)')}
        >
          Delete matching…
        </Button>
        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'copy', from: filters.principal.trim() || open?.principal || 'User:' })} disabled={refusal !== null} title={refusal ?? undefined}>
          Copy a principal's ACLs…
        </Button>
        <Button size="xs" variant="subtle" onClick={() => void list.refetch()} loading={list.isFetching}>
          Refresh
        </Button>
        <Text size="sm" c="dimmed" aria-live="polite">
          {shown.length === rows.length ? `${rows.length} ACL${rows.length === 1 ? '' : 's'}` : `${shown.length} of ${rows.length} ACLs`}
          {list.data.unknownEntries > 0 ? `; ${list.data.unknownEntries} of a kind Odradek does not know are not shown` : ''}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" data-testid="acls-empty">
          {tenant ? `No principal of tenant '${tenant}' has ACLs yet (only the tenant's principals are listed here). ` : 'This cluster has no ACLs. With its authorizer on and no ACL, only super users may do anything. '}
          Create one with Create ACL… (for example READ on a topic for User:app).
        </Text>
      ) : shown.length === 0 ? (
        <Text size="sm">No ACL matches these filters. Change them or use Clear filters.</Text>
      ) : (
        <AclTable rows={shown} sort={sort} onSort={(column) => setSort((current) => nextAclSort(current, column))} onOpen={setOpen} />
      )}
      {open && (
        <Alert color="gray" variant="light" title="Selected ACL" withCloseButton onClose={() => setOpen(null)} data-testid="acl-selected">
          <Text size="sm">{open.text}</Text>
          <Group mt="xs" gap="xs">
            <Button size="xs" variant="default" onClick={() => onShowPrincipal(open.principal)}>
              What can {open.principal} do?
            </Button>
            <Button
              size="xs"
              variant="default"
              color="red"
              disabled={deleteRefusal !== null}
              title={deleteRefusal ?? undefined}
              data-disabled-reason={deleteRefusal ?? undefined}
              onClick={() => openBinding && setDialog({ kind: 'delete', filter: openBinding })}
            >
              Delete this ACL…
            </Button>
          </Group>
        </Alert>
      )}
      {dialog?.kind === 'create' && <CreateAclDialog profileId={profileId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <DeleteAclsDialog
          profileId={profileId}
          filter={dialog.filter}
          onClose={() => {
            setDialog(null);
            setOpen(null);
          }}
        />
      )}
      {dialog?.kind === 'copy' && <CopyAclsDialog profileId={profileId} from={dialog.from} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function PrincipalPanel({ profileId, initial }: { profileId: string; initial: string | null }) {
  const [typed, setTyped] = useState(initial ?? 'User:');
  const [host, setHost] = useState('*');
  const [asked, setAsked] = useState<{ principal: string; host: string } | null>(initial ? { principal: initial, host: '*' } : null);
  const view = usePrincipalView(profileId, asked?.principal ?? null, asked?.host ?? '*');
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ principal: typed.trim(), host: host.trim() || '*' });
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput label="Principal" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" />
          <TextInput label="From host" description="* is a host no host-specific ACL names" value={host} onChange={(event) => setHost(event.currentTarget.value)} w={200} />
          <Button type="submit">Show</Button>
        </Group>
      </form>
      {!asked && <Text size="sm">Type a principal (User:name) and press Show to see what it may do on topics, groups, transactional ids and the cluster, decided as Kafka's StandardAuthorizer decides: a DENY wins over every ALLOW.</Text>}
      {view.isFetching && <Loader size="sm" aria-label="Working out the principal's rights" />}
      {view.error && (
        <Alert color="red" role="alert" title="Could not work it out">
          {view.error.message}
        </Alert>
      )}
      {view.data && (
        <Stack gap="xs" data-testid="principal-view">
          {view.data.superUser && <Alert color="blue">{view.data.principal} is a super user of this cluster: ACLs do not apply to it, it may do everything.</Alert>}
          {!view.data.settingsKnown && <Text size="sm" c="dimmed">The brokers' super.users and allow.everyone.if.no.acl.found could not be read (that needs DESCRIBE_CONFIGS on the cluster); the answers assume no super user and the default (deny).</Text>}
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Resource</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Allowed</Table.Th>
                <Table.Th>Denied by an ACL</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.data.rows.map((row) => (
                <Table.Tr key={`${row.resourceType}|${row.match}|${row.name}`}>
                  <Table.Td>{row.resourceType}</Table.Td>
                  <Table.Td>{row.resourceType === 'CLUSTER' ? 'the cluster' : row.match === 'prefix' ? `names starting with ${row.name}` : row.match === 'other' ? 'any other name' : row.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {row.operations.filter((operation) => operation.allowed).map((operation) => (
                        <Badge key={operation.operation} size="sm" variant="light" color="green" title={operation.text}>
                          {operation.operation}
                        </Badge>
                      ))}
                      {row.operations.every((operation) => !operation.allowed) && (
                        <Text size="sm" c="dimmed">
                          nothing
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {row.operations.filter((operation) => operation.reason === 'deny-acl').map((operation) => (
                        <Badge key={operation.operation} size="sm" variant="light" color="red" title={operation.text}>
                          {operation.operation}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
