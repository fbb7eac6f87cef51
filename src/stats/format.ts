import type { Language } from '../texts/languages';
import { visibleControls } from '../values/controls';
import type { PlanSummary } from './schema';
import { periodLabel, shareOf, SUMMARY_WORDS } from './words';

/*
 * The summary as text for people (da/en), as JSON (the summary as it is) and as CSV (one row per period). The HTML
 * report is html.ts. A sender's name is message text: in the text it passes through visibleControls (terminal safety).
 */

export const SUMMARY_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

const LEVELS = ['almen', 'specialiseret', 'rehabilitering', 'unknown'] as const;
const FOLLOW_UP = ['startedWithin', 'startedLate', 'notStarted', 'unknown'] as const;

/** The summary as the JSON document PlanSummarySchema describes, one trailing newline. */
export const summaryJson = (summary: PlanSummary): string => `${JSON.stringify(summary, null, 2)}\n`;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The CSV's columns, in order: period, then counts only. */
const SUMMARY_CSV_HEADER = ['period', 'plans', ...LEVELS, 'basal', 'avanceret'] as const;

/**
 * One row per period (RFC 4180: comma-separated, CRLF line ends, a header row): the period's code ('2024-03', '2024-Q1',
 * '2024' or 'unknown'), then its counts as whole numbers. No `;` anywhere, no names: a spreadsheet in any locale reads it.
 */
export function summaryCsv(summary: PlanSummary): string {
  const lines = [SUMMARY_CSV_HEADER.join(',')];
  for (const p of summary.periods)
    lines.push([p.period, p.plans, ...LEVELS.map((l) => p.levels[l]), p.decided.basal, p.decided.avanceret].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The summary as lines for people, in `language`. */
export function summaryText(summary: PlanSummary, language: Language = 'da'): string {
  const w = SUMMARY_WORDS[language];
  const share = (part: number, whole: number) => shareOf(part, whole, language) ?? w.none;
  const out: string[] = [w.title, ''];
  out.push(`${w.plans}: ${summary.plans} (${w.keyless}: ${summary.keyless})`);
  out.push(`${w.unreadable}: ${summary.unreadable}`);
  out.push(`${w.duplicates}: ${summary.duplicates}`);
  out.push('', `${w.levelsHeading} (${w.by.toLowerCase()}: ${w.unit[summary.by]})`);
  if (summary.periods.length === 0) out.push(`  ${w.noPlans}`);
  const width = Math.max(0, ...summary.periods.map((p) => periodLabel(p.period, language).length));
  for (const p of summary.periods) {
    const levels = LEVELS.map((l) => `${w.level[l]} ${p.levels[l]}`).join(', ');
    const decided = `${w.decided.basal} ${p.decided.basal}, ${w.decided.avanceret} ${p.decided.avanceret}`;
    out.push(`  ${periodLabel(p.period, language).padEnd(width)}  ${w.plans.toLowerCase()} ${p.plans}: ${levels}; ${decided}`);
  }
  const followUps: [string, PlanSummary['guarantee'] | NonNullable<PlanSummary['standard']>][] = [[w.guarantee, summary.guarantee]];
  if (summary.standard) followUps.push([w.standard(visibleControls(summary.standard.name)), summary.standard]);
  for (const [title, f] of followUps) {
    out.push('', title);
    out.push(`  ${w.applies}: ${f.applies}`);
    for (const key of FOLLOW_UP) out.push(`  ${w.followUp[key]}: ${f[key]} (${share(f[key], f.applies)})`);
    const reasons = (Object.keys(f.unknownReasons) as (keyof typeof f.unknownReasons)[]).filter((r) => f.unknownReasons[r] > 0);
    if (reasons.length) out.push(`  ${w.unknownWhy}: ${reasons.map((r) => `${w.reasons[r]} ${f.unknownReasons[r]}`).join('; ')}`);
    out.push(`  ${w.notDetermined}: ${f.notDetermined}`);
  }
  if (!summary.standard) out.push('', w.noStandard);
  const days = summary.daysToStart;
  out.push('', w.daysHeading);
  out.push(
    days.plans === 0
      ? `  ${w.noStarts}`
      : `  ${w.withStart}: ${days.plans}; ${w.median}: ${days.median ?? w.none}; ${w.p90}: ${days.p90 ?? w.none}`,
  );
  out.push('', w.sendersHeading);
  for (const s of summary.senders) out.push(`  ${s.ean ?? w.eanUnknown}  ${s.plans}${s.name ? `  ${visibleControls(s.name)}` : ''}`);
  out.push('', w.deadlinesHeading);
  for (const kind of Object.keys(summary.deadlines) as (keyof PlanSummary['deadlines'])[])
    out.push(`  ${w.deadline[kind]}: ${summary.deadlines[kind]}`);
  out.push('', w.startsHeading);
  for (const key of Object.keys(summary.starts) as (keyof PlanSummary['starts'])[]) out.push(`  ${w.starts[key]}: ${summary.starts[key]}`);
  return `${out.join('\n')}\n`;
}
