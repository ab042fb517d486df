// Reasoning text through the proxy (F39, S20): left where the backend put it by default; with
// `reasoning.field` set, always in that field (or both), streamed and not, whatever the backend
// and profile; and reasoning a client sends back on the next turn, under either name, forwarded
// under the name the backend reads.
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, postChat, ssePayloads, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { chunk, completion } from './helpers/replies.ts';
import { startUpstream, type FakeUpstream, type Reply } from './helpers/upstream.ts';

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

/** An upstream that thinks aloud in `field`, as Ollama (reasoning) or llama.cpp (reasoning_content) do. */
function thinking(field: 'reasoning' | 'reasoning_content'): Reply {
  return (req, res) => {
    if (req.body.stream !== true) {
      const body = completion('Paris.');
      (body.choices[0].message as Record<string, unknown>)[field] = 'The capital of France.';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const p of [chunk({ role: 'assistant', content: '', [field]: 'The capital' }), chunk({ [field]: ' of France.' }), chunk({ content: 'Paris.' }), chunk({}, 'stop'), '[DONE]']) {
      res.write(`data: ${p}\n\n`);
    }
    res.end();
  };
}

async function scene(field: 'reasoning' | 'reasoning_content', profile: string, extra: Record<string, unknown> = {}): Promise<{ proxy: TestProxy; up: FakeUpstream }> {
  const up = await startUpstream(thinking(field));
  const proxy = await startTestProxy([{ name: 'b', baseUrl: up.baseUrl, profile }], extra);
  open.push(proxy, up);
  return { proxy, up };
}

async function reasoningSeen(proxy: TestProxy): Promise<{ message: Record<string, unknown>; deltas: Array<Record<string, unknown>> }> {
  const message = (await (await postChat(proxy, chatBody())).json()).choices[0].message;
  const payloads = ssePayloads(await (await postChat(proxy, chatBody({ stream: true }))).text());
  const deltas = payloads.filter((p) => p !== '[DONE]').map((p) => JSON.parse(p).choices[0].delta);
  return { message, deltas };
}

const keys = (d: Record<string, unknown>) => Object.keys(d).filter((k) => k.startsWith('reasoning'));

describe('reasoning in answers', () => {
  it('is left where the backend put it when no field is configured', async () => {
    const { proxy } = await scene('reasoning', 'ollama');
    const { message, deltas } = await reasoningSeen(proxy);
    expect(message.reasoning).toBe('The capital of France.');
    expect(message).not.toHaveProperty('reasoning_content');
    expect(deltas.slice(0, 2).map(keys)).toEqual([['reasoning'], ['reasoning']]);
  });

  it.each([
    ['reasoning', 'ollama', 'reasoning_content'],
    ['reasoning_content', 'llama.cpp', 'reasoning'],
    ['reasoning', 'openai', 'reasoning_content'],
  ] as const)('goes from %s (%s profile) to the configured %s, streamed and not', async (from, profile, to) => {
    const { proxy } = await scene(from, profile, { reasoning: { field: to } });
    const { message, deltas } = await reasoningSeen(proxy);
    expect(keys(message)).toEqual([to]);
    expect(message[to]).toBe('The capital of France.');
    expect(deltas.slice(0, 2).map((d) => d[to]).join('')).toBe('The capital of France.');
    expect(deltas.flatMap(keys).every((k) => k === to)).toBe(true);
    const log = JSON.parse(proxy.logs.at(-1)!);
    expect(log.repairs).toContain('reasoning_renamed');
  });

  it('is sent under both names with field "both"', async () => {
    const { proxy } = await scene('reasoning_content', 'llama.cpp', { reasoning: { field: 'both' } });
    const { message, deltas } = await reasoningSeen(proxy);
    expect(message).toMatchObject({ reasoning: 'The capital of France.', reasoning_content: 'The capital of France.' });
    expect(deltas[1]).toMatchObject({ reasoning: ' of France.', reasoning_content: ' of France.' });
  });
});

describe('reasoning sent back by clients', () => {
  const turn = (field: string) =>
    chatBody({
      messages: [
        { role: 'user', content: 'Capital of France?' },
        { role: 'assistant', content: 'Paris.', [field]: 'The capital of France.' },
        { role: 'user', content: 'And Italy?' },
      ],
    });

  it.each([
    ['ollama', 'reasoning_content', 'reasoning'],
    ['ollama', 'reasoning', 'reasoning'],
    ['llama.cpp', 'reasoning', 'reasoning_content'],
    ['vllm', 'reasoning_content', 'reasoning'],
    ['openai', 'reasoning_content', 'reasoning_content'],
  ] as const)('reaches a %s backend sent as %s, under %s', async (profile, sent, read) => {
    const { proxy, up } = await scene('reasoning', profile);
    expect((await postChat(proxy, turn(sent))).status).toBe(200);
    const assistant = up.requests[0].body.messages[1];
    expect(assistant).toEqual({ role: 'assistant', content: 'Paris.', [read]: 'The capital of France.' });
  });
});
