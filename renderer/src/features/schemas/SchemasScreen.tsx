// The Schemas section: the registry's subjects (virtualized, searchable, by type, soft-deleted on
// request) with the observation mode that listed them, and the chosen subject's detail beside them.
import { filteredEmptyText } from '../../lib/empty-states';
import { Alert, Button, Checkbox, Chip, Group, Loader, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useUiStore } from '../../app/ui-store';
import { useStoredProfile } from '../profiles/queries';
import { useRequestDecisions, useTenancyState } from '../tenancy/queries';
import { CompatibilityDialog } from './CompatibilityDialog';
import { ModeDialog } from './ModeDialog';
import { NewSubjectDialog } from './NewSubjectDialog';
import { useRefreshSubjects, useSubjects } from './queries';
import { schemaAsks, schemaDecisionsOf, schemaPermissions } from './schema-permissions';
import { SubjectDetailPanel } from './SubjectDetailPanel';
import { subjectRowId, SubjectTable } from './SubjectTable';
import { observationText, schemaTypeLabels, subjectCountText, visibleSubjects, type SchemaType, type SubjectColumn, type SubjectSort } from './subject-list-model';

/** The app shell does not bound its main area; the virtualized table needs a bounded scroll container. */
const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

export function SchemasScreen({ profileId }: { profileId: string }) {
  const profile = useStoredProfile(profileId);
  const editProfile = useUiStore((state) => state.editProfile);
  const [showDeleted, setShowDeleted] = useState(false);
  const list = useSubjects(profileId, showDeleted);
  const refresh = useRefreshSubjects(profileId, showDeleted);
  const [search, setSearch] = useState('');
  const [types, setTypes] = useState<SchemaType[]>([]);
  const [sort, setSort] = useState<SubjectSort>({ column: 'subject', direction: 'asc' });
  // The open subject lives in the UI store, so the command palette can open one from anywhere; the
  // version shown is this screen's own (null: the latest).
  const openSubject = useUiStore((state) => state.openResources.schemas ?? null);
  const openResource = useUiStore((state) => state.openResource);
  const [openVersion, setOpenVersion] = useState<{ subject: string; version: number } | null>(null);
  const selected = openSubject === null ? null : { subject: openSubject, version: openVersion?.subject === openSubject ? openVersion.version : null };
  const setSelected = (next: { subject: string; version: number | null } | null) => {
    setOpenVersion(next?.version == null ? null : { subject: next.subject, version: next.version });
    openResource('schemas', next?.subject ?? null);
  };
  const [dialog, setDialog] = useState<'new-subject' | 'global-compatibility' | 'global-mode' | null>(null);
  const deferredSearch = useDeferredValue(search);
  const rows = useMemo(() => list.data?.subjects ?? [], [list.data]);
  const globalCompatibility = list.data?.globalCompatibility ?? null;
  const shown = useMemo(() => visibleSubjects(rows, { search: deferredSearch, types, showDeleted }, sort, globalCompatibility), [rows, deferredSearch, types, showDeleted, sort, globalCompatibility]);
  const tenancy = useTenancyState(profileId);
  const filteredEmpty = filteredEmptyText({ noun: 'subject', total: rows.length, shown: shown.length, search: deferredSearch, otherFilters: [{ active: types.length > 0, undo: 'clear the type chips' }] });
  const tenant = tenancy.data?.status === 'active' ? tenancy.data.activeTenant : null;
  const denied = schemaPermissions({ profile: profile.data, tenant });
  // The open subject's SCHEMA_* decisions, asked ahead through main's guards, so its buttons are disabled with the policy's reason.
  const subjectDecisions = useRequestDecisions(profileId, selected ? schemaAsks(selected.subject) : null);
  const subjectDenied = schemaPermissions({ profile: profile.data, tenant, decisions: selected ? schemaDecisionsOf(subjectDecisions) : undefined });

  const toggleSort = (column: SubjectColumn) =>
    setSort((current) => (current.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: column === 'latestVersion' || column === 'latestId' ? 'desc' : 'asc' }));
  const close = () => {
    const closing = selected?.subject;
    setSelected(null);
    // Back to the row the detail was opened from, so the keyboard carries on where it was.
    if (closing) requestAnimationFrame(() => document.getElementById(subjectRowId(closing))?.focus());
  };

  if (profile.data && profile.data.schemaRegistry === null) {
    return (
      <Stack maw={720} gap="sm">
        <Title order={2}>Schemas</Title>
        <Text>Profile ‘{profile.data.name}’ names no Schema Registry, so there are no schemas to show.</Text>
        <Group>
          <Button onClick={() => editProfile(profileId)}>Add a Schema Registry to the profile</Button>
        </Group>
      </Stack>
    );
  }

  const registerDenied = denied('register-subject');
  const compatibilityDenied = denied('change-global-compatibility');
  const modeDenied = denied('change-global-mode');
  return (
    <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={2}>Schemas</Title>
          {list.data && (
            <Text size="sm" c="dimmed">
              {list.data.registryName} · {list.data.url}
              {list.data.mode ? ` · mode ${list.data.mode}` : ' · no mode endpoint'}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => refresh.mutate()} loading={refresh.isPending}>
            Refresh
          </Button>
          <Tooltip label={compatibilityDenied} disabled={compatibilityDenied === null}>
            <Button variant="light" size="xs" disabled={compatibilityDenied !== null || !list.data} onClick={() => setDialog('global-compatibility')}>
              Global compatibility: {globalCompatibility ?? 'not read'}
            </Button>
          </Tooltip>
          {list.data?.mode && (
            <Tooltip label={modeDenied} disabled={modeDenied === null}>
              <Button variant="light" size="xs" disabled={modeDenied !== null} onClick={() => setDialog('global-mode')}>
                Mode: {list.data.mode}
              </Button>
            </Tooltip>
          )}
          <Tooltip label={registerDenied} disabled={registerDenied === null}>
            <Button size="xs" disabled={registerDenied !== null || !list.data} onClick={() => setDialog('new-subject')}>
              New subject
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <Group gap="md">
        <TextInput placeholder="Search subjects" aria-label="Search subjects" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={280} />
        <Chip.Group multiple value={types} onChange={(value) => setTypes(value as SchemaType[])}>
          <Group gap={6} role="group" aria-label="Schema types">
            {(Object.keys(schemaTypeLabels) as SchemaType[]).map((type) => (
              <Chip key={type} value={type} size="xs">
                {schemaTypeLabels[type]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Checkbox label="Show soft-deleted" checked={showDeleted} onChange={(event) => setShowDeleted(event.currentTarget.checked)} />
        {list.data && (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="subject-count">
            {subjectCountText(shown.length, rows.length)}
          </Text>
        )}
        {(list.isPending || list.isFetching) && (
          <Group gap={6}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Reading subjects…
            </Text>
          </Group>
        )}
      </Group>
      {list.data && (
        <Text size="xs" c="dimmed" data-testid="observation-mode">
          {observationText(list.data.observation, list.data.requests)} Took {Math.round(list.data.elapsedMs)} ms.
        </Text>
      )}
      {(list.error ?? refresh.error) && (
        <Alert color="red" title="The subjects could not be listed" role="alert">
          {(refresh.error ?? list.error)!.message}
        </Alert>
      )}
      {filteredEmpty && (
        <Text c="dimmed" data-testid="filtered-empty">
          {filteredEmpty}
        </Text>
      )}
      {list.data && rows.length === 0 ? (
        <Text c="dimmed">{showDeleted ? 'The registry has no subjects, not even soft-deleted ones.' : 'The registry has no subjects this profile may see. Register one with “New subject”, or show soft-deleted ones.'}</Text>
      ) : list.data ? (
        <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <SubjectTable rows={shown} sort={sort} onSort={toggleSort} selected={selected?.subject ?? null} onOpen={(subject) => setSelected({ subject, version: null })} globalCompatibility={globalCompatibility} />
          {selected && (
            <SubjectDetailPanel
              key={`${selected.subject}:${selected.version ?? ''}`}
              profileId={profileId}
              subject={selected.subject}
              initialVersion={selected.version}
              includeDeleted={showDeleted}
              listedDeleted={rows.some((row) => row.subject === selected.subject && row.deleted)}
              denied={subjectDenied}
              onOpenReference={(subject, version) => setSelected({ subject, version })}
              onClose={close}
              onDeleted={() => setSelected(null)}
            />
          )}
        </Group>
      ) : null}
      {dialog === 'new-subject' && (
        <NewSubjectDialog
          profileId={profileId}
          existing={rows.map((row) => row.subject)}
          onClose={() => setDialog(null)}
          onRegistered={(subject) => {
            setDialog(null);
            setSearch(subject);
            setSelected({ subject, version: null });
          }}
        />
      )}
      {dialog === 'global-mode' && <ModeDialog profileId={profileId} subject={null} current={list.data?.mode ?? null} onClose={() => setDialog(null)} />}
      {dialog === 'global-compatibility' && <CompatibilityDialog profileId={profileId} subject={null} current={globalCompatibility} override={false} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
