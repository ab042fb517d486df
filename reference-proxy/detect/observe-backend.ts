// The I/O half of identification: GET a backend's identifying routes, each with a short timeout,
// reading at most a small body, and report what came back. Sent with the backend's own key (the
// server it is meant for) and never following redirects, like the health probe.
import type { BackendConfig } from '../types.ts';
import { IDENTIFYING_PATHS, type Observation } from './identify.ts';

export type ObserveBackend = (backend: BackendConfig, paths?: readonly string[]) => Promise<Observation[]>;

/** Identifying answers are small JSON documents; a bigger body is not one of them. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_TIMEOUT_MS = 5_000;

/** Where a backend's own routes live: its base URL without the trailing /v1. */
export function backendRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

export const observeBackend: ObserveBackend = (backend, paths = IDENTIFYING_PATHS) => {
  const headers: Record<string, string> = backend.apiKey ? { authorization: `Bearer ${backend.apiKey}` } : {};
  const timeoutMs = Math.min(backend.timeouts.firstByteMs, MAX_TIMEOUT_MS);
  const root = backendRoot(backend.baseUrl);
  return Promise.all(paths.map((path) => observe(`${root}${path}`, path, headers, timeoutMs)));
};

async function observe(url: string, path: string, headers: Record<string, string>, timeoutMs: number): Promise<Observation> {
  try {
    const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const server = res.headers.get('server')?.toLowerCase() ?? undefined;
    const text = await boundedText(res);
    return { path, status: res.status, ...(server ? { server } : {}), ...(text === undefined ? {} : parsed(text)) };
  } catch {
    return { path, status: 0 };
  }
}

async function boundedText(res: Response): Promise<string | undefined> {
  if (!res.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      await res.body.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(text: string): { json?: unknown } {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return {};
  }
}
