// Base64 and hex for binary payloads, without Buffer or btoa, so this runs identically in main and
// the sandboxed renderer.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_DIGITS = '0123456789abcdef';

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk +=
      BASE64_ALPHABET[(triple >> 18) & 63]! +
      BASE64_ALPHABET[(triple >> 12) & 63]! +
      (b === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63]!) +
      (c === undefined ? '=' : BASE64_ALPHABET[triple & 63]!);
    // Joining bounded chunks keeps string building linear for megabyte payloads.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
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
  let hex = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (index > 0) hex += ' ';
    hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  }
  return hex;
}
