import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, renderCatalogue } from './catalogue.ts';

const checksMd = readFileSync(new URL('../CHECKS.md', import.meta.url), 'utf8');

describe('the check catalogue', () => {
  it('has unique ids of the form <capability>.<name>', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CHECKS) expect(c.id.startsWith(`${c.capability}.`), c.id).toBe(true);
  });
  it('gives every check a client consequence and its evidence', () => {
    for (const c of ALL_CHECKS) {
      expect(c.consequence.length, `${c.id} consequence`).toBeGreaterThan(40);
      expect(c.evidence.length, `${c.id} evidence`).toBeGreaterThan(10);
    }
  });
  it('points every reference into the repository, never to files outside it', () => {
    for (const c of ALL_CHECKS) {
      for (const text of [c.spec, c.evidence, c.consequence]) {
        expect(text, c.id).not.toMatch(/wire-facts|shared\/|\.\.\//);
      }
    }
  });
  it('is what conformance/CHECKS.md shows (regenerate with npx tsx conformance/checks/write-catalogue.ts)', () => {
    expect(checksMd).toBe(renderCatalogue(checksMd));
  });
  it('names in CHECKS.md only checks that exist', () => {
    const known = new Set(ALL_CHECKS.map((c) => c.id));
    const named = [...checksMd.matchAll(/\| `([a-z_]+\.[a-z0-9-]+)` \|/g)].map((m) => m[1]);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
    expect(new Set(named)).toEqual(known);
  });
});
