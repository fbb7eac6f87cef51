import type { QualityStandard } from '../facts/quality-standard';
import { GUARANTEE_DAYS } from '../standard/legal-calendar';
import type { Language } from '../texts/languages';
import { h, type Child, type Markup } from '../view/html';
import { selfContainedPage } from '../view/index';
import { STYLES } from '../view/styles';
import type { PlanSummary } from './schema';
import { periodLabel, shareOf, SUMMARY_WORDS, type SummaryWords } from './words';

/*
 * The summary as one self-contained page, as the plan's view is: the view's page shell, CSP (no script, no request) and
 * its one writer of markup (h(), which escapes every value: a sender's name is message text). The charts are SVG drawn
 * here: a charting library would bring a script (the CSP forbids it) or a build step for static output, and this page
 * must work from a file, printed and in the browser page alike. Each chart has its data table beside it: the table is
 * the truth, the chart the picture. Patterns and labels, not colour alone, tell the series apart (printed in black).
 */

export interface SummaryHtmlOptions {
  /** the language of the page (default 'da') */
  language?: Language;
  /** the quality standard the summary was made with: its line in the histogram (the summary carries only its name) */
  standard?: QualityStandard;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 520;
const LABEL_WIDTH = 84;
const BAR_AREA = 386;
/** The histogram shows days 0..at most this one, one bar each; later starts share one bar (the table lists each). */
const MAX_DAY_BAR = 60;
const MIN_DAY_BAR = 14;

type Words = SummaryWords;
type Level = keyof PlanSummary['periods'][number]['levels'];
type FollowUp = NonNullable<PlanSummary['standard']> | PlanSummary['guarantee'];
const LEVELS: readonly Level[] = ['almen', 'specialiseret', 'rehabilitering', 'unknown'];
const DECIDED = ['basal', 'avanceret'] as const;
const FOLLOW_UP = ['startedWithin', 'startedLate', 'notStarted', 'unknown'] as const;

// The style sheet adds to the view's. No < or & (styleElement checks). Each fill differs in black and white too.
const STATS_STYLES = `
main { max-width: 76rem; }
svg.patterns { position: absolute; width: 0; height: 0; overflow: hidden; }
.chart-row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem 1.25rem; align-items: start; margin: 0.75rem 0; }
.chart-row.wide { grid-template-columns: minmax(18rem, 1fr) auto; }
@media (max-width: 52rem) { .chart-row, .chart-row.wide { grid-template-columns: minmax(0, 1fr); } }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 13px; fill: #1b1b1b; font-family: system-ui, sans-serif; }
svg.chart text.end { text-anchor: end; }
svg.chart text.middle { text-anchor: middle; }
svg.chart text.limit-label { font-size: 12px; font-weight: 700; }
.table-box { overflow-x: auto; }
.bar, .swatch { stroke: #1b1b1b; stroke-width: 0.6; }
.axis { stroke: #555; stroke-width: 1; }
.limit { stroke: #000; stroke-width: 1.5; stroke-dasharray: 5 3; }
.limit.standard { stroke-dasharray: 1.5 2.5; stroke-width: 2.5; }
.level-almen, .follow-startedWithin, .days { fill: #0b4f8a; }
.level-specialiseret, .follow-startedLate { fill: url(#p-hatch); }
.level-rehabilitering { fill: url(#p-dots); }
.level-unknown, .follow-unknown { fill: url(#p-cross); }
.decided-basal { fill: #9cc3e6; }
.decided-avanceret { fill: url(#p-lines); }
.follow-notStarted { fill: #fff; }
svg.patterns path.ink { stroke: #1b1b1b; stroke-width: 1; fill: none; }
svg.patterns path.dot { fill: #1b1b1b; stroke: none; }
svg.patterns path.hatch-bg { fill: #f2c47f; stroke: none; }
svg.patterns path.dots-bg { fill: #b8dbb0; stroke: none; }
svg.patterns path.plain-bg { fill: #fff; stroke: none; }
svg.patterns path.lines-bg { fill: #dbe8f5; stroke: none; }
ul.legend { list-style: none; padding: 0; margin: 0.35rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; }
ul.legend svg { width: 14px; height: 14px; vertical-align: -2px; margin-right: 0.3rem; }
table.data { border-collapse: collapse; font-size: 0.88rem; width: 100%; margin: 0 0 0.75rem; }
table.data caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
table.data th, table.data td { border: 1px solid var(--line); padding: 0.15rem 0.4rem; text-align: left; vertical-align: top; }
table.data thead th { background: var(--soft); }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr.sum td { font-weight: 700; }
.chart-note { font-size: 0.85rem; color: var(--muted); }
@media print {
  main { max-width: none; }
  /* on paper the table comes right below its chart: beside it, both would be too small to read */
  .chart-row, .chart-row.wide { grid-template-columns: minmax(0, 1fr); gap: 0.4rem; break-inside: avoid; page-break-inside: avoid; }
  .chart-box { max-width: 140mm; }
  .table-box { overflow: visible; }
  svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  table.data { font-size: 8.5pt; }
  table.data thead th { background: none; }
  table.data tr { break-inside: avoid; page-break-inside: avoid; }
  .chart-note { color: #000; }
}
`;

/** The fills' patterns, defined once for every chart of the page (paths only: a rect in a chart is a bar or a swatch). */
function patterns(): Markup {
  const pattern = (id: string, size: number, ...paths: Markup[]) =>
    h('pattern', { id, patternUnits: 'userSpaceOnUse', width: String(size), height: String(size) }, ...paths);
  const square = (size: number, className: string) => h('path', { class: className, d: `M0,0H${size}V${size}H0Z` });
  return h(
    'svg',
    { xmlns: SVG_NS, class: 'patterns', 'aria-hidden': 'true', width: '0', height: '0' },
    h(
      'defs',
      null,
      pattern('p-hatch', 6, square(6, 'hatch-bg'), h('path', { class: 'ink', d: 'M-1,1L1,-1M0,6L6,0M5,7L7,5' })),
      pattern('p-dots', 6, square(6, 'dots-bg'), h('path', { class: 'dot', d: 'M1.5,3a1.5,1.5 0 1,0 3,0a1.5,1.5 0 1,0 -3,0Z' })),
      pattern('p-cross', 8, square(8, 'plain-bg'), h('path', { class: 'ink', d: 'M0,0L8,8M8,0L0,8' })),
      pattern('p-lines', 5, square(5, 'lines-bg'), h('path', { class: 'ink', d: 'M0,2.5H5' })),
    ),
  );
}

const n = (value: number) => String(Math.round(value * 10) / 10);

/** A bar: a rect with its label and number as its title (a tooltip, and text for a screen reader). */
function bar(className: string, x: number, y: number, width: number, height: number, title: string): Markup {
  return h('rect', { class: `bar ${className}`, x: n(x), y: n(y), width: n(width), height: n(height) }, h('title', null, title));
}

const text = (x: number, y: number, className: string | undefined, content: Child) =>
  h('text', { x: n(x), y: n(y), class: className }, content);

function chart(height: number, label: string, ...content: Child[]): Markup {
  return h(
    'svg',
    { xmlns: SVG_NS, class: 'chart', viewBox: `0 0 ${WIDTH} ${Math.ceil(height)}`, role: 'img', 'aria-label': label },
    h('title', null, label),
    ...content,
  );
}

function legend(entries: readonly [className: string, label: string][]): Markup {
  return h(
    'ul',
    { class: 'legend' },
    entries.map(([className, label]) =>
      h(
        'li',
        null,
        h(
          'svg',
          { xmlns: SVG_NS, viewBox: '0 0 14 14', 'aria-hidden': 'true' },
          h('rect', { class: `swatch ${className}`, x: '0.5', y: '0.5', width: '13', height: '13' }),
        ),
        label,
      ),
    ),
  );
}

const th = (content: Child, numeric = false) => h('th', numeric ? { class: 'num' } : null, content);
const td = (content: Child, numeric = false) => h('td', numeric ? { class: 'num' } : null, content);

function table(className: string, caption: string | undefined, head: readonly Child[], rows: readonly Child[][], numericFrom = 1): Markup {
  return h(
    'table',
    { class: `data ${className}` },
    caption === undefined ? undefined : h('caption', null, caption),
    head.some((cell) => cell !== '')
      ? h(
          'thead',
          null,
          h(
            'tr',
            null,
            head.map((cell, i) => th(cell, i >= numericFrom)),
          ),
        )
      : undefined,
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          row.map((cell, i) => td(cell, i >= numericFrom)),
        ),
      ),
    ),
  );
}

