import { describe, expect, it } from 'vitest';
import { startLoadProcess } from './load-process.ts';

describe('startLoadProcess', () => {
  it('fails with the reason when the process exits before it listens', async () => {
    await expect(startLoadProcess('./no-such-main.ts', [], () => {})).rejects.toThrow(/no-such-main\.ts exited with code \d+ before listening/);
  });
});
