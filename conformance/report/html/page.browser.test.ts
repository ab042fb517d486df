// Renders report.html for the sample run in headless Chromium: the page must work as a person
// uses it, make no network request, and survive hostile captured bodies.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJunit } from '../junit.ts';
import { redactRun } from '../redact.ts';
import { SAMPLE_SECRETS, sampleRun } from '../sample-run.ts';
import { CAPABILITIES } from '../../types.ts';
import { renderHtml } from './page.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = join(process.cwd(), '.tmp', 'report-screenshot.png');

let dir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
let fileUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropin-html-'));
  const file = join(dir, 'report.html');
  await writeFile(file, renderHtml(redactRun(sampleRun(), SAMPLE_SECRETS)));
  fileUrl = pathToFileURL(file).href;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(fileUrl);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('report.html in a browser', () => {
  it('shows the verdict and the matrix with a cell per target × capability', async () => {
    expect(await page.locator('header .verdict').innerText()).toContain('FAILED');
    const matrix = page.locator('table.matrix');
    expect(await matrix.isVisible()).toBe(true);
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    expect(await matrix.locator('td.cell').count()).toBe(3 * CAPABILITIES.length);
    const cell = matrix.locator('tbody tr').nth(1).locator('td.cell').nth(3);
    expect(await cell.getAttribute('class')).toContain('st-fail');
    expect(await cell.innerText()).toContain('1/2 passed');
  });

  it('follows a matrix cell to the capability and expands a failed check', async () => {
    await page.locator('table.matrix tbody tr').nth(1).locator('td.cell a').nth(3).click();
    const section = page.locator('#t1-tools');
    expect(await section.isVisible()).toBe(true);
    const failed = section.locator('details.check.st-fail').first();
    expect(await failed.locator('summary').innerText()).toContain('2/3 (pass^3 ✗)');
    expect(await failed.locator('.detail').isVisible()).toBe(false);
    await failed.locator('summary').click();
    const detail = failed.locator('.detail');
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.locator('dl.er').innerText()).toContain('Expected');
    expect(await detail.locator('dl.er').innerText()).toContain('a call to get_weather');
    expect(await detail.locator('dl.er').innerText()).toContain('Received');
    const curl = await detail.locator('.curl pre').first().innerText();
    expect(curl).toMatch(/^curl -s 'http:\/\/127\.0\.0\.1:11434\/v1\/chat\/completions'/);
    expect(curl).toContain('-H "authorization: Bearer $OPENAI_API_KEY"');
    expect(curl).toContain("--data-raw '{");
  });

  it('shows a stream as an SSE timeline with comments and the pointed event highlighted', async () => {
    const check = page.locator('#t2-streaming details.check').first();
    await check.locator('summary').click();
    const rows = check.locator('table.events tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await check.locator('tr.comment').count()).toBe(2);
    expect(await check.locator('tr.hit').innerText()).toContain('upstream overloaded');
    expect(await check.locator('.curl pre').innerText()).toMatch(/^curl -sN /);
  });

  it('renders hostile bodies as text and runs no injected script', async () => {
    await page.locator('#expand-all').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#t2-errors').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('hides passing checks on "only problems"', async () => {
    const ok = page.locator('#t0-models .check.ok').first();
    expect(await ok.isVisible()).toBe(true);
    await page.locator('#only-problems').check();
    expect(await ok.isVisible()).toBe(false);
    await page.locator('#only-problems').uncheck();
  });

  it('made no request other than loading the file, and fits the viewport width', async () => {
    expect(requests).toEqual([fileUrl]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#collapse-all').click();
    await page.locator('#t1-tools details.check summary').first().click();
    await page.locator('#t2-streaming details.check summary').first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await mkdir(join(process.cwd(), '.tmp'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('parses junit.xml as well-formed XML, hostile text included', async () => {
    const run = sampleRun();
    run.targets[1].checks[0].received = 'bad ]]> <x> & \'q\' "dq" \u0001\u001f';
    const xml = renderJunit(run);
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      return { error: error?.textContent ?? null, cases: doc.querySelectorAll('testcase').length, received: doc.querySelector('failure')?.textContent ?? '' };
    }, xml);
    expect(result.error).toBeNull();
    expect(result.cases).toBe(run.targets.reduce((n, t) => n + t.checks.length, 0));
    expect(result.received).toContain('Received: bad ]]> <x> & \'q\' "dq" \\u0001\\u001f');
  });
});
