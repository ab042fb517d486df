// Which selector judges an exchange, from its method and URL path. Selectors are tried in order
// and the first match wins, so `/chat/completions` must come before a bare `/completions`.
import type { Selector } from './selector.ts';
import { SELECTORS } from './selectors/index.ts';

export interface Route {
  selector: Selector;
  /** the URL up to the endpoint path, e.g. https://api.openai.com/v1 (a bare path for a transcript) */
  baseUrl: string;
}

export function routeOf(method: string, url: string, selectors: Selector[]): Route | undefined {
  const { origin, path } = splitUrl(url);
  for (const selector of selectors) {
    if (selector.method !== method.toUpperCase()) continue;
    const m = selector.path.exec(path);
    if (m && m.index + m[0].length === path.length) return { selector, baseUrl: origin + path.slice(0, m.index) };
  }
  return undefined;
}

/** Origin and path without query or fragment; a transcript's URL is a path alone. */
export function splitUrl(url: string): { origin: string; path: string } {
  try {
    const u = new URL(url);
    return { origin: u.origin, path: trimSlash(u.pathname) };
  } catch {
    return { origin: '', path: trimSlash(url.replace(/[?#].*$/, '')) };
  }
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * API traffic is what a selector judges, or a path of an OpenAI-style API no selector covers yet
 * (embeddings, audio, files…): that is reported as "not judged". The rest of a browser's traffic
 * (pages, scripts, images) and CORS preflights are ignored.
 */
export function isApiRequest(method: string, url: string): boolean {
  if (method.toUpperCase() === 'OPTIONS') return false;
  if (routeOf(method, url, SELECTORS)) return true;
  const { path } = splitUrl(url);
  return /\/v1(\/|$)/.test(path) || API_RESOURCE.test(path);
}

/** `POST /embeddings` for https://api.openai.com/v1/embeddings: the API path whatever prefix the server puts before it. */
export function endpointLabel(method: string, url: string): string {
  const { path } = splitUrl(url);
  const m = API_RESOURCE.exec(path);
  return `${method.toUpperCase()} ${m ? path.slice(m.index) : path}`;
}

const API_RESOURCE = /\/(chat\/completions|completions|responses|embeddings|models|moderations|images\/[a-z]+|audio\/[a-z]+|files|batches|uploads|vector_stores|assistants|threads|conversations|realtime)(\/|$)/;
