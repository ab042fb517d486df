// Real OpenAI Responses streams (recorded by simonw/llm and pydantic-ai test suites; provenance in
// recorded-streams.fixtures.json), read with the suite's own SSE reader and run through every
// Responses stream check: none may fail. The 2025 stream predates sequence_number, a MAY warning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SseReader } from '../../transport/sse-reader.ts';
import type { CheckInput, Exchange } from '../../types.ts';
import { responsesToolsChecks } from '../responses_tools/index.ts';
import { responsesStreamChecks } from './index.ts';

interface Recording {
  id: string;
  request: unknown;
  contentType: string;
  body: string;
}

const recordings: Recording[] = JSON.parse(readFileSync(new URL('./recorded-streams.fixtures.json', import.meta.url), 'utf8'));

function inputOf(r: Recording): CheckInput {
  const bytes = new TextEncoder().encode(r.body);
  const reader = new SseReader(() => 0);
  reader.push(bytes);
  const exchange: Exchange = {
    request: { method: 'POST', url: 'https://api.openai.com/v1/responses', headers: {}, body: JSON.stringify(r.request) },
    status: 200, headers: { 'content-type': r.contentType }, body: bytes, bodyText: r.body, sse: reader.end(),
    timing: { startedAt: 0, totalMs: 1 }, truncated: false,
  };
  return { exchange, request: r.request, scenario: 'recorded', model: 'gpt' };
}

const checks = [...responsesStreamChecks, ...responsesToolsChecks.filter((c) => c.kind === 'protocol')];

describe('recorded OpenAI Responses streams', () => {
  it.each(recordings.map((r) => [r.id, r] as const))('%s fails no check', (_id, recording) => {
    const input = inputOf(recording);
    const verdicts = checks.map((c) => ({ id: c.id, level: c.level, ...c.run(input) }));
    expect(verdicts.filter((v) => v.status === 'error' || (v.status === 'fail' && v.level !== 'MAY'))).toEqual([]);
    expect(verdicts.filter((v) => v.id === 'responses.stream-text' || v.id === 'responses.stream-terminal').map((v) => v.status)).toContain('pass');
  });

  it('the 2025 stream without sequence_number only trips the MAY check', () => {
    const old = recordings.find((r) => r.id.startsWith('openai:pydantic-ai:test_openai_responses_stream'))!;
    const failing = checks.filter((c) => c.run(inputOf(old)).status === 'fail').map((c) => `${c.level} ${c.id}`);
    expect(failing).toEqual(['MAY responses.stream-sequence-present']);
  });

  it('the tool stream is judged by the argument checks, not skipped', () => {
    const tool = recordings.find((r) => r.id.includes('tool_use_streaming'))!;
    const statuses = Object.fromEntries(responsesToolsChecks.map((c) => [c.id, c.run(inputOf(tool)).status]));
    expect(statuses).toMatchObject({ 'responses_tools.stream-arguments': 'pass', 'responses_tools.call-schema': 'pass', 'responses_tools.arguments-json': 'pass' });
  });
});
