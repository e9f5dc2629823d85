// What a list says when it has rows but the filters hide every one: which filter did it and how to
// undo it, so an empty table never looks like an empty cluster. Pure, tested without a screen.

export interface FilteredEmptyInput {
  /** "topic", "group", "subject". */
  noun: string;
  total: number;
  shown: number;
  search: string;
  /** Other filters in effect, each with how to undo it, e.g. `untick “Hide internal topics”`. */
  otherFilters?: { active: boolean; undo: string }[];
}

/** The line to show, or null when something is shown or there is nothing to filter. */
export function filteredEmptyText({ noun, total, shown, search, otherFilters = [] }: FilteredEmptyInput): string | null {
  if (total === 0 || shown > 0) return null;
  const query = search.trim();
  const undo = [...(query === '' ? [] : ['clear the search']), ...otherFilters.filter((filter) => filter.active).map((filter) => filter.undo)];
  const what = query === '' ? `No ${noun} passes the filters` : `No ${noun} matches “${query}”`;
  const all = `${total.toLocaleString('en-US')} ${noun}${total === 1 ? '' : 's'}`;
  if (undo.length === 0) return `${what} (of ${all}).`;
  const steps = undo.length === 1 ? undo[0] : `${undo.slice(0, -1).join(', ')} or ${undo[undo.length - 1]}`;
  return `${what} (of ${all}): ${steps} to see them.`;
}
