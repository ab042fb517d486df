// The limit: the load generator talks to the bench upstream, no proxy in the path.
import type { Contender } from './contender.ts';

export function directContender(upstreamPort: number): Contender {
  return {
    name: 'direct',
    baseUrl: `http://127.0.0.1:${upstreamPort}/v1`,
    headers: {},
    pid: null,
    version: '',
    stop: async () => 'stopped',
  };
}
