// Starts the named contender in front of the bench upstream.
import type { BenchPaths, Contender, ContenderName } from './contenders/contender.ts';
import { directContender } from './contenders/direct.ts';
import { startDropin } from './contenders/dropin.ts';
import { startMinimal } from './contenders/minimal.ts';
import { startNginx } from './contenders/nginx.ts';
import { startPortkey } from './contenders/portkey.ts';

export interface StartInput {
  paths: BenchPaths;
  upstreamPort: number;
  /** models the dropin config must route (the hold test uses a slow one) */
  models: string[];
  progress: (line: string) => void;
}

export function startContender(name: ContenderName, s: StartInput): Promise<Contender> {
  switch (name) {
    case 'direct':
      return Promise.resolve(directContender(s.upstreamPort));
    case 'nginx':
      return startNginx(s.paths, s.upstreamPort, s.progress);
    case 'node-minimal':
      return startMinimal('node', s.paths, s.upstreamPort);
    case 'bun-minimal':
      return startMinimal('bun', s.paths, s.upstreamPort);
    case 'portkey':
      return startPortkey(s.paths, s.upstreamPort, s.progress);
    case 'dropin':
      return startDropin(s.paths, s.upstreamPort, { models: s.models });
    case 'dropin-generic':
      return startDropin(s.paths, s.upstreamPort, { models: s.models, profile: 'generic' });
    case 'dropin-bun':
      return startDropin(s.paths, s.upstreamPort, { models: s.models, runtime: 'bun' });
  }
}
