// Chat usage → Responses usage: prompt/completion become input/output tokens, with the detail
// objects the spec requires (cached and reasoning tokens, 0 when the backend does not say). A
// backend that reports no usage (F11) gets an estimate (about 4 characters a token, as routing
// estimates prompts): the AI SDK drops a terminal event whose usage lacks input_tokens and
// output_tokens, and with it the whole answer's finish. Responses counts reasoning in
// output_tokens and total = input + output; a backend whose completion_tokens leaves reasoning
// out (xAI: total = prompt + completion + reasoning) has it added back.
import { estimatePromptTokens } from '../routing/estimate-tokens.ts';
import type { Json } from './types.ts';

export function responsesUsage(chatUsage: unknown, estimate: { chatRequest: Json; outputChars: () => number }): Json {
  const u = (chatUsage ?? {}) as Json;
  const input = Number.isInteger(u.prompt_tokens) ? u.prompt_tokens : estimatePromptTokens(estimate.chatRequest);
  const completion = Number.isInteger(u.completion_tokens) ? u.completion_tokens : Math.ceil(estimate.outputChars() / 4);
  const output = Number.isInteger(u.total_tokens) ? Math.max(completion, u.total_tokens - input) : completion;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: integerOr0(u.prompt_tokens_details?.cached_tokens) },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: integerOr0(u.completion_tokens_details?.reasoning_tokens) },
    total_tokens: input + output,
  };
}

const integerOr0 = (v: unknown) => (Number.isInteger(v) ? (v as number) : 0);
