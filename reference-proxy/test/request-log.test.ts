// `dropin proxy` batches its request log on stdout; a stop must not lose the lines still buffered.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chatBody } from './helpers/proxy.ts';
import { completion, json } from './helpers/replies.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;
let upstream: FakeUpstream | undefined;
afterAll(() => upstream?.close());

describe('the request log of `dropin proxy`', () => {
  it('has one line per request on stdout after a SIGTERM, none lost in the buffer', async () => {
    upstream = await startUpstream(json(completion('hi')));
    const dir = mkdtempSync(join(tmpdir(), 'dropin-log-'));
    const config = join(dir, 'proxy.json');
    writeFileSync(config, JSON.stringify({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'a', baseUrl: upstream.baseUrl, models: ['test-model'] }] }));
    const child = spawn(process.execPath, [BIN, 'proxy', '--config', config]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await expect.poll(() => /listening on (\S+)/.exec(stderr), { timeout: 20_000 }).toBeTruthy();
      const url = /listening on (\S+)/.exec(stderr)![1];
      const requests = 40;
      const post = () => fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody()) });
      const answers = await Promise.all(Array.from({ length: requests }, () => post().then((r) => r.status)));
      expect(answers).toEqual(Array(requests).fill(200));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // besides the request lines: the line saying how the backend was identified (profile auto)
      const lines = stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
      const served = lines.filter((l) => l.msg === 'request');
      expect(served).toHaveLength(requests);
      expect(served.every((l) => l.status === 200)).toBe(true);
      expect(lines.filter((l) => l.msg !== 'request').map((l) => [l.backend, l.profile])).toEqual([['a', 'generic']]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
