// The suite's own mutation matrix: the emulator with one deviation switched on must be caught
// by exactly the checks that exist for it, and every legal variation of the wire format must
// pass. This is what keeps the suite from missing a real deviation or inventing one.
import { describe, expect, it } from 'vitest';
import { QUIRKS, type QuirkName } from '../../fixtures/emulator/index.ts';
import { runSuite } from '../run/run-suite.ts';
import type { RunResult } from '../types.ts';

const CAUGHT_BY: Partial<Record<QuirkName, string[]>> = {
  'role-every-chunk': ['streaming.role-once'],
  'tool-index-missing': ['tools.stream-index'],
  'tool-index-zero': ['tools.stream-distinct-index'],
  'tool-id-repeated': ['tools.stream-id-once'],
  'tool-finish-stop': ['tools.stream-finish-reason', 'tools.finish-reason'],
  'finish-reason-nonstandard': ['chat.finish-reason-enum', 'streaming.finish-reason'],
  'usage-unrequested': ['streaming.usage-unrequested'],
  'usage-no-choices': ['streaming.chunk-schema'],
  'usage-ignored': ['streaming.usage-chunk'],
  'empty-choices-chunk': ['streaming.empty-choices'],
  'error-flat': ['errors.envelope'],
  'error-string': ['errors.envelope', 'vision.refusal-clean'], // S23 too: the string body refusing an image
  'error-code-int': ['errors.envelope-fields'],
  'error-type-nonstandard': ['errors.type-known'],
  'bad-json-500': ['errors.status-4xx'],
  'stream-error-200': ['errors.status-4xx'],
  'max-completion-tokens-ignored': ['chat.max-completion-tokens-honoured'],
  'max-tokens-ignored': ['chat.max-tokens-honoured'],
  'stop-ignored': ['chat.stop-honoured'],
  'tool-choice-ignored': ['tools.choice-honoured'],
  'json-schema-ignored': ['structured_outputs.schema-valid'],
  'json-mode-invalid': ['json_mode.valid-json'],
  'models-data-null': ['models.schema'],
  'arguments-object': ['tools.arguments-string'],
  'no-done': ['streaming.done-terminator'],
  'tool-type-null': ['tools.stream-no-nulls'],
  'no-incremental': ['streaming.incremental'],
  'cumulative-deltas': ['streaming.no-cumulative-deltas'],
  'n-ignored': ['chat.n-honoured'],
  'unknown-model-200': ['errors.unknown-model-404'],
  'content-type-json-stream': ['streaming.content-type'],
  'no-finish-reason': ['streaming.finish-reason'],
  'chunk-object-wrong': ['streaming.chunk-schema'],
  'created-float': ['chat.schema', 'streaming.chunk-schema'],
  'error-type-llamacpp': ['errors.type-known'],
  'error-type-exception-class': ['errors.type-known'],
  'error-code-int-param': ['errors.envelope-fields'],
  'n-over-slots-500': ['chat.status-ok'],
  'tool-choice-object-auto': ['tools.choice-honoured'],
  'tool-finish-on-length': ['tools.stream-finish-reason'],
  'responses-no-indices': ['responses.stream-indices'],
  'responses-stub-created': ['responses.stream-response-schema'],
  'responses-call-no-id': ['responses.schema', 'responses.stream-items', 'responses_tools.call-schema'],
  'responses-no-arguments-done': ['responses.stream-lifecycle'],
  'responses-truncation-completed': ['responses.incomplete-status'],
  'responses-incomplete-as-completed': ['responses.stream-terminal-status'],
  'responses-previous-id-ignored': ['responses.previous-response-id'],
  'responses-previous-id-404': ['responses.state-refusal'],
  'responses-item-reference-unknown': ['responses.state-refusal'],
  'responses-item-reference-dropped': ['responses.item-reference'],
  'responses-tool-choice-ignored': ['responses_tools.choice-honoured'],
  'responses-stream-error-chat': ['responses.stream-error-event'],
  'responses-json-object-ignored': ['responses_tools.format-json'],
  'responses-json-object-500': ['responses.status-ok'],
  'responses-event-name-mismatch': ['responses.stream-event-name'],
  'responses-created-not-first': ['responses.stream-created-first'],
  'responses-sequence-repeat': ['responses.stream-sequence-order'],
  'responses-text-done-mismatch': ['responses.stream-text'],
  'responses-no-terminal': ['responses.stream-terminal'],
  'responses-final-output-empty': ['responses.stream-final-output'],
  'embeddings-base64-ignored': ['embeddings.base64-honoured'],
  'embeddings-base64-big-endian': ['embeddings.base64-matches'],
  'embeddings-dimensions-ignored': ['embeddings.dimensions'],
  'embeddings-tokens-rejected': ['embeddings.token-input'],
  'embeddings-empty-accepted': ['embeddings.empty-input-refused'],
  'embeddings-usage-absent': ['embeddings.usage'],
  'embeddings-order-reversed': ['embeddings.order'],
  'embeddings-zero-vector': ['embeddings.vectors'],
  'completions-usage-every-chunk': ['completions.stream-usage'],
  'completions-no-done': ['completions.stream-done'],
  'completions-max-tokens-ignored': ['completions.max-tokens-honoured'],
  'completions-stop-ignored': ['completions.stop-honoured'],
  'completions-chat-shape': ['completions.schema', 'completions.stream-chunks'],
  'reasoning-field-thinking': ['reasoning.field'],
  'reasoning-think-tags': ['reasoning.separate'],
  // hidden reasoning without its count: nothing shows the declared reasoning model reasoned
  'reasoning-tokens-absent': ['reasoning.present'],
  'vision-http-rejected': ['vision.http-url-accepted'],
  'vision-http-rejected-lmstudio': ['vision.http-url-accepted'],
  'vision-unsupported-500': ['vision.refusal-clean'],
  'vision-image-dropped': ['vision.image-used'],
  'models-retrieve-missing': ['models.retrieve-ok'],
  'models-retrieve-detail-404': ['models.retrieve-ok'],
};

