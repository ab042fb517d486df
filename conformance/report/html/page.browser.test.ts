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
import { SAMPLE_SECRETS, matrixSampleRun, sampleRun } from '../sample-run.ts';
import { renderHtml } from './page.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = join(process.cwd(), '.tmp', 'report-screenshot.png');
const MATRIX_SCREENSHOT = join(process.cwd(), '.tmp', 'report-grades-screenshot.png');

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
    expect(await matrix.locator('td.cell').count()).toBe(21);
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

describe('report.html with a MUST failure, a SHOULD-only failure, grouped failures and a skipped target', () => {
  let graded: Page;
  const colour = (selector: string) => graded.locator(selector).first().evaluate((e) => getComputedStyle(e).backgroundColor);

  beforeAll(async () => {
    const file = join(dir, 'graded.html');
    await writeFile(file, renderHtml(redactRun(matrixSampleRun(), SAMPLE_SECRETS)));
    graded = await context.newPage();
    graded.on('pageerror', (e) => pageErrors.push(e.message));
    await graded.goto(pathToFileURL(file).href);
  });

  it('heads the page NOT TESTED, apart from every other status, naming the skipped target', async () => {
    const verdict = await graded.locator('header .verdict').innerText();
    expect(verdict).toMatch(/^⊘ NOT TESTED\s+groq was skipped: GROQ_API_KEY is not set/);
    expect(verdict).not.toContain('PASSED');
    const header = await colour('header.top');
    expect([await colour('td.cell.st-fail'), await colour('td.cell.st-pass')]).not.toContain(header);
    expect(await graded.locator('tbody tr').nth(4).locator('th .badge').innerText()).toBe('⊘ NOT TESTED');
  });

  it('tells a failed MUST (red) from SHOULD-only failures (amber) by colour and words', async () => {
    const row = graded.locator('table.matrix tbody tr').nth(3);
    const must = row.locator('td.cell').nth(1);
    const should = row.locator('td.cell').nth(2);
    expect(await must.locator('.word').innerText()).toBe('✗ FAIL (MUST)');
    expect(await should.locator('.word').innerText()).toBe('↓ DEGRADED (SHOULD)');
    const [red, amber] = [await must.evaluate((e) => getComputedStyle(e).color), await should.evaluate((e) => getComputedStyle(e).color)];
    expect(red).not.toBe(amber);
    expect(red).toBe('rgb(194, 28, 44)');
  });

  it('shows a failure repeated in 10 scenarios as one row that opens onto each scenario and its exchange', async () => {
    await graded.locator('table.matrix tbody tr').nth(3).locator('td.cell a').nth(1).click();
    const group = graded.locator('#t3-chat details.group');
    expect(await group.count()).toBe(1);
    expect(await group.locator('summary.row .count').innerText()).toBe('in 10 scenarios');
    await group.locator('summary.row').click();
    expect(await group.locator('.detail dl.er').first().innerText()).toContain('openai-dotnet throws ArgumentOutOfRangeException');
    const member = group.locator('details.member').nth(3);
    expect(await member.locator('summary').innerText()).toContain('chat.n');
    expect(await member.locator('.exchange').isVisible()).toBe(false);
    await member.locator('summary').click();
    expect(await member.locator('.exchange').isVisible()).toBe(true);
    expect(await member.locator('dl.er').innerText()).toContain('"eos" (choice 0 of 2)');
  });

  it('opens a grouped member when a link points at it, and fits the viewport', async () => {
    await graded.locator('#collapse-all').click();
    const id = await graded.locator('#t3-streaming details.member').nth(1).getAttribute('id');
    await graded.evaluate((target) => { location.hash = ''; document.body.insertAdjacentHTML('beforeend', `<a id="jump" href="#${target}">jump</a>`); }, id);
    await graded.locator('#jump').click();
    expect(await graded.locator(`#${id} .exchange`).isVisible()).toBe(true);
    await graded.evaluate(() => document.getElementById('jump')?.remove());
    const overflow = await graded.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await graded.evaluate(() => window.scrollTo(0, 0));
    await graded.screenshot({ path: MATRIX_SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
