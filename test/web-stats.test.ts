// The browser page's statistics view (web/stats.ts) in Chromium: many plans, a starts file and a quality standard go
// in; the page shows the summary summarizePlans gives in Node for the same files (its report, the very page
// renderSummaryHtml writes, with its charts drawn), the starts file's bad rows by line, and asks for nothing outside
// its own file. Skipped, with the reason printed, where Chromium is not installed (as test/web.test.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityStandard } from '../src/facts/quality-standard';
import { buildGopBytes, parseGop } from '../src/index';
import { renderSummaryHtml } from '../src/stats/html';
import type { PeriodUnit, PlanSummary } from '../src/stats/schema';
import { parseStarts } from '../src/stats/starts';
import { summarizePlans } from '../src/stats/summary';
import { FIXTURES_DIR, REPO_ROOT } from './helpers';
import { findChromium } from './chromium';

const PAGE = join(REPO_ROOT, 'dist', 'web', 'index.html');
const PAGE_URL = pathToFileURL(PAGE).href;
const REFERENCE_DATE = '2019-12-31';
const TIME_ZONE = 'Europe/Copenhagen';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn('browser statistics tests skipped: no Chromium (not /usr/bin/chromium, none on PATH; set CHROMIUM_PATH)');

interface PlanFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const file = (name: string, bytes: Uint8Array | string, mimeType = 'application/xml'): PlanFile => ({
  name,
  mimeType,
  buffer: Buffer.from(bytes),
});

/**
 * 29 plans: each valid fixture (levels almen, specialiseret, rehabilitering; discharged January to November 2019, so
 * several months and every quarter) four times with its own letter id, one of them again (a duplicate) and a truncated
 * file (unreadable). Each plan's sender EAN and discharge date, for the starts rows.
 */
function plans(): { files: PlanFile[]; made: { letter: string; ean: string }[] } {
  const valid = join(FIXTURES_DIR, 'valid');
  const templates = readdirSync(valid)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => {
      const parsed = parseGop(readFileSync(join(valid, name)));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      return parsed.message;
    });
  const files: PlanFile[] = [];
  const made: { letter: string; ean: string }[] = [];
  for (let copy = 0; copy < 4; copy++) {
    for (const [t, template] of templates.entries()) {
      const message = structuredClone(template);
      const letter = `WEB${t}${copy}`;
      message.rehabilitationPlan.letter.identifier = letter;
      made.push({ letter, ean: message.rehabilitationPlan.sender.eanIdentifier! });
      files.push(file(`plan-${t}-${copy}.xml`, buildGopBytes(message, { encoding: copy % 2 ? 'ISO-8859-1' : 'UTF-8' })));
    }
  }
  files.push({ ...files[3]!, name: 'again.xml' });
  files.push(file('truncated.xml', readFileSync(join(FIXTURES_DIR, 'invalid', 'GOP-INPUT-001--truncated.xml'))));
  return { files, made };
}

/** The municipality's starts: some rows with the sender's EAN, some without, two bad rows (lines 6 and 7), one unmatched. */
function startsCsv(made: { letter: string; ean: string }[]): string {
  const [a, b, c, d] = made;
  return [
    'letterIdentifier;senderEan;decidedLevel;offeredStart;started',
    `${a!.letter};${a!.ean};basal;2019-01-03;2019-01-04`,
    `${b!.letter};${b!.ean};avanceret;;12.03.2019`,
    `${c!.letter};;basal;;2019-12-01`,
    `${d!.letter};${d!.ean};;;`,
    `${a!.letter}x;${a!.ean};middel;;2019-01-04`,
    `${b!.letter};${b!.ean};basal;;2019-02-30`,
    `NOPLAN;${b!.ean};basal;;2019-03-01`,
  ].join('\r\n');
}

const STANDARD: QualityStandard = {
  name: 'Kvalitetsstandard for genoptræning',
  start: { within: 10, unit: 'workingDays', from: 'discharge' },
};

let browser: Browser | undefined;

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
  close(): Promise<void>;
}

