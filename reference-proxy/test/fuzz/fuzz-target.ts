// One proxy in front of one fast canned upstream, shared by a whole fuzz file, and a keep-alive
// client for it. The config switches on every feature that reads the request body (auth with
// rate limits, input deny patterns, rules on prompt, tools, schema and headers, the safety prompt,
// the guard, the Ollama profile's request rewrites and n fan-out) so malformed bodies reach them all.
// Nothing is kept per request, so the heap can be compared before and after thousands of them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { parseConfig } from '../../config/load.ts';
import { startProxy, type RunningProxy } from '../../index.ts';
import { completion, textStream } from '../helpers/replies.ts';

export const FUZZ_KEY = 'sk-fuzz-client-key';
export const FUZZ_MODEL = 'test-model';
export const MAX_BODY_BYTES = 1024 * 1024;
/** input deny pattern: a message containing it must be refused with 400 */
export const DENIED_WORD = 'forbidden-word';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface FuzzTarget {
  proxy: RunningProxy;
  /** log lines that report a handler failure or a 5xx */
  serverErrors: string[];
  /** requests the upstream answered */
  upstreamRequests(): number;
  send(req: { method?: string; path?: string; headers?: Record<string, string> | string[]; body?: string | Buffer }): Promise<Answer>;
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  let served = 0;
  const upstream = createServer((req, res) => void answer(req, res).then(() => served++));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  const serverErrors: string[] = [];
  const proxy = await startProxy(fuzzConfig(baseUrl), {
    log: (line) => {
      if (/handler failed|"status":5\d\d/.test(line)) serverErrors.push(line);
    },
  });
  const pool = new Pool(proxy.url, { connections: 4 });
  return {
    proxy,
    serverErrors,
    upstreamRequests: () => served,
    async send({ method = 'POST', path = '/v1/chat/completions', headers, body }) {
      const res = await pool.request({
        method,
        path,
        headers: headers ?? { 'content-type': 'application/json', authorization: `Bearer ${FUZZ_KEY}` },
        body,
      });
      return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
    },
    async close() {
      await pool.close();
      await proxy.close();
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    },
  };
}

function fuzzConfig(baseUrl: string) {
  return parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    backends: [
      { name: 'local', baseUrl, profile: 'ollama', models: [FUZZ_MODEL] },
      { name: 'cloud', baseUrl, profile: 'openai', models: [FUZZ_MODEL, 'cloud-model'], local: false },
    ],
    aliases: { smart: [{ backend: 'cloud', model: 'cloud-model' }] },
    rules: [
      { name: 'keyword', when: { systemPromptKeywords: ['escalate'] }, route: 'smart' },
      { name: 'regex', when: { systemPromptRegex: 'urgent|asap' }, route: 'smart' },
      { name: 'long', when: { promptTokensAbove: 2000 }, route: 'smart' },
      { name: 'tools', when: { hasTools: true, promptTokensBelow: 10 }, route: 'smart' },
      { name: 'schema', when: { jsonSchema: true }, route: 'smart' },
      { name: 'header', when: { header: { 'x-tier': 'gold' } }, route: 'smart' },
    ],
    auth: { keys: [{ name: 'fuzz', key: FUZZ_KEY, rateLimit: { requestsPerMinute: 10_000_000, tokensPerMinute: 1_000_000_000 } }] },
    safety: { systemPrompt: 'Be brief.', denyInput: [DENIED_WORD] },
    // short timeouts bound a request whose framing leaves the proxy waiting for more bytes
    limits: { maxBodyBytes: MAX_BODY_BYTES, headersTimeoutMs: 2_000, requestTimeoutMs: 5_000 },
    retry: { backoffMs: { initial: 1, max: 5 } },
  }, {});
}

/** A correct OpenAI answer for any request; content "{}" also satisfies json_object. */
async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let text = '';
  for await (const part of req) text += part;
  const stream = (JSON.parse(text) as { stream?: unknown }).stream === true;
  if (!stream) {
    const body = JSON.stringify(completion('{}'));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.end(textStream(['{', '}'], { usage: true }).map((p) => `data: ${p}\n\n`).join(''));
}
