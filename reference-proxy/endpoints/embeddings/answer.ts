// A whole embeddings answer from the backend, made what the client asked for: each vector in the
// encoding it asked (base64 produced here when the backend sent floats, S17), keys outside the
// spec dropped (llama.cpp's per-item encoding_format), the list envelope complete — and, when
// `dimensions` was asked, vectors of that length, or a 400 naming the parameter (S18).
import { failure, parseAnswer, type Attempt, type Failure } from '../../core/attempt.ts';
import type { Answer } from '../../core/endpoint.ts';
import { decodeFloat32, encodeFloat32, vectorLength } from './base64.ts';
import type { EmbeddingsRequest } from './validate.ts';

export function answerEmbeddings(a: Attempt<EmbeddingsRequest>, text: string): Answer | Failure {
  const parsed = parseAnswer(text);
  if ('kind' in parsed) return parsed;
  const body: any = parsed.json;
  if (!Array.isArray(body?.data)) return failure('malformed', 'the answer had no data list');
  let changed = false;
  if (body.object !== 'list') {
    body.object = 'list';
    a.repairs.add('embedding_fields_added');
    changed = true;
  }
  const base64 = a.request.encoding_format === 'base64';
  for (let i = 0; i < body.data.length; i++) {
    const item = body.data[i];
    if (item === null || typeof item !== 'object') return failure('malformed', `data[${i}] was not an embedding`);
    if (fixItem(a, item, i, base64)) changed = true;
    if (item.embedding === undefined) return failure('malformed', `data[${i}].embedding was not a vector`);
    const length = vectorLength(item.embedding);
    const wanted = a.request.dimensions;
    if (wanted !== undefined && length !== wanted) return dimensionsIgnored(a, wanted, length);
  }
  return { kind: 'answer', text: changed ? JSON.stringify(body) : text, usage: body.usage ?? undefined };
}

/** Fixes one item in place; returns whether it changed. A base64 vector that does not decode is dropped (undefined). */
function fixItem(a: Attempt, item: any, position: number, base64: boolean): boolean {
  let changed = false;
  if (item.object !== 'embedding' || !Number.isInteger(item.index)) {
    item.object = 'embedding';
    if (!Number.isInteger(item.index)) item.index = position;
    a.repairs.add('embedding_fields_added');
    changed = true;
  }
  if ('encoding_format' in item) {
    delete item.encoding_format;
    a.repairs.add('embedding_keys_removed');
    changed = true;
  }
  if (base64 && Array.isArray(item.embedding)) {
    item.embedding = encodeFloat32(item.embedding);
    a.repairs.add('embedding_encoded');
    return true;
  }
  if (!base64 && typeof item.embedding === 'string') {
    item.embedding = decodeFloat32(item.embedding);
    a.repairs.add('embedding_decoded');
    return true;
  }
  return changed;
}

/** Vectors of another length than asked: the backend ignored `dimensions`. Not its fault, and another candidate may honour it. */
function dimensionsIgnored(a: Attempt, wanted: number, got: number | undefined): Failure {
  const message = `'dimensions' is not supported by the backend serving this model (${a.candidate.backend.name} sent ${got} values instead of ${wanted}). Send the request without dimensions and shorten the vectors yourself, or use a model that supports it.`;
  return failure('dimensions_ignored', `ignored dimensions (${got} values instead of ${wanted})`, {
    unhealthy: false,
    final: true,
    upstream: { status: 400, body: { error: { message, type: 'invalid_request_error', param: 'dimensions', code: 'unsupported_parameter' } } },
  });
}
