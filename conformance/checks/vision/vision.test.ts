// The vision checks on literal answers.
import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { visionDataUrlAccepted, visionHttpUrlAccepted } from './accepted.ts';
import { visionImageUsed } from './image-used.ts';
import { visionRefusalClean } from './refusal-clean.ts';

const reply = (content: string) => ({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
const error = (message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'invalid_request_error', param: null, code: null, ...extra } });

describe('vision checks', () => {
  it('vision.image-used: the colour named passes; an answer about nothing fails', () => {
    expect(visionImageUsed.run(inputOf(jsonExchange(reply('Red.')))).status).toBe('pass');
    expect(visionImageUsed.run(inputOf(jsonExchange(reply('I cannot see any image.'))))).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
    expect(visionImageUsed.run(inputOf(jsonExchange(error('x'), { status: 400 }))).status).toBe('skip');
  });

  it('vision.data-url-accepted needs a 200; vision.http-url-accepted skips a download failure and fails S22', () => {
    expect(visionDataUrlAccepted.run(inputOf(jsonExchange(error('nope'), { status: 400 }))).status).toBe('fail');
    const download = error('Timeout while downloading http://127.0.0.1:1/dropin-probe.png.', { param: 'url', code: 'invalid_value' });
    expect(visionHttpUrlAccepted.run(inputOf(jsonExchange(download, { status: 400 })))).toMatchObject({ status: 'skip', message: /could not fetch/ });
    const ollama = error('image URLs are not currently supported, please use base64 encoded data instead');
    expect(visionHttpUrlAccepted.run(inputOf(jsonExchange(ollama, { status: 400 })))).toMatchObject({ status: 'fail', received: expect.stringContaining('HTTP 400') });
    expect(visionHttpUrlAccepted.run(inputOf(jsonExchange(reply('Red'))))).toMatchObject({ status: 'pass' });
  });

  it('vision.refusal-clean: an answer or a 4xx envelope passes; a 500 or a string body (S23) fails', () => {
    expect(visionRefusalClean.run(inputOf(jsonExchange(reply('Red'))))).toMatchObject({ status: 'pass', message: 'the chat model accepts images' });
    expect(visionRefusalClean.run(inputOf(jsonExchange(error('image_url is only supported by certain models'), { status: 400 })))).toMatchObject({ status: 'pass', message: /refuses images cleanly/ });
    expect(visionRefusalClean.run(inputOf(jsonExchange(error('image input is not supported'), { status: 500 })))).toMatchObject({ status: 'fail', message: /server error/ });
    expect(visionRefusalClean.run(inputOf(jsonExchange({ error: "'url' field must be a base64 encoded image." }, { status: 400 })))).toMatchObject({ status: 'fail', message: /\(a string error\): clients lose/ });
  });
});
