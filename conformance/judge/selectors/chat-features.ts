// What a chat request asks for and what its answer holds, read from the exchange itself: the
// facts the chat selector picks checks by.
import { includeUsage, isRecord, parseStream } from '../../checks/streaming/parse-stream.ts';
import { toolChoiceOf, type ToolChoice } from '../../checks/tools/tool-choice.ts';
import type { ExchangeView } from '../selector.ts';

export interface ChatFeatures {
  /** the request offered at least one tool */
  tools: boolean;
  /** tool_choice as sent (undefined when the request set none) */
  toolChoice?: ToolChoice['mode'];
  /** response_format.type as sent */
  responseFormat?: string;
  maxTokens: boolean;
  maxCompletionTokens: boolean;
  stop: boolean;
  n: boolean;
  /** the request asked for several choices (n > 1): usage then counts the tokens of all of them */
  severalChoices: boolean;
  /** stream_options.include_usage: true */
  includeUsage: boolean;
  /** stream_options sent on a request that does not stream */
  streamOptionsWithoutStream: boolean;
  /** the answer carries tool calls (also judged when the request was not kept) */
  answerToolCalls: boolean;
  /** a choice ended with finish_reason "length": the token limit cut the reply */
  cutByLength: boolean;
}

export function chatFeatures(view: ExchangeView): ChatFeatures {
  const r = isRecord(view.request) ? view.request : {};
  const stop = r.stop;
  return {
    tools: Array.isArray(r.tools) && r.tools.length > 0,
    toolChoice: r.tool_choice === undefined || r.tool_choice === null ? undefined : toolChoiceOf(r).mode,
    responseFormat: isRecord(r.response_format) && typeof r.response_format.type === 'string' ? r.response_format.type : undefined,
    maxTokens: Number.isInteger(r.max_tokens),
    maxCompletionTokens: Number.isInteger(r.max_completion_tokens),
    stop: (typeof stop === 'string' && stop !== '') || (Array.isArray(stop) && stop.length > 0),
    n: Number.isInteger(r.n),
    severalChoices: Number.isInteger(r.n) && r.n > 1,
    includeUsage: includeUsage(r),
    streamOptionsWithoutStream: r.stream_options !== undefined && r.stream_options !== null && r.stream !== true,
    answerToolCalls: answerChoices(view).some((c) => hasCalls(view.stream ? c?.delta : c?.message)),
    cutByLength: answerChoices(view).some((c) => c?.finish_reason === 'length'),
  };
}

function hasCalls(holder: unknown): boolean {
  return isRecord(holder) && Array.isArray(holder.tool_calls) && holder.tool_calls.length > 0;
}

/** Every choice of the answer: the body's, or each chunk's for a stream. */
function answerChoices(view: ExchangeView): any[] {
  if (view.stream) return parseStream(view.exchange).chunks.flatMap(({ chunk }) => (Array.isArray(chunk.choices) ? chunk.choices : []));
  const choices = isRecord(view.exchange.json) ? view.exchange.json.choices : undefined;
  return Array.isArray(choices) ? choices : [];
}
