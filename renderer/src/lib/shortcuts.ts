// The one table of keyboard shortcuts: what runs them (Mantine's hotkey syntax), what menus, tooltips
// and the shortcut list show, and the aria-keyshortcuts value. Screens register handlers by id, so a
// key is never bound in two places and every shortcut a person can press is also written somewhere.
import { useHotkeys } from '@mantine/hooks';

export interface ShortcutSpec {
  /** Mantine hotkey syntax; `mod` is Ctrl, or ⌘ on macOS. */
  keys: string;
  label: string;
  /** Where it works, as the shortcut list groups them. */
  scope: 'Everywhere' | 'Tables' | 'Topics' | 'Messages' | 'Message detail';
  /** Handled by a component's own key handler (tables), not a document-wide hotkey. */
  local?: boolean;
}

export const shortcuts = {
  palette: { keys: 'mod+K', label: 'Go to a topic, group, subject or screen', scope: 'Everywhere' },
  help: { keys: 'shift+?', label: 'Show keyboard shortcuts', scope: 'Everywhere' },
  // Bound by the app shell for each section it shows (Alt+1 … Alt+8, in the sidebar's order).
  sections: { keys: 'alt+1', label: 'Cluster screens by number, Alt+1 … Alt+8 in the sidebar’s order', scope: 'Everywhere', local: true },
  rowNext: { keys: 'ArrowDown', label: 'Next row', scope: 'Tables', local: true },
  rowPrevious: { keys: 'ArrowUp', label: 'Previous row', scope: 'Tables', local: true },
  rowFirst: { keys: 'Home', label: 'First row', scope: 'Tables', local: true },
  rowLast: { keys: 'End', label: 'Last row', scope: 'Tables', local: true },
  rowPage: { keys: 'PageDown', label: 'A page down (PageUp: up)', scope: 'Tables', local: true },
  rowOpen: { keys: 'Enter', label: 'Open the row', scope: 'Tables', local: true },
  closePanel: { keys: 'Escape', label: 'Close the open panel or dialog', scope: 'Tables', local: true },
  searchTopics: { keys: 'mod+F', label: 'Search topics', scope: 'Topics' },
  browseTopic: { keys: 'mod+B', label: 'Browse the selected topic’s messages', scope: 'Topics' },
  startBrowse: { keys: 'mod+Enter', label: 'Start (or restart) browsing', scope: 'Messages' },
  backToTopics: { keys: 'alt+ArrowLeft', label: 'Back to the topic list', scope: 'Messages' },
  nextMessage: { keys: 'J', label: 'Next message', scope: 'Message detail' },
  previousMessage: { keys: 'K', label: 'Previous message', scope: 'Message detail' },
} as const satisfies Record<string, ShortcutSpec>;

export type ShortcutId = keyof typeof shortcuts;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const keyWords: Record<string, string> = { mod: isMac ? '⌘' : 'Ctrl', alt: isMac ? '⌥' : 'Alt', shift: 'Shift', ctrl: 'Ctrl', arrowdown: '↓', arrowup: '↑', arrowleft: '←', arrowright: '→', escape: 'Esc', enter: 'Enter', pagedown: 'PgDn', pageup: 'PgUp' };

/** The keys as a person reads them: "Ctrl+K", "Alt+←", "J". */
export function shortcutLabel(id: ShortcutId, mac = isMac): string {
  const parts = shortcuts[id].keys.split('+').map((part) => {
    const lower = part.toLowerCase();
    if (lower === 'mod') return mac ? '⌘' : 'Ctrl';
    if (lower === 'alt') return mac ? '⌥' : 'Alt';
    return keyWords[lower] ?? (part.length === 1 ? part.toUpperCase() : part);
  });
  // `shift+?` reads as "?": the shift is how the character is typed, not a separate step.
  if (parts.length === 2 && parts[0] === 'Shift' && parts[1] === '?') return '?';
  return parts.join(mac ? '' : '+');
}

/** The aria-keyshortcuts value (Control, Alt, Meta, Shift names per the ARIA spec). */
export function ariaShortcut(id: ShortcutId, mac = isMac): string {
  return shortcuts[id].keys
    .split('+')
    .map((part) => {
      const lower = part.toLowerCase();
      if (lower === 'mod') return mac ? 'Meta' : 'Control';
      if (lower === 'alt') return 'Alt';
      if (lower === 'shift') return 'Shift';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}

/** A label with its shortcut, for tooltips and titles: "Browse messages (Ctrl+B)". */
export const withShortcut = (label: string, id: ShortcutId) => `${label} (${shortcutLabel(id)})`;

/**
 * Binds registered shortcuts while the calling component is mounted; a null handler leaves the key
 * free. Keys typed into a field go to the field, except the modifier chords that fields never use.
 */
export function useShortcuts(bindings: Partial<Record<ShortcutId, (() => void) | null>>): void {
  const entries = Object.entries(bindings).filter((entry): entry is [ShortcutId, () => void] => typeof entry[1] === 'function');
  const chords = entries.filter(([id]) => /mod\+|alt\+/i.test(shortcuts[id].keys));
  const plain = entries.filter(([id]) => !/mod\+|alt\+/i.test(shortcuts[id].keys));
  useHotkeys(
    chords.map(([id, run]) => [shortcuts[id].keys, run, { preventDefault: true }]),
    [],
  );
  useHotkeys(plain.map(([id, run]) => [shortcuts[id].keys, run]));
}
