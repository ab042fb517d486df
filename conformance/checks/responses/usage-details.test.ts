import { describe, expect, it } from 'vitest';
import { bodyInput, responseObject } from './responses.fixtures.ts';
import { responsesUsageDetails } from './usage-details.ts';

describe('responses.usage-details', () => {
  it('passes OpenAI usage and flags usage without the detail objects (llama.cpp)', () => {
    expect(responsesUsageDetails.run(bodyInput(responseObject())).status).toBe('pass');
    const bare = responseObject({ usage: { input_tokens: 2, output_tokens: 1, total_tokens: 3 } });
    expect(responsesUsageDetails.run(bodyInput(bare))).toMatchObject({ status: 'fail', pointer: '/usage/input_tokens_details' });
  });
});
