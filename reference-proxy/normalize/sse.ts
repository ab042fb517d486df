// A small SSE de-framer for the proxy's hot path. It follows the WHATWG event-stream rules the
// clients use (openai-python, eventsource-parser): LF, CRLF or CR line endings, one optional space
// after "data:", several data lines joined with "\n", an event dispatched on a blank line.
// Comment lines (": ping", ": OPENROUTER PROCESSING") and the id/event/retry fields are dropped:
// re-framing only data keeps proxies from turning a comment into "data: : ping" (wire-facts F29),
// and a keep-alive towards the client is the server's business, not the backend's.
import { StringDecoder } from 'node:string_decoder';

/** No LLM chunk comes near this; past it an event would only grow the proxy's memory. */
export const MAX_EVENT_CHARS = 8 * 1024 * 1024;

/** Emitted in place of an oversized event: not JSON, so every consumer ends the stream as malformed. */
export const OVERSIZED_EVENT = `dropin: an upstream event exceeded ${MAX_EVENT_CHARS} characters`;

export class SseSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';
  /**
   * The data lines of the event being read, emptied in place rather than replaced: a new array per
   * event would live from one event to the next, long enough for V8 to see its allocation site's
   * arrays survive and pretenure them, and old-space arrays keep every young payload pushed into
   * them alive through scavenges (with many held streams, megabytes promoted at each one).
   */
  private readonly data: string[] = [];
  private dataChars = 0;
  /** the previous chunk ended on CR, so a leading LF of the next one belongs to that line ending */
  private skipLf = false;
  private started = false;

  /** Feed raw bytes; returns the data payloads of every event completed by them, in order. */
  push(chunk: Buffer): string[] {
    let text = this.decoder.write(chunk);
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLf && text.startsWith('\n')) text = text.slice(1);
    this.skipLf = false;
    const buf = this.buffer + text;
    const events: string[] = [];
    let pos = 0;
    let lf = buf.indexOf('\n');
    let cr = buf.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      this.line(buf.slice(pos, end), events);
      pos = end + 1;
      if (end === cr) {
        if (pos === buf.length) this.skipLf = true;
        else if (buf.charCodeAt(pos) === 10) pos++;
      }
      if (lf !== -1 && lf < pos) lf = buf.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
    }
    this.buffer = buf.slice(pos);
    if (this.buffer.length + this.dataChars > MAX_EVENT_CHARS) {
      this.buffer = '';
      this.data.length = 0;
      this.dataChars = 0;
      events.push(OVERSIZED_EVENT);
    }
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line.length === 0) {
      if (this.data.length > 0) events.push(this.data.length === 1 ? this.data[0] : this.data.join('\n'));
      this.data.length = 0;
      this.dataChars = 0;
      return;
    }
    if (!line.startsWith('data')) return;
    if (line.length === 4) {
      this.data.push('');
    } else if (line.charCodeAt(4) === 58 /* : */) {
      this.data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
      this.dataChars += line.length;
    }
  }
}

/** One SSE event carrying `data`; a payload with newlines becomes several data lines. */
export function frame(data: string): string {
  if (data.indexOf('\n') === -1) return `data: ${data}\n\n`;
  return `${data.split('\n').map((l) => `data: ${l}`).join('\n')}\n\n`;
}
