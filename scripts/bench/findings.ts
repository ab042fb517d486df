// Plain-language findings a reader should know before trusting the numbers.
import type { HoldResult } from './hold-streams.ts';
import type { ContenderResult } from './results.ts';

export function findingsFor(contenders: readonly ContenderResult[], holds: readonly HoldResult[], node: string): string[] {
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
  for (const h of holds) {
    if (h.opened < h.streams) out.push(`Hold test: only ${h.opened} of ${h.streams} streams through ${h.contender ?? 'dropin'} delivered a first event (${h.failed} were refused or failed).`);
  }
  return out;
}

/**
 * A contender that ignored its stop signal and had to be killed: what its log says about it
 * (the first "internal error" line, where the proxy reports a crash), or that it said nothing.
 */
export function stopNote(label: string, logText: string): string {
  const line = logText.split('\n').find((l) => l.includes('internal error'));
  return `${label} did not exit on its stop signal and was killed${line ? `; its log: ${line.trim().replace(/\.+$/, '')}` : ''}.`;
}

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([code, n]) => `${code === '0' ? 'no response' : `HTTP ${code}`}: ${n}`)
    .join(', ');
}
