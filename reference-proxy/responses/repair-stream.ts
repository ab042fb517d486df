// The pass-through repairer: a Responses backend's own event stream (de-framed data payloads)
// made into the stream OpenAI sends, in flight and one event at a time (wire-facts-surface §9.4):
// every event numbered from 0 and named by an `event:` line; created first, with a full Response
// (S03); output_index / content_index filled in (S02); function_call ids (S04); argument and text
// .done events where missing (S05); .done texts equal to the deltas; the terminal event for an
// answer cut by max_output_tokens is response.incomplete (S08); the terminal response lists the
// items streamed; a chat-style error payload becomes an error event and response.failed (S13);
// [DONE] is dropped (S16); a stream that ends without a terminal event ends with response.failed,
// never with a made-up response.completed. An event that needed nothing is sent as it came.
import type { NewId } from './ids.ts';
import { finishedPart, ItemTracker, partText, type TrackedItem, type TrackedPart } from './repair-items.ts';
import type { ResponsesRepairKind, ResponsesRepairs } from './repair-kinds.ts';
import { asIncomplete, completeResponse, cutAtBudget, type ResponseFallback } from './repair-response.ts';
import { responseObject, type ResponseState } from './response-object.ts';
import type { Json } from './types.ts';

const LIFECYCLE = new Set(['response.created', 'response.queued', 'response.in_progress']);
const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);
/** events about one item's content, which carry item_id and output_index */
const ITEM_SCOPED = /^response\.(content_part|output_text|refusal|function_call_arguments|reasoning_text|reasoning_summary_part|reasoning_summary_text)\./;
const TEXT_DELTAS: Record<string, string> = { 'response.output_text.delta': 'output_text', 'response.refusal.delta': 'refusal', 'response.reasoning_text.delta': 'reasoning_text' };
const TEXT_DONES: Record<string, [string, string]> = { 'response.output_text.done': ['output_text', 'text'], 'response.refusal.done': ['refusal', 'refusal'], 'response.reasoning_text.done': ['reasoning_text', 'text'] };

export interface RepairContext {
  /** the client's request (max_output_tokens, and the echo a stub response is completed with) */
  request: Json;
  repairs?: ResponsesRepairs;
  /** replace the backend's response and item ids by the proxy's (ids.ts) */
  newId?: NewId;
  /** epoch ms; Date.now by default */
  now?: () => number;
}

export class ResponsesStreamRepairer {
  readonly repairs: ResponsesRepairs;
  private readonly tracker: ItemTracker;
  private readonly frames: string[] = [];
  private next = 0;
  private edits = 0;
  private created = false;
  private readonly fallback: ResponseFallback;
  /** the terminal Response once the stream has ended: what the conversation store keeps */
  final?: Json;

  private readonly ctx: RepairContext;

  constructor(ctx: RepairContext) {
    this.ctx = ctx;
    this.repairs = ctx.repairs ?? new Set<ResponsesRepairKind>();
    this.tracker = new ItemTracker(this.repairs, () => this.edits++, ctx.newId);
    const now = (ctx.now ?? Date.now)();
    this.fallback = { id: ctx.newId?.('resp') ?? `resp_${now}`, createdAt: Math.floor(now / 1000), model: String(ctx.request.model ?? '') };
  }

  get ended(): boolean {
    return this.final !== undefined;
  }

  /** One upstream data payload → the frames to send, in order. */
  event(data: string): string[] {
    if (data === '[DONE]') {
      this.repairs.add('done_dropped');
      return [];
    }
    if (this.ended) return [];
    let event: Json;
    try {
      event = JSON.parse(data);
    } catch {
      return this.fail({ message: `The backend sent a stream event that is not JSON ("${data.slice(0, 120)}"); the answer is incomplete. Retry the request.`, code: 'upstream_malformed_event' });
    }
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return this.fail({ message: 'The backend sent a stream event that is not a JSON object.', code: 'upstream_malformed_event' });
    if (typeof event.type !== 'string') {
      if (!event.error) return [];
      this.repairs.add('error_reshaped');
      return this.fail(typeof event.error === 'object' ? event.error : { message: String(event.error) });
    }
    const edits = this.edits;
    this.dispatch(event, () => (this.edits === edits ? data : undefined));
    return this.take();
  }

  /** Upstream EOF: a stream that never reached a terminal event ends failed. */
  end(): string[] {
    if (this.ended) return [];
    this.repairs.add('terminal_added');
    return this.fail({ message: 'The backend closed the stream before the answer was finished, so it is incomplete. Retry the request.', code: 'upstream_truncated' });
  }

