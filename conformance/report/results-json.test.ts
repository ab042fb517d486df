import { describe, expect, it } from 'vitest';
import { renderResultsJson } from './results-json.ts';
import { matrixSampleRun, sampleRun } from './sample-run.ts';

describe('renderResultsJson', () => {
  it('is the run itself plus the outcome, the headline and the targets that went untested', () => {
    const run = matrixSampleRun();
    const json = JSON.parse(renderResultsJson(run));
    expect(json.formatVersion).toBe(1);
    expect(json.exitCode).toBe(2);
    expect(json.outcome).toBe('not_tested');
    expect(json.headline).toMatch(/^NOT TESTED — groq was skipped: GROQ_API_KEY is not set/);
    expect(json.notTested).toEqual([{ target: 'groq', reason: expect.stringMatching(/^skipped: GROQ_API_KEY/) }]);
    expect(json.targets[3].checks).toEqual(JSON.parse(JSON.stringify(run.targets[3].checks)));
    const allowed = JSON.parse(renderResultsJson(matrixSampleRun(true)));
    expect([allowed.outcome, allowed.exitCode, allowed.options.allowSkipped]).toEqual(['failed', 1, true]);
  });

  it('grades every capability by level and the fail-on level', () => {
    const [, ollama] = JSON.parse(renderResultsJson(sampleRun())).targets;
    expect(ollama.capabilities.chat).toMatchObject({ status: 'fail', grade: 'fail', failedByLevel: { MUST: 2, SHOULD: 0, MAY: 0 } });
    expect(ollama.capabilities.errors).toMatchObject({ status: 'fail', grade: 'degraded', failedByLevel: { MUST: 0, SHOULD: 1, MAY: 0 } });
    const strict = sampleRun();
    strict.options.failOn = 'should';
    expect(JSON.parse(renderResultsJson(strict)).targets[1].capabilities.errors.grade).toBe('fail');
  });

  it('groups each target\'s identical problems across scenarios, pointing at its checks', () => {
    const run = matrixSampleRun();
    const together = JSON.parse(renderResultsJson(run)).targets[3];
    const [finish, usage] = together.problemGroups;
    expect(finish).toMatchObject({ id: 'chat.finish-reason-enum', level: 'MUST', status: 'fail', grade: 'fail', expected: 'stop, length, tool_calls, content_filter or function_call' });
    expect(finish.scenarios).toHaveLength(10);
    expect(finish.checks.map((i: number) => together.checks[i].scenario)).toEqual(finish.scenarios);
    expect(usage).toMatchObject({ id: 'streaming.usage-chunk', grade: 'degraded', scenarios: ['streaming.usage', 'tools.stream'] });
    expect(together.problemGroups).toHaveLength(2);
  });

  it('keeps each check\'s client consequence, evidence and every finding', () => {
    const [, ollama] = JSON.parse(renderResultsJson(sampleRun())).targets;
    expect(ollama.checks[0]).toMatchObject({
      consequence: expect.stringContaining('pydantic'),
      evidence: 'mlcommons/endpoints#133',
      details: ["/choices/0/message: must have required property 'refusal'", "/choices/0: must have required property 'logprobs'"],
    });
  });
});
