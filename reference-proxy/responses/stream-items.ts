// The output items of a translated stream while they are open: each knows the events that open
// it, carry its deltas and close it, in OpenAI's order (wire-facts-surface §1.3 facts 15–18).
// A message holds text and refusal parts; a function call its argument fragments; a reasoning
// item its text, as a summary or as reasoning_text (output-items.ts).
import { functionCallItem, messageItem, reasoningItem, refusalPart, textPart, type ItemStatus, type ReasoningStyle } from './output-items.ts';
import type { EventSink } from './sse-frame.ts';
import type { Json, ResponseItem } from './types.ts';

export interface OpenItem {
  readonly index: number;
  /** emits the closing events and returns the finished item */
  close(status: ItemStatus): ResponseItem;
}

interface Part {
  kind: 'text' | 'refusal';
  chunks: string[];
  logprobs: Json[];
}

export class OpenMessage implements OpenItem {
  private readonly parts: Part[] = [];
  private readonly at: { item_id: string; output_index: number };

  private readonly sink: EventSink;
  readonly index: number;
  private readonly id: string;

  constructor(sink: EventSink, index: number, id: string) {
    this.sink = sink;
    this.index = index;
    this.id = id;
    this.at = { item_id: id, output_index: index };
    sink.emit('response.output_item.added', { output_index: index, item: messageItem(id, 'in_progress', []) });
  }

  text(delta: string, logprobs: Json[]): void {
    const part = this.part('text');
    part.chunks.push(delta);
    if (logprobs.length > 0) part.logprobs.push(...logprobs);
    this.sink.emit('response.output_text.delta', { ...this.at, content_index: this.parts.length - 1, delta, logprobs });
  }

  refusal(delta: string): void {
    this.part('refusal').chunks.push(delta);
    this.sink.emit('response.refusal.delta', { ...this.at, content_index: this.parts.length - 1, delta });
  }

  close(status: ItemStatus): ResponseItem {
    if (this.parts.length > 0) this.closePart(this.parts.length - 1);
    const content = this.parts.map(finishedPart);
    const item = messageItem(this.id, status, content);
    this.sink.emit('response.output_item.done', { output_index: this.index, item });
    return item;
  }

  private part(kind: Part['kind']): Part {
    const last = this.parts.at(-1);
    if (last?.kind === kind) return last;
    if (last) this.closePart(this.parts.length - 1);
    const part: Part = { kind, chunks: [], logprobs: [] };
    this.parts.push(part);
    this.sink.emit('response.content_part.added', { ...this.at, content_index: this.parts.length - 1, part: kind === 'text' ? textPart('') : refusalPart('') });
    return part;
  }

  private closePart(contentIndex: number): void {
    const part = this.parts[contentIndex];
    const at = { ...this.at, content_index: contentIndex };
    const done = finishedPart(part);
    if (part.kind === 'text') this.sink.emit('response.output_text.done', { ...at, text: done.text, logprobs: part.logprobs });
    else this.sink.emit('response.refusal.done', { ...at, refusal: done.refusal });
    this.sink.emit('response.content_part.done', { ...at, part: done });
  }
}

function finishedPart(part: Part): Json {
  const text = part.chunks.join('');
  part.chunks = [text];
  return part.kind === 'text' ? textPart(text, part.logprobs) : refusalPart(text);
}

export class OpenCall implements OpenItem {
  private readonly args: string[] = [];

  private readonly sink: EventSink;
  readonly index: number;
  private readonly id: string;
  private readonly call: { callId: string; name: string };

  constructor(sink: EventSink, index: number, id: string, call: { callId: string; name: string }) {
    this.sink = sink;
    this.index = index;
    this.id = id;
    this.call = call;
    sink.emit('response.output_item.added', { output_index: index, item: functionCallItem(id, 'in_progress', { ...call, arguments: '' }) });
  }

  arguments(delta: string): void {
    this.args.push(delta);
    this.sink.emit('response.function_call_arguments.delta', { item_id: this.id, output_index: this.index, delta });
  }

  close(status: ItemStatus): ResponseItem {
    const args = this.args.join('');
    // OpenAI's own .done event has no `name`, whatever the spec says (S07)
    this.sink.emit('response.function_call_arguments.done', { item_id: this.id, output_index: this.index, arguments: args });
    const item = functionCallItem(this.id, status, { ...this.call, arguments: args });
    this.sink.emit('response.output_item.done', { output_index: this.index, item });
    return item;
  }
}

export class OpenReasoning implements OpenItem {
  private readonly chunks: string[] = [];
  private readonly at: Json;
  private readonly events: { delta: string; done: string; partAdded: string; partDone: string; part: (text: string) => Json };

  private readonly sink: EventSink;
  readonly index: number;
  private readonly id: string;
  private readonly style: ReasoningStyle;

  constructor(sink: EventSink, index: number, id: string, style: ReasoningStyle) {
    this.sink = sink;
    this.index = index;
    this.id = id;
    this.style = style;
    const summary = style === 'summary';
    this.at = { item_id: id, output_index: index, ...(summary ? { summary_index: 0 } : { content_index: 0 }) };
    this.events = summary
      ? { delta: 'response.reasoning_summary_text.delta', done: 'response.reasoning_summary_text.done', partAdded: 'response.reasoning_summary_part.added', partDone: 'response.reasoning_summary_part.done', part: (text) => ({ type: 'summary_text', text }) }
      : { delta: 'response.reasoning_text.delta', done: 'response.reasoning_text.done', partAdded: 'response.content_part.added', partDone: 'response.content_part.done', part: (text) => ({ type: 'reasoning_text', text }) };
    sink.emit('response.output_item.added', { output_index: index, item: reasoningItem(id, '', style) });
    sink.emit(this.events.partAdded, { ...this.at, part: this.events.part('') });
  }

  text(delta: string): void {
    this.chunks.push(delta);
    this.sink.emit(this.events.delta, { ...this.at, delta });
  }

  close(): ResponseItem {
    const text = this.chunks.join('');
    this.sink.emit(this.events.done, { ...this.at, text });
    this.sink.emit(this.events.partDone, { ...this.at, part: this.events.part(text) });
    const item = reasoningItem(this.id, text, this.style);
    this.sink.emit('response.output_item.done', { output_index: this.index, item });
    return item;
  }
}
