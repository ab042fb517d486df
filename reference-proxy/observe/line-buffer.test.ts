import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createLineBuffer } from './line-buffer.ts';

describe('createLineBuffer', () => {
  it('writes the lines of one burst in one write, after the delay', async () => {
    const writes: string[] = [];
    const buffer = createLineBuffer((chunk) => writes.push(chunk), { maxDelayMs: 1 });
    buffer.write('a');
    buffer.write('b');
    expect(writes).toEqual([]);
    await expect.poll(() => writes).toEqual(['a\nb\n']);
    buffer.close();
  });

  it('writes at once when the buffer is full', () => {
    const writes: string[] = [];
    const buffer = createLineBuffer((chunk) => writes.push(chunk), { maxChars: 4 });
    buffer.write('abc');
    expect(writes).toEqual(['abc\n']);
    buffer.close();
  });

  it('loses no line at close, and writes later lines unbuffered', () => {
    const writes: string[] = [];
    const buffer = createLineBuffer((chunk) => writes.push(chunk), { maxDelayMs: 60_000 });
    for (let i = 0; i < 1000; i++) buffer.write(`line ${i}`);
    buffer.close();
    expect(writes.join('').split('\n').slice(0, -1)).toEqual(Array.from({ length: 1000 }, (_, i) => `line ${i}`));
    buffer.write('late');
    expect(writes.at(-1)).toBe('late\n');
  });

  it('writes what is buffered when the process exits', () => {
    const script = `
      const { createLineBuffer } = await import(${JSON.stringify(new URL('./line-buffer.ts', import.meta.url).pathname)});
      const buffer = createLineBuffer((chunk) => process.stdout.write(chunk), { maxDelayMs: 60_000 });
      for (let i = 0; i < 500; i++) buffer.write('line ' + i);
      process.exit(0);
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.split('\n').slice(0, -1)).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`));
  });
});
