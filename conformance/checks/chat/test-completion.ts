// A spec-valid chat completion for check tests, with the parts tests vary as options.
export interface CompletionInit {
  content?: string | null;
  finishReason?: unknown;
  usage?: unknown;
  choices?: unknown[];
}

export function completion(init: CompletionInit = {}): Record<string, unknown> {
  const content = init.content === undefined ? 'Hello!' : init.content;
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1741569952,
    model: 'test-model',
    choices: init.choices ?? [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: init.finishReason === undefined ? 'stop' : init.finishReason,
      },
    ],
    usage: init.usage === undefined ? { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 } : init.usage,
  };
}
