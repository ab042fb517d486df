// Chromium and Docker as a test run meets them: absent on a newcomer's machine, the tests that need
// them skip with one line saying why; absent where CI promised them, the run fails. The real test
// files are run by a child vitest with Chromium pointed elsewhere and Docker unreachable.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserRequirement, decide } from './requirements.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FILES = ['conformance/report/html/page.browser.test.ts', 'conformance/test/containers.test.ts'];

function childVitest(extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {};
  // the child must not think it is a worker of this run
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
  Object.assign(env, { DROPIN_CHROMIUM: '/nonexistent/chromium', DOCKER_HOST: 'unix:///nonexistent/docker.sock', CI: 'true' }, extra);
  const r = spawnSync(process.execPath, [`${ROOT}node_modules/vitest/vitest.mjs`, 'run', ...FILES], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('tests that need Chromium or Docker', () => {
  it('skip with a one-line reason where they are missing, and the run passes', () => {
    const r = childVitest({ DROPIN_REQUIRE_BROWSER: '', DROPIN_REQUIRE_DOCKER: '' });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('dropin: Chromium tests skipped: no Chromium at /nonexistent/chromium');
    expect(r.out).toContain('dropin: Docker tests skipped: no Docker engine answers `docker info`');
    expect(r.out).not.toMatch(/\d+ passed/);
  }, 120_000);

  it('fail the run where CI requires them (DROPIN_REQUIRE_BROWSER=1, DROPIN_REQUIRE_DOCKER=1)', () => {
    const r = childVitest({ DROPIN_REQUIRE_BROWSER: '1', DROPIN_REQUIRE_DOCKER: '1' });
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('DROPIN_REQUIRE_BROWSER=1 but Chromium is missing: no Chromium at /nonexistent/chromium');
    expect(r.out).toContain('DROPIN_REQUIRE_DOCKER=1 but Docker is missing');
    expect(r.out).toMatch(/2 failed/);
  }, 120_000);
});

describe('decide', () => {
  const missing = { what: 'Chromium', missing: 'no Chromium at /x', requireVar: 'DROPIN_REQUIRE_BROWSER' };
  it('runs what is there, skips what is missing, fails what is missing but required', () => {
    expect(decide({ ...missing, missing: undefined }, { DROPIN_REQUIRE_BROWSER: '1' })).toEqual({ run: true });
    expect(decide(missing, {})).toEqual({ run: false, skip: 'Chromium tests skipped: no Chromium at /x' });
    expect(decide(missing, { DROPIN_REQUIRE_BROWSER: '1' })).toEqual({ run: false, fail: 'DROPIN_REQUIRE_BROWSER=1 but Chromium is missing: no Chromium at /x' });
  });

  it('looks for Chromium where DROPIN_CHROMIUM says', () => {
    expect(browserRequirement({ DROPIN_CHROMIUM: '/nonexistent/chrome' }).missing).toMatch(/^no Chromium at \/nonexistent\/chrome/);
    expect(browserRequirement({ DROPIN_CHROMIUM: process.execPath }).missing).toBeUndefined();
  });
});
