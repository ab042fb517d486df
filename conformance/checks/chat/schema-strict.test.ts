import { describe, expect, it } from 'vitest';
import { GPT5_NONSTREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatSchemaStrict } from './schema-strict.ts';
import { completion } from './test-completion.ts';

const judge = (body: unknown) => chatSchemaStrict.run(inputOf(jsonExchange(body)));
const messageOnly = (message: object) => completion({ choices: [{ index: 0, message, finish_reason: 'stop' }] });

describe('chat.schema-strict', () => {
  it('is advice: level MAY, so a failure is reported as a warning', () => {
    expect(chatSchemaStrict.level).toBe('MAY');
  });
  it('passes what OpenAI sends, logprobs omitted and fingerprint null included (gpt-5)', () => {
    expect(chatSchemaStrict.run(recordedInput(GPT5_NONSTREAM)).status).toBe('pass');
    expect(judge(completion()).status).toBe('pass');
  });
  it('fails a missing message.refusal (F33), as Ollama and llama.cpp send it', () => {
    const v = judge(messageOnly({ role: 'assistant', content: 'Hello' }));
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/refusal' });
    expect(v.details).toEqual(['/choices/0/message: missing required property "refusal"']);
  });
  it('leaves a completion clients cannot parse to chat.schema', () => {
    expect(judge(messageOnly({ role: 'assistant', content: 7 })).status).toBe('skip');
  });
});
