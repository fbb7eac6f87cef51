// testRule(rule, { valid, invalid }): one rule's cases, as ESLint's RuleTester and stylelint's per-rule tests keep them.
// A valid case is a message on which the rule stays silent; an invalid case lists exactly the findings of this rule
// (other rules' findings are ignored unless the case or the file names them in `others`). Every message goes through
// the public checkGop: text or bytes, or a message object for what only an object can hold.
import { describe, expect, it } from 'vitest';
import { checkGop, type CheckOptions, type Finding, type Report, type Rule, type Severity } from '../../src/index';
import { at } from './plan';

type DataValue = string | number | boolean;

/** The message of a case: XML text or bytes, or a message object. */
type Input = { xml: string | Uint8Array; model?: never } | { model: unknown; xml?: never };

type Case = Input & {
  name: string;
  options?: CheckOptions;
  /** every other rule's findings, by id (in any order); left out: the file's `others`, or not looked at */
  others?: readonly string[];
  /** runs before the check; what it returns runs after it (e.g. a rule made to throw) */
  setup?: () => () => void;
};

interface Expected<K extends string = string> {
  messageId: K;
  path?: string;
  /** the start tags leading to the one the finding points at (see `at` in ./plan): its line and column */
  at?: readonly string[];
  /** a subset of the finding's data; a RegExp matches a text */
  data?: Record<string, DataValue | RegExp>;
  /** default: the rule's severity, or the case's severity setting for it */
  severity?: Severity;
  /** the English text */
  message?: RegExp;
  /** how many findings this line stands for (default 1) */
  count?: number;
}

type InvalidCase<K extends string = string> = Case & { findings: readonly Expected<K>[] };

interface RuleTests<K extends string> {
  /** the default of every case's `others` (e.g. [] for "no other finding at all") */
  others?: readonly string[];
  valid: readonly Case[];
  invalid: readonly InvalidCase<K>[];
}

function run(c: Case): { report: Report; text: string | undefined } {
  const restore = c.setup?.();
  try {
    if (c.model !== undefined) return { report: checkGop(c.model as never, c.options), text: undefined };
    const xml = c.xml!;
    const text = typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
    return { report: checkGop(xml, c.options), text: text.replace(/^\uFEFF/, '') };
  } finally {
    restore?.();
  }
}

const summary = (f: Finding) => ({
  messageId: f.messageId,
  severity: f.severity,
  path: f.path,
  line: f.line,
  column: f.column,
  data: f.data,
});

function matches(finding: Finding, want: Expected, severity: Severity, text: string | undefined): boolean {
  if (finding.messageId !== want.messageId || finding.severity !== severity) return false;
  if (want.path !== undefined && finding.path !== want.path) return false;
  if (want.message && !want.message.test(finding.message)) return false;
  for (const [key, value] of Object.entries(want.data ?? {})) {
    const actual = finding.data[key];
    if (value instanceof RegExp ? typeof actual !== 'string' || !value.test(actual) : actual !== value) return false;
  }
  if (want.at) {
    if (text === undefined) throw new Error(`test setup: "at" needs a message text (${want.messageId})`);
    const where = at(text, ...want.at);
    if (finding.line !== where.line || finding.column !== where.column) return false;
  }
  return true;
}

function expectOthers(report: Report, rule: Rule, others: readonly string[] | undefined) {
  if (others === undefined) return;
  const found = report.findings.filter((f) => f.ruleId !== rule.id).map((f) => f.ruleId);
  expect(found.sort(), "the other rules' findings").toEqual([...others].sort());
}

/** Registers describe(rule.id) with one `it` per case. */
export function testRule<M>(rule: Rule<M>, tests: RuleTests<keyof M & string>): void {
  if (tests.valid.length === 0 || tests.invalid.length === 0) throw new Error(`${rule.id}: testRule needs valid and invalid cases`);
  const severityIn = (c: Case): Severity => {
    const setting = c.options?.severity?.[rule.id];
    return setting === undefined || setting === 'off' ? rule.severity : setting;
  };

  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of tests.valid)
        it(c.name, () => {
          const { report } = run(c);
          expect(report.findings.filter((f) => f.ruleId === rule.id).map(summary)).toEqual([]);
          expectOthers(report, rule, c.others ?? tests.others);
        });
    });

    describe('invalid', () => {
      for (const c of tests.invalid)
        it(c.name, () => {
          const { report, text } = run(c);
          const mine = report.findings.filter((f) => f.ruleId === rule.id);
          const left = [...mine];
          for (const want of c.findings) {
            for (let n = 0; n < (want.count ?? 1); n++) {
              const i = left.findIndex((f) => matches(f, want, want.severity ?? severityIn(c), text));
              expect(
                i,
                `no finding of ${rule.id} like ${JSON.stringify(want)} among ${JSON.stringify(left.map(summary))}`,
              ).toBeGreaterThanOrEqual(0);
              left.splice(i, 1);
            }
          }
          expect(left.map(summary), `findings of ${rule.id} the case does not list`).toEqual([]);
          for (const finding of mine) {
            expect(finding.message.length).toBeGreaterThan(0);
            expect(finding.messageDa.length).toBeGreaterThan(0);
            expect(finding.reference).toBe(rule.reference);
          }
          expectOthers(report, rule, c.others ?? tests.others);
          // valid is decided on every finding: no fatal or error, whichever rule made it
          expect(report.valid).toBe(!report.findings.some((f) => f.severity === 'fatal' || f.severity === 'error'));
        });
    });
  });
}
