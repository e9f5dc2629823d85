// Where the command palette's items come from. A source is a hook called every time the palette is
// open (always in this order, so hooks stay stable); a new screen adds its own source here, e.g. the
// groups screen lists consumer groups, the schemas screen lists subjects.
import { useQuery } from '@tanstack/react-query';
import { useUiStore, type ClusterSection } from '../../app/ui-store';
import { api } from '../../lib/api';
import { sectionInfo } from '../cluster/sections';
import { useProfileList } from '../profiles/queries';
import { useVisibleSections } from '../tenancy/queries';
import type { PaletteItem, PaletteSourceResult } from './palette-model';

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

/**
 * Topic names from the metadata phase of `topics:list` (no sizes, counts or rates): the stream is
 * cancelled as soon as the names are in.
 */
function topicNames(profileId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names = new Set<string>();
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      handle.cancel();
      resolve([...names].sort());
    };
    const handle = api.stream['topics:list'](
      { profileId, rateSampleMs: 0 },
      {
        onBatch: (items) => items.forEach((item) => names.add(item.name)),
        onPhase: (phase) => phase !== 'metadata' && finish(),
        onDone: finish,
        onError: (error) => {
          settled = true;
          reject(new Error(error.message));
        },
      },
    );
  });
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

/** Every source, in the order their groups are listed. */
export const paletteSources: readonly PaletteSource[] = [useScreenItems, useConnectionItems, useTopicItems];
