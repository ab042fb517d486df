import { describe, expect, it } from 'vitest';
import { toTranscriptLine } from '../../transcript/format.ts';
import { jsonExchange, sseExchange } from '../../checks/test-exchange.ts';
import { CHAT_REQUEST, COMPLETION, sseText } from '../captured.fixtures.ts';
import { readRecording } from './read-recording.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function harEntry(method: string, url: string, status: number, content: object, extra: object = {}) {
  return {
    startedDateTime: '2026-08-01T10:00:00.000Z',
    time: 42,
    request: { method, url, headers: [{ name: 'Content-Type', value: 'application/json' }, { name: ':authority', value: 'x' }] },
    response: { status, headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Vary', value: 'a' }, { name: 'vary', value: 'b' }], content },
    ...extra,
  };
}

const har = (entries: object[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('readRecording: HAR', () => {
  it('reads API entries, decodes base64 bodies and ignores pages, assets and preflights', () => {
    const chat = harEntry('POST', 'http://127.0.0.1:9/v1/chat/completions', 200, { mimeType: 'application/json', text: b64(JSON.stringify(COMPLETION)), encoding: 'base64' }, {});
    (chat.request as any).postData = { mimeType: 'application/json', text: JSON.stringify(CHAT_REQUEST) };
    const read = readRecording(har([
      harEntry('GET', 'http://127.0.0.1:9/', 200, { mimeType: 'text/html', text: '<html>' }),
      harEntry('GET', 'http://127.0.0.1:9/logo.png', 200, { mimeType: 'image/png', text: 'iVBO', encoding: 'base64' }),
      harEntry('OPTIONS', 'http://127.0.0.1:9/v1/chat/completions', 204, { size: 0 }),
      chat,
    ]), '/tmp/session.har');
    expect(read.format).toBe('HAR');
    expect(read.ignored).toBe(3);
    expect(read.exchanges).toHaveLength(1);
    const [x] = read.exchanges;
    expect(x.id).toBe('session.har#4');
    expect(x.target).toBe('127.0.0.1:9');
    expect(new TextDecoder().decode(x.response!.body)).toBe(JSON.stringify(COMPLETION));
    expect(x.request.body).toBe(JSON.stringify(CHAT_REQUEST));
    expect(x.response!.headers).toEqual({ 'content-type': 'application/json', vary: 'a, b' });
    expect(x.request.headers).not.toHaveProperty(':authority');
    expect(x.startedAt).toBe(Date.parse('2026-08-01T10:00:00.000Z'));
  });

  it('says why an entry has no answer to judge', () => {
    const read = readRecording(har([
      harEntry('POST', 'https://api.openai.com/v1/chat/completions', 0, { size: 0 }),
      harEntry('POST', 'https://api.openai.com/v1/chat/completions', 200, { size: 812, mimeType: 'application/json' }),
    ]), 'a.har');
    expect(read.exchanges.map((x) => x.noAnswer)).toEqual([expect.stringMatching(/no answer/), expect.stringMatching(/kept no response body/)]);
    expect(read.exchanges.every((x) => x.response === undefined)).toBe(true);
  });

  it('names the entry that is not a HAR entry', () => {
    expect(() => readRecording(har([{ request: { url: 'x' } }]), 'a.har')).toThrow(/a\.har: log\.entries\[0\] is not a HAR entry/);
  });
});

describe('readRecording: dropin transcript', () => {
  it('reads the exact bytes, the path and the recorded event times', () => {
    const stream = sseExchange([{ a: 1 }, '[DONE]'], { request: { ...CHAT_REQUEST, stream: true } });
    stream.sse!.events.forEach((e, i) => (e.at = 10 * (i + 1)));
    const lines = [toTranscriptLine('chat.basic', jsonExchange(COMPLETION, { request: CHAT_REQUEST }), 0, []), toTranscriptLine('streaming.basic', stream, 0, [])];
    const read = readRecording(lines.map((l) => JSON.stringify(l)).join('\n'), 'dir/run.jsonl');
    expect(read.format).toBe('dropin transcript');
    expect(read.exchanges.map((x) => [x.id, x.target, x.request.url])).toEqual([
      ['run.jsonl#1', 'run.jsonl', '/v1/chat/completions'],
      ['run.jsonl#2', 'run.jsonl', '/v1/chat/completions'],
    ]);
    expect(new TextDecoder().decode(read.exchanges[1].response!.body)).toBe(stream.bodyText);
    expect(read.exchanges[1].sseTimes?.events).toEqual([10, 20]);
  });
});

describe('readRecording: JSONL request/response pairs', () => {
  const line = (over: object) => JSON.stringify({
    id: 'openai:x#0', server: 'openai',
    request: { method: 'POST', originalUrl: 'https://api.openai.com/v1/chat/completions', body: JSON.stringify(CHAT_REQUEST) },
    response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(COMPLETION) },
    ...over,
  });

  it('reads the corpus format: id, server as target, lower-cased headers', () => {
    const read = readRecording(line({}), 'corpus.jsonl');
    expect(read.format).toBe('JSONL request/response pairs');
    expect(read.exchanges[0]).toMatchObject({ id: 'openai:x#0', target: 'openai', requestKnown: true, response: { status: 200, headers: { 'content-type': 'application/json' } } });
  });

  it('takes the endpoint for a URL the recording did not keep, and marks a body-less POST as answer-only', () => {
    const payloads = line({ endpoint: 'POST /v1/chat/completions', request: { method: 'POST' }, response: { status: 200, headers: { 'content-type': 'text/event-stream' }, body: sseText(['[DONE]']) } });
    const [x] = readRecording(payloads, 'c.jsonl').exchanges;
    expect(x.request.url).toBe('/v1/chat/completions');
    expect(x.requestKnown).toBe(false);
  });

  it('rejects a pair that names no URL, and a line that is not JSON, with the line number', () => {
    expect(() => readRecording(line({ request: { method: 'POST', body: '{}' } }), 'c.jsonl')).toThrow(/c\.jsonl:1: the pair names no URL/);
    expect(() => readRecording(`${line({})}\n{"request":`, 'c.jsonl')).toThrow(/c\.jsonl:2: not JSON/);
  });
});

describe('readRecording: unknown content', () => {
  it('says which formats it reads', () => {
    expect(() => readRecording('hello world\n', 'notes.txt')).toThrow(/notes\.txt: unknown format; dropin judge reads a dropin transcript .*HAR 1\.2.*request\/response pairs/);
    expect(() => readRecording('{"log":{}}', 'x.har')).toThrow(/unknown format/);
    expect(() => readRecording('\n\n', 'empty.jsonl')).toThrow(/empty\.jsonl is empty/);
  });
});
