// The picture in docs/follow-up.md: `gop stats` (the built CLI) over a generated year of plans with a starts file and a
// quality standard, its HTML report screenshot in Chromium (playwright-core). Made-up plans, people and starts; the
// same numbers every run (a seeded generator). After `npm run build`:
//
//   node scripts/stats-picture.mjs            writes docs/images/stats-report.png
//   CHROMIUM_PATH=/path/to/chromium node scripts/stats-picture.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const OUT = join(ROOT, 'docs', 'images', 'stats-report.png');
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
const { buildGop, parseGop } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const name of ['chromium-browser', 'chromium']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error('no Chromium: set CHROMIUM_PATH');
}

// A small linear congruential generator: the same plans every run.
let seed = 25;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (weighted) => {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted.at(-1)[0];
};

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const SENDERS = [
  ['5790002658419', 'Aarhus Universitetshospital', 5],
  ['5790001354145', 'Odense Universitetshospital', 4],
  ['5790000121441', 'Sygehus Lillebælt', 3],
];
const read = parseGop(readFileSync(join(ROOT, 'fixtures', 'valid', 'almen-hoftefraktur.xml')));
if (!read.ok) throw new Error('almen-hoftefraktur.xml does not read');

const folder = mkdtempSync(join(tmpdir(), 'gop-stats-picture-'));
try {
  mkdirSync(join(folder, 'plans'));
  const starts = ['letterIdentifier;senderEan;decidedLevel;offeredStart;started'];
  for (let i = 0; i < 420; i++) {
    const discharge = addDays('2024-01-02', Math.floor(i * (365 / 420)));
    const level = pick([
      ['almen', 66],
      ['specialiseret', 22],
      ['rehabilitering', 12],
    ]);
    const [ean, name] = pick(SENDERS.map(([e, n, w]) => [[e, n], w]));
    const deadline = pick([
      [undefined, 45],
      ['hurtigst muligt', 25],
      ['inden for 14 dage', 20],
      ['når gipsen er fjernet', 5],
      [`tidligst ${addDays(discharge, 10).split('-').reverse().join('.')}`, 5],
    ]);
    const m = structuredClone(read.message);
    const plan = m.rehabilitationPlan;
    plan.typeOfRehabilitationPlan = level;
    plan.letter.identifier = `${discharge.replaceAll('-', '')}${String(i).padStart(4, '0')}`;
    plan.letter.authorisation.date = discharge;
    plan.sender.eanIdentifier = ean;
    plan.sender.organisationName = name;
    plan.currentHospitalContact.expectedEnd = { date: discharge, time: '11:00' };
    if (deadline === undefined) delete plan.rehabilitationDeadline;
    else plan.rehabilitationDeadline = deadline;
    writeFileSync(join(folder, 'plans', `plan-${String(i).padStart(3, '0')}.xml`), buildGop(m));
    if (level === 'specialiseret' || random() < 0.06) continue; // the region's, or not started (yet)
    const from = deadline?.startsWith('tidligst') ? addDays(discharge, 10) : discharge;
    const days = pick([
      [1, 4],
      [2, 8],
      [3, 10],
      [4, 10],
      [5, 9],
      [6, 8],
      [7, 7],
      [8, 5],
      [9, 4],
      [10, 3],
      [12, 2],
      [14, 2],
      [18, 1],
      [23, 1],
    ]);
    const decided =
      level === 'almen'
        ? pick([
            ['basal', 7],
            ['avanceret', 3],
          ])
        : '';
    const dmy = addDays(from, days).split('-').reverse().join('-');
    starts.push([plan.letter.identifier, ean, decided, '', dmy].join(';'));
  }
  writeFileSync(join(folder, 'starts.csv'), `${starts.join('\r\n')}\r\n`);
  writeFileSync(
    join(folder, 'standard.json'),
    JSON.stringify({ name: 'Opstart inden 5 dage efter udskrivelsen', start: { within: 5, unit: 'days', from: 'discharge' } }),
  );
  const report = join(folder, 'report.html');
  execFileSync(
    process.execPath,
    [CLI, 'stats', '--starts', 'starts.csv', '--standard', 'standard.json', '-f', 'html', '-o', report, 'plans'],
    {
      cwd: folder,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );

  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
    // The overview and the three charts with their tables: the page down to the senders' table.
    const bottom = await page.locator('#senders').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: OUT, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(bottom) } });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${OUT}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
