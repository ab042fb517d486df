// The base64 answer must decode, as little-endian float32, to the vector the same input gets as
// floats: the official SDKs decode it exactly that way and never see the difference.
import type { Check } from '../../types.ts';
import { bodyJson, is2xx, isRecord, withBody } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';
import { itemVectors } from './vectors.ts';

/** Equal within float32 precision; beyond it, a run-to-run variation still leaves the vectors nearly parallel. */
const FLOAT32_EPSILON = 1e-6;
const MIN_COSINE = 0.999;

export const embeddingsBase64Matches: Check = {
  id: 'embeddings.base64-matches',
  capability: 'embeddings',
  level: 'MUST',
  title: 'base64 decodes (little-endian float32) to the vector the float request returned',
  spec: 'OpenAPI CreateEmbeddingRequest.encoding_format; docs/deviations.md#s17',
  kind: 'protocol',
  consequence:
    'Silent data corruption: openai-node and openai-python decode base64 as native-endian float32 (little-endian on every common host), so big-endian, float16 or float64 bytes become other numbers that are stored and searched as if they were the vector.',
  evidence:
    'openai-node toFloat32Array: new Float32Array(buf.buffer, …) (node_modules/openai/src/internal/utils/base64.ts); openai-python np.frombuffer(…, dtype="float32"); emulator quirk embeddings-base64-big-endian (conformance/test/mutation.test.ts)',
  run: (input) => {
    const floats = floatVectorOf(input.previous?.exchange);
    if (!floats) return skip('no float answer for the same input to compare with (the first turn failed or sent no float vector)');
    return withBody(input, (body) => {
      const item = itemVectors(body)[0];
      if (!item || item.encoding !== 'base64') return skip('the answer is not base64 (see embeddings.base64-honoured)');
      if (!item.vector) return skip(`the base64 cannot be read (see embeddings.vectors): ${item.problem}`);
      const decoded = item.vector as number[];
      if (decoded.length !== floats.length) {
        return fail(`the base64 decodes to ${decoded.length} float32 values, the float answer has ${floats.length}`, {
          expected: `${floats.length} little-endian float32 values`,
          received: `${decoded.length} values`,
          pointer: '/data/0/embedding',
        });
      }
      const worst = Math.max(...decoded.map((v, i) => Math.abs(v - floats[i]) / Math.max(1, Math.abs(floats[i]))));
      if (worst <= FLOAT32_EPSILON) return pass();
      const cos = cosine(decoded, floats);
      if (cos >= MIN_COSINE) return pass(`equal up to the server's run-to-run variation (largest difference ${worst.toExponential(2)}, cosine ${cos.toFixed(5)})`);
      return fail('the base64 vector decodes (little-endian float32, as the SDKs read it) to other numbers than the float vector', {
        expected: `[${floats.slice(0, 3).join(', ')}, …]`,
        received: `[${decoded.slice(0, 3).join(', ')}, …] (cosine ${cos.toFixed(3)})`,
        pointer: '/data/0/embedding',
      });
    });
  },
};

function floatVectorOf(exchange: Parameters<typeof bodyJson>[0] | undefined): number[] | undefined {
  if (!exchange || !is2xx(exchange)) return undefined;
  const body = bodyJson(exchange);
  const vector = isRecord(body) ? itemVectors(body)[0]?.vector : undefined;
  return vector && vector.every((v) => typeof v === 'number') ? (vector as number[]) : undefined;
}

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((s, v, i) => s + v * b[i], 0);
  const norm = Math.sqrt(a.reduce((s, v) => s + v * v, 0) * b.reduce((s, v) => s + v * v, 0));
  return norm === 0 ? 0 : dot / norm;
}
