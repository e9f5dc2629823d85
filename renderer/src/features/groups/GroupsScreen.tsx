import { filteredEmptyText } from '../../lib/empty-states';
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { GroupListPhase } from '../../../../shared/domain/groups/group-schemas';
import { useUiStore } from '../../app/ui-store';
import { GroupDetailView } from './GroupDetailView';
import { GroupTable, type GroupTableHandle } from './GroupTable';
import { nextSort, visibleGroups, type GroupSort } from './group-table-model';
import { useGroupList, type GroupListStatus } from './use-group-list';

/** The app shell does not bound its main area; the virtualized table needs a bounded scroll container. */
const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

const phaseWords: Record<GroupListPhase, string> = {
  list: 'Listing groups…',
  describe: 'Describing groups…',
  offsets: 'Reading committed and end offsets…',
};

function loadingWords(status: Extract<GroupListStatus, { state: 'loading' }>): string {
  if (!status.phase) return 'Connecting…';
  const progress = status.progress && status.progress.total > 0 ? ` ${status.progress.done} of ${status.progress.total}` : '';
  return `${phaseWords[status.phase]}${progress}`;
}

export function GroupsScreen({ profileId }: { profileId: string }) {
  const { rows, status, refresh } = useGroupList(profileId);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<GroupSort>({ column: 'groupId', direction: 'asc' });
  // The open group lives in the UI store, so the command palette can open one from anywhere.
  const open = useUiStore((state) => state.openResources.groups ?? null);
  const openResource = useUiStore((state) => state.openResource);
  const setOpen = (groupId: string | null) => openResource('groups', groupId);
  const [lastOpen, setLastOpen] = useState<string | null>(null);
  const table = useRef<GroupTableHandle>(null);
  // Typing stays responsive: filtering 10,000 rows runs at React's lower priority.
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => visibleGroups(rows, deferredSearch, sort), [rows, deferredSearch, sort]);
  const loading = status.state === 'loading';
  const filteredEmpty = filteredEmptyText({ noun: 'group', total: rows.length, shown: shown.length, search: deferredSearch });
  const errors = useMemo(() => rows.reduce((total, row) => total + (row.error ? 1 : 0), 0), [rows]);

  const close = () => {
    setLastOpen(open);
    setOpen(null);
  };
  // The rows stay in this component while a group shows, so going back needs no new listing.
  if (open !== null) {
    return (
      <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
        <GroupDetailView
          profileId={profileId}
          groupId={open}
          row={rows.find((row) => row.groupId === open)}
          onBack={close}
          onChanged={refresh}
          onDeleted={() => {
            setOpen(null);
            refresh();
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Group justify="space-between">
        <Title order={2}>Consumer groups</Title>
        <Button variant="default" size="xs" onClick={refresh}>
          Refresh
        </Button>
      </Group>
      <Group gap="md">
        <TextInput
          placeholder="Search groups, or topic:NAME"
          aria-label="Search groups"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            table.current?.focusRows();
          }}
          aria-keyshortcuts="ArrowDown"
          w={320}
        />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="group-count">
          {shown.length === rows.length ? '' : `${shown.length} of `}
          {rows.length} {rows.length === 1 ? 'group' : 'groups'}
          {errors > 0 ? ` · ${errors} unreadable` : ''}
        </Text>
        {status.state === 'done' && status.watch.state === 'watching' && (
          <Text size="sm" c="dimmed" data-testid="group-watch">
            {status.watch.samples === 0 ? 'Sampling lag for health verdicts…' : `Lag sampled ${status.watch.samples} time${status.watch.samples === 1 ? '' : 's'} while this list is open`}
            {rows.length > status.watch.groups ? ` (the first ${status.watch.groups} groups; the rest keep the list's reading)` : ''}
          </Text>
        )}
        {loading && (
          <Group gap={6}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed" data-testid="group-list-phase">
              {loadingWords(status)}
            </Text>
          </Group>
        )}
      </Group>
      {status.state === 'error' && (
        <Alert color="red" title="The groups list could not be loaded" role="alert">
          {status.message}
        </Alert>
      )}
      {status.state === 'done' && status.watch.state === 'error' && (
        <Alert color="yellow" title="Lag is not being sampled" role="alert">
          The figures are from the list's one reading; health verdicts need samples over time. {status.watch.message}
        </Alert>
      )}
      {status.state === 'done' && status.warnings.length > 0 && (
        <Alert color="yellow" title="Some columns are incomplete">
          {status.warnings.join(' ')}
        </Alert>
      )}
      {filteredEmpty && (
        <Text c="dimmed" data-testid="filtered-empty">
          {filteredEmpty}
        </Text>
      )}
      {status.state === 'done' && rows.length === 0 ? (
        <Text c="dimmed">
          This cluster has no consumer groups this profile may see. A group appears once a consumer joins it or commits an offset: start a consumer with a group.id, or check the profile’s tenant and ACLs if you expected some.
        </Text>
      ) : status.state !== 'error' || rows.length > 0 ? (
        <GroupTable ref={table} rows={shown} loading={loading} sort={sort} onSort={(column) => setSort((current) => nextSort(current, column))} onOpen={setOpen} focusGroupId={lastOpen} />
      ) : null}
    </Stack>
  );
}
