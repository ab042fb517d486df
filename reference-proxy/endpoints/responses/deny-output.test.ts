import { describe, expect, it } from 'vitest';
import { denyResponseOutput } from './deny-output.ts';

const response = (...texts: string[]) => ({
  id: 'resp_1',
  status: 'completed',
  completed_at: 1,
  incomplete_details: null,
  output: [{ id: 'fc_1', type: 'function_call', arguments: '{"launch codes":1}' }, ...texts.map((text, i) => ({ id: `msg_${i}`, type: 'message', status: 'completed', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] }))],
});

describe('denyResponseOutput', () => {
  it('blanks a matching message and ends the response incomplete for content_filter', () => {
    const denied = denyResponseOutput(response('fine', 'the launch codes are 1234'), [/launch codes/i]);
    expect(denied).toMatchObject({ status: 'incomplete', completed_at: null, incomplete_details: { reason: 'content_filter' } });
    expect(denied.output.map((i: any) => [i.status, i.content?.[0].text])).toEqual([[undefined, undefined], ['completed', 'fine'], ['incomplete', '']]);
  });

  it('leaves the response alone without patterns or a match', () => {
    const r = response('fine');
    expect(denyResponseOutput(r, [])).toBe(r);
    expect(denyResponseOutput(r, [/launch codes/])).toBe(r);
  });
});
