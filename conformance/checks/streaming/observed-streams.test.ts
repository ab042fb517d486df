// The streams real servers are documented to send, run through every streaming and tools check:
// OpenAI's must pass everything; Ollama ≥0.32.6's must pass every MUST check (it omits the
// `usage: null` keys, a MAY-level warning).
import { describe, expect, it } from 'vitest';
import type { Check, CheckInput } from '../../types.ts';
import { toolsChecks } from '../tools/index.ts';
import { streamingChecks } from './index.ts';
import { ollamaTextStream, ollamaToolStream, openAiTextStream, openAiToolStream, streamInput, TOOLS_REQUEST, USAGE_REQUEST } from './stream-fixtures.ts';

const ALL: Check[] = [...streamingChecks, ...toolsChecks];
const bad = (input: CheckInput, checks: Check[]) =>
  checks.map((c) => ({ id: c.id, ...c.run(input) })).filter((v) => v.status === 'fail' || v.status === 'warn' || v.status === 'error');
const toolsWithUsage = { ...TOOLS_REQUEST, stream_options: { include_usage: true } };

describe('documented real streams', () => {
  it('OpenAI observed text stream (wire-facts §1.4) passes every check', () => {
    expect(bad(streamInput(openAiTextStream(), USAGE_REQUEST), ALL)).toEqual([]);
  });
  it('OpenAI streamed tool calls (wire-facts §1.4) pass every check, and the tools checks judge them', () => {
    const input = streamInput(openAiToolStream(), TOOLS_REQUEST);
    expect(bad(input, ALL)).toEqual([]);
    const judged = toolsChecks.filter((c) => c.run(input).status === 'pass').map((c) => c.id);
    expect(judged).toEqual(expect.arrayContaining(['tools.stream-index', 'tools.stream-distinct-index', 'tools.stream-id-once', 'tools.arguments-json', 'tools.stream-finish-reason']));
  });
  it('Ollama ≥0.32.6 streams (wire-facts §2.4) pass every MUST check', () => {
    const must = ALL.filter((c) => c.level === 'MUST');
    expect(bad(streamInput(ollamaTextStream(), USAGE_REQUEST), must)).toEqual([]);
    expect(bad(streamInput(ollamaToolStream(), toolsWithUsage), must)).toEqual([]);
  });
  it('Ollama omitting usage: null is only a MAY-level warning', () => {
    expect(bad(streamInput(ollamaToolStream(), toolsWithUsage), ALL).map((v) => [v.id, v.status])).toEqual([['streaming.usage-null-elsewhere', 'warn']]);
  });
});
