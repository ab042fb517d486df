// An incremental reader of a text/event-stream body that follows the WHATWG HTML "event stream
// interpretation" algorithm exactly, and also records what a conformance check needs to judge
// the framing: comments, unknown fields, line ends, arrival times and problems. Pure: bytes in,
// capture out.
import type { SseCapture, SseComment, SseEvent } from '../types.ts';
import { LineSplitter } from './line-splitter.ts';

export const UNTERMINATED_EVENT = 'stream ended inside an unterminated event';
export const INVALID_UTF8 = 'invalid UTF-8';

export class SseReader {
  // The default decoder strips one leading BOM and, with {stream:true}, keeps a multi-byte
  // character that is split across pushes until its last byte arrives.
  private readonly decoder = new TextDecoder('utf-8');
  private readonly strict = new TextDecoder('utf-8', { fatal: true });
  private invalidUtf8 = false;
  private readonly lines = new LineSplitter();

  private data = '';
  private eventType = '';
  private id: string | undefined;
  /** a field line (not a comment) was seen since the last blank line */
  private inEvent = false;

  private readonly events: SseEvent[] = [];
  private readonly comments: SseComment[] = [];
  private readonly unknownFields = new Set<string>();
  private readonly retries: number[] = [];
  private readonly problems: string[] = [];

  /** `now` gives the ms since the request was sent; it stamps events and comments. */
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  push(bytes: Uint8Array): void {
    this.checkUtf8(bytes, true);
    for (const line of this.lines.push(this.decoder.decode(bytes, { stream: true }))) {
      this.processLine(line);
    }
  }

  /**
   * Ends the stream. Per the algorithm, an event not closed by a blank line is discarded.
   * `cut` says the caller stopped reading (a cap), so the stream did not really end: a half
   * event or half character at the cut is then not the server's fault and is not reported.
   */
  end(cut = false): SseCapture {
    if (!cut) this.finishInput();
    if (this.invalidUtf8) this.problems.push(INVALID_UTF8);
    return {
      events: this.events,
      comments: this.comments,
      unknownFields: [...this.unknownFields],
      retries: this.retries,
      lineEndings: this.lines.lineEndings,
      problems: this.problems,
    };
  }

  /** Events dispatched so far; lets a caller enforce a cap while the stream is still arriving. */
  get eventCount(): number {
    return this.events.length;
  }

  private finishInput(): void {
    this.checkUtf8(new Uint8Array(0), false);
    for (const line of this.lines.push(this.decoder.decode())) this.processLine(line);
    const unterminated = this.lines.end();
    if (unterminated !== undefined || this.inEvent) this.problems.push(UNTERMINATED_EVENT);
  }

  private checkUtf8(bytes: Uint8Array, stream: boolean): void {
    if (this.invalidUtf8) return;
    try {
      this.strict.decode(bytes, { stream });
    } catch {
      this.invalidUtf8 = true;
    }
  }

  private processLine(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.comments.push({ text: line.slice(1), at: this.now() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.inEvent = true;
    this.processField(field, value);
  }

  private processField(field: string, value: string): void {
    switch (field) {
      case 'event':
        this.eventType = value;
        return;
      case 'data':
        this.data += value + '\n';
        return;
      case 'id':
        if (value.includes('\0')) this.unknownFields.add('id containing NUL (ignored)');
        else this.id = value;
        return;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.retries.push(Number(value));
        else this.unknownFields.add('retry with a value that is not all digits (ignored)');
        return;
      default:
        this.unknownFields.add(field);
    }
  }

  private dispatch(): void {
    const { data, eventType, id } = this;
    // A browser's lastEventId carries over to later events; the capture records the id field of
    // each event's own block instead, because the checks judge what the server wrote per event.
    this.data = '';
    this.eventType = '';
    this.id = undefined;
    this.inEvent = false;
    // An event with an empty data buffer is legal and, per the algorithm, never dispatched.
    if (data === '') return;
    const event: SseEvent = { data: data.slice(0, -1), at: this.now() };
    if (eventType !== '') event.event = eventType;
    if (id !== undefined) event.id = id;
    this.events.push(event);
  }
}
