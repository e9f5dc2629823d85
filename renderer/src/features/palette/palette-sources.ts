// Where the command palette's items come from. A source is a hook called every time the palette is
// open (always in this order, so hooks stay stable); a new screen adds its own source here, e.g. the
// groups screen lists consumer groups, the schemas screen lists subjects.
import { useQuery } from '@tanstack/react-query';
import { useUiStore, type ClusterSection } from '../../app/ui-store';
import { api } from '../../lib/api';
import { sectionInfo } from '../cluster/sections';
import { useProfileList, useStoredProfile } from '../profiles/queries';
import { useSubjects } from '../schemas/queries';
import { useVisibleSections } from '../tenancy/queries';
import type { PaletteItem, PaletteSourceResult } from './palette-model';
import { firstPhaseNames } from './palette-names';

export interface PaletteContext {
  profileId: string | null;
  /** Runs after the palette closed: moves focus to what the item opened once it is on screen. */
  focusWhenShown(selector: string): void;
}

export type PaletteSource = (context: PaletteContext) => PaletteSourceResult;

function useScreenItems({ profileId }: PaletteContext): PaletteSourceResult {
  const sections = useVisibleSections(profileId);
  const store = useUiStore.getState;
  const items: PaletteItem[] = [];
  if (profileId) {
    sections.forEach((section: ClusterSection, index) => {
      items.push({ id: `screen:${section}`, label: sectionInfo[section].label, group: 'Screens', hint: `Alt+${index + 1}`, keywords: `screen ${section}`, run: () => store().showSection(section) });
    });
  }
  items.push(
    { id: 'screen:add-profile', label: 'Add a connection', group: 'Screens', keywords: 'new profile', run: () => store().showStartScreen('add-profile') },
    { id: 'screen:import-profile', label: 'Import from properties/env', group: 'Screens', keywords: 'profile', run: () => store().showStartScreen('import-profile') },
    { id: 'screen:policy-workspace', label: 'Offline policy workspace', group: 'Screens', keywords: 'tenancy yaml', run: () => store().showStartScreen('policy-workspace') },
  );
  return { items, loading: false };
}

function useConnectionItems(): PaletteSourceResult {
  const profiles = useProfileList();
  const items = (profiles.data?.profiles ?? []).map((profile) => ({
    id: `profile:${profile.id}`,
    label: profile.name,
    group: 'Connections',
    hint: profile.bootstrapServers.join(', '),
    keywords: `connection ${profile.environment.tag}`,
    run: () => useUiStore.getState().selectProfile(profile.id),
  }));
  return { items, loading: profiles.isPending, error: profiles.error?.message };
}

/** Topic names from the metadata phase of `topics:list` (no sizes, counts or rates). */
function topicNames(profileId: string): Promise<string[]> {
  return firstPhaseNames<{ name: string }>((handlers) => api.stream['topics:list']({ profileId, rateSampleMs: 0 }, handlers), 'metadata', (item) => item.name);
}

/** Group ids from the ListGroups phase of `groups:list` (no describe, offsets or lag). */
function groupIds(profileId: string): Promise<string[]> {
  return firstPhaseNames<{ groupId: string }>((handlers) => api.stream['groups:list']({ profileId }, handlers), 'list', (item) => item.groupId);
}

function useTopicItems({ profileId, focusWhenShown }: PaletteContext): PaletteSourceResult {
  const names = useQuery({ queryKey: ['palette:topics', profileId], queryFn: () => topicNames(profileId!), enabled: profileId !== null, staleTime: 30_000 });
  const items = (names.data ?? []).map((name) => ({
    id: `topic:${name}`,
    label: name,
    group: 'Topics',
    keywords: 'topic',
    run: () => {
      useUiStore.getState().openResource('topics', name);
      focusWhenShown(`[data-topic="${CSS.escape(name)}"]`);
    },
  }));
  return { items, loading: names.isFetching, error: names.error?.message };
}

function useGroupItems({ profileId, focusWhenShown }: PaletteContext): PaletteSourceResult {
  const ids = useQuery({ queryKey: ['palette:groups', profileId], queryFn: () => groupIds(profileId!), enabled: profileId !== null, staleTime: 30_000 });
  const items = (ids.data ?? []).map((groupId) => ({
    id: `group:${groupId}`,
    label: groupId,
    group: 'Consumer groups',
    keywords: 'group consumer',
    run: () => {
      useUiStore.getState().openResource('groups', groupId);
      focusWhenShown(`[data-group-detail="${CSS.escape(groupId)}"]`);
    },
  }));
  return { items, loading: ids.isFetching, error: ids.error?.message };
}

/** The registry's subjects, from the Schemas screen's own cached list; none for a profile without a registry. */
function useSubjectItems({ profileId, focusWhenShown }: PaletteContext): PaletteSourceResult {
  const profile = useStoredProfile(profileId);
  const hasRegistry = profileId !== null && profile.data !== undefined && profile.data.schemaRegistry !== null;
  const subjects = useSubjects(profileId ?? '', false, { enabled: hasRegistry });
  const items = hasRegistry
    ? (subjects.data?.subjects ?? []).map((row) => ({
        id: `subject:${row.subject}`,
        label: row.subject,
        group: 'Schema subjects',
        keywords: 'schema subject registry',
        run: () => {
          useUiStore.getState().openResource('schemas', row.subject);
          focusWhenShown(`[data-subject="${CSS.escape(row.subject)}"]`);
        },
      }))
    : [];
  return { items, loading: hasRegistry && subjects.isFetching, error: hasRegistry ? subjects.error?.message : undefined };
}

/** Every source, in the order their groups are listed. */
export const paletteSources: readonly PaletteSource[] = [useScreenItems, useConnectionItems, useTopicItems, useGroupItems, useSubjectItems];
