// junit.xml: one <testsuite> per target × capability, one <testcase> per check result, so CI
// systems show each conformance check as a test.
import type { Capability, CheckResult, RunResult, TargetResult } from '../types.ts';
import { xmlAttr, xmlText } from './escape.ts';
import { runCapabilities } from './status.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Time spent on the exchanges a result was drawn from. */
function checkMs(target: TargetResult, check: CheckResult): number {
  const ids = new Set(check.exchanges);
  return target.exchanges.filter((x) => ids.has(x.id)).reduce((sum, x) => sum + x.timing.totalMs, 0);
}

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

function testcase(target: TargetResult, capability: Capability, check: CheckResult): string {
  const name = xmlAttr(`${check.id} [${check.scenario}]`);
  const classname = xmlAttr(`dropin.${target.name}.${capability}`);
  return `    <testcase name="${name}" classname="${classname}" time="${seconds(checkMs(target, check))}">${outcome(check)}</testcase>`;
}

function testsuite(target: TargetResult, capability: Capability): string {
  const checks = target.checks.filter((c) => c.capability === capability);
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const ms = checks.reduce((sum, c) => sum + checkMs(target, c), 0);
  const attrs = [
    `name="${xmlAttr(`${target.name} / ${capability}`)}"`,
    `tests="${checks.length}"`,
    `failures="${count('fail')}"`,
    `errors="${count('error')}"`,
    `skipped="${count('skip')}"`,
    `time="${seconds(ms)}"`,
    `timestamp="${xmlAttr(target.startedAt)}"`,
  ].join(' ');
  const lines = [`  <testsuite ${attrs}>`, properties(target), ...checks.map((c) => testcase(target, capability, c))];
  return [...lines, '  </testsuite>'].join('\n');
}

function properties(target: TargetResult): string {
  const props = { baseUrl: target.baseUrl, model: target.model, kind: target.kind };
  const lines = Object.entries(props).map(([k, v]) => `      <property name="${k}" value="${xmlAttr(v)}"/>`);
  return `    <properties>\n${lines.join('\n')}\n    </properties>`;
}

/** A target that could not run, or was skipped, shows up as one test case, not as silence. */
function setupSuite(target: TargetResult): string {
  const classname = xmlAttr(`dropin.${target.name}.setup`);
  const [errors, skipped, outcome] = target.error
    ? [1, 0, `      <error message="${xmlAttr(target.error)}" type="target">${xmlText(target.error)}</error>`]
    : [0, 1, `      <skipped message="${xmlAttr(target.skipped ?? '')}"/>`];
  return [
    `  <testsuite name="${xmlAttr(`${target.name} / setup`)}" tests="1" failures="0" errors="${errors}" skipped="${skipped}" time="${seconds(target.durationMs)}" timestamp="${xmlAttr(target.startedAt)}">`,
    properties(target),
    `    <testcase name="${target.error ? 'target could not be run' : 'target skipped'}" classname="${classname}" time="${seconds(target.durationMs)}">`,
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
  const suites = run.targets.flatMap((t) => [
    ...(t.error || t.skipped ? [setupSuite(t)] : []),
    ...runCapabilities(run).map((cap) => testsuite(t, cap)),
  ]);
  const head = `<testsuites name="dropin" tests="${all.length + broken + notRun}" failures="${count('fail')}" errors="${count('error') + broken}" skipped="${count('skip') + notRun}" time="${seconds(run.durationMs)}" timestamp="${xmlAttr(run.startedAt)}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
