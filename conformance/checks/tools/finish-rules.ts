// The finish_reason a reply with tool calls may carry. OpenAI reports `tool_calls` for auto and
// required but `stop` for a named tool_choice (wire-facts §1.4 table, F07), so both are accepted
// there; `length` is always acceptable, and is the only answer once the token limit was reached
// (F06: `tool_calls` would hide a truncated call).
import { show } from '../verdict.ts';
import { toolChoiceOf } from './tool-choice.ts';

export interface FinishRule {
  accepted: string[];
  /** why, for the Expected text */
  because: string;
}

export function toolCallFinishRule(request: any, completionTokens: unknown): FinishRule {
  const limit = request?.max_completion_tokens ?? request?.max_tokens;
  if (Number.isInteger(limit) && Number.isInteger(completionTokens) && (completionTokens as number) >= limit) {
    return { accepted: ['length'], because: `the reply used ${completionTokens} of ${limit} tokens` };
  }
  if (toolChoiceOf(request).mode === 'named') {
    return { accepted: ['stop', 'tool_calls', 'length'], because: 'a named tool_choice (OpenAI reports stop)' };
  }
  return { accepted: ['tool_calls', 'length'], because: 'tool calls were returned' };
}

/** What is wrong with `reason` under `rule`, in words that agree with the rule's Expected text. */
export function finishReasonProblem(reason: unknown, rule: FinishRule): string {
  if (rule.accepted.length === 1 && rule.accepted[0] === 'length') {
    return `ends with finish_reason ${show(reason)} although the token limit cut the tool call off (${rule.because}); agents run a truncated call`;
  }
  return `ends with finish_reason ${show(reason)} although tool calls were returned; agents that branch on it drop the calls`;
}
