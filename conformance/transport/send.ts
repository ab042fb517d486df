// Sends one request with undici and captures the exchange whole: status, headers, raw bytes,
// SSE events with arrival times, timings. Whatever the server does (refuse, reset, hang, send
// garbage or an endless stream) comes back as data in the Exchange; only a request the caller
// built wrong throws.
import { request, type Dispatcher } from 'undici';
import type { Exchange, ExchangeRequest } from '../types.ts';
import { BodyCapture, type CapExceeded } from './body-capture.ts';
import { isEventStream, normaliseHeaders, type RawHeaders } from './capture.ts';
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
  const startedAt = Date.now();
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const failure = (err: unknown, phase: 'head' | 'body', bytesReceived: number): TransportError => {
    if (!timedOut && isUsageError(err)) throw err;
    return describeFailure(err, { phase, timedOut, timeoutMs: o.timeoutMs, url: req.url, bytesReceived });
  };

  try {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body,
        dispatcher: o.dispatcher ?? defaultAgent(),
        signal: controller.signal,
      });
    } catch (err) {
      const transportError = failure(err, 'head', 0);
      return { request: req, headers: {}, ...emptyBody(), timing: { startedAt, totalMs: since() }, transportError, truncated: false };
    }
    const headersMs = since();
    const headers = normaliseHeaders(res.headers as RawHeaders);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const asSse = isEventStream(headers['content-type']) || (o.stream === true && ok);
    const capture = new BodyCapture(o, asSse ? since : undefined);

    let firstByteMs: number | undefined;
    let transportError: TransportError | undefined;
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        firstByteMs ??= since();
        const exceeded = capture.add(chunk);
        if (exceeded) {
          transportError = capExceeded(exceeded, o);
          controller.abort();
          break;
        }
      }
    } catch (err) {
      transportError = failure(err, 'body', capture.bytesReceived);
    }
    const body = capture.finish();
    const timing = { startedAt, headersMs, firstByteMs, totalMs: since() };
    const exchange: Exchange = { request: req, status: res.statusCode, headers, ...body, timing };
    if (transportError) exchange.transportError = transportError;
    return exchange;
  } finally {
    clearTimeout(timer);
  }
}

function capExceeded(cap: CapExceeded, o: TransportOptions): TransportError {
  const message =
    cap === 'too_large'
      ? `the response body passed the ${o.maxBodyBytes}-byte cap; reading stopped there (raise the cap if such a large reply is expected)`
      : `the stream passed the ${o.maxEvents}-event cap; reading stopped there (the server may stream without end; raise the cap if such a long reply is expected)`;
  return { kind: cap, message };
}

function emptyBody(): Pick<Exchange, 'body' | 'bodyText'> {
  return { body: new Uint8Array(0), bodyText: '' };
}
