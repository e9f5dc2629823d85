import { describe, expect, it } from 'vitest';
import type { SubjectSummary } from '../../../../shared/domain/schemas/schema-schemas';
import { compatibilityCell, observationText, subjectCountText, visibleSubjects } from './subject-list-model';

const subject = (name: string, overrides: Partial<SubjectSummary> = {}): SubjectSummary => ({
  subject: name,
  type: 'AVRO',
  latestVersion: 1,
  latestId: 1,
  compatibility: 'BACKWARD',
  compatibilityOverride: false,
  deleted: false,
  ...overrides,
});

const names = (rows: SubjectSummary[]) => rows.map((row) => row.subject);

describe('subjects list model', () => {
  const rows = [
    subject('orders-value', { latestVersion: 3, latestId: 12 }),
    subject('Payments-value', { type: 'PROTOBUF', latestVersion: 1, latestId: 4, compatibility: 'NONE', compatibilityOverride: true }),
    subject('audit-key', { type: 'JSON', latestVersion: 2, latestId: 9, deleted: true }),
    subject('orders-key', { latestVersion: 3, latestId: 11 }),
  ];

  it('hides soft-deleted subjects unless asked, searches case-insensitively and filters by type', () => {
    const sort = { column: 'subject', direction: 'asc' } as const;
    expect(names(visibleSubjects(rows, { search: '', types: [], showDeleted: false }, sort, 'BACKWARD'))).toEqual(['Payments-value', 'orders-key', 'orders-value']);
    expect(names(visibleSubjects(rows, { search: '', types: [], showDeleted: true }, sort, 'BACKWARD'))).toContain('audit-key');
    expect(names(visibleSubjects(rows, { search: 'ORDERS', types: [], showDeleted: true }, sort, null))).toEqual(['orders-key', 'orders-value']);
    expect(names(visibleSubjects(rows, { search: '', types: ['PROTOBUF', 'JSON'], showDeleted: true }, sort, null))).toEqual(['Payments-value', 'audit-key']);
    expect(visibleSubjects(rows, { search: 'nothing', types: [], showDeleted: true }, sort, null)).toEqual([]);
  });

  it('sorts numbers with ties broken by name, and compatibility by the level in effect', () => {
    const all = { search: '', types: [], showDeleted: true } as const;
    expect(names(visibleSubjects(rows, all, { column: 'latestVersion', direction: 'desc' }, null))).toEqual(['orders-key', 'orders-value', 'audit-key', 'Payments-value']);
    expect(names(visibleSubjects(rows, all, { column: 'latestId', direction: 'asc' }, null))).toEqual(['Payments-value', 'audit-key', 'orders-key', 'orders-value']);
    expect(names(visibleSubjects(rows, all, { column: 'compatibility', direction: 'desc' }, 'BACKWARD'))[0]).toBe('Payments-value');
    expect(names(visibleSubjects(rows, all, { column: 'type', direction: 'asc' }, null))).toEqual(['orders-key', 'orders-value', 'audit-key', 'Payments-value']);
  });

  it('does not reorder its input', () => {
    const before = names(rows);
    visibleSubjects(rows, { search: '', types: [], showDeleted: true }, { column: 'latestId', direction: 'desc' }, null);
    expect(names(rows)).toEqual(before);
  });

  it('says whether a level is the subject’s own or the global one, and when it was not read', () => {
    expect(compatibilityCell({ compatibility: 'NONE', compatibilityOverride: true }, 'BACKWARD')).toEqual({ text: 'NONE', inherited: false });
    expect(compatibilityCell({ compatibility: 'BACKWARD', compatibilityOverride: false }, 'BACKWARD')).toEqual({ text: 'BACKWARD', inherited: true });
    expect(compatibilityCell({ compatibility: null, compatibilityOverride: null }, 'FULL')).toEqual({ text: 'FULL', inherited: true });
    expect(compatibilityCell({ compatibility: null, compatibilityOverride: null }, null)).toEqual({ text: 'not read', inherited: false });
  });

  it('counts shown of total', () => {
    expect(subjectCountText(4, 4)).toBe('4 subjects');
    expect(subjectCountText(1, 1)).toBe('1 subject');
    expect(subjectCountText(2, 40)).toBe('2 of 40 subjects');
  });

  it('names the observation mode in use, pinned or automatic, with the fallback reason and the request count', () => {
    expect(observationText({ configured: 'auto', inUse: 'v1', fallbackReason: 'GET /schemas answered 200 but its entries lack subject, version and id.' }, 7)).toBe(
      'Read with v1 (GET /subjects, then each subject’s versions): auto fell back because GET /schemas answered 200 but its entries lack subject, version and id · 7 requests.',
    );
    expect(observationText({ configured: 'auto', inUse: 'v1', fallbackReason: 'The registry answered 404 on /schemas.' }, 3)).toContain('because the registry answered 404 on /schemas · 3 requests.');
    expect(observationText({ configured: 'auto', inUse: 'v2', fallbackReason: null }, 1)).toBe('Read with v2 (one bulk GET /schemas), chosen automatically · 1 request.');
    expect(observationText({ configured: 'v1', inUse: 'v1', fallbackReason: null }, 0)).toBe('Read with v1 (GET /subjects, then each subject’s versions), pinned by the profile · answered from the cache.');
    expect(observationText({ configured: 'auto', inUse: 'v1', fallbackReason: null }, null)).toBe('Read with v1 (GET /subjects, then each subject’s versions): auto fell back.');
  });
});
