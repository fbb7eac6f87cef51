// The browser page (dist/web/index.html) and the rendered plan, in a real Chromium driven by playwright-core: loaded
// from file:// it makes no request but its own file, shows what checkGop finds, switches language and redaction,
// interprets nothing of a hostile message, and a long plan prints with the patient on every page. Skipped, with the
// reason printed, where Chromium is not installed (.ci/run installs it when it can).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGop, renderGopHtml, type Finding, type Language } from '../src/index';
import { datesInText } from '../src/view/sections';
import { FIXTURES_DIR, haveSamples, REPO_ROOT, SAMPLE, withDeadline } from './helpers';
import { findChromium } from './chromium';

const PAGE = join(REPO_ROOT, 'dist', 'web', 'index.html');
const PAGE_URL = pathToFileURL(PAGE).href;
const OUT = join(REPO_ROOT, 'test-output');
const REFERENCE_DATE = '2019-09-06';
const TIME_ZONE = 'Europe/Copenhagen';

const LAW_003 = join(FIXTURES_DIR, 'invalid', 'GOP-LAW-003--no-rehabilitation-need.xml');
const LAW_003_CPR = /0512\s?47[-\s]?1830/; // Kirsten Højgaard's, in any spelling
const TRUNCATED = join(FIXTURES_DIR, 'invalid', 'GOP-INPUT-001--truncated.xml');
const RICH = join(FIXTURES_DIR, 'valid', 'specialiseret-with-ambulatory-control.xml'); // journal excerpts and references

const CHROMIUM = findChromium();
if (!CHROMIUM)
  console.warn(
    `browser tests skipped: no Chromium (${process.env['CHROMIUM_PATH'] ? `CHROMIUM_PATH=${process.env['CHROMIUM_PATH']} does not exist` : 'not /usr/bin/chromium, no chromium-browser or chromium on PATH; set CHROMIUM_PATH'})`,
  );
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error ? undefined : 'pdftotext';
if (CHROMIUM && !PDFTOTEXT) console.warn('printed-plan test skipped: pdftotext (poppler-utils) is not installed');
if (CHROMIUM && !haveSamples) console.warn(`browser tests use the fixtures only: the public sample ${SAMPLE} is absent`);

/** XML text content, escaped (the hostile strings must arrive as text, as a sender's system would write them). */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A copy of `xml` with the content of every `<tag>` (any prefix) that holds only text set to `text`. */
function setText(xml: string, tag: string, text: string): string {
  const re = new RegExp(`(<((?:\\w+:)?${tag})>)[^<]*(</\\2>)`, 'g');
  expect(re.test(xml), `${tag} in the fixture`).toBe(true);
  return xml.replace(re, (_all, open: string, _name: string, close: string) => `${open}${xmlText(text)}${close}`);
}

const HOSTILE = {
  script: '<script>alert(1)</script><script>window.__pwned = 1</script>',
  img: '<img src=x onerror=alert(1)><img src=x onerror="window.__pwned = 1"><svg onload="window.__pwned = 1"></svg>',
  url: 'javascript:alert(1)',
  style: '</style><style>*{background:url(http://example.invalid/x)}</style>',
  title: '</title><iframe src="http://example.invalid/"></iframe>',
};

function hostileMessage(): string {
  let xml = readFileSync(RICH, 'utf8');
  xml = setText(xml, 'TypeOfExcerpt', HOSTILE.script);
  xml = setText(xml, 'RefDescription', HOSTILE.style);
  xml = setText(xml, 'URL', HOSTILE.url);
  xml = setText(xml, 'PersonTitle', HOSTILE.img);
  xml = setText(xml, 'DistrictName', HOSTILE.title);
  return xml;
}

/** The rich fixture with its journal excerpts repeated and lengthened: a plan of several printed pages. */
function longMessage(): string {
  const xml = readFileSync(RICH, 'utf8');
  const excerpts = /(\s*<JournalExcerpt>[^]*<\/JournalExcerpt>)/.exec(xml);
  expect(excerpts).not.toBeNull();
  const more = Array.from({ length: 5 }, (_, i) =>
    excerpts![1]!.replace(/<Comment>/g, `<Comment>Notat ${i + 1}. ${'Patienten træner dagligt og øger gangdistancen. '.repeat(12)}`),
  ).join('');
  return xml.replace(excerpts![1]!, `${excerpts![1]}${more}`);
}

