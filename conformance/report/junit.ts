// junit.xml: one <testsuite> per target × capability, one <testcase> per check result, so CI
// systems show each conformance check as a test. Times add up: cases to their suite, suites to
// the run (junit-times.ts).
import type { Capability, CheckResult, RunResult, TargetResult } from '../types.ts';
import { xmlAttr, xmlText } from './escape.ts';
import { junitTimes, type JunitTimes } from './junit-times.ts';
import { runCapabilities } from './status.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function detailBody(check: CheckResult): string {
  const lines = [
    check.message && `${check.message}`,
    `Level: ${check.level}`,
    check.expected !== undefined && `Expected: ${check.expected}`,
    check.received !== undefined && `Received: ${check.received}`,
    check.pointer && `Pointer: ${check.pointer}`,
    check.repeat && `Passed ${check.repeat.passed} of ${check.repeat.runs} runs`,
    `Spec: ${check.spec}`,
    check.exchanges.length > 0 && `Exchanges: ${check.exchanges.join(', ')}`,
  ];
  return xmlText(lines.filter(Boolean).join('\n'));
}

function outcome(check: CheckResult): string {
  const message = xmlAttr(check.message ?? check.title);
  switch (check.status) {
    case 'fail':
      return `\n      <failure message="${message}" type="${check.level}">${detailBody(check)}</failure>\n    `;
    case 'error':
      return `\n      <error message="${message}" type="harness">${detailBody(check)}</error>\n    `;
    case 'skip':
      return `\n      <skipped message="${message}"/>\n    `;
    case 'warn':
      return `\n      <system-out>WARNING: ${detailBody(check)}</system-out>\n    `;
    case 'pass':
      return '';
  }
}

function testcase(target: TargetResult, capability: Capability, check: CheckResult, times: JunitTimes): string {
  const name = xmlAttr(`${check.id} [${check.scenario}]`);
  const classname = xmlAttr(`dropin.${target.name}.${capability}`);
  return `    <testcase name="${name}" classname="${classname}" time="${seconds(times.check.get(check) ?? 0)}">${outcome(check)}</testcase>`;
}

function testsuite(target: TargetResult, capability: Capability, times: JunitTimes): string {
  const checks = target.checks.filter((c) => c.capability === capability);
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const ms = checks.reduce((sum, c) => sum + (times.check.get(c) ?? 0), 0);
  const attrs = [
    `name="${xmlAttr(`${target.name} / ${capability}`)}"`,
    `tests="${checks.length}"`,
    `failures="${count('fail')}"`,
    `errors="${count('error')}"`,
    `skipped="${count('skip')}"`,
    `time="${seconds(ms)}"`,
    `timestamp="${xmlAttr(target.startedAt)}"`,
  ].join(' ');
  const lines = [`  <testsuite ${attrs}>`, properties(target), ...checks.map((c) => testcase(target, capability, c, times))];
  return [...lines, '  </testsuite>'].join('\n');
}

function properties(target: TargetResult): string {
  const props = { baseUrl: target.baseUrl, model: target.model, kind: target.kind };
  const lines = Object.entries(props).map(([k, v]) => `      <property name="${k}" value="${xmlAttr(v)}"/>`);
  return `    <properties>\n${lines.join('\n')}\n    </properties>`;
}

/** A target that could not run, or was skipped, shows up as one test case, not as silence. */
function setupSuite(target: TargetResult, ms: number): string {
  const classname = xmlAttr(`dropin.${target.name}.setup`);
  const [errors, skipped, outcome] = target.error
    ? [1, 0, `      <error message="${xmlAttr(target.error)}" type="target">${xmlText(target.error)}</error>`]
    : [0, 1, `      <skipped message="${xmlAttr(target.skipped ?? '')}"/>`];
  return [
    `  <testsuite name="${xmlAttr(`${target.name} / setup`)}" tests="1" failures="0" errors="${errors}" skipped="${skipped}" time="${seconds(ms)}" timestamp="${xmlAttr(target.startedAt)}">`,
    properties(target),
    `    <testcase name="${target.error ? 'target could not be run' : 'target skipped'}" classname="${classname}" time="${seconds(ms)}">`,
    outcome,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

export function renderJunit(run: RunResult): string {
  const all = run.targets.flatMap((t) => t.checks);
  const count = (s: CheckResult['status']) => all.filter((c) => c.status === s).length;
  const broken = run.targets.filter((t) => t.error).length;
  const notRun = run.targets.filter((t) => t.skipped && !t.error).length;
  const times = junitTimes(run);
  const suites = run.targets.flatMap((t) => [
    ...(t.error || t.skipped ? [setupSuite(t, times.setup.get(t) ?? 0)] : []),
    ...runCapabilities(run).map((cap) => testsuite(t, cap, times)),
  ]);
  const head = `<testsuites name="dropin" tests="${all.length + broken + notRun}" failures="${count('fail')}" errors="${count('error') + broken}" skipped="${count('skip') + notRun}" time="${seconds(run.durationMs)}" timestamp="${xmlAttr(run.startedAt)}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
