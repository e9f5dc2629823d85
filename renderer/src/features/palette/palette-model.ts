// What the command palette lists and in which order: items from every source, matched against what
// was typed (all words, in any order, in the label or keywords), best matches first.

export interface PaletteItem {
  /** Unique across sources, e.g. `topic:orders`. */
  id: string;
  label: string;
  /** The heading the item is listed under: "Screens", "Topics", "Consumer groups", "Subjects". */
  group: string;
  /** Shown dimmed beside the label (a shortcut, a connection's servers). */
  hint?: string;
  keywords?: string;
  run(): void;
}

export interface PaletteSourceResult {
  items: PaletteItem[];
  loading: boolean;
  error?: string;
}

/** Items per group at most while nothing is typed, and in all once something is. */
export const MAX_SHOWN = 60;

export function rankPaletteItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, MAX_SHOWN);
  const scored: { item: PaletteItem; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const label = item.label.toLowerCase();
    const haystack = `${label} ${(item.keywords ?? '').toLowerCase()} ${item.group.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const whole = words.join(' ');
    // Exact label, then label prefix, then a word of the label starting with the query, then anywhere.
    const score = label === whole ? 0 : label.startsWith(whole) ? 1 : label.split(/[\s._-]/).some((part) => part.startsWith(words[0]!)) ? 2 : label.includes(words[0]!) ? 3 : 4;
    scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.item.label.length - b.item.label.length || a.index - b.index);
  return scored.slice(0, MAX_SHOWN).map((entry) => entry.item);
}
