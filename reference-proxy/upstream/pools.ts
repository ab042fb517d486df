// One upstream client per backend, of the runtime's fast kind (client.ts): connections are
// reused across requests, and the connect timeout is the backend's own where the client has one.
import { currentRuntime } from '../runtime/which-runtime.ts';
import type { BackendConfig } from '../types.ts';
import type { UpstreamClient } from './client.ts';
import { FetchClient } from './fetch-client.ts';
import { UndiciClient } from './undici-client.ts';

export interface BackendPool {
  client: UpstreamClient;
  /** path of the backend's /v1 root, without a trailing slash, e.g. "/v1" or "/openai/v1" */
  basePath: string;
}

export class UpstreamPools {
  private readonly pools = new Map<string, BackendPool>();

  constructor(backends: readonly BackendConfig[], runtime = currentRuntime()) {
    for (const backend of backends) {
      const url = new URL(backend.baseUrl);
      const client =
        runtime === 'bun' ? new FetchClient(url.origin) : new UndiciClient(url.origin, backend.timeouts.connectMs, backend.maxConcurrency ?? null);
      this.pools.set(backend.name, { client, basePath: url.pathname.replace(/\/+$/, '') });
    }
  }

  get(backend: string): BackendPool {
    const found = this.pools.get(backend);
    if (!found) throw new Error(`dropin: no upstream pool for backend "${backend}"`);
    return found;
  }

  /** Closes every pool, cutting in-flight upstream requests (the server is shutting down). */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(({ client }) => client.close()));
  }
}
