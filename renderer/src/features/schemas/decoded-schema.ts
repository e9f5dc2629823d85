// The words for a message part that carries a Schema Registry header: which schema decoded it, or why
// it is shown as raw bytes. Pure, so the message detail's wording is tested without a browser.
import type { DecodedPayloadRow } from '../../../../shared/domain/messages/browse-request';
import { schemaTypeLabels } from './subject-list-model';

export type PayloadSchemaInfo = NonNullable<DecodedPayloadRow['schema']>;

export interface DecodedSchemaView {
  /** "schema id 7", always: the header names it whether or not the schema could be read. */
  id: string;
  /** "orders-value v2", when main found the subject and version that use the id. */
  subjectVersion: string | null;
  /** "Avro" or "Protobuf · com.example.Order", when the schema was read. */
  type: string | null;
  /** Why the bytes are shown raw; null when the part decoded. */
  problem: string | null;
  validationErrors: readonly string[];
}

export function decodedSchemaView(schema: PayloadSchemaInfo): DecodedSchemaView {
  const subjectVersion = schema.subject ? `${schema.subject}${schema.version !== undefined ? ` v${schema.version}` : ''}` : null;
  const type = schema.type ? `${schemaTypeLabels[schema.type]}${schema.messageType ? ` · ${schema.messageType}` : ''}` : null;
  return { id: `schema id ${schema.schemaId}`, subjectVersion, type, problem: schema.problem ?? null, validationErrors: schema.validationErrors ?? [] };
}
