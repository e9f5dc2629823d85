// Pure helpers for the producer's Schema Registry encoding choice.
import type { SchemaChoice } from '../../../../shared/domain/messages/produce-request';
import type { SubjectSummary } from '../../../../shared/domain/schemas/schema-schemas';
import { schemaTypeLabels } from './subject-list-model';

export type { SchemaChoice };

/** Subjects for the picker: the topic's own `<topic>-value` and `<topic>-key` first, then the rest by name. */
export function subjectChoices(subjects: readonly SubjectSummary[], topic: string): { value: string; label: string }[] {
  const own = new Set([`${topic}-value`, `${topic}-key`]);
  const sorted = [...subjects].filter((entry) => !entry.deleted).sort((a, b) => Number(own.has(b.subject)) - Number(own.has(a.subject)) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return sorted.map((entry) => ({ value: entry.subject, label: `${entry.subject} (${entry.type === null ? 'unknown type' : schemaTypeLabels[entry.type]}, v${entry.latestVersion})` }));
}

/** The subject TopicNameStrategy gives the topic's values, when the registry has it. */
export function defaultSubject(subjects: readonly SubjectSummary[], topic: string): string | null {
  return subjects.some((entry) => entry.subject === `${topic}-value` && !entry.deleted) ? `${topic}-value` : null;
}