/** Quirks that take a whole endpoint away: its capabilities skip with the reason, nothing fails. */
const ENDPOINT_MISSING: Partial<Record<QuirkName, string[]>> = {
  'responses-endpoint-missing': ['responses', 'responses_tools'],
  'completions-endpoint-missing': ['completions'],
};

/**
 * Legal quirks that still break the spec's letter: no official client suffers, so the MAY check
 * that sees them warns (a warning never fails a run).
 */
const WARNED_BY: Partial<Record<QuirkName, string[]>> = {
  'missing-refusal-logprobs': ['chat.schema-strict'],
  'created-changes': ['streaming.created-stable'],
  'chunk-id-changes': ['streaming.id-stable'],
  'sse-comments': ['streaming.sse-hazards'],
  // deviations from OpenAI that only a MAY check judges: warnings, the run stays green
  'responses-no-sequence': ['responses.stream-sequence-present'],
  'responses-no-error-key': ['responses.spec-keys'],
  'responses-minimal-object': ['responses.spec-keys', 'responses.usage-details'],
  'responses-done-sentinel': ['responses.stream-done-sentinel'],
};

/** Quirks that make a feature cleanly unsupported: its scenarios skip, nothing fails. */
const UNSUPPORTED: Partial<Record<QuirkName, string>> = {
  'tool-choice-object-rejected': 'tools.named',
  'json-object-rejected': 'json_mode.object',
  'responses-previous-id-rejected': 'responses.previous-response-id',
  'responses-item-reference-rejected': 'responses.item-reference',
  'embeddings-dimensions-rejected': 'embeddings.dimensions',
  'reasoning-effort-rejected': 'reasoning.basic',
};

async function runWith(quirks: QuirkName[]): Promise<RunResult> {
  return runSuite([{ name: 'emulator', kind: 'emulator', quirks }], {
    failOn: 'should',
  });
}

const failing = (run: RunResult) => run.targets[0].checks.filter((c) => c.status === 'fail');
const illegal = (Object.keys(QUIRKS) as QuirkName[]).filter((q) => !QUIRKS[q].legal && !UNSUPPORTED[q] && !WARNED_BY[q] && !ENDPOINT_MISSING[q]);
const legal = (Object.keys(QUIRKS) as QuirkName[]).filter((q) => QUIRKS[q].legal);

describe('mutation matrix: every illegal quirk is caught', () => {
  it('covers every illegal quirk the emulator has', () => {
    expect(illegal.filter((q) => !CAUGHT_BY[q])).toEqual([]);
  });

  it.each(illegal)('%s', async (quirk) => {
    const run = await runWith([quirk]);
    const ids = failing(run).map((c) => c.id);
    for (const expected of CAUGHT_BY[quirk] ?? []) expect(ids, `${quirk} should fail ${expected}`).toContain(expected);
    expect(run.exitCode).toBe(1);
    const cap = (CAUGHT_BY[quirk]![0]).split('.')[0];
    expect(run.targets[0].capabilities[cap as keyof typeof run.targets[0]['capabilities']].status).toBe('fail');
  });
});

describe('mutation matrix: clean "unsupported" answers skip, not fail', () => {
  it.each(Object.entries(UNSUPPORTED))('%s skips %s', async (quirk, scenario) => {
    const run = await runWith([quirk as QuirkName]);
    const checks = run.targets[0].checks.filter((c) => c.scenario === scenario);
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(['skip']));
    expect(checks[0].message).toMatch(/unsupported/);
    expect(failing(run)).toEqual([]);
  });
});

describe('mutation matrix: deviations only a MAY check judges are warnings', () => {
  it.each(Object.entries(WARNED_BY).filter(([q]) => !QUIRKS[q as QuirkName].legal))('%s warns in %s', async (quirk, ids) => {
    const run = await runWith([quirk as QuirkName]);
    const warned = run.targets[0].checks.filter((c) => c.status === 'warn').map((c) => c.id);
    for (const id of ids) expect(warned, `${quirk} should warn in ${id}`).toContain(id);
    expect(failing(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});

describe('mutation matrix: a missing optional endpoint skips its capabilities', () => {
  it.each(Object.entries(ENDPOINT_MISSING))('%s skips %s', async (quirk, caps) => {
    const run = await runWith([quirk as QuirkName]);
    const checks = run.targets[0].checks.filter((c) => caps.includes(c.capability));
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(['skip']));
    expect(checks[0].message).toMatch(/^unsupported: the endpoint does not serve POST \/v1\/(responses|completions) \(HTTP 404: /);
    for (const cap of caps) expect(run.targets[0].capabilities[cap as keyof typeof run.targets[0]['capabilities']].status).toBe('skip');
    expect(failing(run)).toEqual([]);
  });
});

describe('legal variations of the wire format pass', () => {
  it.each(legal)('%s', async (quirk) => {
    const run = await runWith([quirk]);
    expect(failing(run).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(run.targets[0].checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
    const warned = run.targets[0].checks.filter((c) => c.status === 'warn').map((c) => c.id);
    for (const expected of WARNED_BY[quirk] ?? []) expect(warned, `${quirk} should warn on ${expected}`).toContain(expected);
  });
});
