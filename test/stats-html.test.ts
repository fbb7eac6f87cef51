// The summary's HTML report (renderSummaryHtml): well-formed, only the view's allow-listed markup, every value escaped
// (a sender's name is message text); and in a real Chromium, loaded from file://: the charts drawn with as many bars
// as the data has, their tables beside them, no request but its own file, no console error, printable. The browser
// part is skipped, with the reason printed, where Chromium is not installed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityStandard } from '../src/facts/quality-standard';
import { renderSummaryHtml } from '../src/stats/html';
import { PlanSummarySchema, type PlanSummary } from '../src/stats/schema';
import { parseStarts } from '../src/stats/starts';
import { summarizePlans } from '../src/stats/summary';
import { VIEW_ATTRIBUTES, VIEW_ELEMENTS } from '../src/view/html';
import { VIEW_CSP } from '../src/view/index';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { REPO_ROOT } from './helpers';
import { choosePlans, planXml, startsCsv } from './stats-plans';
import { findChromium } from './chromium';

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const STANDARD: QualityStandard = { name: 'Opstart inden 5 dage', start: { within: 5, unit: 'days', from: 'discharge' } };
const HOSTILE =
  '</title><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1"><svg onload="window.__pwned = 1"/>&amp;';

const PLANS = choosePlans(24); // January to June 2024
const summaryOf = async (plans = PLANS, standard: QualityStandard | undefined = STANDARD): Promise<PlanSummary> =>
  summarizePlans(
    plans.map((p) => planXml(p)),
    { starts: parseStarts(startsCsv(plans)).rows, referenceDate: '2024-12-01', ...(standard ? { standard } : {}) },
  );

function parsePage(html: string): XmlElement {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const result = parseXml(html.slice('<!DOCTYPE html>\n'.length), { maxDepth: 200, maxAttributes: 20, maxElements: 1_000_000 });
  if (!result.ok) throw new Error(`not well-formed: ${result.finding.message}`);
  return result.doc.root;
}
function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* elements(child);
}
const textIn = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : textIn(c))).join('');
const classOf = (e: XmlElement) => (e.attrs?.['class'] ?? '').split(' ');

/** The bars the data asks for: one per non-zero count (levels and the split per period; the follow-up categories). */
function expectedBars(summary: PlanSummary) {
  let levels = 0;
  for (const p of summary.periods) levels += [...Object.values(p.levels), ...Object.values(p.decided)].filter((n) => n > 0).length;
  const followUps = [summary.guarantee, ...(summary.standard ? [summary.standard] : [])].filter((f) => f.applies > 0);
  let followUp = 0;
  for (const f of followUps) followUp += [f.startedWithin, f.startedLate, f.notStarted, f.unknown].filter((n) => n > 0).length;
  // every day here is 0..60: one bar per day that occurs
  return { levels, followUp, days: summary.daysToStart.histogram.filter((e) => e.plans > 0).length };
}

