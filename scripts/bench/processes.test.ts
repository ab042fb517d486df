import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, stopAll, stopAlsoOnExit, stopProcess, waitForHttp } from './processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-processes-'));
afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const server = (port: number) => `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1', () => console.log('up'))`;

describe('processes', () => {
  it('starts a process, waits until it answers, and stops it by PID', async () => {
    const port = await freePort();
    const log = join(dir, 'server.log');
    const p = startProcess('test server', process.execPath, ['-e', server(port)], { logFile: log });
    await waitForHttp(p, `http://127.0.0.1:${port}/`, 10_000, log);
    expect(await stopProcess(p)).toBe('stopped');
    expect(p.child.signalCode).toBe('SIGTERM');
    expect(readFileSync(log, 'utf8')).toBe('up\n');
  });

  it('falls back to SIGKILL for a process that ignores its stop signal', async () => {
    const log = join(dir, 'stubborn.log');
    const p = startProcess('stubborn', process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"], { logFile: log });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stopProcess(p, 200)).toBe('killed');
    expect(p.child.signalCode).toBe('SIGKILL');
  });

  it('stops what was started elsewhere along with its own processes, once registered', async () => {
    let stopped = 0;
    const forget = stopAlsoOnExit(async () => void stopped++);
    await stopAll();
    forget();
    await stopAll();
    expect(stopped).toBe(1);
  });

  it("reports a process that exits before it is ready, with its log's tail", async () => {
    const log = join(dir, 'crash.log');
    const p = startProcess('crasher', process.execPath, ['-e', "console.error('bad config'); process.exit(3)"], { logFile: log });
    await expect(waitForHttp(p, `http://127.0.0.1:${await freePort()}/`, 10_000, log)).rejects.toThrow(/crasher exited before it was ready[\s\S]*bad config/);
  });
});
