// Reads a recorded answer the way the transport reads a live one — same body capture, same SSE
// reader, same caps — so a check cannot tell a judged recording from an exchange dropin sent.
import { BodyCapture } from '../transport/body-capture.ts';
import { isEventStream } from '../transport/capture.ts';
import { DEFAULT_TRANSPORT_OPTIONS } from '../transport/send.ts';
import type { Exchange, SseCapture } from '../types.ts';
import type { CapturedExchange } from './captured-exchange.ts';

/** The parsed request body, or undefined for no body, an unkept one, or one that is not JSON. */
export function requestJson(captured: CapturedExchange): unknown {
  if (!captured.requestKnown || captured.request.body === undefined) return undefined;
  try {
    return JSON.parse(captured.request.body);
  } catch {
    return undefined;
  }
}

export function toExchange(captured: CapturedExchange): Exchange {
  const { response } = captured;
  const request = { ...captured.request, headers: { ...captured.request.headers } };
  const startedAt = captured.startedAt ?? 0;
  if (!response) {
    return {
      request, headers: {}, body: new Uint8Array(), bodyText: '', truncated: false,
      timing: { startedAt, totalMs: captured.totalMs ?? 0 },
      transportError: { kind: 'other', message: 'the recording holds no answer to this request' },
    };
  }
  const ok = response.status >= 200 && response.status < 300;
  const asked = (requestJson(captured) as { stream?: unknown } | undefined)?.stream === true;
  const asSse = isEventStream(response.headers['content-type']) || (asked && ok);
  const capture = new BodyCapture(DEFAULT_TRANSPORT_OPTIONS, asSse ? () => 0 : undefined);
  const exceeded = capture.add(response.body);
  const exchange: Exchange = {
    request,
    status: response.status,
    headers: { ...response.headers },
    ...capture.finish(),
    timing: { startedAt, totalMs: captured.totalMs ?? 0 },
  };
  if (exchange.sse && captured.sseTimes) stampTimes(exchange.sse, captured.sseTimes);
  if (exceeded) exchange.transportError = { kind: exceeded, message: `the recorded answer passed dropin's ${exceeded === 'too_large' ? 'body-size' : 'event-count'} cap; it was judged up to the cap` };
  return exchange;
}

/** Recorded arrival times, when they describe exactly the events and comments read back. */
function stampTimes(sse: SseCapture, times: { events: number[]; comments: number[] }): void {
  if (times.events.length === sse.events.length) sse.events.forEach((e, i) => (e.at = times.events[i]));
  if (times.comments.length === sse.comments.length) sse.comments.forEach((c, i) => (c.at = times.comments[i]));
}
