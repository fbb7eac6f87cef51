/*
 * The harness of the deadline phrasing tables (test/deadline-phrasings*.test.ts): the row shape, the shorthands and
 * one scoring run per table, so that every table is judged by the same fields.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type DeadlineKind, type DeadlinePeriod, interpretDeadline } from '../src/facts/deadline';

export interface Expected {
  kind: DeadlineKind | DeadlineKind[];
  date?: string;
  earliestStart?: string;
  asksLaterStart?: boolean;
  period?: DeadlinePeriod;
}
export type Row = [text: string | undefined, dischargeDate: string | undefined, planDate: string | undefined, expected: Expected];

export const D = '2019-03-05'; // discharge, a Tuesday (ISO week 10)
export const P = '2019-03-04'; // authorisation the day before, a Monday

// shorthands for the expectations
export const abs = (date: string, more: Partial<Expected> = {}): Expected => ({ kind: 'absolute', date, asksLaterStart: false, ...more });
export const rel = (date: string | undefined, more: Partial<Expected> = {}): Expected => ({
  kind: 'relative',
  date,
  asksLaterStart: false,
  ...more,
});
export const earliest = (earliestStart: string | undefined): Expected => ({ kind: 'none', earliestStart, asksLaterStart: true });
export const ASAP: Expected = { kind: 'asap', asksLaterStart: false };
export const NONE: Expected = { kind: 'none', asksLaterStart: false };
export const UNREADABLE: Expected = { kind: 'unreadable' };
export const UNREADABLE_LATER: Expected = { kind: 'unreadable', asksLaterStart: true };
export const day = (amount: number): DeadlinePeriod => ({ amount, unit: 'day' });
export const week = (amount: number): DeadlinePeriod => ({ amount, unit: 'week' });
export const month = (amount: number): DeadlinePeriod => ({ amount, unit: 'month' });
export const workingDay = (amount: number): DeadlinePeriod => ({ amount, unit: 'workingDay' });
export const hour = (amount: number): DeadlinePeriod => ({ amount, unit: 'hour' });

/** The fields a row asserts, as returned and as expected, so one toEqual shows the whole difference. */
function compare(text: string | undefined, dischargeDate: string | undefined, planDate: string | undefined, expected: Expected) {
  const result = interpretDeadline(text, { dischargeDate, planDate });
  const kinds = Array.isArray(expected.kind) ? expected.kind : [expected.kind];
  const got: Record<string, unknown> = {
    kind: result.kind,
    date: result.date,
    earliestStart: result.earliestStart,
    explained: Boolean(result.explanation?.da?.trim()) && Boolean(result.explanation?.en?.trim()),
  };
  const want: Record<string, unknown> = {
    kind: kinds.includes(result.kind) ? result.kind : expected.kind,
    date: expected.date,
    earliestStart: expected.earliestStart,
    explained: true,
  };
  if (expected.asksLaterStart !== undefined) {
    got.asksLaterStart = result.asksLaterStart;
    want.asksLaterStart = expected.asksLaterStart;
  }
  if (expected.period !== undefined) {
    got.period = result.period;
    want.period = expected.period;
  }
  // the safety property: an unreadable text never gets a date, whatever the row expected
  if (kinds.includes('unreadable') || result.kind === 'unreadable') {
    got.unreadableHasNoDate = result.date === undefined && result.earliestStart === undefined;
    want.unreadableHasNoDate = true;
  }
  return { got, want };
}

function isEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

/** One describe per table: a test per row, a count check, and the score printed at the end. */
export function runTable(title: string, CATEGORIES: [string, Row[]][], minimum: { rows: number; unreadable: number }): void {
  const score = new Map<string, { pass: number; total: number }>(CATEGORIES.map(([name, rows]) => [name, { pass: 0, total: rows.length }]));
  describe(title, () => {
    for (const [name, rows] of CATEGORIES) {
      describe(name, () => {
        it.each(rows)('%s', (text, dischargeDate, planDate, expected) => {
          const { got, want } = compare(text, dischargeDate, planDate, expected);
          if (isEqual(got, want)) score.get(name)!.pass++;
          expect(got).toEqual(want);
        });
      });
    }

    it('has enough rows', () => {
      const total = CATEGORIES.reduce((n, [, rows]) => n + rows.length, 0);
      expect(total).toBeGreaterThanOrEqual(minimum.rows);
      const unreadable = CATEGORIES.flatMap(([, rows]) => rows).filter(([, , , e]) => e.kind === 'unreadable').length;
      expect(unreadable).toBeGreaterThanOrEqual(minimum.unreadable);
    });

    afterAll(() => {
      const lines: string[] = [];
      let pass = 0;
      let total = 0;
      for (const [name, s] of score) {
        lines.push(
          `  ${name.padEnd(22)} ${String(s.pass).padStart(3)} / ${String(s.total).padEnd(3)} (${((100 * s.pass) / s.total).toFixed(1)}%)`,
        );
        pass += s.pass;
        total += s.total;
      }
      lines.push(`  ${'all'.padEnd(22)} ${String(pass).padStart(3)} / ${String(total).padEnd(3)} (${((100 * pass) / total).toFixed(1)}%)`);
      console.log(`${title}, read right:\n${lines.join('\n')}`);
    });
  });
}