const chartRow = (picture: Child, data: Child, wide = false) =>
  h(
    'div',
    { class: wide ? 'chart-row wide' : 'chart-row' },
    h('div', { class: 'chart-box' }, picture),
    h('div', { class: 'table-box' }, data),
  );

// ---------------------------------------------------------------------------------------------------------------
// plans by level, per period

function levelsSection(summary: PlanSummary, w: Words, language: Language): Markup {
  const periods = summary.periods;
  let most = 0;
  for (const p of periods) most = Math.max(most, p.plans, p.decided.basal + p.decided.avanceret);
  const rowHeight = 34;
  const top = 6;
  const scale = most > 0 ? BAR_AREA / most : 0;
  const rows = periods.map((p, i) => {
    const y = top + i * rowHeight;
    const label = periodLabel(p.period, language);
    const parts: Markup[] = [text(LABEL_WIDTH - 6, y + 12, 'end', label)];
    let x = LABEL_WIDTH;
    for (const level of LEVELS) {
      const count = p.levels[level];
      if (count === 0) continue;
      parts.push(bar(`level-${level}`, x, y, count * scale, 16, `${label}: ${w.level[level]} ${count}`));
      x += count * scale;
    }
    parts.push(text(x + 4, y + 12, undefined, String(p.plans)));
    let dx = LABEL_WIDTH;
    for (const decided of DECIDED) {
      const count = p.decided[decided];
      if (count === 0) continue;
      parts.push(bar(`decided-${decided}`, dx, y + 19, count * scale, 8, `${label}: ${w.decided[decided]} ${count}`));
      dx += count * scale;
    }
    return h('g', null, parts);
  });
  const picture = periods.length
    ? [
        chart(
          top + periods.length * rowHeight,
          w.levelsChart,
          h('line', { class: 'axis', x1: n(LABEL_WIDTH), y1: '0', x2: n(LABEL_WIDTH), y2: n(top + periods.length * rowHeight) }),
          rows,
        ),
        legend([
          ...LEVELS.map((l) => [`level-${l}`, w.level[l]] as [string, string]),
          ...DECIDED.map((d) => [`decided-${d}`, w.decided[d]] as [string, string]),
        ]),
      ]
    : h('p', null, w.noPlans);
  const data = table(
    'levels',
    w.levelsHeading,
    [w.period, w.plans, ...LEVELS.map((l) => w.level[l]), ...DECIDED.map((d) => w.decided[d])],
    periods.map((p) => [periodLabel(p.period, language), p.plans, ...LEVELS.map((l) => p.levels[l]), ...DECIDED.map((d) => p.decided[d])]),
  );
  const hasUnknown = periods.some((p) => p.period === 'unknown');
  return h(
    'section',
    { id: 'levels' },
    h('h2', null, w.levelsHeading),
    h('p', null, w.levelsIntro),
    chartRow(picture, data, true),
    h('p', { class: 'chart-note' }, w.decidedNote, hasUnknown ? [' ', w.periodUnknownNote] : undefined),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// started within the guarantee and the standard

function followUpSection(summary: PlanSummary, w: Words, language: Language): Markup {
  const rowsOf: [string, FollowUp][] = [[w.guaranteeShort, summary.guarantee]];
  if (summary.standard) rowsOf.push([w.standardShort, summary.standard]);
  const rowHeight = 30;
  const shown = rowsOf.filter(([, f]) => f.applies > 0);
  const bars = shown.map(([label, f], i) => {
    const y = 6 + i * rowHeight;
    const scale = BAR_AREA / f.applies;
    const parts: Markup[] = [text(LABEL_WIDTH - 6, y + 13, 'end', label)];
    let x = LABEL_WIDTH;
    for (const key of FOLLOW_UP) {
      if (f[key] === 0) continue;
      parts.push(
        bar(`follow-${key}`, x, y, f[key] * scale, 18, `${label}: ${w.followUp[key]} ${f[key]} (${shareOf(f[key], f.applies, language)})`),
      );
      x += f[key] * scale;
    }
    parts.push(text(x + 4, y + 13, undefined, shareOf(f.startedWithin, f.applies, language)));
    return h('g', null, parts);
  });
  const picture = shown.length
    ? [
        chart(6 + shown.length * rowHeight, w.followUpChart, bars),
        legend(FOLLOW_UP.map((key) => [`follow-${key}`, w.followUp[key]] as [string, string])),
      ]
    : h('p', null, w.noPlans);
  const share = (part: number, whole: number) => shareOf(part, whole, language) ?? w.none;
  const columns = rowsOf.flatMap(([, f]) => [f]);
  const head = ['', ...rowsOf.flatMap(([label]) => [label, w.share])];
  const rows: Child[][] = [
    [w.applies, ...columns.flatMap((f) => [f.applies, share(f.applies, f.applies)])],
    ...FOLLOW_UP.map((key) => [w.followUp[key], ...columns.flatMap((f) => [f[key], share(f[key], f.applies)])]),
    [w.notDetermined, ...columns.flatMap((f) => [f.notDetermined, w.none])],
  ];
  const reasons = Object.keys(summary.guarantee.unknownReasons) as (keyof FollowUp['unknownReasons'])[];
  const why = table(
    'unknown-reasons',
    w.unknownWhy,
    [w.followUp.unknown, ...rowsOf.map(([label]) => label)],
    reasons.map((reason) => [w.reasons[reason], ...columns.map((f) => f.unknownReasons[reason])]),
  );
  return h(
    'section',
    { id: 'follow-up' },
    h('h2', null, w.followUpHeading),
    h('p', null, w.followUpIntro),
    h(
      'ul',
      null,
      h('li', null, `${w.guaranteeShort}: ${w.guarantee}`),
      h('li', null, summary.standard ? `${w.standardShort}: ${w.standard(summary.standard.name)}` : w.noStandard),
    ),
    chartRow(picture, [table('follow-up', w.followUpHeading, head, rows), why]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// days to start

interface Bin {
  label: string;
  plans: number;
  /** the last day this bar counts (for the limit lines), or undefined for the bar of days before 0 */
  lastDay?: number;
}

/** The histogram's bars: days before 0 in one, 0..last one each, later days in one; a bounded number of bars. */
function binsOf(histogram: PlanSummary['daysToStart']['histogram'], lineDay: number, w: Words): Bin[] {
  let latest = 0;
  for (const entry of histogram) latest = Math.max(latest, entry.days);
  const last = Math.min(MAX_DAY_BAR, Math.max(MIN_DAY_BAR, latest, lineDay + 1));
  const days: Bin[] = Array.from({ length: last + 1 }, (_, day) => ({ label: String(day), plans: 0, lastDay: day }));
  let before = 0;
  let after = 0;
  for (const entry of histogram) {
    if (entry.days < 0) before += entry.plans;
    else if (entry.days > last) after += entry.plans;
    else days[entry.days]!.plans += entry.plans;
  }
  return [...(before ? [{ label: w.before, plans: before }] : []), ...days, ...(after ? [{ label: w.after(last), plans: after }] : [])];
}

/** The standard's limit as a number of calendar days, when one line can say it; else the note that says why not. */
function standardLine(summary: PlanSummary, standard: QualityStandard | undefined, w: Words): { days?: number; note?: string } {
  if (!summary.standard) return {};
  if (!standard || standard.name !== summary.standard.name) return { note: w.standardLineUnknown };
  if (standard.start.unit === 'workingDays') return { note: w.standardLineWorkingDays };
  return { days: standard.start.within, ...(standard.weekendStarts === false ? { note: w.standardLineWeekend } : {}) };
}

function daysSection(summary: PlanSummary, options: SummaryHtmlOptions, w: Words): Markup {
  const { daysToStart } = summary;
  const line = standardLine(summary, options.standard, w);
  const facts = table(
    'days-facts',
    w.daysHeading,
    ['', w.days],
    [
      [w.withStart, daysToStart.plans],
      [w.median, daysToStart.median ?? w.none],
      [w.p90, daysToStart.p90 ?? w.none],
    ],
  );
  const counts = table(
    'days',
    w.daysChart,
    [w.days, w.plansAxis],
    daysToStart.histogram.map((entry) => [entry.days, entry.plans]),
    0,
  );
  if (daysToStart.plans === 0 || daysToStart.histogram.length === 0)
    return h('section', { id: 'days' }, h('h2', null, w.daysHeading), h('p', null, w.daysIntro), h('p', null, w.noStarts), facts);

  const bins = binsOf(daysToStart.histogram, Math.max(GUARANTEE_DAYS, line.days ?? 0), w);
  const left = 36;
  const top = 16;
  const plotHeight = 170;
  const plotWidth = WIDTH - left - 10;
  const width = plotWidth / bins.length;
  let most = 0;
  for (const bin of bins) most = Math.max(most, bin.plans);
  const base = top + plotHeight;
  const parts: Child[] = [
    h('line', { class: 'axis', x1: n(left), y1: n(base), x2: n(WIDTH - 10), y2: n(base) }),
    h('line', { class: 'axis', x1: n(left), y1: n(top), x2: n(left), y2: n(base) }),
    text(left - 4, top + 4, 'end', String(most)),
    text(left - 4, base, 'end', '0'),
  ];
  const every = bins.length > 16 ? 5 : 1;
  bins.forEach((bin, i) => {
    const x = left + i * width;
    if (bin.plans > 0) {
      const height = (bin.plans / most) * plotHeight;
      parts.push(bar('days', x + 0.5, base - height, Math.max(width - 1, 0.5), height, `${bin.label}: ${bin.plans}`));
    }
    const day = Number(bin.label);
    if (!Number.isInteger(day) || day % every === 0 || i === 0 || i === bins.length - 1)
      parts.push(text(x + width / 2, base + 13, 'middle', bin.label));
  });
  parts.push(text(left + plotWidth / 2, base + 30, 'middle', w.daysAxis));
  /** The line after the bar of `day`: on it within the limit, after it late. */
  const limit = (day: number, className: string, label: string) => {
    const i = bins.findIndex((bin) => bin.lastDay === day);
    if (i < 0) return undefined;
    const x = left + (i + 1) * width;
    return [
      h('line', { class: `limit ${className}`, x1: n(x), y1: n(top - 6), x2: n(x), y2: n(base) }),
      text(x + 3, top - 6 + 9, 'limit-label', label),
    ];
  };
  parts.push(limit(GUARANTEE_DAYS, 'guarantee', `${GUARANTEE_DAYS}`));
  if (line.days !== undefined) parts.push(limit(line.days, 'standard', `${line.days}`));
  const notes: Child[] = [
    h('li', null, w.guaranteeLine(GUARANTEE_DAYS)),
    line.days !== undefined ? h('li', null, w.standardLine(line.days)) : undefined,
    line.note ? h('li', null, line.note) : undefined,
  ];
  return h(
    'section',
    { id: 'days' },
    h('h2', null, w.daysHeading),
    h('p', null, w.daysIntro),
    chartRow([chart(base + 36, w.daysChart, parts), h('ul', { class: 'chart-note' }, notes)], [facts, counts]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// the tables without a chart

function otherSections(summary: PlanSummary, w: Words): Markup[] {
  const deadlines = Object.keys(summary.deadlines) as (keyof PlanSummary['deadlines'])[];
  const starts = Object.keys(summary.starts) as (keyof PlanSummary['starts'])[];
  return [
    h(
      'section',
      { id: 'senders' },
      h('h2', null, w.sendersHeading),
      table(
        'senders',
        undefined,
        [w.ean, w.name, w.plans],
        summary.senders.map((s) => [s.ean ?? w.eanUnknown, s.name ?? '', s.plans]),
        2,
      ),
    ),
    h(
      'section',
      { id: 'deadlines' },
      h('h2', null, w.deadlinesHeading),
      table(
        'deadlines',
        undefined,
        ['', w.plans],
        deadlines.map((kind) => [w.deadline[kind], summary.deadlines[kind]]),
      ),
    ),
    h(
      'section',
      { id: 'starts' },
      h('h2', null, w.startsHeading),
      table(
        'starts',
        undefined,
        ['', w.starts.rows],
        starts.map((key) => [w.starts[key], summary.starts[key]]),
      ),
    ),
  ];
}

function overview(summary: PlanSummary, w: Words): Markup {
  return h(
    'section',
    { id: 'overview', class: 'facts' },
    h('h2', null, w.overview),
    table(
      'overview',
      undefined,
      ['', ''],
      [
        [w.plans, summary.plans],
        [w.keyless, summary.keyless],
        [w.unreadable, summary.unreadable],
        [w.duplicates, summary.duplicates],
        [w.by, w.unit[summary.by]],
      ],
    ),
  );
}

/**
 * A summary (summarizePlans) as one self-contained HTML5 page (polyglot XHTML): per period a bar chart of the plans by
 * level with the municipality's basal/avanceret split, the share started within the guarantee and the standard, a
 * histogram of the days to start with the 7-day line and the standard's, each chart with its table beside it. No
 * script, no request (the view's Content-Security-Policy). Linear in the size of the summary.
 */
export function renderSummaryHtml(summary: PlanSummary, options: SummaryHtmlOptions = {}): string {
  const language: Language = options.language === 'en' ? 'en' : 'da';
  const w = SUMMARY_WORDS[language];
  const main = h(
    'main',
    { id: 'top' },
    h('header', { class: 'doc-header' }, h('p', { class: 'kicker' }, w.kicker), h('h1', null, w.title), h('p', null, w.intro)),
    overview(summary, w),
    levelsSection(summary, w, language),
    followUpSection(summary, w, language),
    daysSection(summary, options, w),
    otherSections(summary, w),
  );
  return selfContainedPage(language, w.title, `${STYLES}${STATS_STYLES}`, patterns(), main);
}
