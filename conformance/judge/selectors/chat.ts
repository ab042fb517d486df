// POST /chat/completions: the checks a run attaches to its chat, streaming, tools, JSON-mode and
// structured-output scenarios, picked here by what each recorded request asked for. Checks that
// read a non-stream body (token limits, stop, n, JSON mode) are not applied to streams. Exchanges
// a scenario never sends (a reply cut by the token limit, n > 1 with a limit, a stop sequence the
// reply never reached) are judged by the same checks, which skip what such an answer cannot show.
import { chatResponseChecks } from '../../checks/chat/index.ts';
import { chatMaxCompletionTokensHonoured } from '../../checks/chat/max-completion-tokens-honoured.ts';
import { chatMaxTokensHonoured } from '../../checks/chat/max-tokens-honoured.ts';
import { chatNHonoured } from '../../checks/chat/n-honoured.ts';
import { chatStopHonoured } from '../../checks/chat/stop-honoured.ts';
import { chatStreamOptionsTolerated } from '../../checks/chat/stream-options-tolerated.ts';
import { chatUsage } from '../../checks/chat/usage.ts';
import { jsonModeValidJson } from '../../checks/json_mode/valid-json.ts';
import { streamInvariantChecks } from '../../checks/streaming/index.ts';
import { streamingIncremental } from '../../checks/streaming/incremental.ts';
import { streamingUsageChunk } from '../../checks/streaming/usage-chunk.ts';
import { streamingUsageNullElsewhere } from '../../checks/streaming/usage-null-elsewhere.ts';
import { streamingUsageUnrequested } from '../../checks/streaming/usage-unrequested.ts';
import { structuredOutputsChecks } from '../../checks/structured_outputs/index.ts';
import { toolsArgumentsJson } from '../../checks/tools/arguments-json.ts';
import { toolsArgumentsString } from '../../checks/tools/arguments-string.ts';
import { toolsArgumentsValid } from '../../checks/tools/arguments-valid.ts';
import { toolsCallSchema } from '../../checks/tools/call-schema.ts';
import { toolsChoiceHonoured } from '../../checks/tools/choice-honoured.ts';
import { toolsFinishReason } from '../../checks/tools/finish-reason.ts';
import { toolsStreamDistinctIndex } from '../../checks/tools/stream-distinct-index.ts';
import { toolsStreamFinishReason } from '../../checks/tools/stream-finish-reason.ts';
import { toolsStreamIdOnce } from '../../checks/tools/stream-id-once.ts';
import { toolsStreamIndex } from '../../checks/tools/stream-index.ts';
import { toolsStreamNoNulls } from '../../checks/tools/stream-no-nulls.ts';
import type { Check } from '../../types.ts';
import type { ExchangeView, Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer, needingRequest } from '../selection-kit.ts';
import { chatFeatures, type ChatFeatures } from './chat-features.ts';
import { reasoningChecksFor } from './chat-reasoning.ts';

/** the stream checks that compare the stream with the request's stream_options: which apply depends on include_usage */
const USAGE_ASKED = [streamingUsageChunk, streamingUsageNullElsewhere];
const USAGE_NOT_ASKED = [streamingUsageUnrequested];
const USAGE_RELATION = new Set([...USAGE_ASKED, ...USAGE_NOT_ASKED]);
const STREAM_SHAPE = streamInvariantChecks.filter((c) => !USAGE_RELATION.has(c));
const TOOL_SHAPE = [toolsCallSchema, toolsArgumentsString];
const STREAM_TOOL_SHAPE = [toolsStreamIndex, toolsStreamDistinctIndex, toolsStreamIdOnce, toolsStreamNoNulls, toolsArgumentsString];
/** tool_choice modes a server must enforce; auto and unknown forms leave the choice to the model */
const ENFORCED = new Set(['required', 'named', 'none']);

export const chatSelector: Selector = {
  endpoint: 'POST /chat/completions',
  method: 'POST',
  path: /\/chat\/completions$/,
  select(view) {
    const f = chatFeatures(view);
    const first = f.streamOptionsWithoutStream ? [chatStreamOptionsTolerated] : [];
    if (isErrorAnswer(view)) return [...first, ...ERROR_ANSWER_CHECKS];
    return [...first, ...(view.stream ? streamChecks(view, f) : completionChecks(view, f)), ...reasoningChecksFor(view)];
  },
};

function streamChecks(view: ExchangeView, f: ChatFeatures): Check[] {
  const usage = !view.requestKnown ? [...USAGE_RELATION] : f.includeUsage ? USAGE_ASKED : USAGE_NOT_ASKED;
  const out = [...STREAM_SHAPE, streamingIncremental, ...needingRequest(view, usage)];
  if (f.tools || f.answerToolCalls) out.push(...STREAM_TOOL_SHAPE, toolsArgumentsJson, ...needingRequest(view, [toolsStreamFinishReason]));
  out.push(...behaviour(f));
  out.push(...jsonChecks(f, true));
  return out;
}

function completionChecks(view: ExchangeView, f: ChatFeatures): Check[] {
  const out = [...chatResponseChecks, chatUsage];
  if (f.tools || f.answerToolCalls) out.push(...TOOL_SHAPE, toolsArgumentsJson, ...needingRequest(view, [toolsFinishReason]));
  out.push(...behaviour(f));
  if (f.maxTokens) out.push(chatMaxTokensHonoured);
  if (f.maxCompletionTokens) out.push(chatMaxCompletionTokensHonoured);
  if (f.stop) out.push(chatStopHonoured);
  if (f.n) out.push(chatNHonoured);
  out.push(...jsonChecks(f, false));
  return out;
}

/** JSON mode (non-stream only: its check reads a body) and structured outputs. */
function jsonChecks(f: ChatFeatures, stream: boolean): Check[] {
  if (f.responseFormat === 'json_object' && !stream) return [jsonModeValidJson];
  if (f.responseFormat === 'json_schema') return structuredOutputsChecks;
  return [];
}

/** Did the endpoint honour the tools it was offered: only when the request says what it asked. */
function behaviour(f: ChatFeatures): Check[] {
  const out: Check[] = [];
  if (f.tools) out.push(toolsArgumentsValid);
  if (f.toolChoice && ENFORCED.has(f.toolChoice)) out.push(toolsChoiceHonoured);
  return out;
}
