// Per-choice repair of one stream chunk: role once (F01), tool-call fragments re-keyed (F02-F04,
// F28, F32), finish_reason present on every choice and mapped to the OpenAI value (F05-F08).
import { mapFinishReason, reconcileWithToolCalls } from './finish-reason.ts';
import { ToolCallTracker } from './tool-call-tracker.ts';

export class ChoiceState {
  roleSent = false;
  finished = false;
  readonly tools = new ToolCallTracker();
}

/** What became of one choice: changed or not, or the backend aborted the generation. */
export type ChoiceOutcome = 'same' | 'changed' | { abort: string };

/** Repairs `choice` in place. */
export function fixChoice(choice: any, state: ChoiceState, namedToolChoice: boolean): ChoiceOutcome {
  let changed = false;
  if (choice.delta === null || typeof choice.delta !== 'object') {
    choice.delta = {};
    changed = true;
  }
  if (fixRole(choice.delta, state)) changed = true;
  if (fixToolCalls(choice.delta, state)) changed = true;
  const reason = choice.finish_reason;
  if (reason === undefined) {
    choice.finish_reason = null;
    return 'changed';
  }
  if (reason === null) return changed ? 'changed' : 'same';
  const mapped = mapFinishReason(String(reason));
  if (mapped === 'abort') return { abort: String(reason) };
  const final = reconcileWithToolCalls(mapped, state.tools.seen, namedToolChoice, state.tools.complete);
  state.finished = true;
  if (final === reason) return changed ? 'changed' : 'same';
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

function fixToolCalls(delta: any, state: ChoiceState): boolean {
  if (!('tool_calls' in delta)) return false;
  const calls = delta.tool_calls;
  if (!Array.isArray(calls) || calls.length === 0) {
    delete delta.tool_calls;
    return true;
  }
  return state.tools.fix(calls);
}

/** The finish chunk a choice that never got one should have had, as OpenAI sends it. */
export function finishReasonFor(state: ChoiceState, namedToolChoice: boolean): string {
  return reconcileWithToolCalls('stop', state.tools.seen, namedToolChoice, state.tools.complete);
}
