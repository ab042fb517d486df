// A user's mistakes, made against real loopback servers through the real CLI: each ends in exit 2
// with one line saying what to change, not in pages of conformance failures. The 401 case has
// its own test in cli.test.ts.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { ALL_SCENARIOS } from '../scenarios/index.ts';
import { DEFAULT_MODELS } from '../../fixtures/emulator/emulator.ts';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;

function dropin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', ...args], { env: { ...process.env, CI: 'true', OPENAI_API_KEY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let emulator: RunningEmulator;
const servers: Server[] = [];
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

const out = () => join(mkdtempSync(join(tmpdir(), 'dropin-mistake-')), 'r');

// each test spawns its own CLI against its own server: they run side by side
describe.concurrent('user mistakes are named, exit 2', () => {
  it('a model the endpoint does not serve: what it offers and the closest name', async () => {
    const dir = out();
    const r = await dropin(['--base-url', emulator.url, '--model', 'dropin-emulator', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`every request naming the model "dropin-emulator" was refused as an unknown model. Did you mean --model dropin-emulator-1? ${emulator.url}/models offers: ${DEFAULT_MODELS.join(', ')}.`);
    expect(r.stdout).not.toMatch(/FAIL MUST/);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.exitCode).toBe(2);
    expect(results.targets[0].error).toMatch(/refused as an unknown model/);
  });

  it('a base URL without /v1: the URL that works', async () => {
    const base = emulator.url.replace(/\/v1$/, '');
    const r = await dropin(['--base-url', base, '--model', 'dropin-emulator-1', '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`every request was answered 404 Not Found: ${base} is not the API's base URL. ${emulator.url} answers GET /models: did you mean --base-url ${emulator.url}?`);
  });

  it('a web page, not an API', async () => {
    const page = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>\n<html><head><title>Grafana</title></head>\n<body>\n${'<div>panel</div>\n'.repeat(100)}</body></html>\n`);
    });
    servers.push(page);
    const url = await listen(page);
    const r = await dropin(['--base-url', url, '--model', 'llama3.2:3b', '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`every answer was an HTML page: ${url} does not look like an OpenAI-compatible API. OpenAI-compatible servers serve the API under /v1: did you mean --base-url ${url}/v1?`);
    expect(r.stdout).not.toContain('<div>panel</div>');
  });

  it('a server that never answers: given up on after three timeouts, naming --timeout', async () => {
    const hang = createServer(() => {});
    servers.push(hang);
    const url = await listen(hang);
    const dir = out();
    const r = await dropin(['--base-url', `${url}/v1`, '--model', 'm', '--timeout', '300', '--concurrency', '2', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/3 requests in a row got no answer within the 300 ms timeout, so the other \d+ were not sent\. If the endpoint is just slow .*raise --timeout/);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const sent = results.targets[0].exchanges.filter((x: { transportError?: { kind: string } }) => x.transportError?.kind === 'timeout');
    // two in flight at a time: at most one more starts before the third timeout
    expect(sent.length).toBeLessThanOrEqual(4);
    // every scenario is accounted for: judged, or not sent and recorded as such
    expect(new Set(results.targets[0].checks.map((c: { scenario: string }) => c.scenario)).size).toBe(ALL_SCENARIOS.length);
    expect(results.targets[0].exchanges.every((x: { transportError?: unknown }) => x.transportError)).toBe(true);
  });
});
