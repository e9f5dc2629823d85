// CSV rows of exported messages: the JSON Lines fields flattened, with headers as their JSON array
// (see docs/message-export.md). Quoting is left to the CSV writer.
import { toMessageJsonlLine, type ExportableRecord } from './message-jsonl';

export const MESSAGE_CSV_COLUMNS = ['topic', 'partition', 'offset', 'timestamp', 'key', 'key_encoding', 'value', 'value_encoding', 'headers'] as const;
/** Added by an export that decodes: each registry-encoded part's decoded form as JSON (schema and value, or the problem). */
export const MESSAGE_CSV_DECODED_COLUMNS = ['key_decoded', 'value_decoded'] as const;

/** Cells in MESSAGE_CSV_COLUMNS order (then the decoded columns when `decoded`); a null key or value is an empty cell with an empty encoding. */
export function toMessageCsvRow(record: ExportableRecord, decoded = false): string[] {
  const line = toMessageJsonlLine(record);
  const decodedCells = decoded ? [record.keyDecoded ? JSON.stringify(record.keyDecoded) : '', record.valueDecoded ? JSON.stringify(record.valueDecoded) : ''] : [];
  return [
    line.topic,
    String(line.partition),
    line.offset,
    line.timestamp,
    line.key ?? '',
    line.key === null ? '' : line.keyEncoding,
    line.value ?? '',
    line.value === null ? '' : line.valueEncoding,
    JSON.stringify(line.headers),
    ...decodedCells,
  ];
}