interface Watched {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser | undefined;

async function watchedPage(): Promise<Watched> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const watched: Watched = { page, context, requests: [], errors: [], dialogs: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return watched;
}

async function openPage(): Promise<Watched & { loadMs: number }> {
  const watched = await watchedPage();
  const started = performance.now();
  await watched.page.goto(PAGE_URL);
  await watched.page.waitForSelector('html[data-ready="true"]');
  const loadMs = performance.now() - started;
  await watched.page.locator('#reference-date').fill(REFERENCE_DATE);
  return { ...watched, loadMs };
}

/** Nothing but the page's own file was asked for: no network, no other file. */
function expectOnlyThePage(watched: Watched) {
  expect(watched.requests.filter((url) => url !== PAGE_URL && !url.startsWith('about:'))).toEqual([]);
  expect(watched.errors).toEqual([]);
  expect(watched.dialogs).toEqual([]);
}

/** The findings checkGop gives, as the page shows them: their dates in the page's one form. */
const expected = (file: string, lang: Language, redact = false) =>
  checkGop(readFileSync(file), { referenceDate: REFERENCE_DATE, timeZone: TIME_ZONE, redact }).findings.map((f: Finding) => [
    f.ruleId,
    f.severity,
    datesInText(lang === 'da' ? f.messageDa : f.message, lang),
  ]);

async function shownFindings(page: Page, index: number): Promise<string[][]> {
  const rows = page.locator('article.result').nth(index).locator('tr.finding');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      (await row.getAttribute('data-rule-id'))!,
      (await row.getAttribute('data-severity'))!,
      (await row.locator('td.text').textContent())!,
    ]);
  }
  return out;
}

const viewHeadings = (page: Page, index: number) =>
  page.locator('article.result').nth(index).frameLocator('iframe.view').locator('h1, h2').allTextContents();

/** The frame of the index-th result's view (to read its text and count its elements). */
/** Waits until the page shows `n` results. */
async function resultsShown(page: Page, n: number) {
  await page
    .locator('article.result')
    .nth(n - 1)
    .waitFor();
  expect(await page.locator('article.result').count()).toBe(n);
}

async function viewFrame(page: Page, index: number): Promise<Frame> {
  const handle = await page.locator('article.result').nth(index).locator('iframe.view').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForLoadState();
  return frame!;
}

