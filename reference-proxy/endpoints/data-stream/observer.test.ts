import { describe, expect, it } from 'vitest';
import { createOutputFilter } from '../../safety/safety.ts';
import { contentFilterChunk, StreamObserver, streamErrorPayload } from './observer.ts';

const chunk = (content: string, index = 0) =>
  JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 5, model: 'm', choices: [{ index, delta: { content }, finish_reason: null }] });

describe('StreamObserver', () => {
  it('collects choice 0 content, usage, metadata and [DONE]', () => {
    const o = new StreamObserver({ collectContent: true });
    for (const p of [chunk('{"a"'), chunk('other', 1), chunk(':1}'), JSON.stringify({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } }), '[DONE]']) {
      expect(o.see(p)).toBe(false);
    }
    expect(o.content).toBe('{"a":1}');
    expect(o.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4 });
    expect(o.meta).toEqual({ id: 'chatcmpl-1', created: 5, model: 'm' });
    expect(o.sawDone).toBe(true);
  });

  it('reports an error event and a filter match', () => {
    const o = new StreamObserver({ collectContent: false, filter: createOutputFilter([/bad word/]) });
    expect(o.see(chunk('a bad '))).toBe(false);
    expect(o.see(chunk('word here'))).toBe(true);
    o.see(streamErrorPayload('backend died', 'x'));
    expect(o.error).toBe('backend died');
  });

  it('counts payloads and remembers the first one that is not a JSON object', () => {
    const o = new StreamObserver({ collectContent: false });
    for (const p of ['', chunk('hi'), 'Internal Server Error', '{"broken":', '[DONE]']) o.see(p);
    expect(o.payloads).toBe(4);
    expect(o.malformed).toBe('Internal Server Error');
    const parsed = new StreamObserver({ collectContent: false });
    parsed.see('{"broken":');
    expect(parsed.malformed).toBe('{"broken":');
  });

  it('finds usage and [DONE] in raw bytes split anywhere', () => {
    const o = new StreamObserver({ collectContent: false });
    const text = `data: ${chunk('hi')}\n\ndata: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 2 } })}\n\ndata: [DONE]\n\n`;
    for (let i = 0; i < text.length; i += 7) o.seeRaw(Buffer.from(text.slice(i, i + 7)));
    expect(o.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2 });
    expect(o.sawDone).toBe(true);
  });
});

describe('StreamObserver.finished', () => {
  const finish = (reason: string, index = 0) => JSON.stringify({ id: 'c', choices: [{ index, delta: {}, finish_reason: reason }] });

  it('is true once every requested choice got a finish_reason, read from raw bytes', () => {
    const o = new StreamObserver({ collectContent: false, choices: 2 });
    o.seeRaw(Buffer.from(`data: ${chunk('hi')}\n\ndata: ${finish('stop')}\n\n`));
    expect(o.finished).toBe(false);
    o.seeRaw(Buffer.from(`data: ${finish('length', 1)}\n\n`));
    expect(o.finished).toBe(true);
    expect(o.sawDone).toBe(false);
  });

  it('sees a finish_reason written with a space, and not an aborted generation', () => {
    const spaced = new StreamObserver({ collectContent: false });
    spaced.see('{"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}');
    expect(spaced.finished).toBe(true);
    const aborted = new StreamObserver({ collectContent: false });
    aborted.see(finish('abort'));
    expect(aborted.finished).toBe(false);
  });
});

describe('contentFilterChunk', () => {
  it('ends the stream in the chunk shape with finish_reason content_filter', () => {
    expect(JSON.parse(contentFilterChunk({ id: 'chatcmpl-1', created: 5, model: 'm' }))).toEqual({
      id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 5, model: 'm',
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'content_filter' }],
    });
    expect(JSON.parse(contentFilterChunk(undefined, 'text_completion'))).toMatchObject({
      object: 'text_completion',
      choices: [{ index: 0, text: '', logprobs: null, finish_reason: 'content_filter' }],
    });
  });
});

describe('StreamObserver on legacy completions', () => {
  it('reads choice text, not delta.content, for the guard and the filter', () => {
    const o = new StreamObserver({ collectContent: true, text: 'text', filter: createOutputFilter([/secret/]) });
    const text = (t: string) => JSON.stringify({ id: 'cmpl-1', object: 'text_completion', choices: [{ index: 0, text: t, finish_reason: null }] });
    expect(o.see(text('a '))).toBe(false);
    expect(o.see(text('secret'))).toBe(true);
    expect(o.content).toBe('a secret');
  });
});
