export { base64ToBytes, bytesToBase64, bytesToHex } from './binary';
export {
  CONFLUENT_HEADER_BYTES,
  WireFormatError,
  frameConfluentWireFormat,
  parseConfluentWireFormat,
  readMessageIndexes,
  writeMessageIndexes,
  type ConfluentWireFormat,
  type SchemaDecodeOutcome,
  type SchemaDescription,
  type SchemaResolver,
  type SchemaTextOutcome,
} from './confluent-wire-format';
export {
  HEX_PREVIEW_BYTES,
  decodePayload,
  decodeUtf8,
  hasControlCharacters,
  isPrintableText,
  parseJsonDocument,
  prettyJson,
  withSchemaOutcome,
  type BinaryEncoders,
  type DecodeOptions,
  type DecodedPayload,
  type PayloadKind,
  type PayloadSchema,
} from './payload';
