import { describe, expect, it } from 'vitest';
import { applyOutputDeny } from './output-deny.ts';

const completion = (...contents: Array<string | null>) => ({
  choices: contents.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: 'stop' })),
});

describe('applyOutputDeny', () => {
  it('blanks only matching choices and marks them content_filter', () => {
    const c = completion('fine', 'the launch codes are 1234', null);
    expect(applyOutputDeny(c, [/launch codes/i])).toBe(true);
    expect(c.choices.map((ch) => [ch.message.content, ch.finish_reason])).toEqual([['fine', 'stop'], [null, 'content_filter'], [null, 'stop']]);
  });

  it('leaves the completion alone without patterns or matches', () => {
    const c = completion('fine');
    expect(applyOutputDeny(c, [])).toBe(false);
    expect(applyOutputDeny(c, [/nope/])).toBe(false);
    expect(c.choices[0].finish_reason).toBe('stop');
  });
});
