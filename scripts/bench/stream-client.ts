// Runs one streamed chat completion with undici and times every SSE event as it arrives.
import { type Dispatcher, request } from 'undici';
import { SseTimer, type TimedEvent } from './sse-timing.ts';
import { monotonicUs } from './upstream-body.ts';

export interface StreamRecord {
  status: number;
  startUs: number;
  endUs: number;
  events: TimedEvent[];
  done: boolean;
  error?: string;
}

export interface StreamRequest {
  baseUrl: string;
  headers: Record<string, string>;
  model: string;
  dispatcher: Dispatcher;
  signal?: AbortSignal;
  /** called once when the first event arrives (the hold test counts open streams with it) */
  onFirstEvent?: () => void;
  /** sent as metadata.load_stream, the id under which the numbered upstream reports the stream's close */
  streamId?: string;
}

export function streamBody(model: string, streamId?: string): string {
  return JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Count.' }], ...(streamId === undefined ? {} : { metadata: { load_stream: streamId } }) });
}

export async function runStream(r: StreamRequest): Promise<StreamRecord> {
  const startUs = monotonicUs();
  const timer = new SseTimer();
  let status = 0;
  try {
    const res = await request(`${r.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...r.headers },
      body: streamBody(r.model, r.streamId),
      dispatcher: r.dispatcher,
      signal: r.signal,
    });
    status = res.statusCode;
    res.body.setEncoding('utf8');
    for await (const text of res.body) {
      const before = timer.timing.events.length;
      timer.push(text as string, monotonicUs());
      if (before === 0 && timer.timing.events.length > 0) r.onFirstEvent?.();
    }
    return { status, startUs, endUs: monotonicUs(), ...timer.timing };
  } catch (error) {
    return { status, startUs, endUs: monotonicUs(), ...timer.timing, error: (error as Error).message };
  }
}
