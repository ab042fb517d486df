import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_API_KEY, SAMPLE_SECRETS, sampleRun } from './sample-run.ts';
import { writeReports } from './write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropin-report-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes the four reports into a directory it creates', async () => {
    const out = join(dir, 'nested', 'out');
    const paths = await writeReports(sampleRun(), out, { secrets: SAMPLE_SECRETS });
    expect(paths).toEqual(['results.json', 'junit.xml', 'report.md', 'report.html'].map((f) => join(out, f)));
    const results = JSON.parse(await readFile(paths[0], 'utf8'));
    expect(results.formatVersion).toBe(1);
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(['emulator', 'ollama', 'gateway']);
    expect(await readFile(paths[1], 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(await readFile(paths[2], 'utf8')).toMatch(/^# ❌ dropin conformance: FAILED/);
    expect(await readFile(paths[3], 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('leaves no secret in any report', async () => {
    const run = sampleRun();
    run.targets[1].checks[0].message = `the server echoed ${SAMPLE_API_KEY}`;
    run.targets[1].exchanges[0].bodyText = JSON.stringify({ echo: `Bearer ${SAMPLE_API_KEY}` });
    run.targets[0].error = `could not reach http://127.0.0.1:1/v1?key=${SAMPLE_API_KEY}`;
    const raw = JSON.stringify(run);
    for (const s of SAMPLE_SECRETS) expect(raw).toContain(s);

    const paths = await writeReports(run, dir, { secrets: SAMPLE_SECRETS });
    for (const path of paths) {
      const text = await readFile(path, 'utf8');
      for (const s of SAMPLE_SECRETS) expect(text, `${path} leaks ${s}`).not.toContain(s);
      expect(text).toMatch(/\*\*\*|(\\\*){3}/); // Markdown escapes it as \*\*\*
    }
  });

  it('masks credential headers even when no secret strings are given', async () => {
    const [json, , , page] = await writeReports(sampleRun(), dir);
    const text = await readFile(json, 'utf8');
    expect(text).not.toContain(SAMPLE_API_KEY);
    expect(text).toContain('"authorization": "Bearer ***"');
    expect(await readFile(page, 'utf8')).not.toContain(SAMPLE_API_KEY);
  });
});
