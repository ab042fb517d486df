import { describe, expect, it } from 'vitest';
import { decodeFloat32, encodeFloat32, vectorLength } from './base64.ts';

describe('embedding base64', () => {
  it('encodes little-endian float32, as OpenAI sends it', () => {
    // 1.0f = 0x3f800000 → bytes 00 00 80 3f; -2.0f = 0xc0000000 → 00 00 00 c0
    expect(Buffer.from(encodeFloat32([1, -2]), 'base64')).toEqual(Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]));
  });

  it('decodes what the openai SDK would decode, to float32 precision', () => {
    const vector = [0.1, -0.25, 3.5e-3];
    const decoded = decodeFloat32(encodeFloat32(vector))!;
    expect(decoded).toHaveLength(3);
    decoded.forEach((v, i) => expect(v).toBe(Math.fround(vector[i])));
    expect(decodeFloat32(Buffer.from([1, 2, 3]).toString('base64'))).toBeUndefined();
  });

  it('measures a vector in either form', () => {
    expect(vectorLength([1, 2, 3])).toBe(3);
    expect(vectorLength(encodeFloat32([1, 2, 3, 4, 5]))).toBe(5);
    expect(vectorLength(null)).toBeUndefined();
  });
});
