// One replica's connections to Redis: a command client and a pub/sub subscriber, reconnecting
// with capped exponential backoff for as long as the proxy runs. The proxy never waits for Redis
// to start: until it answers (and whenever it stops answering) the replica decides on its local
// state. Each outage is logged once when it starts and once when it ends, naming only host:port.
import { createClient } from '@redis/client';
import { redisEndpoint } from '../config/redis-url.ts';
import { redactSecrets } from '../observe/redact.ts';
import type { RedisStateConfig } from '../types.ts';

/** After a command timed out or failed on a live connection, skip Redis this long before trying again. */
export const SUSPEND_MS = 1_000;
const BACKOFF = { initialMs: 50, maxMs: 2_000 };

/** Milliseconds before reconnect attempt `retries` (0-based): doubling, capped, with jitter so replicas spread out. */
export function reconnectDelay(retries: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.initialMs * 2 ** Math.min(retries, 16));
  return Math.round(base * (0.75 + random() * 0.5));
}

export type RedisClient = ReturnType<typeof createClient>;

export class RedisLink {
  readonly client: RedisClient;
  readonly subscriber: RedisClient;
  readonly endpoint: string;
  private outage = false;
  private suspendedUntil = 0;
  private readonly readyListeners: Array<() => void> = [];

  private readonly cfg: RedisStateConfig;
  private readonly log: (line: string) => void;

  constructor(
    cfg: RedisStateConfig,
    log: (line: string) => void,
  ) {
    this.cfg = cfg;
    this.log = log;
    this.endpoint = redisEndpoint(cfg.url);
    this.client = createClient({
      url: cfg.url,
      // a command while disconnected fails at once instead of queueing behind the reconnect
      disableOfflineQueue: true,
      socket: { connectTimeout: Math.max(1_000, cfg.timeoutMs), reconnectStrategy: (retries: number) => reconnectDelay(retries) },
    });
    this.subscriber = this.client.duplicate();
    this.client.on('error', (error: Error) => this.failed(error));
    // the command client reports outages; the subscriber reconnects (and resubscribes) on its own
    this.subscriber.on('error', () => {});
    this.client.on('ready', () => this.regained());
    this.subscriber.on('ready', () => this.readyListeners.forEach((fn) => fn()));
    this.client.on('ready', () => this.readyListeners.forEach((fn) => fn()));
  }

  /** Whether to ask Redis now: connected, and not suspended after a recent failure. */
  get usable(): boolean {
    return this.client.isReady && Date.now() >= this.suspendedUntil;
  }

  /** Connected and answering, as /readyz and the metric report it. */
  get connected(): boolean {
    return this.client.isReady && !this.outage;
  }

  /**
   * Sends one command, giving up after timeoutMs. (node-redis's own command timeout only covers
   * the wait to be written, not the wait for the reply, so a stalled Redis would hang it.)
   */
  run<T>(command: (client: RedisClient) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.cfg.timeoutMs} ms`)), this.cfg.timeoutMs);
    });
    return Promise.race([command(this.client), timeout]).finally(() => clearTimeout(timer));
  }

  /** Runs `fn` after each (re)connection of either client, to resynchronise. */
  onReady(fn: () => void): void {
    this.readyListeners.push(fn);
  }

  start(): void {
    // connect() retries with reconnectDelay until Redis answers; failures are reported through 'error'
    this.client.connect().catch(() => {});
    this.subscriber.connect().catch(() => {});
  }

  /** A command failed or timed out: the replica goes local for SUSPEND_MS (and says so once). */
  failed(error: unknown): void {
    this.suspendedUntil = Date.now() + SUSPEND_MS;
    if (this.outage) return;
    this.outage = true;
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), this.secrets());
    this.log(JSON.stringify({
      level: 'warn',
      msg: `shared state: Redis at ${this.endpoint} is unreachable (${reason}); this replica now enforces rate limits and circuits on its own state and keeps reconnecting`,
    }));
  }

  /** A command succeeded: ends an outage that did not drop the connection (a stalled Redis). */
  succeeded(): void {
    if (this.outage) this.regained();
  }

  async close(): Promise<void> {
    for (const client of [this.subscriber, this.client]) {
      client.removeAllListeners('ready');
      client.destroy();
    }
  }

  private regained(): void {
    this.suspendedUntil = 0;
    if (!this.outage) return;
    this.outage = false;
    this.log(JSON.stringify({ level: 'info', msg: `shared state: Redis at ${this.endpoint} answers again; rate limits and circuits are shared again` }));
  }

  private secrets(): string[] {
    const url = new URL(this.cfg.url);
    return [this.cfg.url, decodeURIComponent(url.password), url.password].filter((s) => s.length > 0);
  }
}
