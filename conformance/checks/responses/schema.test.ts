import { describe, expect, it } from 'vitest';
import { bodyInput, functionCall, message, responseObject } from './responses.fixtures.ts';
import { responsesSchema } from './schema.ts';

describe('responses.schema', () => {
  it('passes OpenAI\'s response object, and one without the keys only the spec requires', () => {
    expect(responsesSchema.run(bodyInput(responseObject())).status).toBe('pass');
    const bare = { id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'm', output: [message('hi')], usage: { input_tokens: 1, output_tokens: 1 } };
    expect(responsesSchema.run(bodyInput(bare)).status).toBe('pass');
  });

  it('fails what clients reject: no output, a text part without annotations, a function call without id (S04)', () => {
    const noOutput = responseObject();
    delete noOutput.output;
    expect(responsesSchema.run(bodyInput(noOutput))).toMatchObject({ status: 'fail', pointer: '/output' });
    const noAnnotations = responseObject({ output: [{ ...message('hi'), content: [{ type: 'output_text', text: 'hi' }] }] });
    expect(responsesSchema.run(bodyInput(noAnnotations))).toMatchObject({ status: 'fail', pointer: '/output/0/content/0/annotations' });
    const { id: _id, ...call } = functionCall('{}');
    expect(responsesSchema.run(bodyInput(responseObject({ output: [call] })))).toMatchObject({ status: 'fail', pointer: '/output/0/id' });
  });

  it('fails object arguments and usage without token counts', () => {
    expect(responsesSchema.run(bodyInput(responseObject({ output: [{ ...functionCall('{}'), arguments: { city: 'Paris' } }] }))).status).toBe('fail');
    expect(responsesSchema.run(bodyInput(responseObject({ usage: { total_tokens: 3 } })))).toMatchObject({ status: 'fail', pointer: '/usage/input_tokens' });
  });
});