describe.skipIf(!CHROMIUM)('the browser page, in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(PAGE), `${PAGE} is missing: run npm run build`).toBe(true);
    mkdirSync(OUT, { recursive: true });
    rmSync(join(OUT, 'page.png'), { force: true }); // written again below, never an old one
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('loads from file:// with no request but its own file and no console error', async () => {
    const watched = await openPage();
    console.log(`web page: loaded and ready in ${watched.loadMs.toFixed(0)} ms`);
    expect(await watched.page.locator('#privacy').textContent()).toContain('Intet forlader browseren');
    expect(watched.requests).toEqual([PAGE_URL]);
    expectOnlyThePage(watched);
    await watched.context.close();
  });

  it('shows the findings checkGop gives for each chosen file, and the plan; English and redaction switch them', async () => {
    const watched = await openPage();
    const { page } = watched;
    // a truncated file too: its fatal finding, and what could be read of it
    const files = [...(haveSamples ? [SAMPLE] : []), TRUNCATED, LAW_003];
    await page.setInputFiles('#files', files);
    await resultsShown(page, files.length);
    const law = files.length - 1;

    for (const [i, file] of files.entries()) expect(await shownFindings(page, i)).toEqual(expected(file, 'da'));
    expect(expected(LAW_003, 'da').map(([id]) => id)).toContain('GOP-LAW-003');
    const danish = await viewHeadings(page, law);
    expect(danish).toEqual(expect.arrayContaining(['Patient', 'Modtagere']));

    // The patient's CPR number is there, in the facts and in the plan
    expect(await page.locator('article.result').nth(law).locator('dl.facts').textContent()).toMatch(LAW_003_CPR);
    expect(await (await viewFrame(page, law)).locator('body').textContent()).toMatch(LAW_003_CPR);

    await page.check('input[name="lang"][value="en"]');
    expect(await page.locator('h1').textContent()).toContain('check and view');
    for (const [i, file] of files.entries()) expect(await shownFindings(page, i)).toEqual(expected(file, 'en'));
    const english = await viewHeadings(page, law);
    expect(english).toEqual(expect.arrayContaining(['Patient', 'Receivers']));
    expect(english).not.toContain('Modtagere');

    await page.check('#redact');
    expect(await shownFindings(page, law)).toEqual(expected(LAW_003, 'en', true));
    // the results as markup (iframe srcdoc attributes too) and each frame's document
    const results = String(await page.evaluate("document.getElementById('results').outerHTML"));
    const everything = [
      results,
      ...(await Promise.all(
        page
          .frames()
          .slice(1)
          .map((frame) => frame.content()),
      )),
    ].join('\n');
    expect(everything).not.toMatch(LAW_003_CPR);
    expect(everything).not.toContain('Højgaard');
    expect(await (await viewFrame(page, law)).locator('body').textContent()).toContain('051247-XXXX');
    expectOnlyThePage(watched);
    await watched.context.close();
  });

  it('takes pasted XML', async () => {
    const watched = await openPage();
    await watched.page.locator('details.paste summary').click();
    await watched.page.locator('#pasted').fill(readFileSync(LAW_003, 'utf8'));
    await watched.page.locator('#check-pasted').click();
    await resultsShown(watched.page, 1);
    expect(await watched.page.locator('article.result h2 .name').textContent()).toBe('indsat tekst 1');
    expect(await shownFindings(watched.page, 0)).toEqual(expected(LAW_003, 'da'));
    expectOnlyThePage(watched);
    await watched.context.close();
  });

  it('says "the deadline could not be read" where it could not, "no deadline" only where there is none, and an uncertain guarantee date as such', async () => {
    const watched = await openPage();
    const { page } = watched;
    const plans = [
      withDeadline('efter kontrol i ambulatoriet'),
      withDeadline(null),
      withDeadline('tidligst i næste uge', { authorised: '2019-02-30' }),
    ];
    await page.setInputFiles(
      '#files',
      plans.map((xml, i) => ({ name: `plan-${i}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml) })),
    );
    await resultsShown(page, plans.length);
    /** The facts rows (label → value) and the key facts line of the index-th result. */
    const shownFacts = async (index: number) => {
      const article = page.locator('article.result').nth(index);
      const labels = await article.locator('dl.facts dt').allTextContents();
      const values = await article.locator('dl.facts dd').allTextContents();
      return {
        rows: Object.fromEntries(labels.map((label, i) => [label, values[i]])),
        line: (await article.locator('p.key-facts').textContent())!,
      };
    };
    const [unreadable, none, later] = [await shownFacts(0), await shownFacts(1), await shownFacts(2)];
    expect(unreadable.rows['Opstart senest']).toBe('fristen kan ikke læses: læs teksten');
    expect(unreadable.rows['Tidsfrist (som læst)']).toContain('kan ikke læses sikkert');
    expect(unreadable.rows['Tilbud om opstart senest']).toBe(
      'ikke sikker (14. marts 2019 kun hvis planen ikke beder om en senere opstart)',
    );
    expect(unreadable.line).toContain('fristen kan ikke læses: læs teksten, garantidatoen er ikke sikker');
    expect(Object.values(unreadable.rows).join(' ') + unreadable.line).not.toMatch(/ingen frist/);
    expect(none.rows['Opstart senest']).toBe('ingen frist i planen');
    expect(none.rows['Tilbud om opstart senest']).toBe('14. marts 2019');
    expect(none.line).toContain('ingen frist i planen, tilbud om opstart senest 14. marts 2019');
    expect(later.rows['Opstart senest']).toBe(
      'ingen seneste frist; planen beder om en senere opstart, men datoen kan ikke læses: læs teksten',
    );

    await page.check('input[name="lang"][value="en"]');
    const english = await shownFacts(0);
    expect(english.rows['Must start by']).toBe('the deadline could not be read: read the text');
    expect(english.rows['Start to be offered by']).toBe('not certain (14 March 2019 only if the plan asks for no later start)');
    expect(english.line).toContain('deadline could not be read: read the text, guarantee date not certain (14 March 2019 only if');
    expect((await shownFacts(1)).rows['Must start by']).toBe('no deadline in the plan');
    expectOnlyThePage(watched);
    await watched.context.close();
  });

  it('an old plan: one date form, the days and the counts in words, and the plan in a frame as tall as it is (one scroll)', async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.locator('#reference-date').fill('2026-11-27'); // the deadline (14 March 2019) was 2,815 days ago
    const file = (name: string, xml: string | Buffer) => ({ name, mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.setInputFiles('#files', [
      file('old.xml', withDeadline('inden 7 dage')),
      file('truncated.xml', readFileSync(TRUNCATED)),
      file('rich.xml', readFileSync(RICH)),
    ]);
    await resultsShown(page, 3);
    /** The first result's facts panel: the key facts line and each row, label → value. */
    const shownFacts = async () => {
      const article = page.locator('article.result').first();
      const labels = await article.locator('dl.facts dt').allTextContents();
      const values = await article.locator('dl.facts dd').allTextContents();
      const rows = Object.fromEntries(labels.map((label, i) => [label, values[i]!]));
      return { rows, text: [await article.locator('p.key-facts').textContent(), ...values].join('\n') };
    };
    const resultsText = async () => (await page.locator('#results').textContent()) ?? '';
    const ISO = /\d{4}-\d{2}-\d{2}/;
    const ISO_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
    const DOTTED = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/;
    const NEGATIVE = /(?<![\w-])-\s?\d/; // not a CPR number's dash
    const danish = await shownFacts();
    for (const style of [ISO, ISO_STAMP, DOTTED]) expect(danish.text).not.toMatch(style);
    expect(danish.rows['Opstart senest']).toBe('14. marts 2019 — fristen var for 2.815 dage siden');
    expect(danish.rows['Sendt']).toBe('7. marts 2019 kl. 09:41');
    expect(await resultsText()).not.toMatch(NEGATIVE);
    expect(await resultsText()).not.toMatch(ISO_STAMP);
    expect(await page.locator('article.result').nth(1).locator('.counts').textContent()).toBe('1 fatal fejl');

    await page.check('input[name="lang"][value="en"]');
    const english = await shownFacts();
    for (const style of [ISO, ISO_STAMP, DOTTED]) expect(english.text).not.toMatch(style);
    expect(english.rows['Must start by']).toBe('14 March 2019 — the deadline was 2,815 days ago');
    expect(english.rows['Sent']).toBe('7 March 2019, 09:41');
    expect(await resultsText()).not.toMatch(NEGATIVE);
    expect(await page.locator('article.result').nth(1).locator('.counts').textContent()).toBe('1 fatal error');

    // Each plan's frame is as tall as its document: no scroll bar of its own, the page scrolls; the sandbox still
    // runs no script (same origin only, so that the page can measure it)
    const frames = page.locator('iframe.view');
    expect(await frames.count()).toBe(3);
    /** The frames not (yet) as tall as their documents: [index, document's scrollHeight, its clientHeight]. */
    const unfitted = async () => {
      const out: [number, number, number][] = [];
      for (let i = 0; i < (await frames.count()); i++) {
        const frame = await viewFrame(page, i);
        const [scroll, client] = (await frame.evaluate(
          '[document.documentElement.scrollHeight, document.documentElement.clientHeight]',
        )) as [number, number];
        if ((await frames.nth(i).getAttribute('data-fitted')) !== 'true' || scroll > client) out.push([i, scroll, client]);
      }
      return out;
    };
    await expect.poll(unfitted).toEqual([]);
    for (let i = 0; i < 3; i++) expect(await frames.nth(i).getAttribute('sandbox')).toBe('allow-same-origin');
    const rich = await frames.nth(2).boundingBox();
    expect(rich!.height).toBeGreaterThan(1500); // the whole plan, not a 574 px window onto it
    expect((await frames.nth(1).boundingBox())!.height).toBeLessThan(600); // a short one is short
    expect(await page.evaluate('document.documentElement.scrollHeight > window.innerHeight')).toBe(true);
    await page.setViewportSize({ width: 640, height: 900 }); // narrower: the text wraps anew and the frames follow
    await expect.poll(unfitted).toEqual([]);
    expect((await frames.nth(2).boundingBox())!.height).toBeGreaterThan(rich!.height);
    expectOnlyThePage(watched);
    await watched.context.close();
  });

  it('interprets nothing of a hostile message: no script, no dialog, no request, the text shown as text', async () => {
    const xml = hostileMessage();
    const watched = await openPage();
    const { page } = watched;
    await page.setInputFiles('#files', { name: '<img src=x onerror=alert(1)>.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await resultsShown(page, 1);
    expect(await page.locator('article.result h2 .name').textContent()).toBe('<img src=x onerror=alert(1)>.xml');
    const frame = await viewFrame(page, 0);
    const text = (await frame.locator('body').textContent()) ?? '';
    for (const shown of [HOSTILE.script, HOSTILE.style, HOSTILE.url]) expect(text).toContain(shown);
    for (const selector of ['script', 'img', 'svg', 'iframe', 'style + style', '[onerror]', '[onload]', 'a[href^="javascript:" i]'])
      expect(await frame.locator(selector).count(), selector).toBe(0);
    expect(await page.locator('#results img, #results script, #results svg').count()).toBe(0);
    await page.waitForTimeout(300); // an image's error event or a style's load would have come by now
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expectOnlyThePage(watched);
    await watched.context.close();

    // The view on its own, as a saved file would open: no sandbox around it now, only its own CSP and escaping.
    const bare = await watchedPage();
    await bare.page.setContent(renderGopHtml(xml, { lang: 'da', referenceDate: REFERENCE_DATE, timeZone: TIME_ZONE }));
    await bare.page.waitForTimeout(300);
    expect(await bare.page.evaluate('window.__pwned')).toBeUndefined();
    expect(bare.dialogs).toEqual([]);
    expect(bare.errors).toEqual([]); // a blocked load would be a CSP report here
    expect(bare.requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(await bare.page.locator('script, img, svg, iframe, [onerror], a[href^="javascript:" i]').count()).toBe(0);
    await bare.context.close();
  });

  it.skipIf(!PDFTOTEXT)('prints a long plan with the patient’s name and CPR number and the page number on every page', async () => {
    const watched = await watchedPage();
    const html = renderGopHtml(longMessage(), { lang: 'da', referenceDate: REFERENCE_DATE, timeZone: TIME_ZONE });
    await watched.page.setContent(html);
    const pdf = join(OUT, 'long-plan.pdf');
    writeFileSync(pdf, await watched.page.pdf({ format: 'A4', printBackground: true }));
    const pageText = (n: number) => {
      const run = spawnSync(PDFTOTEXT!, ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0);
    console.log(`long plan: ${pages || '≥ 3'} printed pages (${pdf})`);
    expect(pageText(3).trim()).not.toBe(''); // at least three pages
    for (const n of [1, 2, 3]) {
      const text = pageText(n).replace(/\s+/g, ' ');
      expect(text, `page ${n}`).toContain('Birgitte');
      expect(text, `page ${n}`).toContain('Nørgaard Lauridsen');
      expect(text, `page ${n}`).toMatch(/180856-?2644/);
      expect(text, `page ${n}`).toMatch(new RegExp(`(?:side|page)\\s*${n}\\b|\\b${n}\\s*(?:/|af|of)\\s*\\d`, 'i'));
    }
    expect(watched.requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('writes screenshots of the page and of the view (UPDATE_SCREENSHOTS=1 copies them to docs/images)', async () => {
    const watched = await watchedPage();
    // Our own made-up patients only: the public sample is not ours to copy, in a picture neither.
    const viewed = RICH;
    await watched.page.setContent(renderGopHtml(readFileSync(viewed), { lang: 'da', referenceDate: REFERENCE_DATE, timeZone: TIME_ZONE }));
    await watched.page.screenshot({ path: join(OUT, 'view.png') });
    await watched.context.close();
    const page = await openPage();
    await page.page.setInputFiles('#files', [LAW_003, RICH]);
    await resultsShown(page.page, 2);
    await page.page.screenshot({ path: join(OUT, 'page.png') });
    await page.context.close();
    if (process.env['UPDATE_SCREENSHOTS'] === '1') {
      mkdirSync(join(REPO_ROOT, 'docs', 'images'), { recursive: true });
      for (const name of ['page.png', 'view.png']) copyFileSync(join(OUT, name), join(REPO_ROOT, 'docs', 'images', name));
    }
    expect(readFileSync(join(OUT, 'view.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
