import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { toolsScenarios } from './tools.ts';

const byId = Object.fromEntries(toolsScenarios.map((s) => [s.id, s]));
const body = (id: string) => byId[id].build({ model: 'm' }).body as Record<string, any>;
const toolNames = (id: string) => body(id).tools.map((t: any) => t.function.name);

describe('tools scenarios', () => {
  it('keep the catalogue ids', () => {
    expect(Object.keys(byId)).toEqual(['tools.named', 'tools.required', 'tools.stream', 'tools.none', 'tools.stream-length']);
  });
  const behaviour = toolsScenarios.filter((s) => s.kind === 'behaviour');
  it.each(behaviour.map((s) => [s.id]))('%s sends a spec-valid deterministic request naming tools as its feature', (id) => {
    expect(validate('chat-completion-request', body(id))).toEqual({ ok: true });
    expect(body(id).temperature).toBe(0);
    expect(byId[id]).toMatchObject({ kind: 'behaviour', featureParams: ['tools', 'tool_choice'] });
    expect(byId[id].behaviourChecks.map((c) => c.id)).toContain('tools.choice-honoured');
  });
  it('set tool_choice and tools as the catalogue says', () => {
    expect(body('tools.named').tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(toolNames('tools.named')).toEqual(['get_weather', 'get_time']);
    expect(body('tools.required')).toMatchObject({ tool_choice: 'required' });
    expect(toolNames('tools.required')).toEqual(['get_weather', 'get_time']);
    expect(body('tools.none').tool_choice).toBe('none');
  });
  it('make tools.stream the streamed twin of tools.required', () => {
    const { stream, ...rest } = body('tools.stream');
    expect(stream).toBe(true);
    expect(rest).toEqual(body('tools.required'));
    expect(byId['tools.stream'].build({ model: 'm' }).stream).toBe(true);
    expect(byId['tools.stream'].protocolChecks.map((c) => c.id)).toEqual(expect.arrayContaining(['tools.stream-index', 'tools.stream-distinct-index', 'tools.stream-id-once']));
  });
  it('offer get_weather with a city string and a celsius/fahrenheit unit', () => {
    const params = body('tools.named').tools[0].function.parameters;
    expect(params.properties).toEqual({ city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } });
  });
  it('make tools.stream-length a streamed call cut by a tiny max_tokens, with usage to prove the cut', () => {
    const b = body('tools.stream-length');
    expect(validate('chat-completion-request', b)).toEqual({ ok: true });
    expect(b).toMatchObject({ stream: true, stream_options: { include_usage: true }, tool_choice: 'required' });
    expect(b.max_tokens).toBeLessThanOrEqual(8);
    expect(byId['tools.stream-length'].protocolChecks.map((c) => c.id)).toEqual(['tools.stream-finish-reason']);
  });
});
