import { describe, expect, it } from 'vitest';
import type { SubjectSummary } from '../../../../shared/domain/schemas/schema-schemas';
import { defaultSubject, subjectChoices } from './producer-schema';

const subject = (name: string, overrides: Partial<SubjectSummary> = {}): SubjectSummary => ({ subject: name, type: 'AVRO', latestVersion: 2, latestId: 5, compatibility: null, compatibilityOverride: null, deleted: false, ...overrides });

describe('producer schema choice', () => {
  const subjects = [subject('audit-value'), subject('orders-value', { type: 'PROTOBUF' }), subject('orders-key'), subject('gone-value', { deleted: true })];

  it('offers the topic’s own subjects first, the rest by name, never soft-deleted ones', () => {
    expect(subjectChoices(subjects, 'orders').map((choice) => choice.value)).toEqual(['orders-key', 'orders-value', 'audit-value']);
    expect(subjectChoices(subjects, 'orders')[1]!.label).toBe('orders-value (Protobuf, v2)');
    expect(subjectChoices(subjects, 'gone').map((choice) => choice.value)).not.toContain('gone-value');
  });

  it('preselects <topic>-value only when the registry has it live', () => {
    expect(defaultSubject(subjects, 'orders')).toBe('orders-value');
    expect(defaultSubject(subjects, 'gone')).toBeNull();
    expect(defaultSubject(subjects, 'payments')).toBeNull();
  });
});
