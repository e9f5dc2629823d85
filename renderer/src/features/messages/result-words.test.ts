import { describe, expect, it } from 'vitest';
import { browseRequestSchema, type BrowseRequestInput, type BrowseSummary } from '../../../../shared/domain/messages/browse-request';
import { emptyResultText, orderText } from './result-words';

const request = (input: Partial<BrowseRequestInput> = {}) => browseRequestSchema.parse({ profileId: 'p', topic: 't', ...input });
const position = (partition: number) => ({ partition, start: '0', end: '120', position: '120', done: true });
const done = (summary: Partial<BrowseSummary> = {}) => ({
  state: 'done' as const,
  summary: { scanned: 0, matched: 0, bytes: 0, elapsedMs: 1, partitions: [position(0)], order: 'timestamp' as const, reason: 'end-of-range' as const, startPastEnd: [], ...summary },
});

describe('the empty result', () => {
  it('says an offset past the end is past the end, with the end offset, and does not blame a filter that is not set', () => {
    const text = emptyResultText(request({ start: { kind: 'offset', offset: '500' } }), done({ startPastEnd: [{ partition: 0, end: '120' }] }));
    expect(text).toBe('Offset 500 is past the end (partition 0 ends at 120; the end offset is the next one to be written).');
    expect(text).not.toMatch(/filter/);
  });

  it('blames the filters only when there are filters', () => {
    const filtered = request({ filters: [{ kind: 'text', target: 'value', match: 'substring', pattern: 'x' }] });
    expect(emptyResultText(filtered, done({ scanned: 40 }))).toBe('No messages matched — 40 scanned; widen the filters or start earlier.');
    expect(emptyResultText(request({ start: { kind: 'end' } }), done())).toMatch(/^No messages in this range/);
    expect(emptyResultText(request(), { state: 'running', phase: null })).toBeNull();
  });
});

describe('the order line', () => {
  it('says what order the rows stand in', () => {
    expect(orderText('timestamp', 'oldest-first', 6)).toBe('Oldest first across 6 partitions, merged by timestamp.');
    expect(orderText('arrival', 'oldest-first', 6)).toMatch(/^Live tail: rows in the order they arrive/);
    expect(orderText('timestamp', 'newest-first', 1)).toBe('Newest offset first.');
  });
});