async function openPage(): Promise<Watched> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const watched: Watched = { page, requests: [], errors: [], close: () => context.close() };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
  await page.goto(PAGE_URL);
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('#reference-date').fill(REFERENCE_DATE);
  return watched;
}

function expectOnlyThePage(watched: Watched) {
  expect(watched.requests.filter((url) => url !== PAGE_URL && !url.startsWith('about:'))).toEqual([]);
  expect(watched.errors).toEqual([]);
}

/** The summary and its report as Node makes them from the same files. */
async function inNode(
  files: PlanFile[],
  options: { starts?: string; standard?: QualityStandard; by?: PeriodUnit; language?: 'da' | 'en' },
) {
  const summary = await summarizePlans(
    files.map((f) => new Uint8Array(f.buffer)),
    {
      ...(options.starts ? { starts: parseStarts(options.starts).rows } : {}),
      ...(options.standard ? { standard: options.standard } : {}),
      by: options.by ?? 'month',
      referenceDate: REFERENCE_DATE,
      timeZone: TIME_ZONE,
    },
  );
  const html = renderSummaryHtml(summary, {
    language: options.language ?? 'da',
    ...(options.standard ? { standard: options.standard } : {}),
  });
  return { summary, html };
}

/** The report's frame once its document is there and fitted, and the report's HTML it was given. */
async function shownReport(page: Page, html: string): Promise<Frame> {
  const frame = page.locator('#stats-report iframe');
  // a count replaces the report when it is done: wait for the one expected (its markup is the whole check)
  const shown = async () => ((await frame.count()) ? await frame.getAttribute('srcdoc') : undefined);
  await expect.poll(async () => (await shown()) === html, { timeout: 15_000 }).toBe(true);
  await expect.poll(() => frame.getAttribute('data-fitted')).toBe('true');
  return (await (await frame.elementHandle())!.contentFrame())!;
}

async function shownCounts(page: Page): Promise<Record<string, string>> {
  const cells = page.locator('#stats-counts dd');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await cells.count()); i++)
    out[(await cells.nth(i).getAttribute('data-count'))!] = (await cells.nth(i).textContent())!;
  return out;
}

const countsOf = (summary: PlanSummary) => ({
  plans: String(summary.plans),
  unreadable: String(summary.unreadable),
  duplicates: String(summary.duplicates),
  ...(summary.starts.rows ? { 'starts.rows': String(summary.starts.rows), 'starts.matched': String(summary.starts.matched) } : {}),
});