  /** The upstream broke after the stream began: the open items are closed, then error and response.failed. */
  fail(error: { message?: unknown; type?: unknown; code?: unknown; param?: unknown }): string[] {
    if (this.ended) return [];
    this.ensureCreated();
    this.closeOpen('incomplete');
    const message = typeof error.message === 'string' ? error.message : 'The backend failed while streaming the answer.';
    const code = typeof error.code === 'string' ? error.code : null;
    this.emit({ type: 'error', error: { type: typeof error.type === 'string' ? error.type : 'server_error', code, message, param: typeof error.param === 'string' ? error.param : null } });
    this.final = this.synthesized({ status: 'failed', error: { code: 'server_error', message }, output: this.tracker.output() });
    this.emit({ type: 'response.failed', response: this.final });
    return this.take();
  }

  /** `original` gives the backend's text while the event is unchanged. */
  private dispatch(event: Json, original: () => string | undefined): void {
    const { type } = event;
    if (LIFECYCLE.has(type)) return this.lifecycle(event, original);
    this.ensureCreated();
    if (TERMINAL.has(type)) return this.terminal(event, original);
    if (type === 'response.output_item.added') {
      this.tracker.add(event);
      return this.forward(event, original());
    }
    if (type === 'response.output_item.done') return this.itemDone(event, original);
    if (ITEM_SCOPED.test(type) || 'item_id' in event) {
      const item = this.tracker.of(event);
      // the backend's late events for an item the proxy already closed would change a finished item
      if (item?.done) return;
      if (item) this.itemEvent(item, event);
    }
    this.forward(event, original());
  }

  private lifecycle(event: Json, original: () => string | undefined): void {
    if (event.type === 'response.created' && this.created) return;
    const response = this.complete(event.response ?? {});
    if (!this.created && event.type !== 'response.created') {
      this.repairs.add('created_first');
      this.emit({ type: 'response.created', response });
    }
    this.created = true;
    if (response === event.response) return this.forward(event, original());
    this.forward({ ...event, response });
  }

  private itemEvent(item: TrackedItem, event: Json): void {
    const { type } = event;
    if (type === 'response.content_part.added') this.tracker.part(item, event, event.part?.type ?? 'output_text', true);
    else if (TEXT_DELTAS[type] && typeof event.delta === 'string') this.tracker.part(item, event, TEXT_DELTAS[type], false).deltas.push(event.delta);
    else if (TEXT_DONES[type]) {
      const [partType, key] = TEXT_DONES[type];
      const part = this.tracker.part(item, event, partType, false);
      part.textDone = true;
      if (part.deltas.length > 0 && event[key] !== partText(part)) this.fixText(event, key, partText(part));
    } else if (type === 'response.content_part.done') {
      const part = this.tracker.part(item, event, event.part?.type ?? 'output_text', false);
      part.partDone = true;
      const key = part.type === 'refusal' ? 'refusal' : 'text';
      if (part.deltas.length > 0 && event.part?.[key] !== partText(part)) this.fixText(event, 'part', { ...event.part, [key]: partText(part) });
    } else if (type === 'response.function_call_arguments.delta' && typeof event.delta === 'string') item.args.push(event.delta);
    else if (type === 'response.function_call_arguments.done') item.argsDone = true;
  }

  private fixText(event: Json, key: string, value: unknown): void {
    event[key] = value;
    this.edits++;
    this.repairs.add('text_done_fixed');
  }

  private itemDone(event: Json, original: () => string | undefined): void {
    const item = this.tracker.of(event, false);
    if (!item) return this.forward(event, original());
    if (item.done) return;
    this.closeParts(item);
    const done: Json = { ...event.item, id: item.id };
    if (Array.isArray(done.content)) done.content = done.content.map((c: Json, i: number) => withText(c, item.parts[i]));
    item.done = done;
    const same = JSON.stringify(done) === JSON.stringify(event.item);
    if (!same && done.content !== undefined && JSON.stringify(done.content) !== JSON.stringify(event.item?.content)) this.repairs.add('text_done_fixed');
    this.forward({ ...event, item: done }, same ? original() : undefined);
  }

