// Responses API scenarios (POST /responses): string and item input, instructions, a stream, the
// answer cut by max_output_tokens (streamed and not), conversation state by previous_response_id
// and by item_reference (two turns each), and an invalid streamed request. Every answer is also
// held to the Responses body or stream invariants by the registry. Requests stay cheap: the
// spec's minimum max_output_tokens (16) everywhere.
import { responsesIncompleteStatus } from '../checks/responses/incomplete-status.ts';
import { responsesInstructionsHonoured } from '../checks/responses/instructions-honoured.ts';
import { responsesInvalidInputError } from '../checks/responses/invalid-input-error.ts';
import { responsesItemReference } from '../checks/responses/item-reference.ts';
import { responsesOutputText } from '../checks/responses/output-text.ts';
import { responsesPreviousResponseId } from '../checks/responses/previous-response-id.ts';
import { PICK_WORD, REPEAT_WORD } from '../checks/responses/recall.ts';
import { responsesSchema } from '../checks/responses/schema.ts';
import { responsesStateRefusal } from '../checks/responses/state-refusal.ts';
import { responsesStreamErrorEvent } from '../checks/responses/stream-error-event.ts';
import type { Exchange, Scenario, ScenarioRequest } from '../types.ts';

/** the spec's minimum for max_output_tokens, and all a short answer needs */
export const MAX_OUTPUT = 16;
const COUNT_PROMPT = 'Count from 1 to 100, separated by spaces.';
export const INSTRUCTIONS = 'Answer with the single word "pineapple", whatever the user says.';

const post = (body: Record<string, unknown>, stream = false): ScenarioRequest => ({ method: 'POST', path: '/responses', body: stream ? { ...body, stream: true } : body, stream });

/** The first turn's response, when it is a JSON object answered 2xx. */
function firstResponse(first: Exchange): Record<string, any> | undefined {
  const ok = first.status !== undefined && first.status >= 200 && first.status < 300;
  const body = first.json as Record<string, any> | undefined;
  return ok && body && typeof body === 'object' ? body : undefined;
}

/**
 * The first turn's output as item references, as the AI SDK sends them: its message, and the
 * reasoning item before it (OpenAI refuses a reasoning model's message referenced without it).
 * undefined when the first turn produced no message.
 */
function references(first: Exchange): { type: 'item_reference'; id: string }[] | undefined {
  const output = firstResponse(first)?.output;
  const items = Array.isArray(output) ? output.filter((i) => (i?.type === 'message' || i?.type === 'reasoning') && typeof i.id === 'string') : [];
  if (!items.some((i) => i.type === 'message')) return undefined;
  return items.map((i) => ({ type: 'item_reference' as const, id: i.id as string }));
}

const stateful = {
  capability: 'responses' as const,
  kind: 'behaviour' as const,
  optionalEndpoint: true,
  // the refusal of the second turn is what these scenarios judge; the shared 200 invariant would count it twice
  sharedInvariants: false,
  build: ({ model }: { model: string }) => post({ model, input: PICK_WORD, max_output_tokens: MAX_OUTPUT }),
  protocolChecks: [responsesStateRefusal, responsesSchema],
};

export const responsesScenarios: Scenario[] = [
  {
    id: 'responses.basic',
    capability: 'responses',
    title: 'String input answered with a response object',
    kind: 'protocol',
    optionalEndpoint: true,
    build: ({ model }) => post({ model, input: 'Say hello in five words.', max_output_tokens: MAX_OUTPUT }),
    protocolChecks: [responsesOutputText],
    behaviourChecks: [],
  },
  {
    id: 'responses.items',
    capability: 'responses',
    title: 'Item input with content parts, and instructions as the system message',
    kind: 'behaviour',
    optionalEndpoint: true,
    build: ({ model }) =>
      post({
        model,
        instructions: INSTRUCTIONS,
        input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What colour is the sky?' }] }],
        max_output_tokens: MAX_OUTPUT,
      }),
    protocolChecks: [responsesOutputText],
    behaviourChecks: [responsesInstructionsHonoured],
    featureParams: ['instructions'],
  },
  {
    id: 'responses.stream',
    capability: 'responses',
    title: 'A streamed answer: event sequence, indices, deltas and terminal event',
    kind: 'protocol',
    optionalEndpoint: true,
    build: ({ model }) => post({ model, input: 'Name three colours, separated by commas.', max_output_tokens: MAX_OUTPUT }, true),
    protocolChecks: [responsesOutputText],
    behaviourChecks: [],
  },
  {
    id: 'responses.max-output-tokens',
    capability: 'responses',
    title: 'An answer cut by max_output_tokens is reported incomplete',
    kind: 'behaviour',
    optionalEndpoint: true,
    build: ({ model }) => post({ model, input: COUNT_PROMPT, max_output_tokens: MAX_OUTPUT }),
    protocolChecks: [],
    behaviourChecks: [responsesIncompleteStatus],
  },
  {
    id: 'responses.stream-max-output-tokens',
    capability: 'responses',
    title: 'A streamed answer cut by max_output_tokens ends incomplete',
    kind: 'behaviour',
    optionalEndpoint: true,
    build: ({ model }) => post({ model, input: COUNT_PROMPT, max_output_tokens: MAX_OUTPUT }, true),
    protocolChecks: [],
    behaviourChecks: [responsesIncompleteStatus],
  },
  {
    ...stateful,
    id: 'responses.previous-response-id',
    title: 'A second turn continues the first by previous_response_id',
    nextTurn: ({ model, first }) => {
      const id = firstResponse(first)?.id;
      return typeof id === 'string' ? post({ model, previous_response_id: id, input: REPEAT_WORD, max_output_tokens: MAX_OUTPUT }) : undefined;
    },
    behaviourChecks: [responsesPreviousResponseId],
    featureParams: ['previous_response_id'],
    unsupportedNote: 'The server keeps no conversations: send the whole history as input instead of previous_response_id.',
  },
  {
    ...stateful,
    id: 'responses.item-reference',
    title: 'A second turn refers to the first answer by item_reference, as the Vercel AI SDK does',
    nextTurn: ({ model, first }) => {
      const refs = references(first);
      const input = [{ role: 'user', content: PICK_WORD }, ...(refs ?? []), { role: 'user', content: REPEAT_WORD }];
      return refs ? post({ model, input, max_output_tokens: MAX_OUTPUT }) : undefined;
    },
    behaviourChecks: [responsesItemReference],
    featureParams: ['item_reference'],
    unsupportedNote:
      'The Vercel AI SDK sends earlier assistant turns as item references by default (store: true), so its conversations fail here after the first turn: set providerOptions.openai.store = false for this server.',
  },
  {
    id: 'responses.stream-error',
    capability: 'responses',
    title: 'An invalid streamed request is refused in a shape clients parse',
    kind: 'protocol',
    optionalEndpoint: true,
    sharedInvariants: false,
    build: ({ model }) => post({ model, input: [{ type: 'dropin_no_such_item', text: 'hi' }], max_output_tokens: MAX_OUTPUT }, true),
    protocolChecks: [responsesInvalidInputError, responsesStreamErrorEvent],
    behaviourChecks: [],
  },
];
