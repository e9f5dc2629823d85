// What the producer dialogs hold while the user types, and how it becomes a contract request. The
// checks here only spare a round trip; main parses the same schemas again.
import {
  findJsonProblem,
  IDEMPOTENCE_NEEDS_ACKS_ALL,
  type AckMode,
  type CompressionType,
  type PayloadFormat,
  type ProduceFileRequestInput,
  type ProduceRequestInput,
  type ReproduceRequestInput,
  type SchemaChoice,
} from '../../../../shared/domain/messages/produce-request';

export interface HeaderRow {
  id: number;
  key: string;
  value: string;
}

export interface DeliveryForm {
  compression: CompressionType;
  acks: AckMode;
  idempotent: boolean;
}

export const defaultDelivery: DeliveryForm = { compression: 'none', acks: 'all', idempotent: true };

export interface ProduceForm extends DeliveryForm {
  /** Off: the record has no key (null), which is not the same as an empty key. */
  withKey: boolean;
  key: string;
  value: string;
  valueFormat: PayloadFormat;
  /** With valueFormat 'schema': the registry subject/version main encodes the JSON value with. */
  valueSchema: SchemaChoice | null;
  headers: HeaderRow[];
  /** `key` or a partition number as text, for a select. */
  partition: string;
}

export const defaultProduceForm: ProduceForm = { ...defaultDelivery, withKey: true, key: '', value: '', valueFormat: 'text', valueSchema: null, headers: [], partition: 'key' };

export type Built<T> = { ok: true; request: T } | { ok: false; error: string };

/** The first problem that would stop the request, in the words the form shows; null when there is none. */
export function deliveryProblem(delivery: DeliveryForm): string | null {
  return delivery.idempotent && delivery.acks !== 'all' ? IDEMPOTENCE_NEEDS_ACKS_ALL : null;
}

export function valueProblem(form: Pick<ProduceForm, 'value' | 'valueFormat'> & Partial<Pick<ProduceForm, 'valueSchema'>>): string | null {
  if (form.valueFormat === 'text') return null;
  if (form.valueFormat === 'schema' && !form.valueSchema) return 'Choose the subject (and version) to encode the value with.';
  const problem = findJsonProblem(form.value);
  if (!problem) return null;
  return form.valueFormat === 'schema' ? `The value is encoded with a schema, so it must be JSON: ${problem.message}.` : `Not valid JSON: ${problem.message}.`;
}

function headersProblem(headers: readonly HeaderRow[]): string | null {
  const unnamed = headers.findIndex((header) => header.key.trim() === '');
  return unnamed === -1 ? null : `Header ${unnamed + 1} needs a name (or remove it).`;
}

const toHeaders = (headers: readonly HeaderRow[]) => headers.map(({ key, value }) => ({ key, value }));

export function buildProduceRequest(profileId: string, topic: string, form: ProduceForm): Built<ProduceRequestInput> {
  const error = valueProblem(form) ?? headersProblem(form.headers) ?? deliveryProblem(form);
  if (error) return { ok: false, error };
  return {
    ok: true,
    request: {
      profileId,
      topic,
      key: form.withKey ? form.key : null,
      value: form.value,
      valueFormat: form.valueFormat,
      ...(form.valueFormat === 'schema' && form.valueSchema ? { valueSchema: form.valueSchema } : {}),
      headers: toHeaders(form.headers),
      partition: form.partition === 'key' ? null : Number(form.partition),
      compression: form.compression,
      acks: form.acks,
      idempotent: form.idempotent,
    },
  };
}

export interface ReproduceForm extends DeliveryForm {
  targetTopic: string;
  /** `same`, `key` or a partition number as text. */
  partition: string;
  keepTimestamp: boolean;
  headers: HeaderRow[];
}

export const defaultReproduceForm = (topic: string): ReproduceForm => ({ ...defaultDelivery, targetTopic: topic, partition: 'same', keepTimestamp: false, headers: [] });

export function buildReproduceRequest(profileId: string, source: { topic: string; partition: number; offset: string }, form: ReproduceForm): Built<ReproduceRequestInput> {
  const targetTopic = form.targetTopic.trim();
  const partition = form.partition === 'same' || form.partition === 'key' ? form.partition : Number(form.partition);
  if (targetTopic === '') return { ok: false, error: 'Name the topic to produce the copy to.' };
  if (typeof partition === 'number' && (form.partition.trim() === '' || !(Number.isInteger(partition) && partition >= 0))) return { ok: false, error: 'A partition is a whole number from 0.' };
  const error = headersProblem(form.headers) ?? deliveryProblem(form);
  if (error) return { ok: false, error };
  return {
    ok: true,
    request: { profileId, source, targetTopic, partition, keepTimestamp: form.keepTimestamp, headers: toHeaders(form.headers), compression: form.compression, acks: form.acks, idempotent: form.idempotent },
  };
}

export interface ProduceFileForm extends DeliveryForm {
  /** `key`, `file` or a partition number as text. */
  partition: string;
  keepTimestamps: boolean;
}

export const defaultProduceFileForm: ProduceFileForm = { ...defaultDelivery, partition: 'key', keepTimestamps: false };

export function buildProduceFileRequest(profileId: string, topic: string, form: ProduceFileForm): Built<ProduceFileRequestInput> {
  const error = deliveryProblem(form);
  if (error) return { ok: false, error };
  const partition = form.partition === 'key' || form.partition === 'file' ? form.partition : Number(form.partition);
  return { ok: true, request: { profileId, topic, partition, keepTimestamps: form.keepTimestamps, compression: form.compression, acks: form.acks, idempotent: form.idempotent } };
}

/** Where a produced record went, in words. */
export function describeProduced(result: { topic: string; partition: number | null; offset: string | null }): string {
  const where = result.partition === null ? `to '${result.topic}'` : `to partition ${result.partition} of '${result.topic}'`;
  return result.offset === null ? `Sent ${where}; with acks=none the broker does not confirm, so the offset is unknown.` : `Written ${where} at offset ${result.offset}.`;
}
