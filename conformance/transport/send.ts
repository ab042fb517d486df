// Sends one request with undici and captures the exchange whole: status, headers, raw bytes,
// SSE events with arrival times, timings. Whatever the server does (refuse, reset, hang, send
// garbage or an endless stream) comes back as data in the Exchange; only a request the caller
// built wrong throws.
import { request, type Dispatcher } from 'undici';
import type { Exchange, ExchangeRequest } from '../types.ts';
import { BodyCapture, type CapExceeded } from './body-capture.ts';
import { isEventStream, normaliseHeaders, type RawHeaders } from './capture.ts';
import { Deadline } from './deadline.ts';
import { defaultAgent } from './default-agent.ts';
import { describeFailure, isUsageError, type TransportError } from './transport-error.ts';

export interface TransportOptions {
  /** the whole exchange: headers, body and stream */
  timeoutMs: number;
  /** beyond it reading stops: truncated, transportError too_large */
  maxBodyBytes: number;
  /** SSE events; beyond it reading stops: truncated, transportError too_many_events */
  maxEvents: number;
  /** the request asked for a stream: a 2xx body is read as SSE whatever its content type */
  stream?: boolean;
  /** tests pass a MockAgent or their own Agent; default: one shared keep-alive Agent */
  dispatcher?: Dispatcher;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = {
  timeoutMs: 30_000,
  maxBodyBytes: 8 * 1024 * 1024,
  maxEvents: 10_000,
};

export async function sendExchange(req: ExchangeRequest, opts: Partial<TransportOptions> = {}): Promise<Exchange> {
  const o = { ...DEFAULT_TRANSPORT_OPTIONS, ...opts };
  const deadline = new Deadline(o.timeoutMs);
  const failure = (err: unknown, phase: 'head' | 'body', bytesReceived: number): TransportError => {
    if (!deadline.expired && isUsageError(err)) {
      throw new Error(`dropin transport: cannot send ${req.method} ${req.url}: ${(err as Error).message}`, { cause: err });
    }
    return describeFailure(err, { phase, timedOut: deadline.expired, timeoutMs: o.timeoutMs, url: req.url, bytesReceived });
  };

  try {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body,
        dispatcher: o.dispatcher ?? defaultAgent(),
        signal: deadline.signal,
      });
    } catch (err) {
      return {
        request: req,
        headers: {},
        body: new Uint8Array(0),
        bodyText: '',
        timing: { startedAt: deadline.startedAt, totalMs: deadline.since() },
        transportError: failure(err, 'head', 0),
        truncated: false,
      };
    }
    const headersMs = deadline.since();
    const headers = normaliseHeaders(res.headers as RawHeaders);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const asSse = isEventStream(headers['content-type']) || (o.stream === true && ok);
    const capture = new BodyCapture(o, asSse ? deadline.since : undefined);

    let firstByteMs: number | undefined;
    let transportError: TransportError | undefined;
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        firstByteMs ??= deadline.since();
        const exceeded = capture.add(chunk);
        if (exceeded) {
          transportError = capExceeded(exceeded, o);
          deadline.abort();
          break;
        }
      }
    } catch (err) {
      transportError = failure(err, 'body', capture.bytesReceived);
    }
    const exchange: Exchange = {
      request: req,
      status: res.statusCode,
      headers,
      ...capture.finish(),
      timing: { startedAt: deadline.startedAt, headersMs, totalMs: deadline.since() },
    };
    if (firstByteMs !== undefined) exchange.timing.firstByteMs = firstByteMs;
    if (transportError) exchange.transportError = transportError;
    return exchange;
  } finally {
    deadline.clear();
  }
}

function capExceeded(cap: CapExceeded, o: TransportOptions): TransportError {
  const message =
    cap === 'too_large'
      ? `the response body passed the ${o.maxBodyBytes}-byte cap; reading stopped there (raise the cap if such a large reply is expected)`
      : `the stream passed the ${o.maxEvents}-event cap; reading stopped there (the server may stream without end; raise the cap if such a long reply is expected)`;
  return { kind: cap, message };
}
