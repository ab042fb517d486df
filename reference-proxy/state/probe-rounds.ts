// One health-probe round per interval across all replicas, instead of one per replica: the
// interval is cut into slots on the wall clock, and the first replica to tick in a slot claims it
// (SET NX with expiry). That replica probes; its verdicts reach the others as circuit changes.
// The replica that ticks earliest in each slot keeps claiming, so rounds stay one interval
// apart, and a dead backend opens every replica's circuit within one interval.
import type { RedisLink } from './redis-link.ts';

export async function claimProbeRound(link: RedisLink, keyPrefix: string, replicaId: string, intervalMs: number, now = Date.now()): Promise<boolean> {
  // Redis away: every replica probes for itself, as without shared state
  if (!link.usable) return true;
  const slot = Math.floor(now / intervalMs);
  try {
    const claimed = await link.run((client) => client.set(`${keyPrefix}:probe-round:${slot}`, replicaId, { condition: 'NX', expiration: { type: 'PX', value: intervalMs * 2 } }));
    link.succeeded();
    return claimed === 'OK';
  } catch (error) {
    link.failed(error);
    return true;
  }
}
