// Reading an embeddings answer: each item's vector as numbers, whether it came as a float array
// or as base64 (little-endian float32, what OpenAI sends and what the official SDKs decode), and
// what the request asked for. Shared by the embeddings checks.
import type { CheckInput } from '../../types.ts';
import { isRecord } from '../chat/body.ts';

export interface ItemVector {
  /** position in data[] */
  at: number;
  index: unknown;
  /** how the vector travelled */
  encoding: 'float' | 'base64' | 'other';
  /** the numbers (for base64: decoded as little-endian float32); undefined when they cannot be read */
  vector?: unknown[];
  /** why the vector cannot be read */
  problem?: string;
}

export function itemVectors(body: Record<string, any>): ItemVector[] {
  const data: unknown[] = Array.isArray(body.data) ? body.data : [];
  return data.map((item, at) => {
    const embedding = isRecord(item) ? item.embedding : undefined;
    const index = isRecord(item) ? item.index : undefined;
    if (Array.isArray(embedding)) return { at, index, encoding: 'float', vector: embedding };
    if (typeof embedding === 'string') return { at, index, encoding: 'base64', ...decodeBase64(embedding) };
    return { at, index, encoding: 'other', problem: `embedding is ${embedding === undefined ? 'missing' : typeof embedding}` };
  });
}

/** base64 of little-endian float32 bytes, as openai-node's toFloat32Array and openai-python read it. */
export function decodeBase64(text: string): { vector?: number[]; problem?: string } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return { problem: 'the base64 text is not valid base64' };
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return { problem: `the base64 text decodes to ${bytes.length} bytes, not a whole number of float32 values` };
  return { vector: Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4)) };
}

/** The number of inputs the request sent: a string or a token array is one, an array of them is many. */
export function inputCount(request: any): number | undefined {
  const input = request?.input;
  if (typeof input === 'string') return 1;
  if (!Array.isArray(input)) return undefined;
  return input.length > 0 && input.every((t) => typeof t === 'number') ? 1 : input.length;
}

/** What the request asked the vectors to come as (float when it did not say). */
export function requestedEncoding(input: CheckInput): string {
  const format = input.request?.encoding_format;
  return typeof format === 'string' ? format : 'float';
}
