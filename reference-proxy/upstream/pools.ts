// One keep-alive connection pool per backend: connections are reused across requests, and the
// connect timeout is the backend's own.
import { Pool } from 'undici';
import type { BackendConfig } from '../types.ts';

export interface BackendPool {
  pool: Pool;
  /** path of the backend's /v1 root, without a trailing slash, e.g. "/v1" or "/openai/v1" */
  basePath: string;
}

export class UpstreamPools {
  private readonly pools = new Map<string, BackendPool>();

  constructor(backends: readonly BackendConfig[]) {
    for (const backend of backends) {
      const url = new URL(backend.baseUrl);
      const pool = new Pool(url.origin, {
        connect: { timeout: backend.timeouts.connectMs },
        keepAliveTimeout: 30_000,
        connections: backend.maxConcurrency ?? null,
      });
      this.pools.set(backend.name, { pool, basePath: url.pathname.replace(/\/+$/, '') });
    }
  }

  get(backend: string): BackendPool {
    const found = this.pools.get(backend);
    if (!found) throw new Error(`dropin: no upstream pool for backend "${backend}"`);
    return found;
  }

  /** Closes every pool, cutting in-flight upstream requests (the server is shutting down). */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(({ pool }) => pool.destroy()));
  }
}
