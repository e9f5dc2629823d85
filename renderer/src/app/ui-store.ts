import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const clusterSections = ['overview', 'topics', 'groups', 'schemas', 'tenants', 'acls', 'brokers'] as const;
export type ClusterSection = (typeof clusterSections)[number];

/** Screens that exist without a cluster: the start page and the offline tools reached from it. */
export type StartScreen = 'start' | 'add-profile' | 'edit-profile' | 'import-profile' | 'policy-workspace';

export type ThemePreference = 'system' | 'light' | 'dark';

interface UiState {
  theme: ThemePreference;
  selectedProfileId: string | null;
  section: ClusterSection;
  startScreen: StartScreen;
  /** The stored profile the editor shows on the `edit-profile` screen. */
  editingProfileId: string | null;
  setTheme(theme: ThemePreference): void;
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
      setTheme: (theme) => set({ theme }),
      selectProfile: (selectedProfileId) => set({ selectedProfileId, section: 'overview' }),
      showSection: (section) => set({ section }),
      showStartScreen: (startScreen) => set({ startScreen, selectedProfileId: null, editingProfileId: null }),
      editProfile: (editingProfileId) => set({ startScreen: 'edit-profile', selectedProfileId: null, editingProfileId }),
    }),
    { name: 'odradek-ui', partialize: ({ theme, selectedProfileId, section }) => ({ theme, selectedProfileId, section }) },
  ),
);
