// With stream_options.include_usage the stream ends with one usage chunk (choices: []) before
// [DONE]; a stream that ends in an error event may lack it, as OpenAI documents.
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { hasUsage, includeUsage, isRecord, withStream, type ParsedStream } from './parse-stream.ts';

const EXPECTED = 'one chunk with choices: [] and usage, the last before [DONE] (only a moderation chunk may follow it)';

export const streamingUsageChunk: Check = {
  id: 'streaming.usage-chunk',
  capability: 'streaming',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'include_usage yields exactly one usage chunk, last before [DONE]',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage; docs/deviations.md#f10, #f11',
  consequence:
    'Token accounting degrades: with no usage chunk clients count 0 tokens, clients that add up usage chunks double-count, and clients that recognise the usage chunk by its empty choices miss usage riding on a chunk with a choice. A usage chunk without choices is streaming.chunk-schema\'s (the AI SDK rejects it).',
  evidence:
    'abetlen/llama-cpp-python#1640 (docs/deviations.md#f11); Portkey-AI/gateway#1629 (docs/deviations.md#f10); recordings openrouter:pydantic-ai:test_openrouter_stream_error#0 (usage on the error event passes), openai:pydantic-ai:test_openai_moderation_stream#0 (moderation chunk after usage passes)',
  run: (input) => {
    if (!includeUsage(input.request)) return skip('the request did not set stream_options.include_usage');
    return withStream(input, judgeUsageChunk);
  },
};

function judgeUsageChunk(stream: ParsedStream): Verdict {
  const carriers = stream.chunks.filter(({ chunk }) => hasUsage(chunk));
  if (carriers.length === 0) return noUsageChunk(stream);
  if (carriers.length > 1) {
    return fail(`${carriers.length} chunks carry usage; clients that add them up double-count`, {
      expected: EXPECTED,
      received: `usage on events ${carriers.map((c) => c.n).join(', ')}`,
      pointer: `/events/${carriers[0].n}/usage`,
    });
  }
  const { n, chunk } = carriers[0];
  if (!Array.isArray(chunk.choices) || chunk.choices.length > 0) {
    return fail('the usage chunk must have choices: []; clients that recognise it by its empty choices miss the usage', {
      expected: 'choices: []',
      received: `choices ${show(chunk.choices, 120)}`,
      pointer: `/events/${n}/choices`,
    });
  }
  const bad = usageProblem(chunk.usage);
  if (bad) return fail(`the usage chunk's usage is not valid: ${bad}`, { expected: 'prompt_tokens, completion_tokens, total_tokens as integers ≥ 0', received: show(chunk.usage), pointer: `/events/${n}/usage` });
  // OpenAI sends the moderation chunk after the usage chunk when moderation was requested
  const after = stream.events.find((e) => e.n > n && !e.done && !(isRecord(e.json) && isRecord(e.json.moderation)));
  if (after) {
    return fail('an event follows the usage chunk; it must be the last before [DONE]', {
      expected: EXPECTED,
      received: show(after.data, 120),
      pointer: `/events/${after.n}`,
    });
  }
  return pass();
}

/**
 * No chunk carried usage. A stream that ended in an error event is judged by streaming.error-event:
 * OpenAI notes an interrupted stream may lack the usage chunk, and some servers (OpenRouter) put
 * the usage on the error event itself.
 */
function noUsageChunk(stream: ParsedStream): Verdict {
  const error = stream.errors[stream.errors.length - 1];
  if (error) {
    if (isRecord(error.json) && hasUsage(error.json)) return pass('the stream ended in an error event, which carries the usage');
    return skip('the stream ended in an error event before a usage chunk (see streaming.error-event)');
  }
  return fail('no chunk carried usage although stream_options.include_usage was set; token accounting reads 0', {
    expected: EXPECTED,
    received: 'no usage in the stream',
  });
}

function usageProblem(usage: unknown): string | undefined {
  if (!isRecord(usage)) return 'not an object';
  for (const key of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
    const v = usage[key];
    if (!Number.isInteger(v) || v < 0) return `${key} is ${show(v)}`;
  }
  return undefined;
}
