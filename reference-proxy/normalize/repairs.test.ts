// The repair kinds are a public contract (metric labels, log field): each documented for operators.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPAIR_KINDS } from './repairs.ts';

describe('repair kinds', () => {
  it('are snake_case and each has a row in the proxy README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const kind of Object.keys(REPAIR_KINDS)) {
      expect(kind).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(readme, kind).toContain(`| \`${kind}\` |`);
    }
  });
});
