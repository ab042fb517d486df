// Non-stream chat scenarios. The registry adds chatResponseChecks (schema, finish_reason enum)
// to every 2xx completion; listed here are only the checks specific to each request.
import type { Scenario } from '../types.ts';
import { chatMaxCompletionTokensHonoured } from '../checks/chat/max-completion-tokens-honoured.ts';
import { chatMaxTokensHonoured } from '../checks/chat/max-tokens-honoured.ts';
import { chatNHonoured } from '../checks/chat/n-honoured.ts';
import { chatStatusOk } from '../checks/chat/status-ok.ts';
import { chatStopHonoured } from '../checks/chat/stop-honoured.ts';
import { chatStreamOptionsTolerated } from '../checks/chat/stream-options-tolerated.ts';
import { chatUsage } from '../checks/chat/usage.ts';

// Long enough that a 5-token limit is surely hit, bounded so an ignored limit stays cheap.
const LONG_PROMPT = 'Write a story of about 100 words about a lighthouse keeper.';

function chat(model: string, content: string, extra: Record<string, unknown>) {
  return { model, messages: [{ role: 'user', content }], temperature: 0, ...extra };
}

function post(body: unknown) {
  return { method: 'POST' as const, path: '/chat/completions', body };
}

export const chatScenarios: Scenario[] = [
  {
    id: 'chat.basic',
    capability: 'chat',
    title: 'One user message, no options',
    kind: 'protocol',
    build: ({ model }) => post(chat(model, 'Say hello in three words.', { max_tokens: 16 })),
    protocolChecks: [chatStatusOk, chatUsage],
    behaviourChecks: [],
  },
  {
    id: 'chat.max-tokens',
    capability: 'chat',
    title: 'max_tokens: 5 cuts a long answer',
    kind: 'behaviour',
    build: ({ model }) => post(chat(model, LONG_PROMPT, { max_tokens: 5 })),
    protocolChecks: [chatStatusOk],
    behaviourChecks: [chatMaxTokensHonoured],
  },
  {
    id: 'chat.max-completion-tokens',
    capability: 'chat',
    title: 'max_completion_tokens: 5 cuts a long answer',
    kind: 'behaviour',
    build: ({ model }) => post(chat(model, LONG_PROMPT, { max_completion_tokens: 5 })),
    protocolChecks: [chatStatusOk],
    behaviourChecks: [chatMaxCompletionTokensHonoured],
    featureParams: ['max_completion_tokens'],
  },
  {
    id: 'chat.stop',
    capability: 'chat',
    title: 'stop: ["7"] ends the count before 7',
    kind: 'behaviour',
    build: ({ model }) => post(chat(model, 'Count from 1 to 20, separated by spaces.', { max_tokens: 32, stop: ['7'] })),
    protocolChecks: [chatStatusOk],
    behaviourChecks: [chatStopHonoured],
    featureParams: ['stop'],
  },
  {
    id: 'chat.n',
    capability: 'chat',
    title: 'n: 2 returns two choices',
    kind: 'protocol',
    build: ({ model }) => post(chat(model, 'Name a colour.', { max_tokens: 8, n: 2 })),
    protocolChecks: [chatStatusOk, chatNHonoured],
    behaviourChecks: [],
    featureParams: ['n'],
  },
  {
    id: 'chat.stream-options-nonstream',
    capability: 'chat',
    title: 'stream_options sent with stream: false',
    kind: 'protocol',
    build: ({ model }) =>
      post(chat(model, 'Say hi.', { max_tokens: 8, stream: false, stream_options: { include_usage: true } })),
    protocolChecks: [chatStreamOptionsTolerated],
    behaviourChecks: [],
    sharedInvariants: false,
  },
];
