// Circuit transitions shared between replicas. Each transition a replica makes is published on
// one channel (the others apply it at once) and recorded in one hash (open circuits, so a replica
// that starts or reconnects catches up). Failures are still counted per replica: the first
// replica to reach failureThreshold, or whose probe fails, opens the circuit for all of them.
import type { CircuitChange, HealthTracker } from '../health/tracker.ts';
import type { RedisLink } from './redis-link.ts';

interface Message {
  from: string;
  backend: string;
  change: CircuitChange;
}

export class CircuitSync {
  private readonly hash: string;
  private readonly channel: string;
  private health?: HealthTracker;

  constructor(
    private readonly link: RedisLink,
    keyPrefix: string,
    private readonly replicaId: string,
    private readonly backends: readonly string[],
    private readonly onFallback: () => void,
  ) {
    this.hash = `${keyPrefix}:circuits`;
    this.channel = `${keyPrefix}:circuit-changes`;
    link.onReady(() => void this.catchUp());
  }

  /** Never awaited: a transition that cannot be shared stays this replica's own. */
  publish(backend: string, change: CircuitChange): void {
    if (!this.link.usable) return this.onFallback();
    const message = JSON.stringify({ from: this.replicaId, backend, change } satisfies Message);
    const tx = this.link.client.multi();
    if (change.state === 'open') tx.hSet(this.hash, backend, String(change.openedAt));
    if (change.state === 'closed') tx.hDel(this.hash, backend);
    tx.publish(this.channel, message)
      .exec()
      .then(
        () => this.link.succeeded(),
        (error) => {
          this.link.failed(error);
          this.onFallback();
        },
      );
  }

  async follow(health: HealthTracker): Promise<void> {
    this.health = health;
    await this.link.subscriber.subscribe(this.channel, (text) => this.receive(text)).catch(() => {});
    await this.catchUp();
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
   * After (re)connecting: take the circuits open elsewhere, and record the ones this replica
   * opened while Redis was away (HSETNX: an opening already recorded is kept).
   */
  private async catchUp(): Promise<void> {
    const health = this.health;
    if (!health || !this.link.client.isReady) return;
    try {
      const shared = await this.link.client.hGetAll(this.hash);
      for (const backend of this.backends) {
        const openedAt = Number(shared[backend]);
        if (Number.isFinite(openedAt) && shared[backend] !== undefined) health.applyShared(backend, { state: 'open', openedAt });
      }
      for (const { backend, state, openedAt } of health.snapshot()) {
        if (state === 'closed' || openedAt === undefined || shared[backend] !== undefined) continue;
        await this.link.client.hSetNX(this.hash, backend, String(openedAt));
      }
    } catch (error) {
      this.link.failed(error);
    }
  }
}
