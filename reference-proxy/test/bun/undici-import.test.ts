// Bun answers the bare 'undici' specifier with a built-in stand-in whose Pool.request returns
// undefined (Bun 1.4): one such import in the proxy made every upstream call on Bun a 502. The
// proxy imports undici by path ('undici/index.js'), which both runtimes resolve to the package.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('.fixtures.') ? [path] : [];
  });
}

describe("the proxy's undici imports", () => {
  it("never name the bare 'undici' specifier, only a path inside the package", () => {
    const bare = sources(ROOT).filter((file) => /from ['"]undici['"]/.test(readFileSync(file, 'utf8')));
    expect(bare.map((file) => relative(ROOT, file))).toEqual([]);
    expect(sources(ROOT).some((file) => readFileSync(file, 'utf8').includes("from 'undici/index.js'"))).toBe(true);
  });
});
