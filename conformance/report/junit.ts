// junit.xml: one <testsuite> per target × capability, one <testcase> per check result, so CI
// systems show each conformance check as a test. A <failure> is exactly a failure that decides
// the exit code (--fail-on, baseline); a failure below that level passes with its finding in
// <system-out>, as the run's headline does. A target that was not tested is an error unless the
// run accepted skips. Times add up: cases to their suite, suites to the run (junit-times.ts).
import { isFailure, untestedReason, type FailOn } from '../run/summarize.ts';
import type { Capability, CheckResult, RunResult, TargetResult } from '../types.ts';
import { xmlAttr, xmlText } from './escape.ts';
import { groupChecks } from './group.ts';
import { junitTimes, type JunitTimes } from './junit-times.ts';
import { skipsAllowed } from './outcome.ts';
import { runCapabilities } from './status.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** For each check that shares its finding with other scenarios: "Same result in 3 scenarios: a, b, c". */
function sameIn(target: TargetResult): Map<CheckResult, string> {
  const out = new Map<CheckResult, string>();
  for (const g of groupChecks(target.checks)) {
    if (g.scenarios.length > 1) for (const c of g.checks) out.set(c, `Same result in ${g.scenarios.length} scenarios: ${g.scenarios.join(', ')}`);
  }
  return out;
}

function detailBody(check: CheckResult, same: string | undefined): string {
  const lines = [
    check.message && `${check.message}`,
    `Level: ${check.level}`,
    check.expected !== undefined && `Expected: ${check.expected}`,
    check.received !== undefined && `Received: ${check.received}`,
    check.pointer && `Pointer: ${check.pointer}`,
    check.consequence && `Client consequence: ${check.consequence}`,
    check.evidence && `Evidence: ${check.evidence}`,
    check.repeat && `Passed ${check.repeat.passed} of ${check.repeat.runs} runs`,
    same,
    `Spec: ${check.spec}`,
    check.exchanges.length > 0 && `Exchanges: ${check.exchanges.join(', ')}`,
    ...(check.details?.length ? ['Findings:', ...check.details.map((d) => `  ${d}`)] : []),
  ];
  return xmlText(lines.filter(Boolean).join('\n'));
}

/** Why a failed check does not fail the run: the words a CI log shows for it. */
function belowFailOn(check: CheckResult, failOn: FailOn): string {
  if (check.expectedFailure) return 'EXPECTED FAILURE (listed in the baseline; does not fail the run)';
  if (check.level === 'SHOULD') return `DEGRADED: SHOULD failure, below --fail-on ${failOn}`;
  return `FAILED ${check.level}, below --fail-on ${failOn}`;
}

function outcome(check: CheckResult, failOn: FailOn, same: string | undefined): string {
  const message = xmlAttr(check.message ?? check.title);
  switch (check.status) {
    case 'fail':
      if (!isFailure(check, failOn)) return `\n      <system-out>${xmlText(belowFailOn(check, failOn))}: ${detailBody(check, same)}</system-out>\n    `;
      return `\n      <failure message="${message}" type="${check.level}">${detailBody(check, same)}</failure>\n    `;
    case 'error':
      return `\n      <error message="${message}" type="harness">${detailBody(check, same)}</error>\n    `;
    case 'skip':
      return `\n      <skipped message="${message}"/>\n    `;
    case 'warn':
      return `\n      <system-out>WARNING: ${detailBody(check, same)}</system-out>\n    `;
    case 'pass':
      return '';
  }
}

function testcase(target: TargetResult, capability: Capability, check: CheckResult, failOn: FailOn, same: string | undefined, times: JunitTimes): string {
  const name = xmlAttr(`${check.id} [${check.scenario}]`);
  const classname = xmlAttr(`dropin.${target.name}.${capability}`);
  return `    <testcase name="${name}" classname="${classname}" time="${seconds(times.check.get(check) ?? 0)}">${outcome(check, failOn, same)}</testcase>`;
}

