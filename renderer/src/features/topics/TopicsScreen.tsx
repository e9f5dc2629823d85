import { filteredEmptyText } from '../../lib/empty-states';
import { Alert, Button, Checkbox, Group, Loader, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { TopicListPhase } from '../../../../shared/domain/topics/topic-schemas';
import { lazyScreen } from '../../app/lazy-screen';
import { useUiStore } from '../../app/ui-store';
import { ResizeHandle, usePanelWidth, type PanelWidthBounds } from '../../components/ResizeHandle';
import { ariaShortcut, shortcutLabel, useShortcuts } from '../../lib/shortcuts';
import { useStoredProfile } from '../profiles/queries';
import { useTopicDecisions } from '../tenancy/queries';
import { CreateTopicDialog } from './TopicDialogs';
import { TopicDetailPanel } from './TopicDetailPanel';
import { TopicTable } from './TopicTable';
import { topicPermissions } from './topic-permissions';
import { visibleTopics, type TopicColumn, type TopicSort } from './topic-table-model';
import { useTopicList } from './use-topic-list';

const MessagesScreen = lazyScreen(() => import('../messages/MessagesScreen'), 'MessagesScreen');

const PANEL_ID = 'topics.detail';
const panelBounds: PanelWidthBounds = { min: 300, max: 900, initial: (screen) => Math.min(480, Math.max(300, screen * 0.4)) };

/** The app shell does not bound its main area; the virtualized table needs a bounded scroll container. */
const SCREEN_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))';

const phaseWords: Record<TopicListPhase, string> = {
  metadata: 'Reading topic metadata…',
  sizes: 'Reading sizes on disk…',
  offsets: 'Counting messages…',
  lag: 'Reading consumer group lag…',
  rates: 'Sampling write rates…',
};

export function TopicsScreen({ profileId }: { profileId: string }) {
  const { rows, status, refresh } = useTopicList(profileId);
  const profile = useStoredProfile(profileId);
  const denied = topicPermissions(profile.data);
  const [search, setSearch] = useState('');
  const [hideInternal, setHideInternal] = useState(true);
  const [sort, setSort] = useState<TopicSort>({ column: 'name', direction: 'asc' });
  // Selection and browsing live in the UI store, so the command palette can open a topic from anywhere.
  const selected = useUiStore((state) => state.openResources.topics ?? null);
  const openResource = useUiStore((state) => state.openResource);
  const setSelected = (name: string | null) => openResource('topics', name);
  const browsing = useUiStore((state) => state.browsingTopic);
  const setBrowsing = useUiStore((state) => state.browseTopic);
  const [creating, setCreating] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const { ref: area, width: areaWidth } = useElementSize();
  const panelWidth = usePanelWidth(PANEL_ID, panelBounds, areaWidth || 1000);
  // Typing stays responsive: filtering 10,000 rows runs at React's lower priority.
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => visibleTopics(rows, { search: deferredSearch, hideInternal }, sort), [rows, deferredSearch, hideInternal, sort]);
  const existingNames = useMemo(() => rows.map((row) => row.name), [rows]);
  const filteredEmpty = filteredEmptyText({ noun: 'topic', total: rows.length, shown: shown.length, search: deferredSearch, otherFilters: [{ active: hideInternal, undo: 'untick “Hide internal topics”' }] });

  const toggleSort = (column: TopicColumn) =>
    setSort((current) => (current.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: column === 'name' ? 'asc' : 'desc' }));
  const createDenied = denied('create-topics');
  const browseRefusal = useTopicDecisions(profileId, selected)('messages:browse');
  useShortcuts({
    searchTopics: browsing ? null : () => searchInput.current?.focus(),
    // The shortcut follows the panel's Browse button: not while main's guards would refuse the browse.
    browseTopic: !browsing && selected && browseRefusal === null ? () => setBrowsing(selected) : null,
  });
  const backToTopics = () => {
    setBrowsing(null);
    // Back where the walk left off: the row of the topic that was browsed.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-topic="${CSS.escape(selected ?? '')}"]`)?.focus());
  };
  // The topic rows stay in this component while messages show, so going back needs no new listing.
  if (browsing) return <MessagesScreen profileId={profileId} topic={browsing} onBack={backToTopics} />;

  return (
    <Stack gap="sm" style={{ height: SCREEN_HEIGHT, minHeight: 0 }}>
      <Group justify="space-between">
        <Title order={2}>Topics</Title>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={refresh}>
            Refresh
          </Button>
          <Tooltip label={createDenied} disabled={createDenied === null}>
            <Button size="xs" onClick={() => setCreating(true)} disabled={createDenied !== null}>
              Create topic
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <Group gap="md">
        <TextInput ref={searchInput} placeholder={`Search topics (${shortcutLabel('searchTopics')})`} aria-label="Search topics" aria-keyshortcuts={ariaShortcut('searchTopics')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={320} />
        <Checkbox label="Hide internal topics" checked={hideInternal} onChange={(event) => setHideInternal(event.currentTarget.checked)} />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="topic-count">
          {shown.length === rows.length ? '' : `${shown.length} of `}
          {rows.length} {rows.length === 1 ? 'topic' : 'topics'}
        </Text>
        {status.state === 'loading' && (
          <Group gap={6} data-testid="topic-list-loading">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {status.phase ? phaseWords[status.phase] : 'Connecting…'}
            </Text>
          </Group>
        )}
      </Group>
      {status.state === 'error' && (
        <Alert color="red" title="The topic list could not be loaded">
          {status.message}
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
        <Text c="dimmed">This cluster has no topics this profile may see. Create one with “Create topic”.</Text>
      ) : status.state !== 'error' || rows.length > 0 ? (
        <Group ref={area} align="stretch" gap={4} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <TopicTable rows={shown} sort={sort} onSort={toggleSort} selected={selected} onSelect={setSelected} onEscape={() => setSelected(null)} />
          {selected && <ResizeHandle id={PANEL_ID} label="Resize the topic panel" width={panelWidth} bounds={panelBounds} screenWidth={areaWidth || 1000} />}
          {selected && (
            <TopicDetailPanel
              width={panelWidth}
              profileId={profileId}
              topic={selected}
              existingNames={existingNames}
              denied={denied}
              onClose={() => {
                // Escape or ✕ closes the panel; the keyboard goes back to the topic's row.
                const name = selected;
                setSelected(null);
                requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-topic="${CSS.escape(name)}"]`)?.focus());
              }}
              onBrowse={() => setBrowsing(selected)}
              onChanged={refresh}
              onDeleted={() => {
                setSelected(null);
                refresh();
              }}
            />
          )}
        </Group>
      ) : null}
      <CreateTopicDialog
        opened={creating}
        profileId={profileId}
        defaults={profile.data?.topicDefaults}
        existingNames={existingNames}
        onClose={() => setCreating(false)}
        onCreated={(name) => {
          setCreating(false);
          setSearch(name);
          refresh();
        }}
      />
    </Stack>
  );
}
