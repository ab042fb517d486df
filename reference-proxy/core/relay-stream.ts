// Relays a streamed answer through its endpoint's session. Until the first byte reaches the
// client any failure is a Failure (the loop fails over); after it, a failure ends the stream with
// the endpoint's error frames, never a silent truncation. Leaving the read loop early destroys
// the upstream body, which closes that upstream connection. A body that can push its chunks
// (undici's) does, rather than being iterated: a held stream then parks no promise chain between
// two chunks, which with many streams is what fills and grows the young generation.
import type { UpstreamResponse } from '../upstream/call.ts';
import { classifyUpstreamError, describeKind } from '../upstream/classify-error.ts';
import { failure, markFirstByte, type Attempt, type AttemptOutcome } from './attempt.ts';
import { ClientStream } from './client-stream.ts';

export async function relayStream(a: Attempt, up: UpstreamResponse): Promise<AttemptOutcome> {
  if (!a.endpoint.stream) throw new Error(`dropin: the ${a.endpoint.name} endpoint asked for a stream it cannot relay`);
  const out = new ClientStream(a.ex.res, () => markFirstByte(a));
  const session = a.endpoint.stream(a, up, out);
  a.ex.stream = session;
  try {
    if (up.body.deliver) await up.body.deliver((chunk) => session.push(chunk));
    else for await (const chunk of up.body as AsyncIterable<Buffer>) if (!(await session.push(chunk))) break;
  } catch (error) {
    const kind = classifyUpstreamError(error, a.signal.reason());
    if (kind === 'aborted') return { kind: 'aborted' };
    if (!out.started) return failure(kind, describeKind(kind));
    await out.write(session.errorFrames(`The backend failed after the response had started (${describeKind(kind)}). The answer is incomplete; retry the request.`, 'upstream_stream_failed'));
    out.end();
    return { kind: 'served', usage: session.usage, streamFailed: kind };
  }
  return session.finish();
}