  /** The .done events an item still lacks before its output_item.done (S05). */
  private closeParts(item: TrackedItem): void {
    const at = { item_id: item.id, output_index: item.index };
    for (const [i, part] of item.parts.entries()) {
      if (!part) continue;
      const done = finishedPart(part);
      if (!part.textDone) {
        this.repairs.add('items_closed');
        if (part.type === 'refusal') this.emit({ type: 'response.refusal.done', ...at, content_index: i, refusal: done.refusal });
        else if (part.type === 'reasoning_text') this.emit({ type: 'response.reasoning_text.done', ...at, content_index: i, text: done.text });
        else this.emit({ type: 'response.output_text.done', ...at, content_index: i, text: done.text, logprobs: [] });
      }
      if (!part.partDone) {
        this.repairs.add('items_closed');
        this.emit({ type: 'response.content_part.done', ...at, content_index: i, part: done });
      }
      part.textDone = part.partDone = true;
    }
    if (item.item.type === 'function_call' && !item.argsDone) {
      this.repairs.add('arguments_done_added');
      this.emit({ type: 'response.function_call_arguments.done', ...at, arguments: item.args.join('') });
      item.argsDone = true;
    }
  }

  private closeOpen(status: string): void {
    for (const item of this.tracker.open()) {
      this.repairs.add('items_closed');
      this.closeParts(item);
      const done: Json = { ...item.item, status };
      if (item.item.type === 'function_call') done.arguments = item.args.join('');
      if (item.item.type === 'message') done.content = item.parts.filter(Boolean).map(finishedPart);
      item.done = done;
      this.emit({ type: 'response.output_item.done', output_index: item.index, item: done });
    }
  }

  private terminal(event: Json, original: () => string | undefined): void {
    let response = this.complete(event.response ?? {});
    let type = event.type;
    if (type === 'response.completed' && (response.status === 'incomplete' || cutAtBudget(response, this.ctx.request))) {
      // vLLM says incomplete in the status but names the event completed; Ollama and llama.cpp say completed throughout
      response = asIncomplete(response, this.repairs);
      type = 'response.incomplete';
    }
    this.closeOpen(type === 'response.completed' ? 'completed' : 'incomplete');
    const streamed = this.tracker.output();
    const output: Json[] = Array.isArray(response.output) ? response.output : [];
    if (streamed.length > 0 && (output.length !== streamed.length || output.some((o, i) => o?.id !== streamed[i].id))) {
      if (output.length !== streamed.length) this.repairs.add('final_output_filled');
      response = { ...response, output: streamed };
    }
    this.final = response;
    if (type === event.type && response === event.response) return this.forward(event, original());
    this.forward({ ...event, type, response });
  }

  /** A backend's Response with the required keys, under the proxy's id when ids are remapped. */
  private complete(r: Json): Json {
    let out = completeResponse(r, this.ctx.request, this.fallback, this.repairs);
    // the backend was sent the stored conversation inline, so it echoes no previous_response_id:
    // the client's every response object still names the one it continued
    const previous = this.ctx.request.previous_response_id;
    if (typeof previous === 'string' && out.previous_response_id !== previous) out = { ...out, previous_response_id: previous };
    if (!this.ctx.newId || out.id === this.fallback.id) return out;
    this.repairs.add('ids_remapped');
    return { ...out, id: this.fallback.id };
  }

  private synthesized(state: ResponseState): Json {
    return responseObject({ ...this.fallback, request: this.ctx.request }, state);
  }

  private ensureCreated(): void {
    if (this.created) return;
    this.created = true;
    this.repairs.add('created_first');
    this.emit({ type: 'response.created', response: this.synthesized({ status: 'in_progress' }) });
  }

  /** A backend event, numbered: its own text when nothing changed and the number was right. */
  private forward(event: Json, original?: string): void {
    if (event.sequence_number !== this.next) this.repairs.add('sequence_renumbered');
    this.emit(event, event.sequence_number === this.next ? original : undefined);
  }

  /** Numbers the event (type and sequence_number first, as OpenAI writes them) and frames it. */
  private emit(event: Json, original?: string): void {
    const n = this.next++;
    let data = original;
    if (data === undefined) {
      const { type, sequence_number: _, ...rest } = event;
      data = JSON.stringify({ type, sequence_number: n, ...rest });
    }
    this.frames.push(`event: ${event.type}\ndata: ${data}\n\n`);
  }

  private take(): string[] {
    return this.frames.splice(0, this.frames.length);
  }
}

/** A done item's content part with the text its deltas carried. */
function withText(content: Json, part: TrackedPart | undefined): Json {
  if (!part || part.deltas.length === 0) return content;
  const key = part.type === 'refusal' ? 'refusal' : 'text';
  return content?.[key] === partText(part) ? content : { ...content, [key]: partText(part) };
}
