// Base64 and hex of binary parts with Node's Buffer, for the rows main builds: the same text as the
// portable encoders in shared/domain/decoders/binary.ts (which the renderer uses), several times
// faster, because browsing encodes the binary key or value of every record it reads.
import type { BinaryEncoders } from '../../../../shared/domain/decoders';

const HEX_DIGITS = '0123456789abcdef';
/** Reused for every hex preview: filled, read once as latin1, never held. */
let scratch = Buffer.allocUnsafe(256 * 3);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const bufferEncoders: BinaryEncoders = {
  base64: (bytes) => asBuffer(bytes).toString('base64'),
  hex(bytes) {
    const length = bytes.length;
    if (length === 0) return '';
    if (scratch.length < length * 3) scratch = Buffer.allocUnsafe(length * 3);
    const out = scratch;
    let at = 0;
    for (let index = 0; index < length; index++) {
      const byte = bytes[index]!;
      out[at++] = HEX_DIGITS.charCodeAt(byte >> 4);
      out[at++] = HEX_DIGITS.charCodeAt(byte & 15);
      out[at++] = 0x20;
    }
    return out.toString('latin1', 0, at - 1);
  },
};
