// The output items of a Responses stream, rebuilt from its events: each `output_item.added` opens
// an item; text and argument events are routed to it by output_index, else by item_id (the item's
// id, or its call_id as llama.cpp sends), else to the item opened last — so a stream that omits
// indices (S02) can still be read, and the checks can say what it got wrong.
import { isRecord } from '../streaming/parse-stream.ts';
import type { ResponsesStream, TypedEvent } from './events.ts';

export interface TextPart {
  contentIndex: number;
  /** n of content_part.added */
  addedAt?: number;
  deltas: string;
  deltaCount: number;
  textDone?: { n: number; text: unknown };
  partDone?: { n: number; text: unknown };
}

export interface StreamItem {
  /** the output_index of output_item.added, or the item's position when the server sent none */
  outputIndex: number;
  added: { n: number; item: Record<string, any> };
  done?: { n: number; item: Record<string, any> };
  parts: Map<number, TextPart>;
  args: { deltas: string; count: number; done?: { n: number; arguments: unknown } };
  /** events for this item that came after its output_item.done */
  late: number[];
}

export interface StreamItems {
  items: StreamItem[];
  /** item events that match no opened item */
  orphans: TypedEvent[];
}

const TEXT_EVENTS = new Set(['response.content_part.added', 'response.content_part.done', 'response.output_text.delta', 'response.output_text.done']);
const ARG_EVENTS = new Set(['response.function_call_arguments.delta', 'response.function_call_arguments.done']);

export function streamItems(stream: ResponsesStream): StreamItems {
  const items: StreamItem[] = [];
  const orphans: TypedEvent[] = [];
  for (const e of stream.typed) {
    if (e.type === 'response.output_item.added' && isRecord(e.event.item)) {
      const outputIndex = Number.isInteger(e.event.output_index) ? e.event.output_index : items.length;
      items.push({ outputIndex, added: { n: e.n, item: e.event.item }, parts: new Map(), args: { deltas: '', count: 0 }, late: [] });
      continue;
    }
    if (!TEXT_EVENTS.has(e.type) && !ARG_EVENTS.has(e.type) && e.type !== 'response.output_item.done') continue;
    const item = routeTo(items, e.event);
    if (!item) {
      orphans.push(e);
      continue;
    }
    if (item.done) item.late.push(e.n);
    if (e.type === 'response.output_item.done') item.done = { n: e.n, item: isRecord(e.event.item) ? e.event.item : {} };
    else if (ARG_EVENTS.has(e.type)) addArguments(item, e);
    else addText(item, e);
  }
  return { items, orphans };
}

function routeTo(items: StreamItem[], event: Record<string, any>): StreamItem | undefined {
  if (Number.isInteger(event.output_index)) return items.find((i) => i.outputIndex === event.output_index);
  const id = event.item_id ?? (isRecord(event.item) ? event.item.id : undefined);
  if (typeof id === 'string') {
    const byId = items.find((i) => i.added.item.id === id) ?? items.find((i) => i.added.item.call_id === id);
    if (byId) return byId;
  }
  return items.at(-1);
}

function addArguments(item: StreamItem, e: TypedEvent): void {
  if (e.type === 'response.function_call_arguments.delta') {
    item.args.deltas += typeof e.event.delta === 'string' ? e.event.delta : '';
    item.args.count += 1;
  } else {
    item.args.done = { n: e.n, arguments: e.event.arguments };
  }
}

function addText(item: StreamItem, e: TypedEvent): void {
  const contentIndex = Number.isInteger(e.event.content_index) ? e.event.content_index : 0;
  const part: TextPart = item.parts.get(contentIndex) ?? { contentIndex, deltas: '', deltaCount: 0 };
  item.parts.set(contentIndex, part);
  if (e.type === 'response.content_part.added') part.addedAt = e.n;
  else if (e.type === 'response.output_text.delta') {
    part.deltas += typeof e.event.delta === 'string' ? e.event.delta : '';
    part.deltaCount += 1;
  } else if (e.type === 'response.output_text.done') part.textDone = { n: e.n, text: e.event.text };
  else part.partDone = { n: e.n, text: isRecord(e.event.part) ? e.event.part.text : undefined };
}

/** The item as a client ends up with it: the done item, else the added item with its streamed text and arguments. */
export function assembled(item: StreamItem): Record<string, any> {
  if (item.done) return item.done.item;
  const base = { ...item.added.item };
  if (base.type === 'function_call') return { ...base, arguments: item.args.done?.arguments ?? item.args.deltas };
  if (base.type === 'message') {
    const parts = [...item.parts.values()].sort((a, b) => a.contentIndex - b.contentIndex);
    return { ...base, content: parts.map((p) => ({ type: 'output_text', text: p.deltas, annotations: [] })) };
  }
  return base;
}
