// Schema text as people read and diff it: Avro and JSON Schema re-indented, Protobuf as written.
import type { SchemaTypeName } from './schema-schemas';

export function prettySchema(schema: string, type: SchemaTypeName): string {
  if (type === 'PROTOBUF') return schema.endsWith('\n') ? schema : `${schema}\n`;
  try {
    return `${JSON.stringify(JSON.parse(schema), null, 2)}\n`;
  } catch {
    // The registry accepted it, so show it as it is rather than refuse to show it.
    return schema.endsWith('\n') ? schema : `${schema}\n`;
  }
}
