// The drill-down of one failed, warned or errored check: Expected / Received, pointer, what a
// client suffers and where that is shown, the spec, every finding behind the message, and the
// exchanges the verdict was drawn from.
import type { CheckResult } from '../../types.ts';
import { html } from '../escape.ts';
import { formatCount } from '../format.ts';

type Field = 'expected' | 'received' | 'pointer' | 'consequence' | 'evidence' | 'spec' | 'details';

const LABEL: Record<Field, string> = {
  expected: 'Expected',
  received: 'Received',
  pointer: 'Pointer',
  consequence: 'Client consequence',
  evidence: 'Evidence',
  spec: 'Spec',
  details: 'Findings',
};

const PRE: ReadonlySet<Field> = new Set(['expected', 'received']);

function findings(details: string[]): string {
  const items = details.map((d) => `<li><code>${html(d)}</code></li>`).join('');
  return `<details class="findings"><summary>${formatCount(details.length)} finding${details.length === 1 ? '' : 's'}</summary><ul>${items}</ul></details>`;
}

function value(check: CheckResult, field: Field): string | undefined {
  if (field === 'details') return check.details?.length ? findings(check.details) : undefined;
  const text = check[field];
  if (text === undefined) return undefined;
  return PRE.has(field) ? `<pre>${html(text)}</pre>` : html(text);
}

/** A definition list of the given fields that are present, in the order given. */
export function fieldList(check: CheckResult, fields: Field[]): string {
  const rows = fields.flatMap((f) => {
    const v = value(check, f);
    return v === undefined ? [] : [`<dt>${LABEL[f]}</dt><dd class="f-${f}">${v}</dd>`];
  });
  return rows.length === 0 ? '' : `<dl class="er">${rows.join('')}</dl>`;
}

/** Everything about one check, for a check that stands alone. */
export const ALL_FIELDS: Field[] = ['expected', 'received', 'pointer', 'consequence', 'evidence', 'spec', 'details'];
/** What a group's members share, shown once above them. */
export const SHARED_FIELDS: Field[] = ['expected', 'consequence', 'evidence', 'spec'];
/** What may differ per scenario, shown in each member. */
export const MEMBER_FIELDS: Field[] = ['received', 'pointer', 'details'];
