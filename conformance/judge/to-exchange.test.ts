import { describe, expect, it } from 'vitest';
import { CHAT_REQUEST, COMPLETION, captured, capturedStream } from './captured.fixtures.ts';
import { requestJson, toExchange } from './to-exchange.ts';

describe('toExchange', () => {
  it('reads a JSON answer like the transport: text, parsed body, headers', () => {
    const x = toExchange(captured(CHAT_REQUEST, COMPLETION));
    expect(x.status).toBe(200);
    expect(x.json).toEqual(COMPLETION);
    expect(x.sse).toBeUndefined();
    expect(x.request.body).toBe(JSON.stringify(CHAT_REQUEST));
  });

  it('reads an event stream with the SSE reader, CRLF and comments included', () => {
    const body = ': keepalive\r\ndata: {"a":1}\r\n\r\ndata: [DONE]\r\n\r\n';
    const x = toExchange(captured({ ...CHAT_REQUEST, stream: true }, body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }));
    expect(x.sse?.events.map((e) => e.data)).toEqual(['{"a":1}', '[DONE]']);
    expect(x.sse?.comments.map((c) => c.text)).toEqual([' keepalive']);
    expect(x.sse?.lineEndings).toContain('CRLF');
  });

  it('reads a 2xx answer to a stream request as SSE whatever its content type, as the transport does', () => {
    const x = toExchange(captured({ ...CHAT_REQUEST, stream: true }, 'data: {"a":1}\n\ndata: [DONE]\n\n', { headers: { 'content-type': 'application/json' } }));
    expect(x.sse?.events).toHaveLength(2);
  });

  it('keeps recorded event times when they describe the events read back', () => {
    const c = capturedStream(CHAT_REQUEST, [{ a: 1 }, '[DONE]']);
    expect(toExchange({ ...c, sseTimes: { events: [12.5, 40], comments: [] } }).sse?.events.map((e) => e.at)).toEqual([12.5, 40]);
    expect(toExchange({ ...c, sseTimes: { events: [1], comments: [] } }).sse?.events.map((e) => e.at)).toEqual([0, 0]);
  });

  it('turns a recording without an answer into a transport failure, never a status', () => {
    const c = captured(CHAT_REQUEST, '');
    const x = toExchange({ ...c, response: undefined });
    expect(x.status).toBeUndefined();
    expect(x.transportError?.message).toMatch(/no answer/);
  });
});

describe('requestJson', () => {
  it('parses a kept JSON body and gives nothing for an unkept or non-JSON one', () => {
    expect(requestJson(captured(CHAT_REQUEST, COMPLETION))).toEqual(CHAT_REQUEST);
    expect(requestJson(captured(CHAT_REQUEST, COMPLETION, { requestKnown: false }))).toBeUndefined();
    const broken = captured(CHAT_REQUEST, COMPLETION);
    expect(requestJson({ ...broken, request: { ...broken.request, body: '{"model":' } })).toBeUndefined();
  });
});
