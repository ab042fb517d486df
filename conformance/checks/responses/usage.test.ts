import { describe, expect, it } from 'vitest';
import { bodyInput, responseObject, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesUsage } from './usage.ts';

describe('responses.usage', () => {
  it('passes consistent usage on a finished response, streamed or not', () => {
    expect(responsesUsage.run(bodyInput(responseObject())).status).toBe('pass');
    expect(responsesUsage.run(streamInput(textEvents())).status).toBe('pass');
  });

  it('skips an unfinished (background) response, fails absent or inconsistent usage', () => {
    expect(responsesUsage.run(bodyInput(responseObject({ status: 'queued', usage: null }))).status).toBe('skip');
    expect(responsesUsage.run(bodyInput(responseObject({ usage: null })))).toMatchObject({ status: 'fail', pointer: '/usage' });
    const sum = responseObject({ usage: { input_tokens: 2, output_tokens: 2, total_tokens: 5 } });
    expect(responsesUsage.run(bodyInput(sum))).toMatchObject({ status: 'fail', pointer: '/usage/total_tokens' });
  });
});
