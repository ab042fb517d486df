// Chat usage as Responses usage, including backends that leave reasoning out of completion_tokens or report nothing.
import { describe, expect, it } from 'vitest';
import { responsesUsage } from './usage.ts';

const est = { chatRequest: { messages: [{ role: 'user', content: 'x'.repeat(40) }] }, outputChars: () => 40 };

describe('responsesUsage', () => {
  it('renames chat usage and keeps its details', () => {
    expect(responsesUsage({ prompt_tokens: 9, completion_tokens: 3, total_tokens: 12, prompt_tokens_details: { cached_tokens: 2 }, completion_tokens_details: { reasoning_tokens: 1 } }, est)).toEqual({
      input_tokens: 9, input_tokens_details: { cached_tokens: 2 }, output_tokens: 3, output_tokens_details: { reasoning_tokens: 1 }, total_tokens: 12,
    });
  });

  it('counts reasoning in output_tokens when the backend left it out of completion_tokens (xai:ai:xai-tool-call)', () => {
    const recorded = { prompt_tokens: 291, completion_tokens: 26, total_tokens: 513, prompt_tokens_details: { cached_tokens: 290 }, completion_tokens_details: { reasoning_tokens: 196 } };
    expect(responsesUsage(recorded, est)).toMatchObject({ input_tokens: 291, output_tokens: 222, output_tokens_details: { reasoning_tokens: 196 }, total_tokens: 513 });
  });

  it('estimates what the backend did not report, keeping total = input + output', () => {
    expect(responsesUsage(undefined, est)).toEqual({ input_tokens: 14, input_tokens_details: { cached_tokens: 0 }, output_tokens: 10, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 24 });
    expect(responsesUsage({ prompt_tokens: 5, completion_tokens: 5, total_tokens: 3 }, est).total_tokens).toBe(10);
  });
});
