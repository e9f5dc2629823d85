export { base64ToBytes, bytesToBase64, bytesToHex } from './binary';
export { parseConfluentWireFormat, type ConfluentWireFormat, type SchemaResolver } from './confluent-wire-format';
export {
  HEX_PREVIEW_BYTES,
  decodePayload,
  decodeUtf8,
  hasControlCharacters,
  isPrintableText,
  parseJsonDocument,
  prettyJson,
  type DecodeOptions,
  type DecodedPayload,
  type PayloadKind,
} from './payload';
