// The Node.js floor as a user meets it: bin/dropin.js refuses an old Node with a one-line fix and
// exit 2 before it imports anything (on Node 20, undici would otherwise die with a TypeError).
// The running Node is told it is older with a preload that rewrites process.versions.node, and a
// really old Node on this machine (Debian's /usr/bin/node, say) is tried as well when there is one.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/dropin.js`;

function runAs(version: string, args: string[]) {
  const preload = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
  return spawnSync(process.execPath, ['--import', preload, BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('the Node.js floor', () => {
  it.each(['20.11.1', '22.12.0', '22.21.9', '18.20.4'])('Node %s: one line saying what to install, exit 2', (version) => {
    const r = runAs(version, ['run', '--emulator']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`dropin needs Node >= 22.22 (you have ${version}): get Node 24 LTS with`)]);
    expect(r.stderr).toMatch(/nvm install 24/);
  });

  it.each(['22.22.0', '24.0.0'])('Node %s is enough', (version) => {
    const r = runAs(version, ['--version']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('package.json states the same floor', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.engines.node).toBe('>=22.22');
    // npm start and npm test go through the check too
    expect(pkg.scripts.start).toMatch(/^node bin\/dropin\.js /);
    expect(pkg.scripts.test).toMatch(/^node bin\/node-check\.js && /);
  });

  const old = oldNode();
  it.runIf(old)(`a really old Node on this machine (${old?.path} ${old?.version}) gets the same line`, () => {
    const r = spawnSync(old!.path, [BIN, '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toContain(`dropin needs Node >= 22.22 (you have ${old!.version.slice(1)})`);
    expect(r.status).toBe(2);
  });
});

/** The first Node on PATH (or Debian's) that is older than the floor, if this machine has one. */
function oldNode(): { path: string; version: string } | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin'];
  for (const dir of new Set(dirs)) {
    try {
      const version = execFileSync(`${dir}/node`, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
      const [major, minor] = version.slice(1).split('.').map(Number);
      if (major < 22 || (major === 22 && minor < 22)) return { path: `${dir}/node`, version };
    } catch {
      // no node in this directory
    }
  }
  return undefined;
}
