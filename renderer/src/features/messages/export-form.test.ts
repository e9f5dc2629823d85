import { describe, expect, it } from 'vitest';
import { buildBrowseRequest, defaultBrowseForm, type BrowseForm } from './browse-form';
import { buildExportRequest, defaultExportForm, type ExportForm } from './export-form';

const browse = (changes: Partial<BrowseForm> = {}) => buildBrowseRequest({ ...defaultBrowseForm, ...changes }, 'profile-1', 'orders');
const build = (changes: Partial<ExportForm>, browseChanges: Partial<BrowseForm> = {}) => buildExportRequest({ ...defaultExportForm, ...changes }, browse(browseChanges));
const textFilter = { textPattern: 'paid' };

describe('export request from the form', () => {
  it('exports the current result: the browse options with their limit and order', () => {
    expect(build({ format: 'csv' }, { ...textFilter, partitions: [1], direction: 'newest-first', limit: 40, start: 'offset', offset: '7' })).toEqual({
      ok: true,
      request: {
        profileId: 'profile-1',
        topic: 'orders',
        partitions: [1],
        start: { kind: 'offset', offset: '7' },
        direction: 'newest-first',
        limit: 40,
        filters: [{ kind: 'text', target: 'value', match: 'substring', pattern: 'paid', caseSensitive: false, negate: false }],
        format: 'csv',
        decode: false,
      },
    });
    const decoded = build({ format: 'jsonl', decode: true });
    expect(decoded.ok && decoded.request.decode).toBe(true);
  });

  it('exports a whole range without a limit, oldest first, from an offset or a time until the end or a time', () => {
    const whole = build({ scope: 'range' }, { ...textFilter, direction: 'newest-first', limit: 40 });
    expect(whole.ok && whole.request).toMatchObject({ start: { kind: 'beginning' }, direction: 'oldest-first', filters: [{ kind: 'text', pattern: 'paid' }] });
    expect(whole.ok && 'limit' in whole.request && whole.request.limit !== undefined).toBe(false);

    const fromOffset = build({ scope: 'range', rangeFrom: 'offset', fromOffset: ' 12 ', applyFilters: false }, textFilter);
    expect(fromOffset.ok && fromOffset.request).toMatchObject({ start: { kind: 'offset', offset: '12' }, filters: [] });

    const between = build({ scope: 'range', rangeFrom: 'timestamp', fromTime: '2026-01-01T00:00:00Z', rangeUntil: 'timestamp', untilTime: '2026-01-02T00:00:00Z', applyFilters: false });
    expect(between.ok && between.request).toMatchObject({ start: { kind: 'timestamp', timestamp: Date.UTC(2026, 0, 1) }, filters: [{ kind: 'time-range', to: Date.UTC(2026, 0, 2) }] });
  });

  it('says what is wrong with the form', () => {
    expect(build({ scope: 'range', rangeFrom: 'offset', fromOffset: 'x' })).toEqual({ ok: false, error: 'The start offset must be a non-negative whole number.' });
    expect(build({ scope: 'range', rangeUntil: 'timestamp', untilTime: '' })).toEqual({ ok: false, error: 'The "until" time is not a valid date and time.' });
    expect(build({ scope: 'range', rangeFrom: 'timestamp', fromTime: '2026-01-02T00:00:00Z', rangeUntil: 'timestamp', untilTime: '2026-01-01T00:00:00Z' })).toEqual({
      ok: false,
      error: 'The "from" time must not be after the "until" time.',
    });
    expect(build({}, { liveTail: true })).toEqual({ ok: false, error: 'A live tail has no fixed result to export: turn live tail off, or export a whole range.' });
    expect(build({ scope: 'range' }, { liveTail: true }).ok).toBe(true);
    expect(build({}, { limit: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/^Check the browse options first: The result limit/) });
  });

  it('asks main to decode registry-encoded parts only when the box is ticked', () => {
    const plain = build({});
    const decoded = build({ decode: true });
    expect(plain.ok && plain.request.decode).toBe(false);
    expect(decoded.ok && decoded.request.decode).toBe(true);
  });
});
