// The non-stream translation: chat completions (literals and real recordings) into Response objects the suite's body checks and schema accept.
import { describe, expect, it } from 'vitest';
import { responsesBodyChecks } from '../../conformance/checks/responses/index.ts';
import { inputOf, jsonExchange } from '../../conformance/checks/test-exchange.ts';
import { validate } from '../../conformance/schemas/validate.ts';
import { normalizeCompletion } from '../normalize/completion.ts';
import type { AnswerContext } from './answer-context.ts';
import { fromChatCompletion } from './from-chat-completion.ts';
import { countingIds } from './ids.ts';
import { RECORDED } from './recorded.fixtures.ts';
import { toChatRequest } from './to-chat-request.ts';
import type { Json } from './types.ts';

function contextFor(request: Json, reasoning: AnswerContext['reasoning'] = 'summary'): AnswerContext {
  return { head: { id: 'resp_1', createdAt: 1_700_000_000, model: request.model, request }, chatRequest: toChatRequest(request), newId: countingIds(), reasoning, now: () => 1_700_000_002_000 };
}

const completion = (message: Json, finish = 'stop', extra: Json = {}) => ({
  id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'backend-model',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, logprobs: null, finish_reason: finish }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } },
  ...extra,
});

describe('fromChatCompletion', () => {
  it('a text answer: one completed message with an output_text part, usage renamed with its details', () => {
    const request = { model: 'm', input: 'Hi', instructions: 'Be brief.', max_output_tokens: 32 };
    const r = fromChatCompletion(completion({ content: 'Hello!' }), contextFor(request));
    expect(r).toMatchObject({
      id: 'resp_1', object: 'response', status: 'completed', completed_at: 1_700_000_002, error: null, incomplete_details: null,
      instructions: 'Be brief.', max_output_tokens: 32, model: 'm', store: true, tool_choice: 'auto', tools: [], text: { format: { type: 'text' } },
      output: [{ id: `msg_${'1'.padStart(50, '0')}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello!', annotations: [], logprobs: [] }] }],
      usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 2 }, total_tokens: 15 },
    });
    expect(r).not.toHaveProperty('output_text');
    expect(validate('response', r)).toEqual({ ok: true });
  });

  it('tool calls become function_call items keeping the backend call id; text before them stays a message', () => {
    const request = { model: 'm', input: 'Weather?', tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }] };
    const calls = [{ id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }, { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } }];
    const r = fromChatCompletion(completion({ content: 'Checking.', tool_calls: calls }, 'tool_calls'), contextFor(request));
    expect(r.output.map((i: Json) => [i.type, i.call_id ?? i.content?.[0].text, i.arguments])).toEqual([['message', 'Checking.', undefined], ['function_call', 'call_a', '{"city":"Paris"}'], ['function_call', 'call_b', '{"city":"Rome"}']]);
    expect(r.output[1].id).toMatch(/^fc_/);
    expect(r.tools).toEqual([{ type: 'function', name: 'get_weather', description: null, parameters: { type: 'object' }, strict: true }]);
    expect(validate('response', r)).toEqual({ ok: true });
  });

  it('length and content_filter make the answer incomplete with the reason; the cut item is incomplete', () => {
    const cut = fromChatCompletion(completion({ content: '1 2 3' }, 'length'), contextFor({ model: 'm', input: 'Count', max_output_tokens: 16 }));
    expect(cut).toMatchObject({ status: 'incomplete', completed_at: null, incomplete_details: { reason: 'max_output_tokens' }, output: [{ status: 'incomplete' }] });
    expect(fromChatCompletion(completion({ content: '' }, 'content_filter'), contextFor({ model: 'm', input: 'x' }))).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
  });

  it('a "stop" whose reported output reached max_output_tokens is a cut (F13: the normaliser says stop for a missing finish_reason)', () => {
    const cut = fromChatCompletion(completion({ content: 'one two three' }, 'stop', { usage: { prompt_tokens: 10, completion_tokens: 16, total_tokens: 26 } }), contextFor({ model: 'm', input: 'Count', max_output_tokens: 16 }));
    expect(cut).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [{ status: 'incomplete' }] });
    // under the budget, or without a reported usage (an estimate decides nothing), it finished
    expect(fromChatCompletion(completion({ content: 'one' }), contextFor({ model: 'm', input: 'Count', max_output_tokens: 16 })).status).toBe('completed');
    expect(fromChatCompletion(completion({ content: 'x'.repeat(200) }, 'stop', { usage: undefined }), contextFor({ model: 'm', input: 'Count', max_output_tokens: 16 })).status).toBe('completed');
  });

  it('reasoning text (either name) comes first, as a summary or as reasoning_text; a refusal is a refusal part', () => {
    const answer = completion({ content: null, reasoning: 'think', refusal: 'No.' });
    expect(fromChatCompletion(answer, contextFor({ model: 'm', input: 'x' })).output).toEqual([
      { id: expect.stringMatching(/^rs_/), type: 'reasoning', summary: [{ type: 'summary_text', text: 'think' }] },
      { id: expect.stringMatching(/^msg_/), type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
    ]);
    const raw = fromChatCompletion(completion({ content: 'A', reasoning_content: 'think' }), contextFor({ model: 'm', input: 'x' }, 'reasoning_text'));
    expect(raw.output[0]).toEqual({ id: expect.stringMatching(/^rs_/), type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'think' }] });
  });

  it('logprobs asked for are carried onto the output_text part', () => {
    const logprobs = { content: [{ token: 'Hi', logprob: -0.1, bytes: [72, 105], top_logprobs: [{ token: 'Hi', logprob: -0.1, bytes: [72, 105] }] }] };
    const answer = completion({ content: 'Hi' }, 'stop');
    answer.choices[0].logprobs = logprobs as any;
    const r = fromChatCompletion(answer, contextFor({ model: 'm', input: 'x', top_logprobs: 1 }));
    expect(r.output[0].content[0].logprobs).toEqual(logprobs.content);
  });

  it('usage the backend did not send is estimated, so clients still read numbers', () => {
    const r = fromChatCompletion({ choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there, friend' }, finish_reason: 'stop' }] }, contextFor({ model: 'm', input: 'Hi' }));
    expect(r.usage.input_tokens).toBeGreaterThan(0);
    expect(r.usage.output_tokens).toBeGreaterThan(0);
    expect(r.usage.total_tokens).toBe(r.usage.input_tokens + r.usage.output_tokens);
  });

  it('an answer without a choice is a 502, not a made-up response', () => {
    expect(() => fromChatCompletion({ choices: [] }, contextFor({ model: 'm', input: 'x' }))).toThrow(/without a choice/);
  });

  it('every recorded real chat completion becomes a schema-valid Response the suite\'s body checks pass', () => {
    const bodies = RECORDED.chat.filter((c) => !c.stream);
    expect(bodies.length).toBeGreaterThan(20);
    for (const recorded of bodies) {
      const chat = normalizeCompletion(JSON.parse(recorded.body), { profile: 'generic', request: recorded.request ?? {} });
      const request = { model: 'm', input: 'x' };
      const r = fromChatCompletion(chat, contextFor(request));
      expect(validate('response', r), recorded.id).toEqual({ ok: true });
      const input = inputOf(jsonExchange(r, { path: '/responses', request }), request);
      const failed = responsesBodyChecks.map((c) => ({ id: c.id, ...c.run(input) })).filter((v) => v.status === 'fail' || v.status === 'error');
      expect(failed, recorded.id).toEqual([]);
      const message = chat.choices[0].message;
      const text = r.output.filter((i: Json) => i.type === 'message').flatMap((i: Json) => i.content).map((p: Json) => p.text ?? '').join('');
      expect(text, recorded.id).toBe(message.content ?? '');
      expect(r.output.filter((i: Json) => i.type === 'function_call').map((i: Json) => i.call_id), recorded.id).toEqual((message.tool_calls ?? []).map((c: Json) => c.id));
    }
  });
});
