// One panel of grouped bars in SVG: groups along x (concurrency), one bar per series (contender),
// each bar labelled with its value so the chart reads without the axis.

export interface Series {
  name: string;
  color: string;
  /** one value per group; null draws "n/a" */
  values: Array<number | null>;
}

export interface Panel {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  groups: string[];
  series: Series[];
  format: (value: number) => string;
  note?: string;
}

const PAD = { top: 34, right: 12, bottom: 44, left: 56 };
/** Below this bar width a value label would overlap its neighbours', so it stands upright. */
const UPRIGHT_BELOW = 26;
/** Room above the tallest bar for an upright label, as a share of the axis. */
const UPRIGHT_HEADROOM = 1.25;

export function renderPanel(p: Panel): string {
  const plotW = p.width - PAD.left - PAD.right;
  const plotH = p.height - PAD.top - PAD.bottom;
  const left = p.x + PAD.left;
  const base = p.y + PAD.top + plotH;
  // a series with no value in this panel (a contender that could not be measured) takes no slot; the note says why
  const series = p.series.filter((s) => s.values.some((v) => v !== null));
  const groupW = plotW / p.groups.length;
  const barW = Math.min(34, (groupW * 0.8) / Math.max(1, series.length));
  const upright = barW < UPRIGHT_BELOW;
  const highest = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const { step, ticks } = axisTicks(upright ? highest * UPRIGHT_HEADROOM : highest);
  const max = step * ticks;
  const out = [`<text x="${p.x + PAD.left}" y="${p.y + 18}" class="title">${esc(p.title)}</text>`];
  for (let i = 0; i <= ticks; i++) {
    const v = step * i;
    const y = base - (plotH * i) / ticks;
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" class="grid"/>`, `<text x="${left - 6}" y="${y + 4}" class="axis" text-anchor="end">${esc(p.format(v))}</text>`);
  }
  const label = (cx: number, y: number, cls: string, text: string) =>
    upright
      ? `<text x="${cx}" y="${y}" class="${cls}" text-anchor="start" dominant-baseline="middle" transform="rotate(-90 ${cx} ${y})">${esc(text)}</text>`
      : `<text x="${cx}" y="${y}" class="${cls}" text-anchor="middle">${esc(text)}</text>`;
  p.groups.forEach((group, g) => {
    const start = left + g * groupW + (groupW - barW * series.length) / 2;
    out.push(`<text x="${left + g * groupW + groupW / 2}" y="${base + 18}" class="axis" text-anchor="middle">${esc(group)}</text>`);
    series.forEach((s, i) => {
      const x = start + i * barW;
      const v = s.values[g];
      if (v === null || v === undefined) {
        out.push(label(x + barW / 2, base - 4, 'na', 'n/a'));
        return;
      }
      const h = max > 0 ? (Math.max(0, v) / max) * plotH : 0;
      out.push(
        `<rect x="${x + 1}" y="${base - h}" width="${barW - 2}" height="${h}" fill="${s.color}"><title>${esc(`${s.name} ${group}: ${p.format(v)}`)}</title></rect>`,
        label(x + barW / 2, base - h - 4, 'value', p.format(v)),
      );
    });
  });
  out.push(`<line x1="${left}" x2="${left + plotW}" y1="${base}" y2="${base}" class="baseline"/>`);
  if (p.note) out.push(`<text x="${left}" y="${base + 36}" class="note">${esc(p.note)}</text>`);
  return out.join('\n');
}

/** A round gridline step (1, 2 or 5 x 10^n) giving at most 5 gridlines above zero that cover value. */
export function axisTicks(value: number): { step: number; ticks: number } {
  if (value <= 0) return { step: 1, ticks: 1 };
  const raw = value / 5;
  const exp = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * exp).find((s) => s >= raw) ?? 10 * exp;
  return { step, ticks: Math.max(1, Math.ceil(value / step - 1e-9)) };
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
