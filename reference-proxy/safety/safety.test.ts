import { describe, expect, it } from 'vitest';
import { applySafetyPrompt, checkInput, compilePatterns, createOutputFilter } from './safety.ts';

const body = { model: 'm', messages: [{ role: 'user', content: 'hello' }] };

describe('applySafetyPrompt', () => {
  it('puts the system prompt first in a new body', () => {
    const out = applySafetyPrompt(body, 'Be careful.');
    expect(out.messages).toEqual([{ role: 'system', content: 'Be careful.' }, { role: 'user', content: 'hello' }]);
    expect(body.messages).toHaveLength(1);
  });

  it('leaves the body as it is without a prompt', () => {
    expect(applySafetyPrompt(body)).toBe(body);
    expect(applySafetyPrompt(body, '')).toBe(body);
  });
});

describe('checkInput', () => {
  const deny = compilePatterns(['credit card number', 'rm\\s+-rf']);

  it('finds a pattern in string content, case-insensitively', () => {
    expect(checkInput({ messages: [{ role: 'user', content: 'My Credit Card Number is…' }] }, deny)).toEqual({ ok: false, pattern: 'credit card number' });
  });

  it('finds a pattern in text parts and ignores other parts', () => {
    const parts = [
      { type: 'image_url', image_url: { url: 'data:image/png;base64,rm -rf' } },
      { type: 'text', text: 'please run rm  -rf /' },
    ];
    expect(checkInput({ messages: [{ role: 'user', content: parts }] }, deny)).toEqual({ ok: false, pattern: 'rm\\s+-rf' });
    expect(checkInput({ messages: [{ role: 'user', content: [parts[0]] }] }, deny)).toEqual({ ok: true });
  });

  it('passes clean input and input without messages', () => {
    expect(checkInput(body, deny)).toEqual({ ok: true });
    expect(checkInput({}, deny)).toEqual({ ok: true });
    expect(checkInput({ messages: [{ role: 'assistant', content: null, tool_calls: [] }] }, deny)).toEqual({ ok: true });
  });
});

describe('createOutputFilter', () => {
  it('blocks a pattern split across chunks', () => {
    const filter = createOutputFilter(compilePatterns(['secret plan']));
    expect(filter.push('the sec')).toBe(false);
    expect(filter.push('ret pl')).toBe(false);
    expect(filter.push('an is')).toBe(true);
  });

  it('stays blocked once blocked', () => {
    const filter = createOutputFilter(compilePatterns(['x']));
    expect(filter.push('x')).toBe(true);
    expect(filter.push('clean')).toBe(true);
  });

  it('forgets text older than its tail', () => {
    const filter = createOutputFilter(compilePatterns(['a\\d*b']), 4);
    expect(filter.push('a')).toBe(false);
    expect(filter.push('12345')).toBe(false);
    expect(filter.push('b')).toBe(false);
    const unbounded = createOutputFilter(compilePatterns(['a\\d*b']));
    expect(unbounded.push('a') || unbounded.push('12345')).toBe(false);
    expect(unbounded.push('b')).toBe(true);
  });

  it('never blocks without patterns', () => {
    expect(createOutputFilter([]).push('anything')).toBe(false);
  });
});

describe('compilePatterns', () => {
  it('compiles case-insensitive patterns', () => {
    expect(compilePatterns(['a.c'])[0].test('xAbC')).toBe(true);
  });

  it('names an invalid pattern and says what to change', () => {
    expect(() => compilePatterns(['ok', 'bad(('])).toThrow(/safety pattern #2 "bad\(\(" is not a valid regular expression .*fix it or escape/);
  });
});
