// Turns a scenario's request (pure data) into the exact HTTP request sent to a target.
import type { ExchangeRequest, ScenarioRequest, Target } from '../types.ts';

export function buildRequest(target: Target, req: ScenarioRequest): ExchangeRequest {
  const headers: Record<string, string> = { 'user-agent': 'dropin-conformance' };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  if (req.method === 'POST') headers['content-type'] = 'application/json';
  headers.accept = req.stream ? 'text/event-stream' : 'application/json';
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  const body = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  return { method: req.method, url: joinUrl(target.baseUrl, req.path), headers, body };
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}
