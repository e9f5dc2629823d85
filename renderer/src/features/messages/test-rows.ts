import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';

/** `count` empty rows of partition 0 from offset `from`, for the row-window and session tests. */
export const testRows = (from: number, count: number): BrowseRow[] =>
  Array.from({ length: count }, (_, index) => ({
    partition: 0,
    offset: String(from + index),
    timestamp: 0,
    timestampType: 'create',
    key: null,
    value: null,
    headers: [],
    sizes: { key: 0, value: 0, headers: 0, total: 0 },
    truncated: false,
  }));
