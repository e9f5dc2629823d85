import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const clusterSections = ['overview', 'topics', 'groups', 'schemas', 'connect', 'tenants', 'acls', 'brokers'] as const;
export type ClusterSection = (typeof clusterSections)[number];

/** Screens that exist without a cluster: the start page and the offline tools reached from it. */
export type StartScreen = 'start' | 'add-profile' | 'edit-profile' | 'import-profile' | 'policy-workspace';

export type ThemePreference = 'system' | 'light' | 'dark';

/** How timestamps read everywhere: the machine's zone or UTC (the zone is always written beside them). */
export type TimeZonePreference = 'local' | 'utc';

interface UiState {
  theme: ThemePreference;
  selectedProfileId: string | null;
  section: ClusterSection;
  startScreen: StartScreen;
  /** The stored profile the editor shows on the `edit-profile` screen. */
  editingProfileId: string | null;
  /**
   * The resource each cluster screen has open (a topic, a group, a subject), so the command palette
   * and links can open one from anywhere; a screen reads its own entry.
   */
  openResources: Partial<Record<ClusterSection, string>>;
  /** The topic whose messages show over the topic list, if any. */
  browsingTopic: string | null;
  /** Folded or unfolded parts of screens, by a stable id (`messages.filters`); remembered. */
  disclosures: Record<string, boolean>;
  /** Widths people dragged side panels to, by a stable id (`topics.detail`); remembered. */
  panelWidths: Record<string, number>;
  timeZone: TimeZonePreference;
  setTheme(theme: ThemePreference): void;
  openResource(section: ClusterSection, name: string | null): void;
  browseTopic(topic: string | null): void;
  setDisclosure(id: string, open: boolean): void;
  setPanelWidth(id: string, width: number): void;
  setTimeZone(zone: TimeZonePreference): void;
  selectProfile(profileId: string | null): void;
  showSection(section: ClusterSection): void;
  showStartScreen(screen: StartScreen): void;
  editProfile(profileId: string): void;
}

/** UI state only: which profile and screen are showing, and the theme. Server data lives in TanStack Query. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: 'system',
      selectedProfileId: null,
      section: 'overview',
      startScreen: 'start',
      editingProfileId: null,
      openResources: {},
      browsingTopic: null,
      disclosures: {},
      panelWidths: {},
      timeZone: 'local',
      setTheme: (theme) => set({ theme }),
      openResource: (section, name) =>
        set((state) => {
          const openResources = { ...state.openResources };
          if (name === null) delete openResources[section];
          else openResources[section] = name;
          return name === null ? { openResources } : { openResources, section, browsingTopic: section === 'topics' ? null : state.browsingTopic };
        }),
      browseTopic: (browsingTopic) => set(browsingTopic === null ? { browsingTopic } : { browsingTopic, section: 'topics' }),
      setDisclosure: (id, open) => set((state) => ({ disclosures: { ...state.disclosures, [id]: open } })),
      setPanelWidth: (id, width) => set((state) => ({ panelWidths: { ...state.panelWidths, [id]: Math.round(width) } })),
      setTimeZone: (timeZone) => set({ timeZone }),
      selectProfile: (selectedProfileId) => set({ selectedProfileId, startScreen: 'start', section: 'overview', openResources: {}, browsingTopic: null }),
      showSection: (section) => set({ section, browsingTopic: null, startScreen: 'start' }),
      // The policy workspace works beside the open connection (its ACL tab can check against it): opening it keeps the connection.
      showStartScreen: (startScreen) => set(startScreen === 'policy-workspace' ? { startScreen, editingProfileId: null } : { startScreen, selectedProfileId: null, editingProfileId: null }),
      editProfile: (editingProfileId) => set({ startScreen: 'edit-profile', selectedProfileId: null, editingProfileId }),
    }),
    { name: 'odradek-ui', partialize: ({ theme, selectedProfileId, section, disclosures, panelWidths, timeZone }) => ({ theme, selectedProfileId, section, disclosures, panelWidths, timeZone }) },
  ),
);
