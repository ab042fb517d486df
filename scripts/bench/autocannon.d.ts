// The part of autocannon's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** seconds */
    duration?: number;
    pipelining?: number;
    /** seconds */
    timeout?: number;
  }

  export interface Result {
    /** seconds, with two decimals */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** The tracker emits 'response' (client, statusCode, bytes, responseTimeMs) per response. */
  export default function autocannon(opts: Options, cb: (err: Error | null, result: Result) => void): EventEmitter;
}
