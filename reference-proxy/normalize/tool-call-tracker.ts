// Re-keys one choice's streamed tool-call fragments so every call has its own index and its id,
// type and name arrive once (wire-facts F02, F03, F04, F28, F32). Clients join fragments by index
// and concatenate strings, so a missing index crashes them, a shared index merges two calls, and
// a re-sent id or name becomes "call_1call_1". A fragment belongs to a call by, in order: an id
// already seen; a new id (a new call); the upstream index, unless it now carries a different
// name (parallel calls all sent as index 0); with neither, the current call unless a different
// name starts a new one.
import type { Repairs } from './repairs.ts';

interface CallState {
  idSent: boolean;
  typeSent: boolean;
  name?: string;
  /** the arguments so far, to tell a complete call from one cut short (F06) */
  args: string;
}

export class ToolCallTracker {
  private readonly calls: CallState[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byUpstreamIndex = new Map<number, number>();
  private current = -1;

  /** Whether any tool call has been seen. */
  get seen(): boolean {
    return this.calls.length > 0;
  }

  /** Whether every call's arguments are complete JSON: a call cut by max_tokens is not. */
  get complete(): boolean {
    return this.calls.every((c) => parses(c.args));
  }

  /** Repairs the fragments in place, noting each kind in `repairs`; true when any of them changed. */
  fix(fragments: any[], repairs: Repairs): boolean {
    let changed = false;
    for (const fragment of fragments) {
      if (fragment !== null && typeof fragment === 'object' && this.fixOne(fragment, repairs)) changed = true;
    }
    return changed;
  }

  private fixOne(f: any, repairs: Repairs): boolean {
    let changed = dropNulls(f);
    if (changed) repairs.add('tool_nulls_removed');
    const fn = f.function !== null && typeof f.function === 'object' ? f.function : undefined;
    if (fn && fn.arguments !== undefined && typeof fn.arguments !== 'string') {
      fn.arguments = JSON.stringify(fn.arguments);
      changed = true;
      repairs.add('arguments_stringified');
    }
    const id: string | undefined = typeof f.id === 'string' ? f.id : undefined;
    const name: string | undefined = typeof fn?.name === 'string' ? fn.name : undefined;
    const target = this.target(id, Number.isInteger(f.index) ? f.index : undefined, name);
    const call = this.calls[target];
    if (typeof fn?.arguments === 'string') call.args += fn.arguments;
    if (f.index !== target) {
      repairs.add(Number.isInteger(f.index) ? 'tool_index_split' : 'tool_index_added');
      f.index = target;
      changed = true;
    }
    let repeated = false;
    if (id !== undefined) {
      if (call.idSent) {
        delete f.id;
        repeated = true;
      } else {
        call.idSent = true;
        this.byId.set(id, target);
        if (f.type === undefined) {
          f.type = 'function';
          changed = true;
          repairs.add('tool_call_fields_added');
        }
      }
    }
    if (f.type !== undefined) {
      if (call.typeSent) {
        delete f.type;
        repeated = true;
      } else {
        call.typeSent = true;
      }
    }
    if (name !== undefined) {
      if (call.name !== undefined) {
        delete fn.name;
        repeated = true;
      } else {
        call.name = name;
      }
    }
    if (repeated) repairs.add('tool_fields_deduplicated');
    return changed || repeated;
  }

  private target(id: string | undefined, upstreamIndex: number | undefined, name: string | undefined): number {
    if (id !== undefined) {
      const known = this.byId.get(id);
      return known === undefined ? this.open(upstreamIndex) : (this.current = known);
    }
    if (upstreamIndex !== undefined) {
      const known = this.byUpstreamIndex.get(upstreamIndex);
      if (known === undefined || this.startsNewCall(known, name)) return this.open(upstreamIndex);
      return (this.current = known);
    }
    if (this.current === -1 || this.startsNewCall(this.current, name)) return this.open(undefined);
    return this.current;
  }

  private startsNewCall(call: number, name: string | undefined): boolean {
    const known = this.calls[call].name;
    return name !== undefined && known !== undefined && name !== known;
  }

  private open(upstreamIndex: number | undefined): number {
    const index = this.calls.length;
    this.calls.push({ idSent: false, typeSent: false, args: '' });
    if (upstreamIndex !== undefined) this.byUpstreamIndex.set(upstreamIndex, index);
    return (this.current = index);
  }
}

/** `id: null`, `type: null`, `name: null`, `arguments: null` (F32) mean "absent". */
function dropNulls(f: any): boolean {
  let changed = false;
  for (const key of ['id', 'type'] as const) {
    if (f[key] === null || f[key] === '') {
      delete f[key];
      changed = true;
    }
  }
  const fn = f.function;
  if (fn === null) {
    delete f.function;
    return true;
  }
  if (fn !== null && typeof fn === 'object') {
    for (const key of ['name', 'arguments'] as const) {
      if (fn[key] === null) {
        delete fn[key];
        changed = true;
      }
    }
  }
  return changed;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
