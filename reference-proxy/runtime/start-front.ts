// Starts the HTTP front of the runtime the proxy runs on: node:http on Node, Bun.serve on Bun
// (whose node:http layer costs as much per request as Node's own).
import type { HttpFront } from './http-types.ts';
import { startNodeFront, type FrontOptions } from './node-http.ts';
import { currentRuntime } from './which-runtime.ts';

export async function startFront(o: FrontOptions): Promise<HttpFront> {
  if (currentRuntime() === 'node') return startNodeFront(o);
  const { startBunFront } = await import('./bun-http.ts');
  return startBunFront(o);
}
