// Folds a stream's tool_calls fragments into whole calls per choice and index, the way
// openai-python's ChatCompletionStreamState does (docs/deviations.md#clients): `index` is the join
// key, `arguments` fragments are concatenated, an empty id or name adds nothing and a re-sent
// `type` replaces the old one. Unlike the client it never throws: every fragment that would trip a
// client is recorded as an anomaly with the event where it happened.
import { isRecord, type StreamChoice } from '../streaming/parse-stream.ts';

export type AnomalyKind =
  /** a fragment without an integer `index` (F02) */
  | 'missing-index'
  /** a fragment whose id or name differs from the call already on that index: two calls merged (F03) */
  | 'merged-call'
  /** a non-empty id or function.name sent again with the same value: openai-python concatenates it (F04) */
  | 'repeated-field'
  /** id, type or function.name first sent on a later fragment of its index: the AI SDK throws */
  | 'late-field'
  /** type or function.name first sent after the arguments started (F32) */
  | 'after-arguments'
  /** `tool_calls`, `type` or `function` sent as null (F32) */
  | 'null-field'
  /** function.arguments that is not a string (F28) */
  | 'arguments-not-string';

export interface ToolCallAnomaly {
  kind: AnomalyKind;
  /** index in exchange.sse.events */
  event: number;
  pointer: string;
  choice: number;
  index?: number;
  field?: string;
  value?: unknown;
}

export interface AccumulatedCall {
  choice: number;
  index: number;
  id?: string;
  type?: string;
  name?: string;
  /** the string fragments, concatenated */
  arguments: string;
  /** the first non-string `arguments` value, when one was sent */
  nonStringArguments?: unknown;
  /** pointer to the call's first fragment */
  pointer: string;
  fragments: number;
}

export interface AccumulatedToolCalls {
  calls: AccumulatedCall[];
  anomalies: ToolCallAnomaly[];
  /** tool_calls entries seen in the whole stream */
  fragments: number;
}

const IDENTITY = ['id', 'type', 'name'] as const;

export function accumulateToolCalls(entries: StreamChoice[]): AccumulatedToolCalls {
  const calls = new Map<string, AccumulatedCall>();
  const anomalies: ToolCallAnomaly[] = [];
  let fragments = 0;
  for (const { n, i, index: choice, delta } of entries) {
    const base = `/events/${n}/choices/${i}/delta/tool_calls`;
    if (delta.tool_calls === null) anomalies.push({ kind: 'null-field', event: n, pointer: base, choice, field: 'tool_calls' });
    if (!Array.isArray(delta.tool_calls)) continue;
    delta.tool_calls.forEach((fragment: unknown, k: number) => {
      if (!isRecord(fragment)) return;
      fragments += 1;
      const at = { event: n, pointer: `${base}/${k}`, choice };
      // Without an index a client cannot join the fragment; its position is the best guess left.
      const index = Number.isInteger(fragment.index) ? (fragment.index as number) : k;
      if (index !== fragment.index) anomalies.push({ kind: 'missing-index', ...at, value: fragment.index });
      const record = { ...at, index };
      if (fragment.type === null) anomalies.push({ kind: 'null-field', ...record, field: 'type', pointer: `${at.pointer}/type` });
      if (fragment.function === null) anomalies.push({ kind: 'null-field', ...record, field: 'function', pointer: `${at.pointer}/function` });
      const fn = isRecord(fragment.function) ? fragment.function : {};
      // "" adds nothing to a concatenated string and openai-node skips it: it is no id or name
      const sent = { id: nonEmpty(fragment.id), type: fragment.type, name: nonEmpty(fn.name) };
      const key = `${choice}/${index}`;
      let call = calls.get(key);
      if (!call) {
        call = { choice, index, arguments: '', pointer: at.pointer, fragments: 0 };
        calls.set(key, call);
        for (const field of IDENTITY) if (typeof sent[field] === 'string') call[field] = sent[field];
      } else {
        anomalies.push(...identityAnomalies(call, sent, record));
      }
      call.fragments += 1;
      appendArguments(call, fn.arguments, record, anomalies);
    });
  }
  return { calls: [...calls.values()], anomalies, fragments };
}

type At = { event: number; pointer: string; choice: number; index: number };

/** Compare a later fragment's id/type/name with what its index already holds, and fold them in. */
function identityAnomalies(call: AccumulatedCall, sent: Record<(typeof IDENTITY)[number], unknown>, at: At): ToolCallAnomaly[] {
  const pointerOf = (field: string) => `${at.pointer}${field === 'name' ? '/function/name' : `/${field}`}`;
  const merged = (['id', 'name'] as const).find((f) => typeof sent[f] === 'string' && call[f] !== undefined && sent[f] !== call[f]);
  if (merged) return [{ kind: 'merged-call', ...at, field: merged, value: sent[merged], pointer: pointerOf(merged) }];
  const out: ToolCallAnomaly[] = [];
  for (const field of IDENTITY) {
    const value = sent[field];
    if (typeof value !== 'string') continue;
    const pointer = pointerOf(field);
    if (call[field] !== undefined) {
      // every client replaces `type` rather than concatenating it, so sending it again is harmless
      if (field !== 'type') out.push({ kind: 'repeated-field', ...at, field, value, pointer });
      continue;
    }
    const late = field !== 'id' && call.arguments.length > 0 ? 'after-arguments' : 'late-field';
    out.push({ kind: late, ...at, field, value, pointer });
    call[field] = value;
  }
  return out;
}

function nonEmpty(value: unknown): unknown {
  return value === '' ? undefined : value;
}

function appendArguments(call: AccumulatedCall, value: unknown, at: At, anomalies: ToolCallAnomaly[]): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    call.arguments += value;
    return;
  }
  call.nonStringArguments ??= value;
  anomalies.push({ kind: 'arguments-not-string', ...at, field: 'arguments', value, pointer: `${at.pointer}/function/arguments` });
}
