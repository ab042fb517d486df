// Test kit: judges what the proxy would send a client with the suite's own Responses checks —
// frames are read back with the suite's SSE reader into a captured exchange, exactly as
// `dropin run` would capture them — and reads frames back as events for direct assertions.
import { responsesBodyChecks, responsesStreamChecks } from '../../conformance/checks/responses/index.ts';
import { responsesToolsChecks } from '../../conformance/checks/responses_tools/index.ts';
import { inputOf, jsonExchange } from '../../conformance/checks/test-exchange.ts';
import { SseReader } from '../../conformance/transport/sse-reader.ts';
import type { CheckInput, Exchange } from '../../conformance/types.ts';
import type { Json } from './types.ts';

/** Every protocol check a Responses stream is held to, with the tool checks that read streams. */
export const STREAM_CHECKS = [...responsesStreamChecks, ...responsesToolsChecks.filter((c) => c.kind === 'protocol')];
export const BODY_CHECKS = [...responsesBodyChecks, ...responsesToolsChecks.filter((c) => c.kind === 'protocol')];

export function streamInput(frames: readonly string[], request: Json): CheckInput {
  const text = frames.join('');
  const bytes = new TextEncoder().encode(text);
  const reader = new SseReader(() => 0);
  reader.push(bytes);
  const exchange: Exchange = {
    request: { method: 'POST', url: 'http://127.0.0.1:1/v1/responses', headers: {}, body: JSON.stringify(request) },
    status: 200, headers: { 'content-type': 'text/event-stream' }, body: bytes, bodyText: text, sse: reader.end(),
    timing: { startedAt: 0, totalMs: 1 }, truncated: false,
  };
  return { exchange, request, scenario: 'proxy', model: String(request.model) };
}

export const bodyInput = (body: Json, request: Json): CheckInput => inputOf(jsonExchange(body, { path: '/responses', request }), request);

/** The checks that fail (or error): what must be empty for a conformant answer. MAY failures count too unless `mayToo` is false. */
export function failures(input: CheckInput, checks = STREAM_CHECKS, mayToo = true): string[] {
  return checks
    .filter((c) => mayToo || c.level !== 'MAY')
    .map((c) => ({ c, v: c.run(input) }))
    .filter(({ v }) => v.status === 'fail' || v.status === 'error')
    .map(({ c, v }) => `${c.level} ${c.id}: ${v.message}`);
}

/** The events of a framed stream: `event:` name and parsed data. */
export function eventsOf(frames: readonly string[]): Array<{ name?: string; data: Json }> {
  return frames.join('').split('\n\n').filter((f) => f !== '').map((f) => {
    const name = /^event: (.*)$/m.exec(f)?.[1];
    const data = /^data: (.*)$/m.exec(f)?.[1] ?? '';
    return { name, data: JSON.parse(data) };
  });
}
