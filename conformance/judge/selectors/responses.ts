// POST /responses: the Responses body or stream invariants, the function-call checks when the
// answer holds calls, and the behaviour checks the request allows: tool_choice when it enforces
// one, argument schemas, text.format. An answer cut by max_output_tokens (status incomplete) is
// not judged as complete JSON. The suite's own probes — recall across turns, instructions that
// demand a word, a counting prompt cut short — need the suite's prompts and are left out.
import { bodyJson } from '../../checks/chat/body.ts';
import { finalResponse, readResponsesStream } from '../../checks/responses/events.ts';
import { responsesBodyChecks, responsesStreamChecks } from '../../checks/responses/index.ts';
import { responsesToolsArgumentsJson } from '../../checks/responses_tools/arguments-json.ts';
import { responsesToolsArgumentsValid } from '../../checks/responses_tools/arguments-valid.ts';
import { responsesToolsCallSchema } from '../../checks/responses_tools/call-schema.ts';
import { responsesToolsChoiceHonoured } from '../../checks/responses_tools/choice-honoured.ts';
import { formatOf } from '../../checks/responses_tools/format-json.ts';
import { responsesToolsFormatJson } from '../../checks/responses_tools/format-json.ts';
import { responsesToolsFormatSchema } from '../../checks/responses_tools/format-schema.ts';
import { responsesToolsStreamArguments } from '../../checks/responses_tools/stream-arguments.ts';
import { responsesToolChoice } from '../../checks/responses_tools/calls.ts';
import { isRecord } from '../../checks/streaming/parse-stream.ts';
import type { Check } from '../../types.ts';
import type { ExchangeView, Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer, needingRequest } from '../selection-kit.ts';

export const responsesSelector: Selector = {
  endpoint: 'POST /responses',
  method: 'POST',
  path: /\/responses$/,
  select(view) {
    if (isErrorAnswer(view)) return ERROR_ANSWER_CHECKS;
    const response = finalOf(view);
    const cut = response?.status === 'incomplete';
    const calls = Array.isArray(response?.output) && response.output.some((i: unknown) => isRecord(i) && i.type === 'function_call');
    const out: Check[] = view.stream ? [...responsesStreamChecks, responsesToolsStreamArguments] : [...responsesBodyChecks];
    if (calls) out.push(responsesToolsCallSchema, ...(cut ? [] : [responsesToolsArgumentsJson, ...needingRequest(view, [responsesToolsArgumentsValid])]));
    if (cut || !view.requestKnown) return out;
    const choice = responsesToolChoice(view.request).mode;
    if (choice === 'required' || choice === 'none' || choice === 'named') out.push(responsesToolsChoiceHonoured);
    const format = formatOf(view.request);
    if (format) out.push(responsesToolsFormatJson, ...(format.type === 'json_schema' ? [responsesToolsFormatSchema] : []));
    return out;
  },
};

/** The response the exchange ends with: the body, or the terminal event's response. */
function finalOf(view: ExchangeView): Record<string, any> | undefined {
  if (view.stream) return finalResponse(readResponsesStream(view.exchange))?.response;
  const body = bodyJson(view.exchange);
  return isRecord(body) ? body : undefined;
}
