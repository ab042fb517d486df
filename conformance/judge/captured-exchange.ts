// One exchange as a recording holds it, whatever the file it came from (transcript, HAR, JSONL
// pairs): the common input of the judge, before it is read like a live capture.

export interface CapturedExchange {
  /** stable id shown in every report, e.g. `chat.har#3` or a corpus line's own id */
  id: string;
  /** who answered, for grouping into report targets: a corpus line's server, else the URL's host, else the file */
  target: string;
  request: {
    method: string;
    /** absolute URL when the recording kept one; a transcript keeps only the path (e.g. /v1/chat/completions) */
    url: string;
    headers: Record<string, string>;
    /** the body text as sent; undefined for a GET or when the recording did not keep it */
    body?: string;
  };
  /**
   * false when the recording kept the answer but not the request (chunk payloads only): checks
   * that relate the answer to the request cannot be judged and are withheld.
   */
  requestKnown: boolean;
  /** absent when the recording holds no answer (a failed or aborted browser request), or not its body */
  response?: {
    status: number;
    /** names lower-cased */
    headers: Record<string, string>;
    body: Uint8Array;
  };
  /** why `response` is absent, for the "not judged" list */
  noAnswer?: string;
  /** epoch ms when the request was sent, when the recording says */
  startedAt?: number;
  /** ms from request to the end of the answer, when the recording says */
  totalMs?: number;
  /** arrival times (ms since the request) of the SSE events and comments, when the recording kept them */
  sseTimes?: { events: number[]; comments: number[] };
}

/** What a reader made of one file: the exchanges, and the entries it skipped on purpose. */
export interface ReadRecording {
  format: string;
  exchanges: CapturedExchange[];
  /** entries that are not API traffic (pages, scripts, images, CORS preflights) */
  ignored: number;
}
