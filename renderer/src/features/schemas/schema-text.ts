// How schema text is shown and checked in the renderer: Avro and JSON Schema are JSON, pretty-printed
// with two spaces; Protobuf is shown as the registry stores it. The checks here only spare a round trip
// (a draft that is not even JSON); the registry's own answer is what decides.
import { findJsonProblem } from '../../../../shared/domain/messages/produce-request';
import type { SchemaType } from './subject-list-model';

export interface PrettySchema {
  text: string;
  /** False when an Avro/JSON schema is not JSON (the registry returned something odd): shown as it came. */
  parsed: boolean;
}

export function prettySchema(type: SchemaType, text: string): PrettySchema {
  if (type === 'PROTOBUF') return { text, parsed: true };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), parsed: true };
  } catch {
    return { text, parsed: false };
  }
}

export type SchemaLanguage = 'json' | 'protobuf';

export const schemaLanguage = (type: SchemaType): SchemaLanguage => (type === 'PROTOBUF' ? 'protobuf' : 'json');

/** Why a draft cannot be checked or registered yet; null when it can go to the registry. */
export function draftProblem(type: SchemaType, text: string): string | null {
  if (text.trim() === '') return 'The schema is empty.';
  if (type === 'PROTOBUF') return /\b(message|enum|service)\b/.test(text) ? null : 'A Protobuf schema needs at least one message, enum or service.';
  const problem = findJsonProblem(text);
  return problem ? `${type === 'AVRO' ? 'An Avro' : 'A JSON'} schema is JSON, and this is not: ${problem.message}.` : null;
}

/** Same meaning, different spacing: not worth registering as a new version. */
export function sameSchema(type: SchemaType, left: string, right: string): boolean {
  if (type === 'PROTOBUF') return left.trim() === right.trim();
  try {
    return JSON.stringify(JSON.parse(left)) === JSON.stringify(JSON.parse(right));
  } catch {
    return left === right;
  }
}

export interface ReferenceView {
  name: string;
  subject: string;
  version: number;
}

/** "name → subject v3", the words of a reference link. */
export const referenceLabel = (reference: ReferenceView) => `${reference.name} → ${reference.subject} v${reference.version}`;

/** The pair a diff opens with: the version before the one shown, and the one shown (or the two newest). */
export function defaultDiffPair(versions: readonly number[], shown: number | null): { left: number; right: number } | null {
  const sorted = [...versions].sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  const right = shown !== null && sorted.includes(shown) && sorted.indexOf(shown) > 0 ? shown : sorted.at(-1)!;
  const left = sorted[sorted.indexOf(right) - 1]!;
  return { left, right };
}

/** The registry's reasons a refusal carries (409 incompatible, 422 invalid), if any. */
export function refusalReasons(error: Error | null): string[] {
  const details = (error as { details?: unknown } | null)?.details;
  const registry = typeof details === 'object' && details !== null ? (details as { registry?: { reasons?: unknown } }).registry : undefined;
  return Array.isArray(registry?.reasons) ? registry.reasons.filter((reason): reason is string => typeof reason === 'string') : [];
}

/** Why a new subject cannot be registered under this name; null when it can. */
export function newSubjectProblem(name: string, existing: readonly string[]): string | null {
  const subject = name.trim();
  if (subject === '') return 'Name the subject.';
  if (subject.length > 255) return 'A subject name is at most 255 characters.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(subject)) return 'A subject name cannot contain control characters.';
  if (existing.includes(subject)) return `Subject ${subject} exists: open it and register a new version there.`;
  return null;
}

const templates: Record<SchemaType, string> = {
  AVRO: JSON.stringify({ type: 'record', name: 'Example', namespace: 'com.example', fields: [{ name: 'id', type: 'string' }] }, null, 2),
  JSON: JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'Example', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, null, 2),
  PROTOBUF: 'syntax = "proto3";\n\npackage com.example;\n\nmessage Example {\n  string id = 1;\n}\n',
};

/** The first draft of a new subject: a one-field record in the chosen type. */
export const schemaTemplate = (type: SchemaType) => templates[type];
