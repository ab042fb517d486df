// Circuit transitions shared between replicas. Each transition a replica makes is published on
// one channel (the others apply it at once) and the open circuits are kept in one hash, which a
// replica reads when it (re)connects and every RESYNC_MS (pub/sub drops messages while a
// subscriber reconnects). Failures are still counted per replica: the first replica to reach
// failureThreshold, or whose probe fails, opens the circuit for all of them.
import type { CircuitChange, HealthTracker } from '../health/tracker.ts';
import type { RedisLink } from './redis-link.ts';

const RESYNC_MS = 5_000;

interface Message {
  from: string;
  backend: string;
  change: CircuitChange;
}

export class CircuitSync {
  private readonly hash: string;
  private readonly channel: string;
  private health?: HealthTracker;
  private subscribed = false;
  private timer?: NodeJS.Timeout;

  private readonly link: RedisLink;
  private readonly replicaId: string;
  private readonly backends: readonly string[];
  private readonly onFallback: () => void;

  constructor(
    link: RedisLink,
    keyPrefix: string,
    replicaId: string,
    backends: readonly string[],
    onFallback: () => void,
  ) {
    this.link = link;
    this.replicaId = replicaId;
    this.backends = backends;
    this.onFallback = onFallback;
    this.hash = `${keyPrefix}:circuits`;
    this.channel = `${keyPrefix}:circuit-changes`;
    link.onReady(() => {
      void this.subscribe();
      void this.catchUp(true);
    });
  }

  /** Never awaited: a transition that cannot be shared stays this replica's own. */
  publish(backend: string, change: CircuitChange): void {
    if (!this.link.usable) return this.onFallback();
    const message = JSON.stringify({ from: this.replicaId, backend, change } satisfies Message);
    this.link
      .run((client) => {
        const tx = client.multi();
        if (change.state === 'open') tx.hSet(this.hash, backend, String(change.openedAt));
        if (change.state === 'closed') tx.hDel(this.hash, backend);
        return tx.publish(this.channel, message).exec();
      })
      .then(
        () => this.link.succeeded(),
        (error) => {
          this.link.failed(error);
          this.onFallback();
        },
      );
  }

  follow(health: HealthTracker): void {
    this.health = health;
    void this.subscribe();
    void this.catchUp(false);
    this.timer = setInterval(() => void this.catchUp(false), RESYNC_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async subscribe(): Promise<void> {
    // once subscribed, node-redis subscribes again by itself after each reconnection
    if (this.subscribed || !this.health || !this.link.subscriber.isReady) return;
    this.subscribed = true;
    try {
      await this.link.subscriber.subscribe(this.channel, (text) => this.receive(text));
    } catch {
      this.subscribed = false;
    }
  }

  private receive(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    if (message.from === this.replicaId || !this.backends.includes(message.backend)) return;
    this.health?.applyShared(message.backend, message.change);
  }

  /**
   * Takes the circuits open elsewhere. After a reconnection (`reconnected`) it also records, and
   * announces, the ones this replica opened while Redis was away; an opening already recorded wins.
   */
  private async catchUp(reconnected: boolean): Promise<void> {
    const health = this.health;
    if (!health || !this.link.usable) return;
    try {
      const shared = await this.link.run((client) => client.hGetAll(this.hash));
      for (const backend of this.backends) {
        const openedAt = Number(shared[backend]);
        if (shared[backend] !== undefined && Number.isFinite(openedAt)) health.applyShared(backend, { state: 'open', openedAt });
      }
      if (!reconnected) return;
      for (const { backend, state, openedAt } of health.snapshot()) {
        if (state === 'closed' || openedAt === undefined || shared[backend] !== undefined) continue;
        const recorded = await this.link.run((client) => client.hSetNX(this.hash, backend, String(openedAt)));
        if (recorded) this.publish(backend, { state: 'open', openedAt });
      }
    } catch (error) {
      this.link.failed(error);
    }
  }
}
