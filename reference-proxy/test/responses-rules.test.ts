// Routing rules read a Responses request as they read a chat one: its instructions are the system
// prompt, its text.format the structured-output request. Through a real proxy in front of two
// emulators, with the official openai SDK.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../fixtures/emulator/index.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';

const MODEL = 'dropin-emulator-1';
const running: Array<{ close(): Promise<void> }> = [];
let proxy: TestProxy;
let client: OpenAI;

beforeAll(async () => {
  const [general, legal] = await Promise.all([startEmulator({}), startEmulator({})]);
  proxy = await startTestProxy(
    [
      { name: 'general', baseUrl: general.url, models: [MODEL] },
      { name: 'legal', baseUrl: legal.url, models: [MODEL] },
    ],
    {
      rules: [
        { name: 'legal-review', when: { systemPromptKeywords: ['contract'] }, route: [{ backend: 'legal', model: MODEL }] },
        { name: 'structured', when: { jsonSchema: true }, route: [{ backend: 'legal', model: MODEL }] },
        { name: 'rest', when: { model: MODEL }, route: [{ backend: 'general', model: MODEL }] },
      ],
    },
  );
  running.push(general, legal, proxy);
  client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});
afterAll(() => Promise.all(running.map((r) => r.close())));

const lastLine = () => proxy.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request').at(-1);

describe('routing rules on /v1/responses', () => {
  it('systemPromptKeywords match the instructions', async () => {
    await client.responses.create({ model: MODEL, instructions: 'You review a contract for risks.', input: 'Say hello', max_output_tokens: 16 });
    expect(lastLine()).toMatchObject({ endpoint: 'responses', rule: 'legal-review', backend: 'legal' });
    await client.responses.create({ model: MODEL, instructions: 'You are helpful.', input: 'Say hello', max_output_tokens: 16 });
    expect(lastLine()).toMatchObject({ rule: 'rest', backend: 'general' });
  });

  it('jsonSchema matches text.format json_schema', async () => {
    const format = { type: 'json_schema' as const, name: 'greeting', schema: { type: 'object', properties: { hi: { type: 'string' } }, required: ['hi'], additionalProperties: false }, strict: true };
    await client.responses.create({ model: MODEL, input: 'Say hello', max_output_tokens: 32, text: { format } });
    expect(lastLine()).toMatchObject({ rule: 'structured', backend: 'legal' });
  });
});
