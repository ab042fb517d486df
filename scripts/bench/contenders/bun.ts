// Bun for the bench: where its binary is and which version it is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bunPath } from './launch.ts';

export function requireBun(repoRoot: string): void {
  if (!existsSync(bunPath(repoRoot))) throw new Error(`bench: ${bunPath(repoRoot)} is missing; run \`npm install\` (bun is a dev dependency of this repository)`);
}

export function bunVersion(repoRoot: string): string {
  const r = spawnSync(bunPath(repoRoot), ['--version'], { encoding: 'utf8' });
  return r.stdout.trim() || 'unknown';
}
