// The stream translation: a state machine fed the chat stream's data payloads (as the stream
// normaliser hands them on: chunks, an error envelope, [DONE]) that writes the Responses event
// stream a real server sends — created and in_progress first, each output item added, its
// deltas, its .done events and output_item.done, then exactly one terminal event, numbered from
// 0, with `event:` lines and no [DONE]. A finish_reason closes the items (the cut one
// incomplete on `length`); the terminal event waits for the usage chunk, until [DONE] or EOF. A
// stream that breaks — an error event, EOF before a finish_reason, a malformed payload, the
// upstream connection failing — ends with an `error` event and `response.failed`, never with a
// response.completed for an answer that was not finished.
import { seconds, statusAtBudget, statusOf, type AnswerContext } from './answer-context.ts';
import { reasoningOf, type ItemStatus } from './output-items.ts';
import { responseObject, type ResponseState } from './response-object.ts';
import { EventSink } from './sse-frame.ts';
import { OpenCall, OpenMessage, OpenReasoning, type OpenItem } from './stream-items.ts';
import type { Json, ResponseItem } from './types.ts';
import { responsesUsage } from './usage.ts';

/** Codes a Response's error may carry (OpenAPI ResponseErrorCode); anything else reads as server_error. */
const RESPONSE_ERROR_CODES = new Set(['server_error', 'rate_limit_exceeded', 'invalid_prompt']);

export interface StreamFailure {
  message: string;
  type?: string;
  code?: string | null;
  param?: string | null;
}

export class ResponsesStreamTranslator {
  private readonly sink = new EventSink();
  private readonly items: ResponseItem[] = [];
  private started = false;
  private reasoningItem?: OpenReasoning;
  private message?: OpenMessage;
  private calls = new Map<number, OpenCall>();
  private closedCalls = new Set<number>();
  private finishReason?: string;
  private usage: unknown;
  private outputChars = 0;
  /** the terminal Response once the stream has ended: what the conversation store keeps */
  final?: Json;

  private readonly ctx: AnswerContext;

  constructor(ctx: AnswerContext) {
    this.ctx = ctx;
  }

  get ended(): boolean {
    return this.final !== undefined;
  }

  /** response.created and response.in_progress, sent as soon as the upstream answered. */
  start(): string[] {
    this.open();
    return this.sink.take();
  }

