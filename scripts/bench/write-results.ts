// Writes results.json and chart.svg to the scratch directory and, for full runs, a copy under docs/bench.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './chart-svg.ts';
import type { BenchResults } from './results.ts';

export function writeResults(results: BenchResults, dirs: string[]): string[] {
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const svg = renderChart(results);
  return dirs.flatMap((dir) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results.json'), json);
    writeFileSync(join(dir, 'chart.svg'), svg);
    return [join(dir, 'results.json'), join(dir, 'chart.svg')];
  });
}
