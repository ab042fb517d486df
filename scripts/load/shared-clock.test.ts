// The abort delay compares a time taken in the client process with one taken in the upstream
// process, so the two must read the same clock: a child process's epochMs(), asked for over a pipe,
// falls between this process's readings just before asking and just after the answer.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { epochMs } from './shared-clock.ts';

/** What two processes may disagree by: timeOrigin is taken from the wall clock at each start. */
const AGREEMENT_MS = 3;

const childScript = `
import { createInterface } from 'node:readline';
const { epochMs } = await import(${JSON.stringify(new URL('./shared-clock.ts', import.meta.url).href)});
createInterface({ input: process.stdin }).on('line', () => process.stdout.write(epochMs() + '\\n'));
`;

describe('epochMs', () => {
  it('agrees across processes to within a few milliseconds', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript], { stdio: ['pipe', 'pipe', 'inherit'] });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    try {
      for (let i = 0; i < 5; i++) {
        const before = epochMs();
        child.stdin.write('now?\n');
        const theirs = Number((await answers.next()).value);
        const after = epochMs();
        expect(theirs).toBeGreaterThanOrEqual(before - AGREEMENT_MS);
        expect(theirs).toBeLessThanOrEqual(after + AGREEMENT_MS);
      }
    } finally {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    }
  });

  it('reads the epoch, with sub-millisecond precision', () => {
    expect(Math.abs(epochMs() - Date.now())).toBeLessThan(AGREEMENT_MS);
    const readings = Array.from({ length: 50 }, epochMs);
    expect(readings.some((t) => !Number.isInteger(t))).toBe(true);
  });
});
