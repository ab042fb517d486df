// `dropin judge` on a HAR that headless Chromium recorded for real: a page served on loopback
// makes chat requests with fetch (stream and non-stream, tools, an error) to the emulator on the
// same origin, Playwright's recordHar writes the HAR, the dropin binary judges it, and the
// judge's report.html is opened in Chromium. A second origin runs the emulator as old Ollama, so
// the test also proves the judge finds a real deviation in browser traffic.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type ProfileName } from '../../fixtures/emulator/index.ts';
import type { RunResult } from '../types.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;
const SCREENSHOT = join(process.cwd(), '.tmp', 'judge-har-report.png');
const hasChromium = existsSync(CHROMIUM);

// What a browser app does: discover models, ask, stream an answer (read as it arrives), call a
// tool, and hit an error. The key is sent as a real app would; the judge must keep it out of reports.
const PAGE = `<!doctype html><meta charset="utf-8"><title>chat app</title><img src="/logo.svg" alt="">
<script>
const KEY = 'sk-browser-test-0123456789';
const post = (body) => fetch('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + KEY }, body: JSON.stringify(body) });
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };
async function readStream(res) {
  const reader = res.body.getReader();
  let text = '';
  for (;;) { const { done, value } = await reader.read(); if (done) return text; text += new TextDecoder().decode(value); }
}
window.chat = async () => {
  const model = (await (await fetch('/v1/models', { headers: { authorization: 'Bearer ' + KEY } })).json()).data[0].id;
  const ask = { model, messages: [{ role: 'user', content: 'Name three colours.' }], max_tokens: 16 };
  const plain = await (await post(ask)).json();
  const streamed = await readStream(await post({ ...ask, stream: true, stream_options: { include_usage: true } }));
  const tools = await readStream(await post({ ...ask, max_tokens: 64, tools: [weather], tool_choice: 'required', stream: true }));
  const missing = await post({ ...ask, model: 'no-such-model' });
  const error = (await missing.json()).error;
  return { model, plain: plain.choices[0].message.content, streamed: streamed.includes('[DONE]'), tools: tools.includes('get_weather'), missing: missing.status, error: error.type };
};
</script>`;

/** One origin: the page, an image, and the emulator behind /v1 (same origin, so no CORS preflight). */
async function app(profile?: ProfileName): Promise<{ server: Server; url: string }> {
  const emulator = createEmulator({ profile });
  const server = createServer((req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (req.url === '/logo.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    emulator(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function dropin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!hasChromium)(`dropin judge on a HAR recorded by Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is absent)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dropin-har-'));
  const harPath = join(dir, 'session.har');
  const out = join(dir, 'report');
  const apps: Array<{ server: Server; url: string }> = [];
  let browser: Browser;
  let judged: { code: number | null; stdout: string; stderr: string };
  let results: RunResult;

  beforeAll(async () => {
    apps.push(await app(), await app('ollama-legacy'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
    const page = await context.newPage();
    for (const { url } of apps) {
      await page.goto(`${url}/`);
      const seen = await page.evaluate(() => (window as unknown as { chat(): Promise<Record<string, unknown>> }).chat());
      expect(seen).toMatchObject({ streamed: true, tools: true, missing: 404, error: expect.any(String) });
    }
    await context.close(); // writes the HAR
    judged = await dropin(['judge', harPath, '--out', out]);
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  });

  afterAll(async () => {
    await browser?.close();
    for (const { server } of apps) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reads the HAR, ignores the page and its image, and judges every API exchange', () => {
    const hosts = apps.map((a) => new URL(a.url).host);
    expect(judged.stderr).toContain('session.har: HAR, 10 API exchanges; ignored 4 entries that are not API traffic');
    expect(judged.stderr).toContain('judged 10 of 10 API exchanges');
    expect(results.targets.map((t) => t.name).sort()).toEqual([...hosts].sort());
    for (const t of results.targets) expect(t.exchanges).toHaveLength(5);
    expect(results.recordings?.files).toEqual([{ path: harPath, format: 'HAR', exchanges: 10, ignored: 4 }]);
  });

  it('passes the spec emulator, streams and tool calls included, and fails old Ollama on its role deviation', () => {
    const [spec, legacy] = apps.map((a) => results.targets.find((t) => t.name === new URL(a.url).host)!);
    const failed = (t: typeof spec) => t.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.id} ${c.message}`);
    expect(failed(spec)).toEqual([]);
    const passed = new Set(spec.checks.filter((c) => c.status === 'pass').map((c) => c.id));
    for (const id of ['models.schema', 'chat.schema', 'streaming.done-terminator', 'streaming.usage-chunk', 'tools.stream-index', 'tools.choice-honoured', 'errors.envelope']) expect(passed, id).toContain(id);
    expect(legacy.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toContain('streaming.role-once');
    expect(judged.code).toBe(1);
  });

  it('keeps the API key the page sent out of every report', () => {
    for (const f of ['results.json', 'junit.xml', 'report.md', 'report.html']) {
      expect(readFileSync(join(out, f), 'utf8'), f).not.toContain('sk-browser-test-0123456789');
    }
    expect(judged.stdout).not.toContain('sk-browser-test-0123456789');
  });

  it('renders the report in Chromium: the matrix, then a failed check with its recorded stream', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    expect(await page.locator('header .verdict').innerText()).toContain('FAILED');
    expect(await page.locator('table.matrix tbody tr').count()).toBe(2);
    const roleOnce = page.locator('details.check.st-fail').filter({ hasText: 'streaming.role-once' }).first();
    await page.locator('#expand-all').click();
    expect(await roleOnce.locator('dl.er').innerText()).toContain('assistant');
    // each exchange is drawn once per target: the recorded stream is under the first check that used it
    expect(await page.locator('details.check.st-fail table.events tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('details.check.st-fail .curl pre').first().innerText()).toContain('-H "authorization: Bearer $OPENAI_API_KEY"');
    expect(errors).toEqual([]);
    await page.locator('#collapse-all').click();
    await roleOnce.locator('summary').click();
    await roleOnce.scrollIntoViewIfNeeded();
    await mkdir(join(process.cwd(), '.tmp'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });
});
