// The terminal summary: one table for non-streaming points, one for streams, each proxy against
// the runtime floor and nginx, the hold tests, the profile breakdown, then the goals. Every figure
// is followed by its ratio to direct where one exists.
import { rowFor } from './compare.ts';
import { renderFloor, renderHolds, renderProfile } from './floor-table.ts';
import { STATUS_WORDS } from './goals.ts';
import { grid, num, signed, times } from './grid.ts';
import type { BenchResults } from './results.ts';
import type { ResponsesCpu } from './responses-chunk-cpu.ts';

export { grid };

export function renderTables(r: BenchResults): string {
  const json = [['contender', 'c', 'req/s', 'x direct', 'p50 ms', 'x', 'p99 ms', 'x', 'failed', 'RSS MB', 'CPU %']];
  const stream = [['contender', 'c', 'streams', 'TTFT p50 ms', 'x', '+TTFT ms', 'chunk p50 ms', '+p50', '+p99', 'total p50 ms', 'x', 'coalesced', 'RSS MB', 'CPU %']];
  for (const c of r.contenders) {
    for (const p of c.json) {
      const ratio = rowFor(r, c.name, p.concurrency);
      json.push([c.name, String(p.concurrency), num(p.requestsPerSec, 0), times(ratio?.requestsPerSec), num(p.latencyP50Ms, 3), times(ratio?.latencyP50), num(p.latencyP99Ms, 2), times(ratio?.latencyP99), String(p.failed), num(p.proc?.rssPeakMb, 0), num(p.proc?.cpuPercent, 0)]);
    }
    for (const s of c.stream) {
      const ratio = rowFor(r, c.name, s.concurrency);
      stream.push([c.name, String(s.concurrency), `${s.streams - s.failed}/${s.streams}`, num(s.ttftP50Ms, 3), times(ratio?.ttftP50), signed(ratio?.addedTtftP50Ms), num(s.chunkLatencyP50Ms, 3), signed(ratio?.addedChunkLatencyP50Ms), signed(ratio?.addedChunkLatencyP99Ms), num(s.totalP50Ms, 1), times(ratio?.totalP50), `${s.coalesced}/${s.events}`, num(s.proc?.rssPeakMb, 0), num(s.proc?.cpuPercent, 0)]);
    }
    if (c.streamsSkipped) stream.push([c.name, '-', `skipped: ${c.streamsSkipped}`]);
    if (c.error) json.push([c.name, '-', `not measured: ${c.error}`]);
  }
  const load = r.machine.loadAverage;
  const out = [
    ...(load ? [`Load average (1, 5, 15 min) on ${r.machine.cpus} cores: ${load.before.join(', ')} before the run, ${load.after.join(', ')} after`, ''] : []),
    'Non-streaming chat completions (x = ratio to direct)',
    grid(json),
    '',
    `Streams of ${r.settings.streamChunks} chunks, ${r.settings.chunkDelayMs} ms apart (+ = added to direct, ms; chunk = upstream send -> client arrival)`,
    grid(stream),
  ];
  out.push(...renderFloor(r), ...renderHolds(r.holds ?? (r.hold ? [r.hold] : [])));
  if (r.genericCost) {
    const { endToEnd, inProcess } = r.genericCost;
    const rows = [['c', 'raw µs/chunk', 'generic µs/chunk', 'added µs/chunk'], ...endToEnd.map((g) => [String(g.concurrency), num(g.rawUs, 1), num(g.genericUs, 1), signed(g.addedUs)])];
    rows.push(['in process', num(inProcess.rawUs, 2), num(inProcess.genericUs, 2), signed(inProcess.addedUs)]);
    out.push('', 'Proxy CPU per streamed chunk: raw pass-through (dropin) vs generic profile (dropin-generic); in process = the paths alone, no sockets', grid(rows));
  }
  if (r.responsesCost) out.push(...renderResponsesCost(r.responsesCost));
  if (r.profile) out.push(...renderProfile(r.profile));
  out.push('', 'Goals (issue 14)', ...r.goals.map((g) => `  ${STATUS_WORDS[g.status].toUpperCase().padEnd(7)}  ${g.title}: ${g.measured}`));
  if (r.findings.length) out.push('', 'Findings', ...r.findings.map((f) => `  - ${f}`));
  return out.join('\n');
}

/** What /v1/responses adds per chunk, in process: the translation onto chat beside the chat path, and the pass-through's repairer. */
function renderResponsesCost(c: ResponsesCpu): string[] {
  const rows = [
    ['path', 'µs/chunk', 'added µs/chunk'],
    ['chat, generic profile', num(c.chatGenericUsPerChunk, 2), ''],
    ['Responses translated onto chat', num(c.translatedUsPerChunk, 2), signed(c.translationAddedUsPerChunk)],
    ['path', 'µs/event'],
    ['Responses passed through, conformant (openai profile)', num(c.repairConformantUsPerEvent, 2)],
    ['Responses passed through, the proxy\'s ids put in', num(c.repairRemappedUsPerEvent, 2)],
    ['Responses passed through, llama.cpp-shaped', num(c.repairLlamaCppUsPerEvent, 2)],
  ];
  return ['', `/v1/responses per streamed chunk, in process (${c.chunks} chat chunks -> ${c.responsesEvents} Responses events)`, grid(rows)];
}
