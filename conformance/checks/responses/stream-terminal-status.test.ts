import { describe, expect, it } from 'vitest';
import { editEvent, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamTerminalStatus } from './stream-terminal-status.ts';

describe('responses.stream-terminal-status', () => {
  it('passes response.completed with status completed, and response.incomplete with incomplete', () => {
    expect(responsesStreamTerminalStatus.run(streamInput(textEvents())).status).toBe('pass');
    const incomplete = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, type: 'response.incomplete', response: { ...e.response, status: 'incomplete' } }));
    expect(responsesStreamTerminalStatus.run(streamInput(incomplete)).status).toBe('pass');
  });
  it('fails vLLM\'s response.completed carrying status incomplete (S08)', () => {
    const vllm = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, response: { ...e.response, status: 'incomplete' } }));
    expect(responsesStreamTerminalStatus.run(streamInput(vllm))).toMatchObject({ status: 'fail', pointer: '/events/10/response/status' });
  });
});
