// Test kit: a loopback server that serves /v1/responses with this folder's modules alone — by
// translation onto a chat backend, or passed through to a Responses backend and repaired — with
// the conversation store in front of either: what the proxy's `responses` endpoint adapter will
// do, minus routing, failover, auth and limits, so real clients (the openai SDK, the Vercel AI
// SDK, the suite itself) can be pointed at it. It records the requests it sent upstream.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProxyError } from '../errors.ts';
import { normalizeCompletion } from '../normalize/completion.ts';
import { SseSplitter } from '../normalize/sse.ts';
import { normalizeRequest } from '../normalize/request.ts';
import { createStreamNormalizer } from '../normalize/stream.ts';
import { normalizeError } from '../normalize/upstream-error.ts';
import type { QuirkProfile } from '../types.ts';
import type { AnswerContext } from './answer-context.ts';
import { recordOf, resolveConversation, type Conversation } from './conversation.ts';
import { inlineConversation } from './inline-conversation.ts';
import { repairResponseBody } from './repair-body.ts';
import { repairResponsesRequest } from './repair-request.ts';
import { ResponsesStreamRepairer } from './repair-stream.ts';
import { fromChatCompletion } from './from-chat-completion.ts';
import { randomId } from './ids.ts';
import { MemoryResponsesStore } from './memory-store.ts';
import type { ReasoningStyle } from './output-items.ts';
import { deleteResponse, retrieveResponse } from './retrieve.ts';
import type { ResponsesStore } from './store.ts';
import { ResponsesStreamTranslator } from './stream-translator.ts';
import { toChatRequest } from './to-chat-request.ts';
import type { Json } from './types.ts';

export interface BridgeOptions {
  /** the chat backend's base URL, ending in /v1 */
  backendUrl: string;
  profile?: QuirkProfile;
  store?: ResponsesStore;
  reasoning?: ReasoningStyle;
  /** the backend serves /v1/responses: pass through (conversation inlined) and repair */
  passThrough?: boolean;
}

export interface RunningBridge {
  url: string;
  store: ResponsesStore;
  /** every request sent to the backend (chat, or Responses when passed through), in order */
  chatRequests: Json[];
  close(): Promise<void>;
}

export async function startBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const store = opts.store ?? new MemoryResponsesStore();
  const chatRequests: Json[] = [];
  const server = createServer((req, res) => {
    handle(req, res, { ...opts, store, chatRequests }).catch((e) => sendError(res, e));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    store,
    chatRequests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

type Context = BridgeOptions & { store: ResponsesStore; chatRequests: Json[] };

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const id = /^\/v1\/responses\/([^/?]+)/.exec(req.url ?? '')?.[1];
  if (id && req.method === 'GET') return sendJson(res, 200, await retrieveResponse(ctx.store, decodeURIComponent(id)));
  if (id && req.method === 'DELETE') return sendJson(res, 200, await deleteResponse(ctx.store, decodeURIComponent(id)));
  if (req.method !== 'POST' || !req.url?.startsWith('/v1/responses')) throw new ProxyError(404, `Unknown route ${req.method} ${req.url}`);
  let body: Json;
  try {
    body = JSON.parse(await readText(req));
  } catch {
    throw new ProxyError(400, 'We could not parse the JSON body of your request.');
  }
  const conversation = await resolveConversation(body, ctx.store);
  if (ctx.passThrough) return passThrough(body, conversation, res, ctx);
  const chatRequest = toChatRequest(body, conversation);
  ctx.chatRequests.push(chatRequest);
  const profile = ctx.profile ?? 'generic';
  const sent = normalizeRequest(chatRequest, profile);
  const upstream = await fetch(`${ctx.backendUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) });
  if (upstream.status !== 200) {
    const error = normalizeError(upstream.status, await upstream.text());
    return sendJson(res, error.status, error.body);
  }
  const answer: AnswerContext = { head: { id: randomId('resp'), createdAt: Math.floor(Date.now() / 1000), model: body.model, request: body }, chatRequest, newId: randomId, reasoning: ctx.reasoning ?? 'summary' };
  let final: Json | undefined;
  if (body.stream === true) final = await relayStream(upstream, res, answer, profile);
  else {
    final = fromChatCompletion(normalizeCompletion(await upstream.json(), { profile, request: chatRequest }), answer);
    sendJson(res, 200, final);
  }
  const record = final && recordOf(body, conversation, final);
  if (record) await ctx.store.save(record);
}

async function passThrough(body: Json, conversation: Conversation, res: ServerResponse, ctx: Context): Promise<void> {
  const sent = repairResponsesRequest(inlineConversation(body, conversation), ctx.profile ?? 'generic');
  ctx.chatRequests.push(sent);
  const upstream = await fetch(`${ctx.backendUrl}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) });
  const type = upstream.headers.get('content-type') ?? '';
  if (upstream.status !== 200) {
    const error = normalizeError(upstream.status, await upstream.text());
    return sendJson(res, error.status, error.body);
  }
  let final: Json | undefined;
  if (body.stream === true && type.includes('text/event-stream')) {
    const repairer = new ResponsesStreamRepairer({ request: body, newId: randomId });
    const splitter = new SseSplitter();
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    for await (const bytes of upstream.body!) for (const data of splitter.push(Buffer.from(bytes))) res.write(repairer.event(data).join(''));
    res.end(repairer.end().join(''));
    final = repairer.final;
  } else {
    final = repairResponseBody(await upstream.json(), body, { newId: randomId });
    sendJson(res, 200, final);
  }
  const record = final && recordOf(body, conversation, final);
  if (record) await ctx.store.save(record);
}

async function relayStream(upstream: Response, res: ServerResponse, ctx: AnswerContext, profile: QuirkProfile): Promise<Json | undefined> {
  const translator = new ResponsesStreamTranslator(ctx);
  const normalizer = createStreamNormalizer({ profile, request: ctx.chatRequest });
  const splitter = new SseSplitter();
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const send = (frames: string[]) => frames.length > 0 && res.write(frames.join(''));
  send(translator.start());
  try {
    for await (const bytes of upstream.body!) {
      for (const data of splitter.push(Buffer.from(bytes))) for (const out of normalizer.event(data)) send(translator.event(out));
    }
    for (const out of normalizer.end()) send(translator.event(out));
    send(translator.end());
  } catch (e) {
    send(translator.fail({ message: `The backend connection failed mid-stream: ${(e as Error).message}`, code: 'upstream_disconnected' }));
  }
  res.end();
  return translator.final;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, e: unknown): void {
  const error = e instanceof ProxyError ? e : new ProxyError(500, (e as Error).message);
  if (res.headersSent) return void res.end();
  sendJson(res, error.status, error.toBody());
}
