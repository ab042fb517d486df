// What the proxy must answer, decided without the proxy's code: the conformance suite's request
// schema says whether a body is a valid chat request. A valid request for a served model must be
// served; one the schema faults at the fields the proxy itself reads (the body, model, messages,
// stream) must be refused; anything else may be served (the backend judges it) or refused. Never a
// 5xx, and every refusal is the OpenAI envelope.
import { expect } from 'vitest';
import { validate } from '../../../conformance/schemas/validate.ts';
import { DENIED_WORD, type Answer } from './fuzz-target.ts';

export type Expectation = 'served' | 'refused' | 'either';

const SERVED_MODELS = new Set(['test-model', 'cloud-model', 'smart']);
const PROXY_READS = new Set(['/', '/model', '/messages', '/stream']);

export function expectationFor(value: unknown): Expectation {
  const verdict = validate('chat-completion-request', value);
  if (!verdict.ok) return verdict.errors.some((e) => PROXY_READS.has(e.pointer)) ? 'refused' : 'either';
  const { model, messages } = value as { model: string; messages: unknown };
  if (!SERVED_MODELS.has(model)) return 'refused';
  if (JSON.stringify(messages).includes(DENIED_WORD)) return 'refused';
  return 'served';
}

/** The expectation for raw body bytes, decoded as UTF-8 the way a server must (U+FFFD for bad sequences). */
export function expectationForBytes(body: Buffer | string): Expectation {
  const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'refused';
  }
  return expectationFor(value);
}

export function checkAnswer(answer: Answer, expected: Expectation): void {
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  if (answer.status >= 400) expectEnvelope(answer);
  if (expected === 'served') expectServed(answer);
  if (expected === 'refused') expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  if (expected === 'either' && answer.status < 400) expectServed(answer);
}

export function expectEnvelope(answer: Pick<Answer, 'status' | 'text'>): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  const { error } = JSON.parse(answer.text) as { error: Record<string, unknown> };
  expect(typeof error.message === 'string' && error.message.length > 0, answer.text).toBe(true);
  expect(typeof error.type, answer.text).toBe('string');
  expect(error.param === null || typeof error.param === 'string', answer.text).toBe(true);
  expect(error.code === null || typeof error.code === 'string', answer.text).toBe(true);
}

function expectServed(answer: Answer): void {
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  if (String(answer.headers['content-type']).startsWith('text/event-stream')) {
    expect(answer.text.endsWith('data: [DONE]\n\n'), answer.text.slice(-300)).toBe(true);
  } else {
    expect(JSON.parse(answer.text).object).toBe('chat.completion');
  }
}
