import { describe, expect, it } from 'vitest';
import { bunPath, dropinLaunch, minimalLaunch } from './launch.ts';

describe('minimalLaunch', () => {
  it('runs the Node floor with this Node, the script itself (no tsx), pointed at the upstream origin', () => {
    expect(minimalLaunch('node', '/r', 18400, 18311)).toEqual({ command: process.execPath, args: ['/r/scripts/bench/contenders/node-minimal-proxy.ts', '18400', 'http://127.0.0.1:18311'] });
  });
  it('can preload the windowed profiler into the Node floor', () => {
    expect(minimalLaunch('node', '/r', 18400, 18311, '/w/prof.mjs').args.slice(0, 3)).toEqual(['--import', '/w/prof.mjs', '/r/scripts/bench/contenders/node-minimal-proxy.ts']);
  });
  it('runs the Bun floor with the bun dev dependency', () => {
    expect(minimalLaunch('bun', '/r', 18400, 18311)).toEqual({ command: '/r/node_modules/.bin/bun', args: ['/r/scripts/bench/contenders/bun-minimal-proxy.ts', '18400', 'http://127.0.0.1:18311'] });
  });
});

describe('dropinLaunch', () => {
  const cli = ['/r/bin/dropin.js', 'proxy', '--config', '/w/proxy.yaml'];
  it('starts dropin the way a user does, on Node', () => {
    expect(dropinLaunch({ runtime: 'node', repoRoot: '/r', configFile: '/w/proxy.yaml' })).toEqual({ command: process.execPath, args: cli });
  });
  it('preloads the windowed profiler before the script', () => {
    const l = dropinLaunch({ runtime: 'node', repoRoot: '/r', configFile: '/w/proxy.yaml', preload: '/w/prof.mjs' });
    expect(l.args).toEqual(['--import', '/w/prof.mjs', ...cli]);
  });
  it('starts the same CLI with Bun for dropin-bun, without Node-only flags', () => {
    expect(dropinLaunch({ runtime: 'bun', repoRoot: '/r', configFile: '/w/proxy.yaml', preload: '/w/prof.mjs' })).toEqual({ command: bunPath('/r'), args: cli });
  });
});
