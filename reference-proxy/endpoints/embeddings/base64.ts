// The base64 form of an embedding, exactly as OpenAI sends it and the SDKs decode it
// (wire-facts-surface facts 48-50): the vector's IEEE-754 float32 values, little-endian, back to
// back, base64-encoded without separators.

export function encodeFloat32(vector: readonly number[]): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString('base64');
}

/** The float values of a base64 vector; undefined when it is not whole float32 values. */
export function decodeFloat32(text: string): number[] | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return undefined;
  const out = new Array<number>(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

/** How many values a vector holds, in either form. */
export function vectorLength(embedding: unknown): number | undefined {
  if (Array.isArray(embedding)) return embedding.length;
  if (typeof embedding === 'string') return (Buffer.byteLength(embedding, 'base64') / 4) | 0;
  return undefined;
}
