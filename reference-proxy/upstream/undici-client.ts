// The upstream client on Node: one undici Pool per backend, its connections kept alive across
// requests, the connect timeout the backend's own. Imported by path: Bun answers the bare
// 'undici' specifier with a built-in stand-in whose Pool.request returns undefined.
import { Pool } from 'undici/index.js';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from './client.ts';

export class UndiciClient implements UpstreamClient {
  private readonly pool: Pool;

  /** `connections`: the most at once (the backend's maxConcurrency), null for no limit */
  constructor(origin: string, connectMs: number, connections: number | null) {
    this.pool = new Pool(origin, { connect: { timeout: connectMs }, keepAliveTimeout: 30_000, connections });
  }

  async request(r: UpstreamRequest): Promise<UpstreamResponse> {
    const res = await this.pool.request({
      method: 'POST',
      path: r.path,
      headers: r.headers,
      body: r.body,
      signal: r.signal,
      headersTimeout: r.firstByteMs,
      bodyTimeout: r.firstByteMs,
    });
    return { status: res.statusCode, headers: res.headers, body: res.body };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
