// Real traffic recorded by public projects' test suites (fixtures/corpus/), judged by
// `dropin judge`'s engine: OpenAI, the reference, fails no MUST or SHOULD check; every failure
// on another server is listed in fixtures/corpus/expectations.yaml with the deviation it is.
// An exchange of an endpoint no check covers yet is counted as not judged, never passed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../judge/formats/read-recording.ts';
import { judgeRecordings } from '../judge/judge-recordings.ts';
import { corpusVerdicts, deviationProblems, failuresOf, groupedByCheck, parseExpectations } from './corpus-verdicts.ts';

const DIR = new URL('../../fixtures/corpus/', import.meta.url);
const FILES = ['real-traffic.jsonl', 'surface-traffic.jsonl'];
/**
 * api.openai.com only. azure-openai is Microsoft's deployment, with its own wire (content-filter
 * fields and chunks, F12): held to the expectations like any other server (fixtures/corpus/README.md).
 */
const REFERENCE = new Set(['openai']);

const captured = FILES.flatMap((f) => readRecording(readFileSync(new URL(f, DIR), 'utf8'), f).exchanges);
const { run, notJudged } = judgeRecordings(captured);
const failures = failuresOf(run);
const expectations = parseExpectations(readFileSync(new URL('expectations.yaml', DIR), 'utf8'));
// the catalogue's headings (F, C and, as the surface checks land, S ids), and the surface fact
// sheet's S01–S26 until the catalogue has them all
const catalogue = readFileSync(new URL('../../docs/deviations.md', import.meta.url), 'utf8');
const documented = new Set([
  ...[...catalogue.matchAll(/^### ([FSCR]\d\d)\b/gm)].map((m) => m[1]),
  ...Array.from({ length: 26 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`),
]);
const verdicts = corpusVerdicts(failures, expectations, REFERENCE);

const reference = run.targets.filter((t) => REFERENCE.has(t.name));
const referenceExchanges = reference.reduce((n, t) => n + t.exchanges.length, 0);
const byEndpoint = new Map<string, number>();
for (const n of notJudged) byEndpoint.set(n.endpoint, (byEndpoint.get(n.endpoint) ?? 0) + 1);
const notJudgedText = [...byEndpoint].map(([e, n]) => `${e} ×${n}`).join(', ') || 'none';

describe(`real-traffic corpus: ${captured.length} exchanges, ${captured.length - notJudged.length} judged`, () => {
  it(`OpenAI: ${referenceExchanges} exchanges, zero MUST and zero SHOULD failures`, () => {
    expect(referenceExchanges).toBeGreaterThan(200);
    const text = groupedByCheck(verdicts.reference);
    expect(verdicts.reference.length, `OpenAI is the reference: each of these is a wrong check, not a deviation (fix the check):\n${text}\n`).toBe(0);
  });

  it('every failure on another server is an expected deviation', () => {
    const text = groupedByCheck(verdicts.unexplained, 20);
    expect(verdicts.unexplained.length, `failures that fixtures/corpus/expectations.yaml does not explain — check each body against docs/deviations.md: a real deviation gets an entry ("exchange-id": { check-id: "F..: note" }), a wrong verdict gets a fixed check:\n${text}\n`).toBe(0);
  });

  it('every expectation still fails (a stale entry means a check changed or the entry is wrong)', () => {
    const text = verdicts.stale.map((s) => `  ${s}`).join('\n');
    expect(verdicts.stale.length, `remove these entries from fixtures/corpus/expectations.yaml, or find out why the check stopped catching them:\n${text}\n`).toBe(0);
  });

  it('every expectation cites a deviation docs/deviations.md documents', () => {
    expect(deviationProblems(expectations, documented)).toEqual([]);
  });

  it(`not judged, because no check covers the endpoint yet: ${notJudgedText}`, () => {
    // the only acceptable reason: a recording that lost its answer would be a broken fixture
    expect(notJudged.filter((n) => !n.reason.startsWith('no checks cover'))).toEqual([]);
    expect(run.targets.reduce((n, t) => n + t.exchanges.length, 0) + notJudged.length).toBe(captured.length);
  });
});
