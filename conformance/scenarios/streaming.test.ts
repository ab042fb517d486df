import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { streamingScenarios } from './streaming.ts';

describe('streaming scenarios', () => {
  it('keep the catalogue ids', () => {
    expect(streamingScenarios.map((s) => s.id)).toEqual(['streaming.basic', 'streaming.usage']);
  });
  it.each(streamingScenarios.map((s) => [s.id]))('%s sends a spec-valid, cheap stream request read as SSE', (id) => {
    const built = streamingScenarios.find((s) => s.id === id)!.build({ model: 'm' });
    const body = built.body as Record<string, any>;
    expect(validate('chat-completion-request', body)).toEqual({ ok: true });
    expect(built).toMatchObject({ method: 'POST', path: '/chat/completions', stream: true });
    expect(body).toMatchObject({ model: 'm', stream: true, temperature: 0 });
    expect(body.max_tokens).toBeLessThanOrEqual(32);
  });
  it('ask for usage only in streaming.usage, which names stream_options as its feature', () => {
    const [basic, usage] = streamingScenarios.map((s) => s.build({ model: 'm' }).body as Record<string, any>);
    expect(basic.stream_options).toBeUndefined();
    expect(usage.stream_options).toEqual({ include_usage: true });
    expect(streamingScenarios[1].featureParams).toEqual(['stream_options']);
    expect(streamingScenarios[0].featureParams).toBeUndefined();
  });
});
