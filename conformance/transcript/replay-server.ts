// Serves a transcript back over loopback: each request is matched to a recorded one by method,
// path and body (JSON compared canonically), and answered with the recorded status, headers
// and exact body bytes. Repeated identical requests get the recordings in order, round robin.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TranscriptLine } from './format.ts';

export interface ReplayServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function keyOf(method: string, path: string, body: string | undefined): string {
  return `${method.toUpperCase()} ${path.replace(/\/+$/, '')} ${canonical(body)}`;
}

/**
 * The vision probe image's URL carries the port of the process that served it (run/image-asset.ts):
 * a replay in another process sends another port, so the port is left out of the match.
 */
const PROBE_IMAGE_URL = /http:\/\/127\.0\.0\.1:\d+\/dropin-probe\.png/g;

function canonical(text: string | undefined): string {
  const body = text?.replace(PROBE_IMAGE_URL, 'http://127.0.0.1/dropin-probe.png');
  if (!body) return '';
  try {
    return JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    return body;
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

export async function startReplay(lines: TranscriptLine[], opts: { port?: number; host?: string } = {}): Promise<ReplayServer> {
  const byKey = new Map<string, TranscriptLine[]>();
  for (const l of lines) {
    const k = keyOf(l.request.method, l.request.path, l.request.body);
    byKey.set(k, [...(byKey.get(k) ?? []), l]);
  }
  const served = new Map<string, number>();
  const server = createServer((req, res) => {
    readBody(req).then((body) => {
      const k = keyOf(req.method ?? 'GET', req.url ?? '/', body);
      const candidates = byKey.get(k);
      if (!candidates) return noMatch(res, req);
      const n = served.get(k) ?? 0;
      served.set(k, n + 1);
      answer(res, candidates[n % candidates.length]);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/v1`,
    port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(parts.length ? Buffer.concat(parts).toString('utf8') : undefined));
    req.on('error', () => resolve(undefined));
  });
}

function answer(res: ServerResponse, line: TranscriptLine): void {
  const r = line.response;
  if (r.status === undefined) {
    res.socket?.destroy();
    return;
  }
  const body = Buffer.from(r.bodyBase64, 'base64');
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
  res.end(body);
}

function noMatch(res: ServerResponse, req: IncomingMessage): void {
  const message = `dropin replay: no recorded exchange matches ${req.method} ${req.url} with this body; record the transcript again with the same suite version and model`;
  res.writeHead(501, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'no_recording' } }));
}
