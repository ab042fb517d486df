import { describe, expect, it } from 'vitest';
import { matrixSampleRun, sampleRun } from '../report/sample-run.ts';
import { summaryText, wantsColor } from './print-summary.ts';

describe('summaryText', () => {
  it('grades the matrix like the reports: FAIL(MUST) apart from degraded SHOULD cells', () => {
    const lines = summaryText(sampleRun(), ['r.html']).split('\n');
    // the sample run judged the first seven capabilities; the later columns are all skip
    expect(lines[0]).toMatch(/^target    models  chat        streaming   tools       json_mode  structured_outputs  errors {2,}responses/);
    expect(lines[2]).toMatch(/^ollama    skip    FAIL\(MUST\)  FAIL\(MUST\)  FAIL\(MUST\)  skip       skip                degraded {2,}skip/);
    expect(lines[3]).toMatch(/^gateway   skip    skip        FAIL\(MUST\)  ERR         skip       skip                FAIL\(MUST\) {2,}skip/);
    expect(lines[4]).toMatch(/^FAIL\(MUST\) = a MUST check failed: an official client throws or loses data; degraded = only SHOULD checks failed/);
  });

  it('prints failures at the fail-on level in full with their consequence, and SHOULD failures one line each', () => {
    const text = summaryText(sampleRun(), ['r.html']);
    expect(text).toContain(
      'ollama: FAIL MUST chat.schema (chat.basic): Chat completion matches the schema\n' +
        '    choices[0].message lacks the required key "refusal"  (2 findings, see report.html)\n' +
        '    expected: message.refusal present (string or null)\n' +
        '    received: key absent  at /choices/0/message/refusal\n' +
        '    client consequence: strict response validators (pydantic models generated from the spec) reject the reply\n',
    );
    expect(text).toContain('ollama: 2 failures below --fail-on must (1 SHOULD, 1 MAY; they do not fail the run, a SHOULD failure means a common client degrades):\n');
    expect(text).toContain('    SHOULD errors.type-known (errors.unknown-model): error.type "not_found_error" is not an OpenAI error type\n');
    const strict = sampleRun();
    strict.options.failOn = 'should';
    expect(summaryText(strict, [])).toContain('ollama: FAIL SHOULD errors.type-known (errors.unknown-model)');
  });

  it('prints a failure repeated across scenarios once, with the scenarios', () => {
    const text = summaryText(matrixSampleRun(true), []);
    expect(text.match(/chat\.finish-reason-enum/g)).toHaveLength(1);
    expect(text).toContain('together: FAIL MUST chat.finish-reason-enum (in 10 scenarios: chat.basic, chat.max-tokens,');
    expect(text).toContain('    received: "eos"  at /choices/0/finish_reason (in chat.basic; differs by scenario)\n');
    expect(text).toContain('    SHOULD streaming.usage-chunk (in 2 scenarios: streaming.usage, tools.stream): no usage chunk');
  });

  it('ends with the reports\' headline, and says what to do about an untested target', () => {
    const strict = summaryText(matrixSampleRun(), []);
    expect(strict).toMatch(/\nresult: NOT TESTED — groq was skipped: GROQ_API_KEY is not set.* \(exit 2, --fail-on must\)\n/);
    expect(strict).toMatch(/or accept it with --allow-skipped \(DROPIN_ALLOW_SKIPPED=true, or allowSkipped: true in the config\)\n$/);
    const allowed = summaryText(matrixSampleRun(true), []);
    expect(allowed).toMatch(/\nresult: FAILED — 3 of 5 targets not conformant \(fail-on: must\); not tested: groq .*\(exit 1, --fail-on must, --allow-skipped\)\n$/);
  });

  it('colours cells and the headline only when asked', () => {
    expect(summaryText(sampleRun(), [])).not.toContain('\u001b[');
    const coloured = summaryText(sampleRun(), [], { color: true });
    expect(coloured).toContain('ollama    \u001b[2mskip\u001b[0m    \u001b[31mFAIL(MUST)\u001b[0m  ');
    expect(coloured).toContain('\u001b[33mdegraded\u001b[0m');
    expect(coloured).toContain('result: \u001b[31mFAILED — 2 of 3 targets not conformant (fail-on: must)\u001b[0m');
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
  });
});
