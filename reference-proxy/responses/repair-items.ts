// The output items of a Responses stream as the repairer has seen them: each item's index and id
// (filled in where the backend left them out, S02/S04, or replaced by the proxy's), its content
// parts with the text their deltas carried, its argument fragments, and which .done events it
// got — what is needed to fill in indices, correct .done texts and close what the backend left
// open (S05).
import type { NewId } from './ids.ts';
import type { ResponsesRepairs } from './repair-kinds.ts';
import type { Json } from './types.ts';

export interface TrackedPart {
  /** output_text, refusal or reasoning_text */
  type: string;
  deltas: string[];
  textDone: boolean;
  partDone: boolean;
}

export interface TrackedItem {
  index: number;
  /** the id the client sees */
  id: string;
  item: Json;
  parts: TrackedPart[];
  args: string[];
  argsDone: boolean;
  done?: Json;
}

const PREFIX: Record<string, 'msg' | 'fc' | 'rs'> = { message: 'msg', function_call: 'fc', reasoning: 'rs' };

export class ItemTracker {
  readonly items: TrackedItem[] = [];
  private readonly byUpstreamId = new Map<string, TrackedItem>();

  /** `edited` is told whenever an event is changed in place, so its original text is not sent */
  private readonly repairs: ResponsesRepairs;
  private readonly edited: () => void;
  private readonly newId?: NewId;

  constructor(repairs: ResponsesRepairs, edited: () => void, newId?: NewId) {
    this.repairs = repairs;
    this.edited = edited;
    this.newId = newId;
  }

  /** Registers an added item, filling in its output_index and id; the event is edited in place. */
  add(event: Json): TrackedItem {
    const item: Json = { ...event.item };
    const upstreamId = typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
    // llama.cpp before #24882 names a call by its call_id ("fc_…") on every event and gives it no id
    const named = upstreamId ?? (typeof item.call_id === 'string' ? item.call_id : undefined);
    if (!upstreamId || this.newId) this.edited();
    if (!upstreamId) {
      this.repairs.add('item_id_added');
      item.id = named ?? `item_${this.items.length}`;
    }
    if (this.newId && PREFIX[item.type]) {
      item.id = this.newId(PREFIX[item.type]);
      this.repairs.add('ids_remapped');
    }
    if (!Number.isInteger(event.output_index)) {
      event.output_index = this.items.length;
      this.repairs.add('indices_added');
      this.edited();
    }
    const tracked: TrackedItem = { index: event.output_index, id: item.id, item, parts: [], args: [], argsDone: false };
    this.items.push(tracked);
    if (named) this.byUpstreamId.set(named, tracked);
    if (upstreamId && typeof item.call_id === 'string') this.byUpstreamId.set(item.call_id, tracked);
    event.item = item;
    return tracked;
  }

  /** The item an event is about: by item_id, else output_index, else the last one added. Fills in both (item_id only where the event carries one). */
  of(event: Json, carriesItemId = true): TrackedItem | undefined {
    const byId = typeof event.item_id === 'string' ? this.byUpstreamId.get(event.item_id) : undefined;
    const found = byId ?? this.items.find((i) => i.index === event.output_index) ?? this.items.at(-1);
    if (!found) return undefined;
    if (carriesItemId && event.item_id !== found.id) {
      event.item_id = found.id;
      this.edited();
    }
    if (!Number.isInteger(event.output_index)) {
      event.output_index = found.index;
      this.repairs.add('indices_added');
      this.edited();
    }
    return found;
  }

  /** The part a part or text event is about, filling in content_index (a new part for content_part.added). */
  part(item: TrackedItem, event: Json, type: string, adding: boolean): TrackedPart {
    if (!Number.isInteger(event.content_index)) {
      event.content_index = adding ? item.parts.length : Math.max(0, item.parts.length - 1);
      this.repairs.add('indices_added');
      this.edited();
    }
    let part = item.parts[event.content_index];
    if (!part) item.parts[event.content_index] = part = { type, deltas: [], textDone: false, partDone: false };
    return part;
  }

  /** The items of the final output: as done, or as added for those never finished. */
  output(): Json[] {
    return [...this.items].sort((a, b) => a.index - b.index).map((i) => i.done ?? i.item);
  }

  open(): TrackedItem[] {
    return this.items.filter((i) => !i.done);
  }
}

export const partText = (part: TrackedPart) => part.deltas.join('');

/** The finished content part of a tracked part, as OpenAI closes it. */
export function finishedPart(part: TrackedPart): Json {
  const text = partText(part);
  if (part.type === 'refusal') return { type: 'refusal', refusal: text };
  if (part.type === 'reasoning_text') return { type: 'reasoning_text', text };
  return { type: 'output_text', annotations: [], logprobs: [], text };
}
