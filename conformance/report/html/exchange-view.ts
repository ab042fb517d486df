// One captured exchange as a person reads it: request and response side by side, JSON bodies
// pretty-printed, streams as a timeline of SSE events and comments, and a curl command to
// reproduce it. Long bodies and streams are cut so a report with hundreds of exchanges opens fast.
import type { RecordedExchange, SseCapture } from '../../types.ts';
import { curlFor } from '../curl.ts';
import { html } from '../escape.ts';
import { capText, formatCount, prettyJson } from '../format.ts';

const MAX_BODY = 20_000;
const MAX_EVENTS = 300;
const MAX_EVENT_DATA = 2_000;

function headerTable(headers: Record<string, string>): string {
  const rows = Object.entries(headers).map(([k, v]) => `<tr><td>${html(k)}</td><td>${html(v)}</td></tr>`);
  return rows.length === 0 ? '<p class="muted">no headers</p>' : `<table class="headers">${rows.join('')}</table>`;
}

function body(text: string | undefined): string {
  if (text === undefined || text === '') return '<p class="muted">no body</p>';
  const capped = capText(prettyJson(text), MAX_BODY);
  const note = capped.note ? `<p class="cap-note">${html(capped.note)}</p>` : '';
  return `<pre>${html(capped.text)}</pre>${note}`;
}

interface TimelineRow {
  at: number;
  html: string;
}

function eventRows(sse: SseCapture, hits: Set<number>): TimelineRow[] {
  return sse.events.slice(0, MAX_EVENTS).map((e, i) => {
    const fields = [e.event && `event: ${e.event}`, e.id && `id: ${e.id}`].filter(Boolean).join(' ');
    const data = capText(e.data, MAX_EVENT_DATA);
    const cut = data.note ? ` <span class="cap-note">(${html(data.note)})</span>` : '';
    const cls = hits.has(i) ? ' class="hit"' : '';
    return { at: e.at, html: `<tr${cls}><td class="num">${i}</td><td class="num">${e.at}</td><td>${html(fields)}</td><td class="data">${html(data.text)}${cut}</td></tr>` };
  });
}

function sseTimeline(sse: SseCapture, hits: Set<number>): string {
  const comments = sse.comments.map((c) => ({
    at: c.at,
    html: `<tr class="comment"><td class="num">:</td><td class="num">${c.at}</td><td>comment</td><td class="data">${html(`: ${c.text}`)}</td></tr>`,
  }));
  const rows = [...comments, ...eventRows(sse, hits)].sort((a, b) => a.at - b.at);
  const more = sse.events.length > MAX_EVENTS ? `<p class="cap-note">${formatCount(sse.events.length - MAX_EVENTS)} more events not shown; all are in results.json</p>` : '';
  const notes = [
    ...sse.problems.map((p) => `framing problem: ${p}`),
    ...sse.unknownFields.map((f) => `unknown field: ${f}`),
    ...sse.retries.map((r) => `retry: ${r}`),
    sse.lineEndings.some((l) => l !== 'LF') && `line endings: ${sse.lineEndings.join(', ')}`,
  ].filter((n): n is string => typeof n === 'string');
  const noteList = notes.length > 0 ? `<ul class="notes">${notes.map((n) => `<li>${html(n)}</li>`).join('')}</ul>` : '';
  const head = '<tr><th>#</th><th>ms</th><th>fields</th><th>data</th></tr>';
  return `<h4>SSE events (${sse.events.length}) and comments (${sse.comments.length})</h4>${noteList}<div class="scroll"><table class="events"><thead>${head}</thead><tbody>${rows.map((r) => r.html).join('')}</tbody></table></div>${more}`;
}

function statusSpan(x: RecordedExchange): string {
  if (x.status === undefined) return '<span class="http none">no response</span>';
  return `<span class="http ${x.status < 400 ? 'ok' : 'bad'}">${x.status}</span>`;
}

function timing(x: RecordedExchange): string {
  const t = x.timing;
  const parts = [t.headersMs !== undefined && `head ${ms(t.headersMs)}`, t.firstByteMs !== undefined && `first byte ${ms(t.firstByteMs)}`, `total ${ms(t.totalMs)}`];
  return parts.filter(Boolean).join(' · ');
}

function response(x: RecordedExchange, hits: Set<number>): string {
  const failure = x.transportError ? `<p class="target-error">${html(`${x.transportError.kind}: ${x.transportError.message}`)}</p>` : '';
  const truncated = x.truncated ? '<p class="cap-note">the body was cut at the capture limit</p>' : '';
  const utf8 = x.invalidUtf8 ? '<p class="cap-note">the body is not valid UTF-8; invalid bytes are shown as �</p>' : '';
  const content = x.sse ? sseTimeline(x.sse, hits) : `<h4>Body</h4>${body(x.bodyText)}`;
  return `<div><h4>Response ${statusSpan(x)}</h4>${failure}${truncated}${utf8}${x.status === undefined ? '' : headerTable(x.headers)}${content}</div>`;
}

/** `hits`: indices of SSE events a failed check points at, highlighted in the timeline. */
export function renderExchange(x: RecordedExchange, anchor: string, hits: Set<number> = new Set(), startCommand?: string): string {
  const head = `<div class="ex-head"><strong>${html(x.id)}</strong> <span class="mono">${html(x.request.method)}</span> <span class="url">${html(x.request.url)}</span> ${statusSpan(x)} <span class="muted">${timing(x)}</span></div>`;
  const request = `<div><h4>Request</h4>${headerTable(x.request.headers)}<h4>Body</h4>${body(x.request.body)}</div>`;
  const curl = `<div class="curl"><h4>Reproduce</h4><button class="copy" type="button">Copy</button><pre>${html(curlFor(x.request, startCommand))}</pre></div>`;
  return `<div class="exchange" id="${anchor}">${head}<div class="ex-grid">${request}${response(x, hits)}</div>${curl}</div>`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}
