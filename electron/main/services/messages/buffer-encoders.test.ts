import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToHex } from '../../../../shared/domain/decoders';
import { bufferEncoders } from './buffer-encoders';

describe('Buffer-based base64 and hex', () => {
  it('write exactly what the portable encoders write, for every length and byte', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + length * 11) & 255);
      expect(bufferEncoders.base64(bytes)).toBe(bytesToBase64(bytes));
      expect(bufferEncoders.hex(bytes)).toBe(bytesToHex(bytes));
      // Views into a larger buffer (as fetched records are) encode only their own bytes.
      const inside = Buffer.concat([Buffer.of(1, 2, 3), Buffer.from(bytes), Buffer.of(9)]).subarray(3, 3 + length);
      expect(bufferEncoders.base64(inside)).toBe(bytesToBase64(bytes));
      expect(bufferEncoders.hex(inside)).toBe(bytesToHex(bytes));
    }
    const every = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bufferEncoders.hex(every)).toBe(bytesToHex(every));
  });
});
