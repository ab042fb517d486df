// A loopback stand-in for an Ollama server of a given version on the surface APIs the emulator
// did not serve yet: it identifies itself on GET /api/version, answers /v1/embeddings the way
// that version does (floats whatever encoding_format says before v0.12.7, dimensions ignored
// before v0.11.11, token ids refused) and /v1/completions with Ollama's stream (S26: zero usage
// on every chunk, created stamped per chunk).
import type { ServerResponse } from 'node:http';
import { versionAtLeast } from '../../detect/version-at-least.ts';
import { sseHead } from './replies.ts';
import { startUpstream, type FakeUpstream, type SeenRequest } from './upstream.ts';

/** A deterministic unit-length-ish vector for a text: the same text always embeds the same. */
export function vectorFor(text: string, dims = 8): number[] {
  return Array.from({ length: dims }, (_, i) => Math.round(Math.sin(text.length * 7 + text.charCodeAt(i % Math.max(1, text.length)) + i) * 1000) / 1000);
}

export async function startFakeOllama(version: string): Promise<FakeUpstream> {
  return startUpstream((req, res) => {
    if (req.method === 'GET' && req.path === '/api/version') return json(res, 200, { version });
    if (req.path === '/v1/embeddings') return embeddings(req, res, version);
    if (req.path === '/v1/completions') return completions(req, res);
    return json(res, 404, { error: { message: '404 page not found', type: 'api_error', param: null, code: null } });
  });
}

function embeddings(req: SeenRequest, res: ServerResponse, version: string): void {
  const { input, encoding_format: format, dimensions } = req.body;
  const inputs: unknown[] = Array.isArray(input) ? input : [input];
  if (inputs.some((i) => typeof i !== 'string')) return json(res, 400, { error: { message: 'invalid input type', type: 'api_error', param: null, code: null } });
  const base64 = format === 'base64' && versionAtLeast(version, [0, 12, 7]);
  const dims = Number.isInteger(dimensions) && versionAtLeast(version, [0, 11, 11]) ? dimensions : 8;
  const data = inputs.map((text, index) => {
    const vector = vectorFor(String(text)).slice(0, dims);
    const bytes = Buffer.alloc(vector.length * 4);
    vector.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
    return { object: 'embedding', embedding: base64 ? bytes.toString('base64') : vector, index };
  });
  json(res, 200, { object: 'list', data, model: req.body.model, usage: { prompt_tokens: 5 * inputs.length, total_tokens: 5 * inputs.length } });
}

const TEXT = ['Once', ' upon', ' a', ' time'];

function completions(req: SeenRequest, res: ServerResponse): void {
  const base = { id: 'cmpl-42', object: 'text_completion', model: req.body.model, system_fingerprint: 'fp_ollama' };
  const usage = { prompt_tokens: 3, completion_tokens: TEXT.length, total_tokens: 3 + TEXT.length };
  if (req.body.stream !== true) {
    return json(res, 200, { ...base, created: 1_700_000_000, choices: [{ text: TEXT.join(''), index: 0, finish_reason: 'stop' }], usage });
  }
  const zero = req.body.stream_options?.include_usage ? { usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } } : {};
  sseHead(res);
  TEXT.forEach((text, i) => {
    const finish = i === TEXT.length - 1 ? 'stop' : null;
    res.write(`data: ${JSON.stringify({ ...base, created: 1_700_000_000 + i, choices: [{ text, index: 0, finish_reason: finish }], ...zero })}\n\n`);
  });
  if (zero.usage) res.write(`data: ${JSON.stringify({ ...base, created: 1_700_000_009, choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