describe('renderSummaryHtml, read back as XML', () => {
  it('is one well-formed page with the CSP, the allow-listed elements and attributes only, and no script', async () => {
    const summary = await summaryOf();
    const html = renderSummaryHtml(summary, { standard: STANDARD });
    const root = parsePage(html);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"/>`);
    for (const e of elements(root)) {
      expect([XHTML, SVG]).toContain(e.ns);
      expect(VIEW_ELEMENTS as readonly string[]).toContain(e.local);
      for (const name of Object.keys(e.attrs ?? {})) {
        expect(VIEW_ATTRIBUTES as readonly string[], `attribute ${name}`).toContain(name);
        expect(name.toLowerCase().startsWith('on')).toBe(false);
      }
    }
    // The bars of each chart, as many as the data has non-zero counts.
    const charts = [...elements(root)].filter((e) => e.local === 'svg' && classOf(e).includes('chart'));
    expect(charts).toHaveLength(3);
    const bars = charts.map((c) => [...elements(c)].filter((e) => e.local === 'rect' && classOf(e).includes('bar')).length);
    const want = expectedBars(summary);
    expect(bars).toEqual([want.levels, want.followUp, want.days]);
    expect(want.days).toBeGreaterThan(3);
    // The tables: one row per period, one per day of the histogram.
    const tableRows = (name: string) => {
      const table = [...elements(root)].find((e) => e.local === 'table' && classOf(e).includes(name))!;
      return [...elements(table)].filter((e) => e.local === 'tr' && !e.children.some((c) => typeof c !== 'string' && c.local === 'th'));
    };
    expect(tableRows('levels').map((tr) => textIn(tr.children.find((c): c is XmlElement => typeof c !== 'string')!))).toEqual(
      summary.periods.map((p) => p.period),
    );
    expect(tableRows('days').map((tr) => tr.children.filter((c): c is XmlElement => typeof c !== 'string').map(textIn))).toEqual(
      summary.daysToStart.histogram.map((e) => [String(e.days), String(e.plans)]),
    );
    // The limit lines: the guarantee's 7 days and the standard's 5.
    expect([...elements(root)].filter((e) => e.local === 'line' && classOf(e).includes('limit')).map((e) => classOf(e)[1])).toEqual([
      'guarantee',
      'standard',
    ]);
  });

  it('writes hostile sender and standard names as text: nothing in the summary steers the markup', async () => {
    const base = await summaryOf();
    const summary: PlanSummary = {
      ...base,
      senders: [{ ean: '5790002658419', name: HOSTILE, plans: 3 }, ...base.senders],
      standard: { ...base.standard!, name: HOSTILE },
    };
    const html = renderSummaryHtml(summary, { language: 'en' });
    expect(html).not.toMatch(/<script|<img|<svg onload/i);
    const root = parsePage(html);
    for (const e of elements(root)) expect(Object.keys(e.attrs ?? {}).some((name) => name.toLowerCase().startsWith('on'))).toBe(false);
    const cells = [...elements(root)].filter((e) => e.local === 'td').map(textIn);
    expect(cells).toContain(HOSTILE);
    expect(textIn(root)).toContain(`Quality standard: ${HOSTILE}`);
    // The standard named differs from the one given: its line is not drawn, and the page says why.
    expect(html).not.toContain('class="limit standard"');
    expect(html).toContain('the standard itself was not given to the report');
  });

  it('a hostile name in a plan, through summarizePlans, arrives as text', async () => {
    const plans = choosePlans(4).map((p, i) => (i === 0 ? { ...p, senderName: 'Sygehus <b onmouseover="x()">Syd</b> & co' } : p));
    const summary = await summaryOf(plans);
    expect(summary.senders.map((s) => s.name)).toContain('Sygehus <b onmouseover="x()">Syd</b> & co');
    const html = renderSummaryHtml(summary);
    expect(html).toContain('Sygehus &lt;b onmouseover=&quot;x()&quot;&gt;Syd&lt;/b&gt; &amp; co');
    expect(html).not.toContain('<b ');
  });

  it('says what it cannot draw: no plans, no starts, a standard in working days; English labels with language en', async () => {
    const empty = PlanSummarySchema.parse(JSON.parse(JSON.stringify(await summarizePlans([], {}))));
    const html = renderSummaryHtml(empty, { language: 'en' });
    expect(html).toContain('lang="en"');
    expect(html).toContain('No readable plans.');
    expect(html).toContain('No plans with a recorded start and a certain date.');
    expect(html).not.toContain('class="bar');
    const working: QualityStandard = { name: 'Opstart inden 10 hverdage', start: { within: 10, unit: 'workingDays', from: 'discharge' } };
    const page = renderSummaryHtml(await summaryOf(PLANS, working), { standard: working });
    expect(page).toContain('Kvalitetsstandarden regner i hverdage');
    expect(page).not.toContain('class="limit standard"');
    expect(page).toContain('class="limit guarantee"');
  });

  it('puts late starts beyond 60 days into one bar; the table still lists each day', async () => {
    const summary = await summaryOf();
    const late: PlanSummary = {
      ...summary,
      daysToStart: {
        ...summary.daysToStart,
        histogram: [...summary.daysToStart.histogram, { days: 75, plans: 1 }, { days: 400, plans: 2 }],
      },
    };
    const root = parsePage(renderSummaryHtml(late));
    const days = [...elements(root)].filter((e) => e.local === 'svg' && classOf(e).includes('chart'))[2]!;
    const bars = [...elements(days)].filter((e) => e.local === 'rect' && classOf(e).includes('bar'));
    expect(bars).toHaveLength(expectedBars(summary).days + 1);
    expect(textIn(bars.at(-1)!)).toBe('> 60: 3');
    expect(textIn(root)).toContain('400');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// In Chromium

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn('summary report browser tests skipped: no Chromium (not /usr/bin/chromium, none on PATH; set CHROMIUM_PATH)');
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error ? undefined : 'pdftotext';
if (CHROMIUM && !PDFTOTEXT) console.warn('printed summary report test skipped: pdftotext (poppler-utils) is not installed');

describe.skipIf(!CHROMIUM)('the summary report in Chromium', () => {
  let browser: Browser | undefined;
  const folder = mkdtempSync(join(tmpdir(), 'gop-stats-html-'));
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The page from a file, with every request, console error, page error and dialog recorded. */
  async function open(html: string, name: string) {
    const file = join(folder, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const seen = { requests: [] as string[], errors: [] as string[], dialogs: [] as string[] };
    page.on('request', (r) => seen.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.errors.push(m.text());
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    return { page, context, seen, url };
  }

  const drawnBars = (page: Page, chart: number) =>
    page
      .locator('svg.chart')
      .nth(chart)
      .locator('rect.bar')
      .evaluateAll(
        (rects) =>
          rects.filter((r) => {
            const box = r.getBoundingClientRect();
            return box.width > 0 && box.height > 0;
          }).length,
      );

  it('draws each chart with as many bars as the data, the tables beside it; no request, no console error', async () => {
    const summary = await summaryOf();
    const { page, context, seen, url } = await open(renderSummaryHtml(summary, { standard: STANDARD }), 'report.html');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(VIEW_CSP);
    const want = expectedBars(summary);
    expect(await drawnBars(page, 0)).toBe(want.levels);
    expect(await drawnBars(page, 1)).toBe(want.followUp);
    expect(await drawnBars(page, 2)).toBe(want.days);
    // Patterns, not colour alone: the levels' fills are the page's own patterns, and they resolve.
    const fill = await page
      .locator('rect.bar.level-specialiseret')
      .first()
      .evaluate((r) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(r).fill);
    expect(fill).toContain('#p-hatch');
    // Beside: each chart's table starts to the right of its chart, at the same height or about.
    for (const row of await page.locator('.chart-row').all()) {
      const chart = (await row.locator('.chart-box').boundingBox())!;
      const table = (await row.locator('table').first().boundingBox())!;
      expect(table.x).toBeGreaterThanOrEqual(chart.x + chart.width - 1);
    }
    expect(await page.locator('table.levels tbody tr').count()).toBe(summary.periods.length);
    expect(await page.locator('table.days tbody tr').count()).toBe(summary.daysToStart.histogram.length);
    expect(seen.requests).toEqual([url]);
    expect(seen.errors).toEqual([]);
    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'stats-report.png'), fullPage: true });
    await context.close();
  });

  it('runs nothing of hostile names: no dialog, no script, no request', async () => {
    const base = await summaryOf();
    const hostile: PlanSummary = {
      ...base,
      senders: [{ ean: '5790002658419', name: HOSTILE, plans: 1 }],
      standard: { ...base.standard!, name: HOSTILE },
    };
    const { page, context, seen, url } = await open(renderSummaryHtml(hostile), 'hostile.html');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('script, img, iframe').count()).toBe(0);
    expect(await page.locator('table.senders td').nth(1).textContent()).toBe(HOSTILE);
    expect(seen.requests).toEqual([url]);
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await context.close();
  });

  it.skipIf(!PDFTOTEXT)('prints: the headings and the table numbers are in the PDF', async () => {
    const summary = await summaryOf();
    const { page, context } = await open(renderSummaryHtml(summary, { language: 'en', standard: STANDARD }), 'print.html');
    const pdf = join(folder, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of ['Plans by level', 'Started within the limit', 'Days to start', 'Senders']) expect(text).toContain(heading);
    expect(text).toMatch(/2024-01\s+4\s+2\s+1\s+1\s+0/);
    await context.close();
  });
});
