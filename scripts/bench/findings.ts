// Plain-language findings a reader should know before trusting the numbers.
import type { HoldResult } from './hold-streams.ts';
import type { ContenderResult } from './results.ts';

export function findingsFor(contenders: readonly ContenderResult[], hold: HoldResult | null, node: string): string[] {
  const out: string[] = [];
  for (const c of contenders) {
    if (c.error) out.push(`${c.label} was not measured: ${c.error}`);
    if (c.name === 'portkey' && c.streamsSkipped) {
      out.push(
        `${c.label} ${c.version} ${c.streamsSkipped} on Node ${node}, so it cannot stream as shipped ` +
          '(known cause: its HTTP server library @hono/node-server passes on the upstream fetch response\'s immutable Headers, and the gateway then appends x-portkey-* headers to them). Only its non-streaming figures are compared.',
      );
    } else if (c.streamsSkipped) out.push(`${c.label}: streams not measured, ${c.streamsSkipped}.`);
    const failing = c.json.filter((p) => p.failed > 0);
    if (failing.length) out.push(`${c.label} had failed non-streaming requests: ${failing.map((p) => `c=${p.concurrency}: ${p.failed} (${statusList(p.statuses)})`).join('; ')}.`);
    const broken = c.stream.filter((s) => s.failed > 0);
    if (broken.length) out.push(`${c.label} had failed or incomplete streams: ${broken.map((s) => `c=${s.concurrency}: ${s.failed} of ${s.streams} (${statusList(s.statuses)})`).join('; ')}.`);
  }
  if (hold && hold.opened < hold.streams) out.push(`Hold test: only ${hold.opened} of ${hold.streams} streams through dropin delivered a first event (${hold.failed} were refused or failed).`);
  return out;
}

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([code, n]) => `${code === '0' ? 'no response' : `HTTP ${code}`}: ${n}`)
    .join(', ');
}
