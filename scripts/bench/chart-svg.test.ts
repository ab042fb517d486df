import { describe, expect, it } from 'vitest';
import { sampleResults } from './bench-results-kit.ts';
import { COLORS, renderChart } from './chart-svg.ts';

describe('renderChart', () => {
  const svg = renderChart(sampleResults());
  it('is one standalone SVG document with four panels and a legend entry per contender', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/class="title"/g)?.length).toBe(4);
    for (const color of Object.values(COLORS)) expect(svg).toContain(`fill="${color}"/><text`);
  });
  it('marks Portkey streams n/a and says why', () => {
    expect(svg).toContain('Portkey gateway: one streaming request got HTTP 500 without a complete stream');
  });
  it('leaves a contender that failed out of the panels and says so under the throughput', () => {
    // Portkey and dropin-bun have no stream figures, dropin-bun no figures at all: no bar, no n/a
    expect(svg).not.toContain('>n/a<');
    expect(svg).toContain('dropin proxy on Bun: not measured (fails, see the findings)');
  });
  it('lists every goal with its verdict', () => {
    expect(svg.match(/class="goal"/g)?.length).toBe(7);
    expect(svg).toContain("✘ not met</tspan> throughput at c=64 &gt;= 0.8x node-minimal's");
  });
});
