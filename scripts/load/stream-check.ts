// Checks one numbered stream as its events arrive: every chunk carries the stream's id and a
// sequence number 0..n-1, then [DONE]. Pure, so the client and its tests share it.

export interface StreamTally {
  /** chunks that arrived in order, once */
  verified: number;
  lost: number;
  duplicated: number;
  reordered: number;
  /** chunks carrying another stream's id */
  foreign: number;
  done: boolean;
  /** an error event (the OpenAI envelope in an SSE event) ended the stream */
  errorEvent: boolean;
}

export class StreamChecker {
  private readonly seen = new Set<number>();
  private highest = -1;
  readonly tally: StreamTally = { verified: 0, lost: 0, duplicated: 0, reordered: 0, foreign: 0, done: false, errorEvent: false };

  private readonly streamId: string;
  private readonly chunks: number;

  constructor(streamId: string, chunks: number) {
    this.streamId = streamId;
    this.chunks = chunks;
  }

  /** One SSE data payload. */
  see(payload: string): void {
    if (payload === '[DONE]') {
      this.tally.done = true;
      return;
    }
    const event = JSON.parse(payload) as { seq?: number; stream_id?: string; error?: unknown };
    if (event.error !== undefined) {
      this.tally.errorEvent = true;
      return;
    }
    if (event.stream_id !== this.streamId || typeof event.seq !== 'number') {
      this.tally.foreign++;
      return;
    }
    this.count(event.seq);
  }

  /** Final tally: a stream that got [DONE] must have had every chunk; an aborted one, every chunk up to the last it saw. */
  finish(): StreamTally {
    const expected = this.tally.done ? this.chunks : this.highest + 1;
    this.tally.lost = Math.max(0, expected - this.seen.size);
    return this.tally;
  }

  private count(seq: number): void {
    if (this.seen.has(seq)) this.tally.duplicated++;
    else if (seq < this.highest) this.tally.reordered++;
    else this.tally.verified++;
    this.seen.add(seq);
    this.highest = Math.max(this.highest, seq);
  }
}

/** Splits an SSE byte stream into data payloads, across chunk boundaries. */
export class SsePayloads {
  private buffer = '';

  push(text: string): string[] {
    this.buffer += text;
    const events = this.buffer.split('\n\n');
    this.buffer = events.pop() ?? '';
    return events.flatMap((event) =>
      event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart()),
    );
  }
}
