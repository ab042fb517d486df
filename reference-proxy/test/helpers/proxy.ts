// Starts a proxy in front of test upstreams with a config written like a user would write it
// (through parseConfig, so defaults and validation are the real ones), collecting its log lines.
// Backends default to `profile: openai`: these upstreams are scripted OpenAI look-alikes that
// answer every path, so identification (`auto`) would only add requests they then count.
import { parseConfig } from '../../config/load.ts';
import { startProxy, type RunningProxy } from '../../index.ts';

export interface TestBackend {
  name: string;
  baseUrl: string;
  models?: string[];
  [key: string]: unknown;
}

export interface TestProxy extends RunningProxy {
  logs: string[];
}

export async function startTestProxy(backends: TestBackend[], extra: Record<string, unknown> = {}): Promise<TestProxy> {
  const config = parseConfig(
    {
      listen: { host: '127.0.0.1', port: 0 },
      backends: backends.map((b) => ({ models: ['test-model'], profile: 'openai', ...b })),
      retry: { backoffMs: { initial: 1, max: 20 } },
      ...extra,
    },
    { TEST_UPSTREAM_KEY: 'sk-upstream-secret-0123456789' },
  );
  const logs: string[] = [];
  const proxy = await startProxy(config, { log: (line) => logs.push(line) });
  return Object.assign(proxy, { logs });
}

export function chatBody(extra: Record<string, unknown> = {}) {
  return { model: 'test-model', messages: [{ role: 'user', content: 'Say hi' }], ...extra };
}

export async function postChat(proxy: RunningProxy, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${proxy.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The data payloads of an SSE body, in order. */
export function ssePayloads(text: string): string[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}
