// Writes the four reports for a run. Redaction happens first, on the data, so no renderer can
// leak a secret by accident.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../types.ts';
import { renderHtml } from './html/page.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { redactRun } from './redact.ts';
import { renderResultsJson } from './results-json.ts';

const RENDERERS: Array<[file: string, render: (run: RunResult) => string]> = [
  ['results.json', renderResultsJson],
  ['junit.xml', renderJunit],
  ['report.md', renderMarkdown],
  ['report.html', renderHtml],
];

/** Returns the paths written, in the order above. */
export async function writeReports(run: RunResult, outDir: string, opts: { secrets?: string[] } = {}): Promise<string[]> {
  const safe = redactRun(run, opts.secrets ?? []);
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const [file, render] of RENDERERS) {
    const path = join(outDir, file);
    await writeFile(path, render(safe), 'utf8');
    paths.push(path);
  }
  return paths;
}
