// What the messages screen says about a finished run: why it is empty (past the end, an empty range, or
// the filters), and in what order the rows stand. Pure, so each wording is tested without a screen.
import type { BrowseOrder, BrowseRequest, BrowseSummary } from '../../../../shared/domain/messages/browse-request';
import type { BrowseStatus } from './browse-session';

/** The line shown when a run ended with no rows; null while nothing has ended. */
export function emptyResultText(request: BrowseRequest | null, status: BrowseStatus): string | null {
  if (status.state === 'stopped') return 'Stopped before any message was read.';
  if (status.state !== 'done') return null;
  const filtered = request !== null && request.filters.length > 0;
  const pastEnd = pastEndText(request, status.summary);
  if (pastEnd) return filtered ? `${pastEnd} The filters were not what emptied it.` : pastEnd;
  if (filtered) return `No messages matched — ${status.summary.scanned.toLocaleString('en-US')} scanned; widen the filters or start earlier.`;
  return 'No messages in this range: the selected partitions hold nothing from this start on. Start from the beginning or an earlier offset or time.';
}

function pastEndText(request: BrowseRequest | null, summary: BrowseSummary): string | null {
  if (request?.start.kind !== 'offset' || summary.startPastEnd.length === 0) return null;
  const offset = request.start.offset;
  const ends = summary.startPastEnd.map((entry) => `partition ${entry.partition} ends at ${entry.end}`).join(', ');
  const every = summary.startPastEnd.length === summary.partitions.length;
  const others = every ? '' : ' The other partitions had nothing from it either.';
  return `Offset ${offset} is past the end (${ends}; the end offset is the next one to be written).${others}`;
}

/** How the rows are ordered, in words, for the status line. */
export function orderText(order: BrowseOrder, direction: BrowseRequest['direction'], partitions: number): string {
  if (order === 'arrival') return 'Live tail: rows in the order they arrive, each partition in offset order.';
  if (partitions <= 1) return direction === 'oldest-first' ? 'In offset order.' : 'Newest offset first.';
  return direction === 'oldest-first' ? `Oldest first across ${partitions} partitions, merged by timestamp.` : `Newest first across ${partitions} partitions, merged by timestamp.`;
}
