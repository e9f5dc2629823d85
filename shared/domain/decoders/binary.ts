// Base64 and hex for binary payloads, without Buffer or btoa, so this runs identically in main and
// the sandboxed renderer.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_DIGITS = '0123456789abcdef';

// Both encoders fill a byte array with ASCII codes and decode it once: several times faster, for the
// base64 and hex of every binary key and value browsed, than growing a string a few characters at a time.
const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (char) => char.charCodeAt(0));
const HEX_CODES = Uint8Array.from(HEX_DIGITS, (char) => char.charCodeAt(0));
const EQUALS = 0x3d;
const SPACE = 0x20;
/** ASCII is valid UTF-8 and reads the same, so the default decoder turns the codes into text. */
const asciiDecoder = new TextDecoder();

/**
 * Two base64 characters per 12 bits, as the 16-bit word that holds their two ASCII codes in memory
 * order (so one store writes both): half the table look-ups and stores of a character at a time.
 */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const BASE64_PAIRS = Uint16Array.from({ length: 4096 }, (_, pair) => {
  const first = BASE64_CODES[pair >> 6]!;
  const second = BASE64_CODES[pair & 63]!;
  return LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
});

export function bytesToBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const pairs = new Uint16Array(Math.ceil(length / 3) * 2);
  const whole = length - (length % 3);
  let at = 0;
  for (let index = 0; index < whole; index += 3) {
    const triple = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    pairs[at] = BASE64_PAIRS[triple >> 12]!;
    pairs[at + 1] = BASE64_PAIRS[triple & 4095]!;
    at += 2;
  }
  const out = new Uint8Array(pairs.buffer);
  if (whole < length) {
    const a = bytes[whole]!;
    const b = whole + 1 < length ? bytes[whole + 1]! : -1;
    const triple = (a << 16) | ((b < 0 ? 0 : b) << 8);
    const last = at * 2;
    out[last] = BASE64_CODES[triple >> 18]!;
    out[last + 1] = BASE64_CODES[(triple >> 12) & 63]!;
    out[last + 2] = b < 0 ? EQUALS : BASE64_CODES[(triple >> 6) & 63]!;
    out[last + 3] = EQUALS;
  }
  return asciiDecoder.decode(out);
}

export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let length = 0;
  for (let index = 0; index < clean.length; index += 4) {
    const sextets = [0, 1, 2, 3].map((offset) => BASE64_ALPHABET.indexOf(clean[index + offset] ?? 'A'));
    const triple = (sextets[0]! << 18) | (sextets[1]! << 12) | (sextets[2]! << 6) | sextets[3]!;
    const available = Math.min(3, Math.floor(((clean.length - index) * 3) / 4));
    if (available > 0) bytes[length++] = (triple >> 16) & 255;
    if (available > 1) bytes[length++] = (triple >> 8) & 255;
    if (available > 2) bytes[length++] = triple & 255;
  }
  return bytes.subarray(0, length);
}

/** Lower-case hex with a space between bytes, e.g. "00 1f ff". */
export function bytesToHex(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length === 0) return '';
  const out = new Uint8Array(length * 3 - 1);
  for (let index = 0; index < length; index++) {
    const byte = bytes[index]!;
    const at = index * 3;
    if (index > 0) out[at - 1] = SPACE;
    out[at] = HEX_CODES[byte >> 4]!;
    out[at + 1] = HEX_CODES[byte & 15]!;
  }
  return asciiDecoder.decode(out);
}
