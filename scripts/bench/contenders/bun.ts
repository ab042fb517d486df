// Bun for the bench: where its binary is, which version it is, and why dropin fails on it today.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bunPath } from './launch.ts';

export function requireBun(repoRoot: string): void {
  if (!existsSync(bunPath(repoRoot))) throw new Error(`bench: ${bunPath(repoRoot)} is missing; run \`npm install\` (bun is a dev dependency of this repository)`);
}

export function bunVersion(repoRoot: string): string {
  const r = spawnSync(bunPath(repoRoot), ['--version'], { encoding: 'utf8' });
  return r.stdout.trim() || 'unknown';
}

/** What `new Pool(origin).request(...)` gives under Bun, from bun-undici-check.ts. */
export type PoolRequestKind = 'promise' | 'undefined' | 'throws' | 'other';

export function checkBunUndici(repoRoot: string): PoolRequestKind {
  try {
    const out = execFileSync(bunPath(repoRoot), [join(repoRoot, 'scripts', 'bench', 'contenders', 'bun-undici-check.ts')], { encoding: 'utf8', timeout: 10_000 });
    return (JSON.parse(out) as { poolRequest: PoolRequestKind }).poolRequest;
  } catch {
    return 'throws';
  }
}

/**
 * Why dropin's upstream calls fail under Bun, when they do: reference-proxy/upstream/pools.ts
 * imports Pool from the bare 'undici' specifier, which Bun answers with a built-in stand-in whose
 * methods are empty. Undefined when Bun's undici behaves (the failure lies elsewhere).
 */
export function undiciDiagnosis(kind: PoolRequestKind): string | undefined {
  if (kind === 'promise') return undefined;
  const what = kind === 'undefined' ? 'returns undefined' : kind === 'throws' ? 'throws' : 'returns no promise';
  return `Bun replaces the bare 'undici' import with a built-in stub whose Pool.request ${what}, so every upstream call of reference-proxy/upstream/pools.ts fails`;
}
