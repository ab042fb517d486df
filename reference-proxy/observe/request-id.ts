// A request id ties the client's view, the log line and the upstream request together. A caller's
// x-request-id is reused only when it is short and plain, so it cannot inject into logs or headers.
import { randomUUID } from 'node:crypto';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && SANE.test(value)) return value;
  // the UUID's hex digits without its dashes: slices cost a fifth of replaceAll, once per request
  const u = randomUUID();
  return `req_${u.slice(0, 8)}${u.slice(9, 13)}${u.slice(14, 18)}${u.slice(19, 23)}${u.slice(24)}`;
}
