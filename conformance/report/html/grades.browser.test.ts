// report.html in headless Chromium for a run with a MUST failure, SHOULD-only failures, a failure
// repeated across ten scenarios and a preset skipped for want of its key: the page must say NOT
// TESTED, tell the grades apart by colour and words, and open a grouped row onto each scenario.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactRun } from '../redact.ts';
import { SAMPLE_SECRETS, matrixSampleRun } from '../sample-run.ts';
import { renderHtml } from './page.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = join(process.cwd(), '.tmp', 'report-grades-screenshot.png');

let dir: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const colour = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).backgroundColor);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropin-grades-'));
  const file = join(dir, 'report.html');
  await writeFile(file, renderHtml(redactRun(matrixSampleRun(), SAMPLE_SECRETS)));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('report.html with a MUST failure, SHOULD-only failures, grouped failures and a skipped target', () => {
  it('heads the page NOT TESTED, apart from every other status, naming the skipped target', async () => {
    const verdict = await page.locator('header .verdict').innerText();
    expect(verdict).toMatch(/^⊘ NOT TESTED\s+groq was skipped: GROQ_API_KEY is not set/);
    expect(verdict).not.toContain('PASSED');
    const header = await colour('header.top');
    expect([await colour('td.cell.st-fail'), await colour('td.cell.st-pass')]).not.toContain(header);
    expect(await page.locator('table.matrix tbody tr').nth(4).locator('th .badge').innerText()).toBe('⊘ NOT TESTED');
  });

  it('tells a failed MUST (red) from SHOULD-only failures (amber) by colour and words', async () => {
    const row = page.locator('table.matrix tbody tr').nth(3);
    const must = row.locator('td.cell').nth(1);
    const should = row.locator('td.cell').nth(2);
    expect(await must.locator('.word').innerText()).toBe('✗ FAIL (MUST)');
    expect(await should.locator('.word').innerText()).toBe('↓ DEGRADED (SHOULD)');
    const [red, amber] = [await must.evaluate((e) => getComputedStyle(e).color), await should.evaluate((e) => getComputedStyle(e).color)];
    expect(red).toBe('rgb(194, 28, 44)');
    expect(amber).toBe('rgb(154, 52, 18)');
  });

  it('shows a failure repeated in 10 scenarios as one row that opens onto each scenario and its exchange', async () => {
    await page.locator('table.matrix tbody tr').nth(3).locator('td.cell a').nth(1).click();
    const group = page.locator('#t3-chat details.group');
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
    await page.locator('#collapse-all').click();
    const id = await page.locator('#t3-streaming details.member').nth(1).getAttribute('id');
    await page.evaluate((target) => document.body.insertAdjacentHTML('beforeend', `<a id="jump" href="#${target}">jump</a>`), id);
    await page.locator('#jump').click();
    expect(await page.locator(`#${id} .exchange`).isVisible()).toBe(true);
    await page.evaluate(() => document.getElementById('jump')?.remove());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await mkdir(join(process.cwd(), '.tmp'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
