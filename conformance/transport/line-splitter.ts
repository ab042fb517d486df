// Splits decoded event-stream text into lines the way the WHATWG event stream grammar does:
// a line ends at CRLF, LF or CR. Text arrives in arbitrary pieces, so a CR at the end of one
// piece may be the first half of a CRLF whose LF opens the next piece.
import type { LineEnding } from '../types.ts';

export class LineSplitter {
  private partial = '';
  /** a line was just ended by CR; an LF that follows belongs to that same line end */
  private afterCr = false;
  private readonly seen = new Set<LineEnding>();

  /** Feeds text and returns the lines it completed, without their line ends. */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.afterCr && text.length > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === 0x0a) {
        this.seen.add('CRLF');
        start = 1;
      } else {
        this.seen.add('CR');
      }
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      lines.push(this.partial + text.slice(start, i));
      this.partial = '';
      if (c === 0x0a) {
        this.seen.add('LF');
      } else if (i + 1 === text.length) {
        // The line is complete now (its event may dispatch now); only the ending's name waits.
        this.afterCr = true;
      } else if (text.charCodeAt(i + 1) === 0x0a) {
        this.seen.add('CRLF');
        i++;
      } else {
        this.seen.add('CR');
      }
      start = i + 1;
    }
    this.partial += text.slice(start);
    return lines;
  }

  /** Ends the input; returns the unterminated last line, if any text followed the last line end. */
  end(): string | undefined {
    if (this.afterCr) this.seen.add('CR');
    this.afterCr = false;
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? undefined : rest;
  }

  /** The kinds of line end met so far, in the order first met. */
  get lineEndings(): LineEnding[] {
    return [...this.seen];
  }
}
