import { describe, expect, it } from 'vitest';
import type { RouteRule } from '../types.ts';
import { lazy, matchesRule, systemPrompt } from './match-rule.ts';

const rule = (when: RouteRule['when']): RouteRule => ({ name: 'r', when, route: 'x' });
const req = (body: any, headers: Record<string, string> = {}) => ({ body, headers });
const chat = (system: string | undefined, user = 'hello', extra: Record<string, unknown> = {}) => ({
  model: 'fast',
  messages: [...(system === undefined ? [] : [{ role: 'system', content: system }]), { role: 'user', content: user }],
  ...extra,
});

describe('matchesRule', () => {
  it('matches the model by name or list', () => {
    expect(matchesRule(rule({ model: 'fast' }), req(chat(undefined)))).toBe(true);
    expect(matchesRule(rule({ model: ['smart', 'fast'] }), req(chat(undefined)))).toBe(true);
    expect(matchesRule(rule({ model: 'smart' }), req(chat(undefined)))).toBe(false);
  });

  it('matches system prompt keywords case-insensitively, in system or developer messages only', () => {
    const r = rule({ systemPromptKeywords: ['contract', 'Liability'] });
    expect(matchesRule(r, req(chat('Review this CONTRACT carefully')))).toBe(true);
    expect(matchesRule(r, req(chat('limit liability')))).toBe(true);
    expect(matchesRule(r, req({ messages: [{ role: 'developer', content: [{ type: 'text', text: 'contract' }] }] }))).toBe(true);
    expect(matchesRule(r, req(chat('be brief', 'the contract says')))).toBe(false);
    expect(matchesRule(r, req(chat(undefined)))).toBe(false);
  });

  it('matches a system prompt regex as written', () => {
    expect(matchesRule(rule({ systemPromptRegex: '^You are a (lawyer|judge)' }), req(chat('You are a judge.')))).toBe(true);
    expect(matchesRule(rule({ systemPromptRegex: '^You are a (lawyer|judge)' }), req(chat('you are a judge.')))).toBe(false);
    expect(matchesRule(rule({ systemPromptRegex: '(?i:^you are)' }), req(chat('YOU ARE here')))).toBe(true);
  });

  it('compares the estimated prompt tokens strictly', () => {
    const long = chat(undefined, 'x'.repeat(4000));
    expect(matchesRule(rule({ promptTokensAbove: 1000 }), req(long))).toBe(true);
    expect(matchesRule(rule({ promptTokensAbove: 1004 }), req(long))).toBe(false);
    expect(matchesRule(rule({ promptTokensBelow: 1005 }), req(long))).toBe(true);
    expect(matchesRule(rule({ promptTokensBelow: 1004 }), req(long))).toBe(false);
    expect(matchesRule(rule({ promptTokensAbove: 10, promptTokensBelow: 2000 }), req(long))).toBe(true);
  });

  it('matches tools present or absent', () => {
    const tools = [{ type: 'function', function: { name: 'f' } }];
    expect(matchesRule(rule({ hasTools: true }), req(chat(undefined, 'hi', { tools })))).toBe(true);
    expect(matchesRule(rule({ hasTools: true }), req(chat(undefined, 'hi', { tools: [] })))).toBe(false);
    expect(matchesRule(rule({ hasTools: true }), req(chat(undefined, 'hi', { functions: [{ name: 'f' }] })))).toBe(true);
    expect(matchesRule(rule({ hasTools: false }), req(chat(undefined)))).toBe(true);
  });

  it('matches a json_schema response format, not json_object', () => {
    const schema = { response_format: { type: 'json_schema', json_schema: { name: 'x' } } };
    expect(matchesRule(rule({ jsonSchema: true }), req(chat(undefined, 'hi', schema)))).toBe(true);
    expect(matchesRule(rule({ jsonSchema: true }), req(chat(undefined, 'hi', { response_format: { type: 'json_object' } })))).toBe(false);
    expect(matchesRule(rule({ jsonSchema: false }), req(chat(undefined)))).toBe(true);
  });

  it('matches headers exactly', () => {
    const r = rule({ header: { 'x-tier': 'premium', 'x-team': 'legal' } });
    expect(matchesRule(r, req(chat(undefined), { 'x-tier': 'premium', 'x-team': 'legal' }))).toBe(true);
    expect(matchesRule(r, req(chat(undefined), { 'x-tier': 'premium' }))).toBe(false);
    expect(matchesRule(r, req(chat(undefined), { 'x-tier': 'Premium', 'x-team': 'legal' }))).toBe(false);
  });

  it('requires every condition to hold', () => {
    const r = rule({ model: 'fast', hasTools: true, systemPromptKeywords: ['sql'] });
    expect(matchesRule(r, req(chat('write SQL', 'hi', { tools: [{}] })))).toBe(true);
    expect(matchesRule(r, req(chat('write SQL')))).toBe(false);
  });

  it('estimates tokens only when a rule needs them, and once', () => {
    let calls = 0;
    const tokens = lazy(() => ++calls && 50);
    expect(matchesRule(rule({ hasTools: true }), req(chat(undefined)), tokens)).toBe(false);
    expect(calls).toBe(0);
    matchesRule(rule({ promptTokensAbove: 10, promptTokensBelow: 100 }), req(chat(undefined)), tokens);
    matchesRule(rule({ promptTokensAbove: 10 }), req(chat(undefined)), tokens);
    expect(calls).toBe(1);
  });
});

describe('rules on a Responses request', () => {
  it('jsonSchema reads text.format; systemPromptKeywords read instructions', () => {
    const responses = (body: Record<string, unknown>) => ({ body: { model: 'fast', input: 'hi', ...body }, headers: {}, endpoint: 'responses' });
    expect(matchesRule(rule({ jsonSchema: true }), responses({ text: { format: { type: 'json_schema', name: 'x', schema: {} } } }))).toBe(true);
    expect(matchesRule(rule({ jsonSchema: true }), responses({ text: { format: { type: 'text' } } }))).toBe(false);
    expect(matchesRule(rule({ systemPromptKeywords: ['contract'] }), responses({ instructions: 'Review the Contract.' }))).toBe(true);
  });
});

describe('systemPrompt', () => {
  it('joins every system and developer message', () => {
    expect(systemPrompt({ messages: [{ role: 'system', content: 'a' }, { role: 'user', content: 'u' }, { role: 'developer', content: 'b' }] })).toBe('a\nb');
  });

  it('reads a Responses request: instructions, then system and developer input items (parts included)', () => {
    const body = {
      instructions: 'You are a lawyer.',
      input: [
        { role: 'developer', content: [{ type: 'input_text', text: 'Cite cases.' }] },
        { role: 'user', content: 'hello' },
        { type: 'function_call_output', call_id: 'c', output: 'x' },
      ],
    };
    expect(systemPrompt(body)).toBe('You are a lawyer.\nCite cases.');
    expect(systemPrompt({ input: 'just a string' })).toBe('');
  });
});