function testsuite(target: TargetResult, capability: Capability, failOn: FailOn, same: Map<CheckResult, string>, times: JunitTimes): string {
  const checks = target.checks.filter((c) => c.capability === capability);
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const ms = checks.reduce((sum, c) => sum + (times.check.get(c) ?? 0), 0);
  const attrs = [
    `name="${xmlAttr(`${target.name} / ${capability}`)}"`,
    `tests="${checks.length}"`,
    `failures="${checks.filter((c) => isFailure(c, failOn)).length}"`,
    `errors="${count('error')}"`,
    `skipped="${count('skip')}"`,
    `time="${seconds(ms)}"`,
    `timestamp="${xmlAttr(target.startedAt)}"`,
  ].join(' ');
  const lines = [`  <testsuite ${attrs}>`, properties(target), ...checks.map((c) => testcase(target, capability, c, failOn, same.get(c), times))];
  return [...lines, '  </testsuite>'].join('\n');
}

function properties(target: TargetResult): string {
  const props = { baseUrl: target.baseUrl, model: target.model, kind: target.kind };
  const lines = Object.entries(props).map(([k, v]) => `      <property name="${k}" value="${xmlAttr(v)}"/>`);
  return `    <properties>\n${lines.join('\n')}\n    </properties>`;
}

/** The one test case of a target that could not run or was not tested: an error, or a skip the run accepted. */
function setupOutcome(target: TargetResult, allowed: boolean): { error: boolean; name: string; xml: string } {
  if (target.error) return { error: true, name: 'target could not be run', xml: `<error message="${xmlAttr(target.error)}" type="target">${xmlText(target.error)}</error>` };
  const reason = target.skipped ?? untestedReason(target) ?? '';
  const name = target.skipped ? 'target skipped' : 'target not tested';
  if (allowed) return { error: false, name, xml: `<skipped message="${xmlAttr(reason)}"/>` };
  const text = `NOT TESTED: ${reason} (a run with an untested target exits 2 unless --allow-skipped is given)`;
  return { error: true, name, xml: `<error message="${xmlAttr(reason)}" type="not-tested">${xmlText(text)}</error>` };
}

/** A target that could not run, or was not tested, shows up as one test case, not as silence. */
function setupSuite(target: TargetResult, allowed: boolean, ms: number): string {
  const classname = xmlAttr(`dropin.${target.name}.setup`);
  const setup = setupOutcome(target, allowed);
  return [
    `  <testsuite name="${xmlAttr(`${target.name} / setup`)}" tests="1" failures="0" errors="${setup.error ? 1 : 0}" skipped="${setup.error ? 0 : 1}" time="${seconds(ms)}" timestamp="${xmlAttr(target.startedAt)}">`,
    properties(target),
    `    <testcase name="${setup.name}" classname="${classname}" time="${seconds(ms)}">`,
    `      ${setup.xml}`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

export function renderJunit(run: RunResult): string {
  const failOn = run.options.failOn;
  const allowed = skipsAllowed(run);
  const all = run.targets.flatMap((t) => t.checks);
  const count = (s: CheckResult['status']) => all.filter((c) => c.status === s).length;
  const setups = run.targets.filter((t) => t.error || untestedReason(t));
  const setupErrors = setups.filter((t) => t.error || !allowed).length;
  const times = junitTimes(run);
  const suites = run.targets.flatMap((t) => {
    const same = sameIn(t);
    const setup = setups.includes(t) ? [setupSuite(t, allowed, times.setup.get(t) ?? 0)] : [];
    return [...setup, ...runCapabilities(run).map((cap) => testsuite(t, cap, failOn, same, times))];
  });
  const failures = all.filter((c) => isFailure(c, failOn)).length;
  const head = `<testsuites name="dropin" tests="${all.length + setups.length}" failures="${failures}" errors="${count('error') + setupErrors}" skipped="${count('skip') + setups.length - setupErrors}" time="${seconds(run.durationMs)}" timestamp="${xmlAttr(run.startedAt)}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
