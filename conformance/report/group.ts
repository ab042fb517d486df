// Identical results across scenarios become one group: a server that sends a non-spec
// finish_reason breaks the same check in every chat scenario, and a reader needs one row
// "in 10 scenarios", not ten. Identical means the same check, status, level, message and expected
// text; what was received may differ per scenario and stays reachable per member.
import type { CheckResult } from '../types.ts';

export interface CheckGroup {
  /** the group's first member, whose shared fields (id, level, message, expected) the group shows */
  first: CheckResult;
  checks: CheckResult[];
  /** distinct scenario ids, in order of first appearance */
  scenarios: string[];
  /** every member received the same text at the same pointer */
  sameReceived: boolean;
}

function key(c: CheckResult): string {
  return JSON.stringify([c.id, c.status, c.level, c.message ?? '', c.expected ?? '', c.expectedFailure === true]);
}

/** Results grouped by identity, in order of first appearance. */
export function groupChecks(checks: CheckResult[]): CheckGroup[] {
  const groups: CheckGroup[] = [];
  const byKey = new Map<string, CheckGroup>();
  for (const check of checks) {
    const k = key(check);
    const found = byKey.get(k);
    if (found) {
      found.checks.push(check);
      if (!found.scenarios.includes(check.scenario)) found.scenarios.push(check.scenario);
      found.sameReceived &&= check.received === found.first.received && check.pointer === found.first.pointer;
      continue;
    }
    const group = { first: check, checks: [check], scenarios: [check.scenario], sameReceived: true };
    groups.push(group);
    byKey.set(k, group);
  }
  return groups;
}

/** "chat.basic", or "in 3 scenarios: a, b, c", cut after `max` names or about `chars` characters. */
export function scenariosText(group: CheckGroup, max = 8, chars = 100): string {
  const n = group.scenarios.length;
  if (n === 1) return group.scenarios[0];
  const shown: string[] = [];
  let length = 0;
  for (const name of group.scenarios.slice(0, max)) {
    if (shown.length > 0 && length + name.length > chars) break;
    shown.push(name);
    length += name.length + 2;
  }
  return `in ${n} scenarios: ${shown.join(', ')}${n > shown.length ? `, … (${n - shown.length} more)` : ''}`;
}
