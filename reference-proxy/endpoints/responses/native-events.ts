// A Responses backend's own stream, repaired in flight (responses/repair-stream.ts) with the
// proxy's ids. With output deny patterns the streamed text is watched; a match cannot be turned
// into a clean incomplete answer in flight (the backend's items and terminal event are its own),
// so the stream ends there with an error event naming the content policy and response.failed.
import { ResponsesStreamRepairer } from '../../responses/repair-stream.ts';
import type { StreamFailure } from '../../responses/stream-translator.ts';
import type { Json } from '../../responses/types.ts';
import type { EventProducer } from './stream-session.ts';

const POLICY = { message: 'The answer was stopped by the content policy of this proxy.', type: 'invalid_request_error', code: 'content_filter' };

export class NativeEvents implements EventProducer {
  stopped = false;

  private readonly repairer: ResponsesStreamRepairer;
  private readonly filter?: { push(text: string): boolean };

  constructor(repairer: ResponsesStreamRepairer, filter?: { push(text: string): boolean }) {
    this.repairer = repairer;
    this.filter = filter;
  }

  get final(): Json | undefined {
    return this.repairer.final;
  }

  event(data: string): string[] {
    if (this.stopped) return [];
    if (this.filter && data.includes('output_text.delta') && this.blocked(data)) {
      this.stopped = true;
      return this.repairer.fail(POLICY);
    }
    return this.repairer.event(data);
  }

  end(): string[] {
    return this.repairer.end();
  }

  fail(error: StreamFailure): string[] {
    return this.repairer.fail(error);
  }

  private blocked(data: string): boolean {
    let event: Json;
    try {
      event = JSON.parse(data);
    } catch {
      return false;
    }
    return event?.type === 'response.output_text.delta' && typeof event.delta === 'string' && this.filter!.push(event.delta);
  }
}
