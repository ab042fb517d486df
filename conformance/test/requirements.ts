// What a test file needs from the machine beyond Node (Chromium, a Docker engine). Where it is
// missing the file's tests are skipped with a one-line reason, so `npm test` passes on a fresh
// machine; where the environment promises it (CI sets DROPIN_REQUIRE_BROWSER=1 and
// DROPIN_REQUIRE_DOCKER=1) its absence fails the run, so a green CI has really run those tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { it } from 'vitest';

export interface Requirement {
  /** what is needed, e.g. "Chromium" */
  what: string;
  /** undefined when it is there, else why not and how to get it */
  missing?: string;
  /** the environment variable that turns a skip into a failure */
  requireVar: string;
}

export type Decision = { run: true } | { run: false; skip: string } | { run: false; fail: string };

export function decide(req: Requirement, env: NodeJS.ProcessEnv): Decision {
  if (req.missing === undefined) return { run: true };
  const text = `${req.what} tests skipped: ${req.missing}`;
  if (env[req.requireVar] === '1') return { run: false, fail: `${req.requireVar}=1 but ${text.replace(' tests skipped', ' is missing')}` };
  return { run: false, skip: text };
}

/** Chromium for the rendered-report tests: DROPIN_CHROMIUM, or Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DROPIN_CHROMIUM || '/usr/bin/chromium';
}

export function browserRequirement(env: NodeJS.ProcessEnv = process.env): Requirement {
  const path = chromiumPath(env);
  const missing = existsSync(path) ? undefined : `no Chromium at ${path} (install it, e.g. \`apt-get install chromium\`, or set DROPIN_CHROMIUM to a Chromium or Chrome binary)`;
  return { what: 'Chromium', missing, requireVar: 'DROPIN_REQUIRE_BROWSER' };
}

export function dockerRequirement(): Requirement {
  let missing: string | undefined;
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    missing = 'no Docker engine answers `docker info` (start one, e.g. with scripts/start-docker.sh as CI does)';
  }
  return { what: 'Docker', missing, requireVar: 'DROPIN_REQUIRE_DOCKER' };
}

/**
 * Call at the top of a test file: true when its tests can run. Otherwise prints the one-line
 * reason and returns false (skip), or registers a failing test carrying the reason (required).
 */
export function needs(req: Requirement, env: NodeJS.ProcessEnv = process.env): boolean {
  const decision = decide(req, env);
  if (decision.run) return true;
  if ('fail' in decision) {
    it(`${req.what} is available (${req.requireVar}=1)`, () => {
      throw new Error(decision.fail);
    });
  } else {
    console.warn(`dropin: ${decision.skip}`);
  }
  return false;
}
