// report.html: one self-contained page (inline CSS and JS, no external requests) with the
// verdict, the matrix and, per target, the check lists with their captured exchanges.
import type { RunResult } from '../../types.ts';
import { html } from '../escape.ts';
import { formatCount, formatDuration } from '../format.ts';
import { runVerdict, splitHeadline, type RunVerdict } from '../outcome.ts';
import { GLYPH } from './badges.ts';
import { renderTarget } from './check-list.ts';
import { renderMatrix } from './matrix.ts';
import { SCRIPT } from './script.ts';
import { STYLES } from './styles.ts';

/** "NOT TESTED" large, what it is about below it: a long reason must not drown the word. */
function verdictHtml(verdict: RunVerdict): string {
  const { word, why } = splitHeadline(verdict.text);
  return `${GLYPH[verdict.status]} ${html(word)}${why ? `<span class="why">${html(why)}</span>` : ''}`;
}

function header(run: RunResult): string {
  const verdict = runVerdict(run);
  const usage = run.targets.reduce((n, t) => ({ tokens: n.tokens + t.usage.total_tokens, requests: n.requests + t.usage.requests }), { tokens: 0, requests: 0 });
  const facts: Array<[string, string]> = [
    ['Started', run.startedAt],
    ['Duration', formatDuration(run.durationMs)],
    ['Tokens', formatCount(usage.tokens)],
    ['Requests', formatCount(usage.requests)],
    ['Targets', String(run.targets.length)],
    ['Repeat', `×${run.options.repeat}`],
    ['Fail on', run.options.failOn],
    ['dropin', run.tool.version],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${html(v)}</dd></div>`).join('');
  return `<header class="top st-${verdict.status}"><div><h1>dropin conformance report</h1><div class="verdict">${verdictHtml(verdict)}</div><dl>${dl}</dl></div></header>`;
}

const TOOLBAR = `<nav class="toolbar"><label><input type="checkbox" id="only-problems"> only problems</label><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button><a href="#matrix">Matrix</a></nav>`;

export function renderHtml(run: RunResult): string {
  const title = `dropin: ${runVerdict(run).text}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${html(title)}</title>
<style>${STYLES}</style>
</head>
<body>
${header(run)}
<main>
${TOOLBAR}
${renderMatrix(run)}
${run.targets.map((t, i) => renderTarget(run, t, i)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
