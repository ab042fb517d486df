// What `npm test` runs and what it leaves to `npm run test:load`: the load and soak runs take long
// and their numbers depend on how busy the machine is, so they are kept out of the default run a
// newcomer starts, and CI runs both, counting both in the "N passed, N failed" line.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function files(extra: string[]): string[] {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST')) env[k] = v;
  const out = execFileSync(process.execPath, [`${ROOT}node_modules/vitest/vitest.mjs`, 'list', '--filesOnly', '--json', ...extra], { cwd: ROOT, env, encoding: 'utf8' });
  return (JSON.parse(out) as Array<{ file: string }>).map((f) => f.file.slice(ROOT.length)).sort();
}

describe('test sets', () => {
  it('npm test leaves out the load runs, and npm run test:load runs exactly those', () => {
    const normal = files([]);
    const load = files(['--config', 'vitest.load.config.ts']);
    expect(normal).toContain('scripts/load/stream-check.test.ts');
    expect(normal).toContain('conformance/test/test-sets.test.ts');
    expect(normal.filter((f) => f.endsWith('.load.test.ts'))).toEqual([]);
    expect(load).toContain('scripts/load/streams.load.test.ts');
    expect(load.every((f) => f.endsWith('.load.test.ts'))).toBe(true);
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.scripts['test:load']).toBe('vitest run --config vitest.load.config.ts');
  });

  it('.ci/run requires Chromium, Docker and Redis, runs both sets and ends with the tally of both', () => {
    const ci = readFileSync(`${ROOT}.ci/run`, 'utf8');
    expect(ci).toMatch(/^export DROPIN_REQUIRE_BROWSER=1 DROPIN_REQUIRE_DOCKER=1 DROPIN_REQUIRE_REDIS=1$/m);
    expect(ci).toMatch(/^npm test -- .*--outputFile\.json=\.tmp\/vitest\.json$/m);
    expect(ci).toMatch(/^npm run test:load -- .*--outputFile\.json=\.tmp\/vitest-load\.json$/m);
    const lines = ci.trim().split('\n');
    expect(lines.slice(-2)).toEqual(['npx tsx scripts/ci/vitest-tally.ts .tmp/vitest.json .tmp/vitest-load.json', 'exit $status']);
  });
});
