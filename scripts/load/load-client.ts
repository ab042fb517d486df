// One load client: opens a numbered stream through the proxy, checks it chunk by chunk, and opens
// the next as soon as one ends, until the deadline. Some streams are aborted mid-way on purpose;
// the moment of each abort is recorded (on the clock the upstream's process shares) so the
// upstream's view can be matched against it.
import { type Dispatcher, request } from 'undici';
import { epochMs } from './shared-clock.ts';
import { SsePayloads, StreamChecker, type StreamTally } from './stream-check.ts';

export interface ClientPlan {
  baseUrl: string;
  dispatcher: Dispatcher;
  clientId: number;
  chunks: number;
  /** share of streams aborted after a random number of chunks, 0..1 */
  abortFraction: number;
  deadline: number;
  random?: () => number;
}

export interface StreamResult {
  streamId: string;
  tally: StreamTally;
  /** epochMs() right before the deliberate abort */
  abortedAt?: number;
  /** why the stream failed, when it did and was not aborted on purpose */
  error?: string;
}

export async function runClient(plan: ClientPlan, onStream: (result: StreamResult) => void): Promise<void> {
  const random = plan.random ?? Math.random;
  for (let n = 0; performance.now() < plan.deadline; n++) {
    const streamId = `c${plan.clientId}-s${n}`;
    // in the first half, so the upstream still has chunks to send when the abort reaches it
    const abortAfter = random() < plan.abortFraction ? 1 + Math.floor(random() * Math.max(1, plan.chunks / 2 - 1)) : undefined;
    onStream(await runStream(plan, streamId, abortAfter));
  }
}

async function runStream(plan: ClientPlan, streamId: string, abortAfter: number | undefined): Promise<StreamResult> {
  const checker = new StreamChecker(streamId, plan.chunks);
  const controller = new AbortController();
  let abortedAt: number | undefined;
  try {
    const res = await request(`${plan.baseUrl}/chat/completions`, {
      method: 'POST',
      // the proxy takes it as its request id, so its log lines can be matched to the stream
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-request-id': streamId },
      body: JSON.stringify({ model: 'load-model', stream: true, messages: [{ role: 'user', content: 'Count.' }], metadata: { load_stream: streamId } }),
      dispatcher: plan.dispatcher,
      signal: controller.signal,
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { streamId, tally: checker.finish(), error: `http_${res.statusCode}` };
    }
    const sse = new SsePayloads();
    res.body.setEncoding('utf8');
    for await (const text of res.body) {
      for (const payload of sse.push(text as string)) checker.see(payload);
      if (abortAfter !== undefined && checker.tally.verified >= abortAfter) {
        abortedAt = epochMs();
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (abortedAt === undefined) return { streamId, tally: checker.finish(), error: errorKind(error) };
  }
  const tally = checker.finish();
  if (abortedAt !== undefined) return { streamId, tally, abortedAt };
  if (tally.errorEvent) return { streamId, tally, error: 'error_event' };
  if (!tally.done) return { streamId, tally, error: 'no_done' };
  return { streamId, tally };
}

function errorKind(error: unknown): string {
  const e = error as { code?: string; name?: string };
  return e.code ?? e.name ?? 'unknown';
}
