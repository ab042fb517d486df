// The rules of the corpus test, as pure functions of a judged run: the reference server fails no
// MUST or SHOULD check; every failure elsewhere is listed in the expectations with the deviation
// it is; an expectation that no longer fails is stale. Messages group by check so that a reader
// fixing a check, or adding the entries a new server needs, sees everything at once.
import { parse } from 'yaml';
import type { CheckResult, RunResult } from '../types.ts';

/** exchange id → check id → the deviation, e.g. "F33: message.refusal omitted" */
export type Expectations = Record<string, Record<string, string>>;

export interface Failure {
  target: string;
  exchange: string;
  check: string;
  level: string;
  message: string;
}

/** A failure here is a MUST or SHOULD check that failed (MAY failures are warnings), or a check that errored. */
export function failuresOf(run: RunResult): Failure[] {
  const bad = (c: CheckResult) => c.status === 'fail' || c.status === 'error';
  return run.targets.flatMap((t) =>
    t.checks.filter(bad).map((c) => ({ target: t.name, exchange: c.scenario, check: c.id, level: c.status === 'error' ? 'ERROR' : c.level, message: c.message ?? '' })),
  );
}

export interface Verdicts {
  /** failures of the reference servers: there must be none */
  reference: Failure[];
  /** failures of other servers that the expectations do not list */
  unexplained: Failure[];
  /** expectations that matched no failure: "exchange-id check-id" */
  stale: string[];
}

export function corpusVerdicts(failures: Failure[], expectations: Expectations, reference: Set<string>): Verdicts {
  const matched = new Set<string>();
  const unexplained: Failure[] = [];
  const refs: Failure[] = [];
  for (const f of failures) {
    if (reference.has(f.target)) refs.push(f);
    else if (expectations[f.exchange]?.[f.check] !== undefined) matched.add(`${f.exchange} ${f.check}`);
    else unexplained.push(f);
  }
  const stale = Object.entries(expectations).flatMap(([x, checks]) => Object.keys(checks).map((c) => `${x} ${c}`)).filter((k) => !matched.has(k));
  return { reference: refs, unexplained, stale };
}

/** "chat.schema (MUST) in 3 exchanges: <first message>" then the ids, one group per check. */
export function groupedByCheck(failures: Failure[], ids = 8): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) groups.set(`${f.check} (${f.level})`, [...(groups.get(`${f.check} (${f.level})`) ?? []), f]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([check, fs]) => {
      const shown = fs.slice(0, ids).map((f) => `    ${f.target} ${f.exchange}: ${f.message}`);
      const more = fs.length > ids ? [`    … and ${fs.length - ids} more`] : [];
      return [`  ${check} in ${fs.length} exchange(s):`, ...shown, ...more].join('\n');
    })
    .join('\n');
}

/** Every entry must start with deviation ids the catalogue documents ("F33: …", "C01, F10: …"). */
export function deviationProblems(expectations: Expectations, known: Set<string>): string[] {
  const problems: string[] = [];
  for (const [exchange, checks] of Object.entries(expectations)) {
    for (const [check, deviation] of Object.entries(checks)) {
      const ids = /^([FSCR]\d\d)(, ?[FSCR]\d\d)*: \S/.exec(deviation ?? '') ? deviation.split(':')[0].split(/, ?/) : [];
      if (ids.length === 0) problems.push(`${exchange} ${check}: "${deviation}" does not start with a deviation id and a note ("F33: …")`);
      for (const id of ids.filter((i) => !known.has(i))) problems.push(`${exchange} ${check}: ${id} is not a documented deviation`);
    }
  }
  return problems;
}

export function parseExpectations(text: string): Expectations {
  const raw = parse(text) ?? {};
  const ok = typeof raw === 'object' && !Array.isArray(raw) &&
    Object.values(raw).every((v) => v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((d) => typeof d === 'string'));
  if (!ok) throw new Error('expectations must map exchange ids to { check-id: "DEVIATION-ID: note" }');
  return raw as Expectations;
}
