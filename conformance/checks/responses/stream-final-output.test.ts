import { describe, expect, it } from 'vitest';
import { editEvent, responseObject, streamInput, textEvents, toolEvents } from './responses.fixtures.ts';
import { responsesStreamFinalOutput } from './stream-final-output.ts';

describe('responses.stream-final-output', () => {
  it('passes a terminal response listing the streamed items', () => {
    expect(responsesStreamFinalOutput.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamFinalOutput.run(streamInput(toolEvents())).status).toBe('pass');
  });
  it('fails an empty final output, a renamed item and different arguments', () => {
    const empty = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, response: responseObject({ output: [] }) }));
    expect(responsesStreamFinalOutput.run(streamInput(empty))).toMatchObject({ status: 'fail', message: /lists 0 output item/ });
    const renamed = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, response: { ...e.response, output: [{ ...e.response.output[0], id: 'msg_x' }] } }));
    expect(responsesStreamFinalOutput.run(streamInput(renamed))).toMatchObject({ status: 'fail', pointer: '/events/10/response/output/0' });
    const args = editEvent(toolEvents(), 'response.completed', (e) => ({ ...e, response: { ...e.response, output: [{ ...e.response.output[0], arguments: '{}' }] } }));
    expect(responsesStreamFinalOutput.run(streamInput(args))).toMatchObject({ status: 'fail', pointer: '/events/8/response/output/0/arguments' });
  });
});