describe.skipIf(!CHROMIUM)('the browser page: statistics, in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(PAGE), `${PAGE} is missing: run npm run build`).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is a tab reached by the keyboard; many plans and the starts file give the summary summarizePlans gives, charts drawn', async () => {
    const watched = await openPage();
    const { page } = watched;
    // The tabs: focus the first, the right arrow shows the statistics and hides the check
    await page.locator('#tab-check').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-stats');
    expect(await page.locator('#tab-stats').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-stats').isVisible()).toBe(true);
    expect(await page.locator('#panel-check').isVisible()).toBe(false);

    const { files, made } = plans();
    const csv = startsCsv(made);
    // plans and the starts file chosen together: the page tells them apart by their names
    await page.setInputFiles('#stats-files', [...files, file('opstarter.csv', csv, 'text/csv')]);
    const { summary, html } = await inNode(files, { starts: csv });
    expect(summary).toMatchObject({ plans: 28, duplicates: 1, unreadable: 1, starts: { rows: 5 } }); // the set is what it means to be
    expect(summary.starts.matched).toBeGreaterThan(0);
    const report = await shownReport(page, html);
    expect(await shownCounts(page)).toEqual(countsOf(summary));

    // The charts are drawn (SVG with marks of a size), each beside its table
    const charts = report.locator('svg.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await charts.count()); i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box!.width * box!.height, `chart ${i}`).toBeGreaterThan(1000);
      expect(await charts.nth(i).locator('rect, path, line').count(), `chart ${i}`).toBeGreaterThan(0);
    }
    expect(await report.locator('table').count()).toBeGreaterThanOrEqual(await charts.count());

    // The starts file's bad rows, by line, as parseStarts reports them, left out of the counts
    const problems = parseStarts(csv).problems;
    expect(problems.map((p) => p.line)).toEqual([6, 7]);
    const rows = page.locator('.starts-problems tr[data-line]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-line')))).toEqual(['6', '7']);
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(problems[0]!.message.da);
    expect(await page.locator('ul.chosen').textContent()).toContain('opstarter.csv (5 rækker)');
    expectOnlyThePage(watched);
    await watched.close();
  });

  it('counts again by quarter, with the quality standard, and in English; a standard that is not one is said so', async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.locator('#tab-stats').click();
    const { files, made } = plans();
    const csv = startsCsv(made);
    await page.setInputFiles('#stats-starts', file('starts.csv', csv, 'text/csv'));
    await page.setInputFiles('#stats-files', files);
    await shownReport(page, (await inNode(files, { starts: csv })).html);

    await page.selectOption('#stats-by', 'quarter');
    const byQuarter = await inNode(files, { starts: csv, by: 'quarter' });
    expect(byQuarter.summary.periods.map((p) => p.period)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    await shownReport(page, byQuarter.html);

    await page.setInputFiles('#stats-standard', file('standard.json', JSON.stringify(STANDARD), 'application/json'));
    const withStandard = await inNode(files, { starts: csv, by: 'quarter', standard: STANDARD });
    expect(withStandard.summary.standard?.name).toBe(STANDARD.name);
    await shownReport(page, withStandard.html);
    expect(await page.locator('ul.chosen').textContent()).toContain(`Kvalitetsstandard: ${STANDARD.name} (standard.json)`);

    await page.check('input[name="lang"][value="en"]');
    const english = await shownReport(page, (await inNode(files, { starts: csv, by: 'quarter', standard: STANDARD, language: 'en' })).html);
    expect(await english.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#tab-stats').textContent()).toBe('Statistics');
    expect(await shownCounts(page)).toEqual(countsOf(withStandard.summary));

    // A file that is no standard: what is wrong, and the numbers counted without it
    await page.setInputFiles(
      '#stats-standard',
      file('bad.json', JSON.stringify({ name: 'x', start: { within: -1, unit: 'weeks' } }), 'application/json'),
    );
    await expect.poll(() => page.locator('.standard-problem').textContent()).toContain('bad.json cannot be used as a quality standard');
    expect(await page.locator('.standard-problem li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^start\.within: /), expect.stringMatching(/^start\.unit: /)]),
    );
    await shownReport(page, (await inNode(files, { starts: csv, by: 'quarter', language: 'en' })).html);
    expectOnlyThePage(watched);
    await watched.close();
  });

  it('cannot send anything: the CSP stops fetch, XMLHttpRequest and beacons before they leave', async () => {
    const watched = await openPage();
    const { page } = watched;
    const failed = new Map<string, string | undefined>();
    page.on('requestfailed', (request) => failed.set(request.url(), request.failure()?.errorText));
    await page.evaluate(`(async () => {
      await fetch('https://example.invalid/fetch', { method: 'POST', body: 'plan' }).catch(() => {});
      const xhr = new XMLHttpRequest();
      xhr.open('POST', 'https://example.invalid/xhr');
      await new Promise((resolve) => { xhr.onloadend = resolve; xhr.send('plan'); });
      navigator.sendBeacon('https://example.invalid/beacon', 'plan');
    })()`);
    await page.waitForTimeout(300); // a queued beacon would have gone by now
    // each attempt refused by the page's Content-Security-Policy (default-src 'none'); one that reached the network
    // layer at all (the XHR, in Chromium) failed there with "csp", before any connection
    for (const what of ['fetch', 'xhr', 'beacon'])
      expect(
        watched.errors.some((error) => error.includes(`https://example.invalid/${what}' violates the following Content Security Policy`)),
        what,
      ).toBe(true);
    for (const url of watched.requests.filter((url) => url !== PAGE_URL && !url.startsWith('about:')))
      expect(failed.get(url), url).toBe('csp');
    await watched.close();
  });
});
