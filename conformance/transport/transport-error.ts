// Names a transport failure and explains it in words a user can act on. A broken server is
// data for the report, so every failure the network or the server can cause maps to a kind.
import type { Exchange, TransportErrorKind } from '../types.ts';

export type TransportError = NonNullable<Exchange['transportError']>;

export interface FailureContext {
  /** 'head': no response head had arrived yet; 'body': it had, and the body was being read */
  phase: 'head' | 'body';
  /** our own whole-exchange timer fired */
  timedOut: boolean;
  timeoutMs: number;
  url: string;
  bytesReceived: number;
}

const CONNECT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT|CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/;
const RESET = /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_RES_CONTENT_LENGTH_MISMATCH)$/;
const TIMEOUT = /^(ETIMEDOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/;

/** The caller built a request undici cannot send (bad URL, bad header): a bug, not the server. */
export function isUsageError(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL';
}

export function describeFailure(err: unknown, ctx: FailureContext): TransportError {
  const code = errorCode(err) ?? '';
  const detail = errorMessage(err);
  if (ctx.timedOut || TIMEOUT.test(code)) return timeout(ctx);
  if (CONNECT.test(code)) {
    return fail('connect', `could not connect to ${origin(ctx.url)} (${code}: ${detail}); check the base URL and that the server is running and reachable`);
  }
  if (RESET.test(code)) {
    const when =
      ctx.phase === 'head'
        ? 'before sending a response head'
        : `in the middle of the response body, after ${ctx.bytesReceived} bytes`;
    return fail('reset', `the server closed or reset the connection ${when} (${code}: ${detail}); check the server log for a crash or a proxy cutting the connection`);
  }
  if (code.startsWith('HPE_') || (err as Error)?.name === 'HTTPParserError') {
    return fail('other', `the response is not valid HTTP/1.1 (${detail}); check that the base URL points at an HTTP server, not another protocol`);
  }
  return fail('other', `the exchange failed: ${code ? `${code}: ` : ''}${detail}`);
}

function timeout(ctx: FailureContext): TransportError {
  const what =
    ctx.phase === 'head'
      ? 'no response head arrived'
      : `the response body did not end (${ctx.bytesReceived} bytes received)`;
  return fail('timeout', `${what} within the ${ctx.timeoutMs} ms request timeout; raise --timeout (timeoutMs in a config file) if the endpoint is just slow (a cold model load can take minutes), otherwise the server hangs or never closes the stream`);
}

function fail(kind: TransportErrorKind, message: string): TransportError {
  return { kind, message };
}

/** undici puts the system error code on the error, its cause, or the first of an AggregateError. */
function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown }; errors?: Array<{ code?: unknown }> };
  const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(err: unknown): string {
  const e = err as { message?: unknown; errors?: Array<{ message?: unknown }> };
  const message = e?.message || e?.errors?.[0]?.message;
  return typeof message === 'string' && message !== '' ? message : String(err);
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