  /** One chat data payload → the Responses frames to send, in order. */
  event(data: string): string[] {
    if (this.ended) return [];
    if (data === '[DONE]') return this.finish();
    let chunk: Json;
    try {
      chunk = JSON.parse(data);
    } catch {
      return this.fail({ message: `The backend sent a stream event that is not JSON ("${data.slice(0, 120)}"); the answer is incomplete. Retry the request.`, code: 'upstream_malformed_event' });
    }
    if (chunk?.error) return this.fail(chunk.error);
    this.open();
    if (chunk.usage) this.usage = chunk.usage;
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!choice || this.finishReason !== undefined) return this.sink.take();
    try {
      this.choice(choice);
    } catch (e) {
      if (!(e instanceof LateFragment)) throw e;
      return [...this.sink.take(), ...this.fail({ message: e.message, code: 'upstream_malformed_event' })];
    }
    return this.sink.take();
  }

  /** The upstream stream ended (EOF): the terminal event if the answer finished, else a failure. */
  end(): string[] {
    if (this.ended) return [];
    if (this.finishReason === undefined) {
      return this.fail({ message: 'The backend closed the stream before the answer was finished, so it is incomplete. Retry the request.', code: 'upstream_truncated' });
    }
    return this.finish();
  }

  /** The upstream broke after the stream began (connection reset, timeout): response.failed. */
  fail(error: StreamFailure): string[] {
    if (this.ended) return [];
    this.open();
    this.closeAll('incomplete');
    const code = typeof error.code === 'string' ? error.code : null;
    const message = typeof error.message === 'string' ? error.message : 'The backend failed while streaming the answer.';
    this.sink.emit('error', { error: { type: error.type ?? 'server_error', code, message, param: error.param ?? null } });
    this.terminal('response.failed', { status: 'failed', error: { code: code && RESPONSE_ERROR_CODES.has(code) ? code : 'server_error', message } });
    return this.sink.take();
  }

  private open(): void {
    if (this.started) return;
    this.started = true;
    const response = responseObject(this.ctx.head, { status: 'in_progress' });
    this.sink.emit('response.created', { response });
    this.sink.emit('response.in_progress', { response });
  }

  private choice(choice: Json): void {
    const delta = choice.delta ?? {};
    const reasoning = reasoningOf(delta);
    if (reasoning) this.reasoning(reasoning);
    if (typeof delta.content === 'string' && delta.content !== '') {
      this.outputChars += delta.content.length;
      this.messageItem().text(delta.content, logprobsOf(choice));
    }
    if (typeof delta.refusal === 'string' && delta.refusal !== '') {
      this.outputChars += delta.refusal.length;
      this.messageItem().refusal(delta.refusal);
    }
    if (Array.isArray(delta.tool_calls)) for (const fragment of delta.tool_calls) this.toolCall(fragment);
    if (typeof choice.finish_reason === 'string') {
      this.finishReason = choice.finish_reason;
      this.closeAll(statusOf(choice.finish_reason).status === 'incomplete' ? 'incomplete' : 'completed');
    }
  }

  private reasoning(text: string): void {
    this.outputChars += text.length;
    if (!this.reasoningItem) {
      this.closeAll('completed');
      this.reasoningItem = new OpenReasoning(this.sink, this.nextIndex(), this.ctx.newId('rs'), this.ctx.reasoning);
    }
    this.reasoningItem.text(text);
  }

  private messageItem(): OpenMessage {
    if (!this.message) {
      this.closeAll('completed');
      this.message = new OpenMessage(this.sink, this.nextIndex(), this.ctx.newId('msg'));
    }
    return this.message;
  }

  /** Calls stay open together while fragments come, so interleaved parallel calls still land. */
  private toolCall(fragment: Json): void {
    const key = Number.isInteger(fragment?.index) ? fragment.index : 0;
    let call = this.calls.get(key);
    if (!call) {
      if (this.closedCalls.has(key)) throw new LateFragment(`The backend sent more of tool call ${key} after other output; the call cannot be completed. Retry the request.`);
      if (this.calls.size === 0) this.closeAll('completed');
      const callId = typeof fragment.id === 'string' ? fragment.id : `call_${this.ctx.newId('fc').slice(3, 27)}`;
      call = new OpenCall(this.sink, this.nextIndex(), this.ctx.newId('fc'), { callId, name: fragment.function?.name ?? '' });
      this.calls.set(key, call);
    }
    const args = fragment.function?.arguments;
    if (typeof args === 'string' && args !== '') {
      this.outputChars += args.length;
      call.arguments(args);
    }
  }

  private nextIndex(): number {
    return this.items.length + (this.reasoningItem ? 1 : 0) + (this.message ? 1 : 0) + this.calls.size;
  }

  /** Closes every open item in output order; the last one takes `status` (the cut one on length). */
  private closeAll(status: ItemStatus): void {
    const candidates: Array<OpenItem | undefined> = [this.reasoningItem, this.message, ...this.calls.values()];
    const open = candidates.filter((i): i is OpenItem => i !== undefined).sort((a, b) => a.index - b.index);
    for (const [n, item] of open.entries()) this.items.push(item.close(n === open.length - 1 || status !== 'incomplete' ? status : 'completed'));
    for (const key of this.calls.keys()) this.closedCalls.add(key);
    this.reasoningItem = undefined;
    this.message = undefined;
    this.calls = new Map();
  }

  private finish(): string[] {
    this.open();
    if (this.finishReason === undefined) {
      // [DONE] without a finish_reason: the backend said it was done (the normaliser adds the finish chunk first)
      this.finishReason = 'stop';
      this.closeAll('completed');
    }
    const usage = responsesUsage(this.usage, { chatRequest: this.ctx.chatRequest, outputChars: () => this.outputChars });
    // the items are closed already; a cut found only from the usage shows in the terminal event
    const { status, reason } = statusAtBudget(this.finishReason, this.usage, usage.output_tokens, this.ctx.head.request);
    this.terminal(status === 'completed' ? 'response.completed' : 'response.incomplete', { status, incompleteReason: reason, usage });
    return this.sink.take();
  }

  private terminal(type: string, state: ResponseState): void {
    const now = seconds((this.ctx.now ?? Date.now)());
    this.final = responseObject(this.ctx.head, { ...state, output: this.items, completedAt: now });
    this.sink.emit(type, { response: this.final });
  }
}

/** Tool-call fragments for a call that was already closed: the stream cannot be translated further. */
class LateFragment extends Error {}

function logprobsOf(choice: Json): Json[] {
  const content = choice.logprobs?.content;
  return Array.isArray(content) ? content : [];
}
