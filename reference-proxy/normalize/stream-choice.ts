// Per-choice repair of one stream chunk: role once (F01), tool-call fragments re-keyed (F02-F04,
// F28, F32), finish_reason present on every choice and mapped to the OpenAI value (F05-F08).
import { mapFinishReason, reconcileWithToolCalls } from './finish-reason.ts';
import type { Repairs } from './repairs.ts';
import { ToolCallTracker } from './tool-call-tracker.ts';

export class ChoiceState {
  roleSent = false;
  finished = false;
  readonly tools = new ToolCallTracker();
}

/** What became of one choice: changed or not, or the backend aborted the generation. */
export type ChoiceOutcome = 'same' | 'changed' | { abort: string };

/** Repairs `choice` in place, noting each kind of repair in `repairs`. */
export function fixChoice(choice: any, state: ChoiceState, namedToolChoice: boolean, repairs: Repairs): ChoiceOutcome {
  let changed = false;
  if (choice.delta === null || typeof choice.delta !== 'object') {
    choice.delta = {};
    changed = true;
    repairs.add('delta_added');
  }
  if (fixRole(choice.delta, state)) {
    changed = true;
    repairs.add('role_fixed');
  }
  if (fixToolCalls(choice.delta, state, repairs)) changed = true;
  const reason = choice.finish_reason;
  if (reason === undefined) {
    choice.finish_reason = null;
    repairs.add('finish_reason_null_added');
    return 'changed';
  }
  if (reason === null) return changed ? 'changed' : 'same';
  const mapped = mapFinishReason(String(reason));
  if (mapped === 'abort') return { abort: String(reason) };
  const final = reconcileWithToolCalls(mapped, state.tools.seen, namedToolChoice, state.tools.complete);
  state.finished = true;
  if (final === reason) return changed ? 'changed' : 'same';
  repairs.add(mapped !== reason ? 'finish_reason_mapped' : 'finish_reason_reconciled');
  if (mapped !== reason && final !== mapped) repairs.add('finish_reason_reconciled');
  choice.finish_reason = final;
  return 'changed';
}

/** The role goes on the first delta of a choice and nowhere else. */
function fixRole(delta: any, state: ChoiceState): boolean {
  if (state.roleSent) {
    if (!('role' in delta)) return false;
    delete delta.role;
    return true;
  }
  state.roleSent = true;
  if (delta.role === 'assistant') return false;
  delta.role = 'assistant';
  return true;
}

function fixToolCalls(delta: any, state: ChoiceState, repairs: Repairs): boolean {
  if (!('tool_calls' in delta)) return false;
  const calls = delta.tool_calls;
  if (!Array.isArray(calls) || calls.length === 0) {
    delete delta.tool_calls;
    repairs.add('tool_nulls_removed');
    return true;
  }
  return state.tools.fix(calls, repairs);
}

/** The finish chunk a choice that never got one should have had, as OpenAI sends it. */
export function finishReasonFor(state: ChoiceState, namedToolChoice: boolean): string {
  return reconcileWithToolCalls('stop', state.tools.seen, namedToolChoice, state.tools.complete);
}
