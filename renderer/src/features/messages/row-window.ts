// Rows held by the message browser. Memory stays bounded either way: a bounded browse stops accepting
// at its capacity, live tail keeps a sliding window of the newest rows and counts what slid out.
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';

export type WindowMode = 'stop-at-capacity' | 'slide';

export class RowWindow {
  private held: BrowseRow[] = [];
  private droppedCount = 0;

  constructor(
    readonly capacity: number,
    readonly mode: WindowMode,
  ) {}

  /** Adds rows; returns false when a bounded window had to refuse some (the caller stops the stream). */
  add(rows: readonly BrowseRow[]): boolean {
    if (this.mode === 'stop-at-capacity') {
      const room = Math.max(0, this.capacity - this.held.length);
      this.held.push(...rows.slice(0, room));
      return rows.length <= room;
    }
    this.held.push(...rows);
    const excess = this.held.length - this.capacity;
    if (excess > 0) {
      this.held.splice(0, excess);
      this.droppedCount += excess;
    }
    return true;
  }

  get size(): number {
    return this.held.length;
  }

  /** Rows that slid out of a live-tail window. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** A copy for React state: later additions must not mutate what a render holds. */
  snapshot(order: 'as-received' | 'newest-on-top' = 'as-received'): BrowseRow[] {
    const copy = this.held.slice();
    return order === 'newest-on-top' ? copy.reverse() : copy;
  }
}

export const rowKey = (row: Pick<BrowseRow, 'partition' | 'offset'>) => `${row.partition}:${row.offset}`;
