// The results chart: throughput and latency of non-streaming requests, time to first token and
// per-chunk delay added by each proxy, and the goals, in one hand-written SVG.
import { pointAt, rowFor } from './compare.ts';
import { esc, type Series, renderPanel } from './chart-panel.ts';
import type { ContenderName } from './contenders/contender.ts';
import type { BenchResults } from './results.ts';

export const COLORS: Record<ContenderName, string> = {
  direct: '#8a8f98',
  nginx: '#2f9e44',
  'node-minimal': '#0c8599',
  'bun-minimal': '#e64980',
  portkey: '#e8590c',
  dropin: '#1c64d1',
  'dropin-generic': '#7048e8',
  'dropin-bun': '#f59f00',
};

const WIDTH = 1200;
const HEIGHT = 960;
/** legend entries per row */
const LEGEND_ROW = 4;

export function renderChart(r: BenchResults): string {
  const groups = r.settings.concurrencies.map((c) => `c=${c}`);
  const series = (pick: (name: ContenderName, c: number) => number | null | undefined, skip: ContenderName[] = []): Series[] =>
    r.contenders
      .filter((c) => !skip.includes(c.name))
      .map((c) => ({ name: c.label, color: COLORS[c.name], values: r.settings.concurrencies.map((at) => pick(c.name, at) ?? null) }));
  const find = (name: ContenderName) => r.contenders.find((c) => c.name === name);
  const json = (name: ContenderName, at: number) => pointAt(find(name)?.json ?? [], at);
  const stream = (name: ContenderName, at: number) => pointAt(find(name)?.stream ?? [], at);
  const skipped = r.contenders.filter((c) => c.streamsSkipped).map((c) => `${c.label}: ${c.streamsSkipped}`).join('; ');
  // the reasons are long; the findings under the tables and in results.json give them whole
  const failed = r.contenders.filter((c) => c.error).map((c) => `${c.label}: not measured (${c.error?.startsWith('fails') ? 'fails' : 'did not start'}, see the findings)`).join('; ');
  const w = (WIDTH - 60) / 2;
  const h = 300;
  const panels = [
    renderPanel({ x: 20, y: 110, width: w, height: h, title: 'Non-streaming throughput, req/s (higher is better)', groups, series: series((n, c) => json(n, c)?.requestsPerSec), format: count, note: failed || undefined }),
    renderPanel({ x: 40 + w, y: 110, width: w, height: h, title: 'Non-streaming latency p50, ms (lower is better)', groups, series: series((n, c) => json(n, c)?.latencyP50Ms), format: ms }),
    renderPanel({ x: 20, y: 430, width: w, height: h, title: 'Streams: time to first token p50, ms (lower is better)', groups, series: series((n, c) => stream(n, c)?.ttftP50Ms), format: ms, note: skipped || undefined }),
    renderPanel({ x: 40 + w, y: 430, width: w, height: h, title: 'Streams: delay added per chunk over direct, p50, ms', groups, series: series((n, c) => rowFor(r, n, c)?.addedChunkLatencyP50Ms, ['direct']), format: ms }),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
<style>
.title{font-size:15px;font-weight:600;fill:#1f2328}.axis{font-size:11px;fill:#59636e}.value{font-size:10px;fill:#1f2328}
.na{font-size:10px;fill:#b42318}.note{font-size:11px;fill:#b42318}.grid{stroke:#e6e8eb}.baseline{stroke:#59636e}
.legend{font-size:12px;fill:#1f2328}.head{font-size:20px;font-weight:700;fill:#1f2328}.sub{font-size:12px;fill:#59636e}.goal{font-size:12px;fill:#1f2328}
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="20" y="30" class="head">dropin proxy benchmark: cost over direct, against each runtime's floor, nginx and Portkey</text>
<text x="20" y="50" class="sub">${esc(subtitle(r))}</text>
${legend(r)}
${panels.join('\n')}
${goalLines(r)}
</svg>
`;
}

function subtitle(r: BenchResults): string {
  const s = r.settings;
  return `${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, loopback; ${s.durationS} s per point; streams of ${s.streamChunks} chunks ${s.chunkDelayMs} ms apart; ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

function legend(r: BenchResults): string {
  return r.contenders
    .map((c, i) => {
      const x = 20 + (i % LEGEND_ROW) * 290;
      const y = 62 + Math.floor(i / LEGEND_ROW) * 20;
      return `<rect x="${x}" y="${y}" width="14" height="14" fill="${COLORS[c.name]}"/><text x="${x + 20}" y="${y + 12}" class="legend">${esc(`${c.label} ${c.version}`.trim())}</text>`;
    })
    .join('\n');
}

function goalLines(r: BenchResults): string {
  const mark = { pass: '✔ met', fail: '✘ not met', missing: '– missing' } as const;
  const color = { pass: '#2f9e44', fail: '#b42318', missing: '#59636e' } as const;
  return r.goals
    .map((g, i) => {
      const x = 20;
      const y = 775 + i * 20;
      return `<text x="${x}" y="${y}" class="goal"><tspan fill="${color[g.status]}" font-weight="700">${mark[g.status]}</tspan> ${esc(clip(`${g.title}: ${g.measured}`))}</text>`;
    })
    .join('\n');
}

/** A goal line fits the chart's width; results.json and the terminal have it whole. */
const GOAL_CHARS = 165;

function clip(text: string): string {
  return text.length > GOAL_CHARS ? `${text.slice(0, GOAL_CHARS - 1)}…` : text;
}

function count(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)}k` : v.toFixed(0);
}

function ms(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) < 1) return v.toFixed(2);
  return Math.abs(v) < 100 ? v.toFixed(1) : v.toFixed(0);
}
