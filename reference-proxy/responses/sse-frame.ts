// A Responses event on the wire as OpenAI writes it: an `event:` line naming the type, then the
// JSON with `type` and `sequence_number` first (wire-facts-surface §1.3, fact 13). No [DONE]
// ever follows: the terminal event ends the stream.
import type { Json } from './types.ts';

export function frameEvent(event: Json & { type: string }): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Numbers events from 0 as they are written, in one place for every producer. */
export class EventSink {
  private next = 0;
  readonly frames: string[] = [];

  emit(type: string, fields: Json): void {
    this.frames.push(frameEvent({ type, sequence_number: this.next++, ...fields }));
  }

  /** The frames written since the last take, for the caller to send. */
  take(): string[] {
    return this.frames.splice(0, this.frames.length);
  }
}
