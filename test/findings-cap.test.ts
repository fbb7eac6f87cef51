// maxFindings: a report lists at most that many findings, the first in document order, and one GOP-INPUT-008 that
// counts the rest by severity; counts and valid are decided on every finding. Findings past the cap are not rendered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGop, parseGop, rulesById, type Counts, type Finding, type GopMessage, type Report } from '../src/index';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const ALL = { maxFindings: 1_000_000 };
const CAP = 'GOP-INPUT-008';

/** minimal.xml with `phones` patient phone numbers that are no number and have no known code (GOP-FORMAT-005 and GOP-CODE-001 each), and `unknown` unknown elements in the envelope (GOP-STRUCT-003, the reader's). */
function noisy(phones: number, unknown = 0): string {
  const phone = (i: number) =>
    `<TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>x${i}</mm100:TelephoneSubscriberIdentifier><TelephoneSubscriberCode>y</TelephoneSubscriberCode></TelephoneSubscriber>\n`;
  return MIN.replace('</Patient>', `${Array.from({ length: phones }, (_, i) => phone(i)).join('')}</Patient>`).replace(
    '</mm100:Envelope>',
    `${'<Kaffe/>\n'.repeat(unknown)}</mm100:Envelope>`,
  );
}

const bySeverity = (findings: Finding[]): Counts => {
  const counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
};
const minus = (a: Counts, b: Counts): Counts => ({
  fatal: a.fatal - b.fatal,
  error: a.error - b.error,
  warning: a.warning - b.warning,
  info: a.info - b.info,
});
const total = (c: Counts) => c.fatal + c.error + c.warning + c.info;

/** The report's order: findings without a line first, then by line, column (none first), layer. */
const LAYER = { input: 0, structure: 1, format: 2, code: 3, law: 4 } as const;
const inOrder = (findings: Finding[]) =>
  findings.every((f, i) => {
    if (i === 0) return true;
    const e = findings[i - 1]!;
    const key = (x: Finding) => [x.line ?? 0, x.line ? (x.column ?? 0) : 0, LAYER[rulesById.get(x.ruleId)!.layer]];
    const [a, b] = [key(e), key(f)];
    return a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! <= b[2]!)));
  });

/** What a capped report must be, given the same message reported whole. */
function expectCapped(capped: Report, full: Report, max: number) {
  expect(capped.findings).toHaveLength(max + 1);
  const cap = capped.findings.at(-1)!;
  expect(cap.ruleId).toBe(CAP);
  expect(cap.severity).toBe('info');
  const shown = capped.findings.slice(0, -1);
  // the first `max` in the report's order, exactly as the whole report has them
  expect(shown).toEqual(full.findings.slice(0, max));
  const omitted = minus(full.counts, bySeverity(shown));
  expect(capped.omitted).toEqual(omitted);
  expect(capped.counts).toEqual({ ...full.counts, info: full.counts.info + 1 });
  expect(capped.valid).toBe(full.valid);
  expect(cap.message).toContain(`first ${max} findings are listed; ${total(omitted)} more are left out`);
  if (omitted.error) expect(cap.message).toContain(`${omitted.error} error${omitted.error === 1 ? '' : 's'}`);
  if (omitted.warning) expect(cap.message).toContain(`${omitted.warning} warning${omitted.warning === 1 ? '' : 's'}`);
  expect(cap.messageDa).toContain(`${total(omitted)} flere er udeladt`);
  expect(cap.line).toBeUndefined();
}

/** A rule's message table whose every rendering is counted. */
function counting<T extends Record<string, { en: (d: never) => string; da: (d: never) => string }>>(table: T, count: () => void): T {
  const wrap = (render: (d: never) => string) => (d: never) => {
    count();
    return render(d);
  };
  return Object.fromEntries(Object.entries(table).map(([id, texts]) => [id, { en: wrap(texts.en), da: wrap(texts.da) }])) as T;
}

describe('a message with more findings than maxFindings', () => {
  const xml = noisy(2_500, 1_000); // 5,000 from the rules, 1,000 from the reader
  const full = checkGop(xml, ALL);

  it('the whole report has them all, in document order, and no cap finding', () => {
    expect(full.findings.length).toBeGreaterThan(5_000);
    expect(full.counts).toEqual(bySeverity(full.findings));
    expect(full.findings.some((f) => f.ruleId === CAP)).toBe(false);
    expect(full.omitted).toBeUndefined();
    expect(inOrder(full.findings)).toBe(true);
  });

  it('by default lists 1,000 of them and one GOP-INPUT-008 with the numbers left out, by severity', () => {
    expectCapped(checkGop(xml), full, 1000);
  });

  it.each([1, 10, 999, 1_001, 3_333])('maxFindings %d', (max) => {
    expectCapped(checkGop(xml, { maxFindings: max }), full, max);
  });

  it('exactly as many as the cap: no cap finding; one more: one left out', () => {
    const n = full.findings.length;
    expect(checkGop(xml, { maxFindings: n })).toEqual(full);
    const one = checkGop(xml, { maxFindings: n - 1 });
    expectCapped(one, full, n - 1);
    expect(total(one.omitted!)).toBe(1);
  });

  it('the report is small: its JSON shrinks with the cap', () => {
    const size = (r: Report) => JSON.stringify(r).length;
    expect(size(checkGop(xml, { maxFindings: 100 }))).toBeLessThan(size(full) / 20);
  });

  it("'off' findings take no place, and are not counted", () => {
    const settings = { severity: { 'GOP-STRUCT-003': 'off' as const, 'GOP-CODE-001': 'info' as const } };
    const whole = checkGop(xml, { ...settings, ...ALL });
    expect(whole.findings.some((f) => f.ruleId === 'GOP-STRUCT-003')).toBe(false);
    const capped = checkGop(xml, { ...settings, maxFindings: 50 });
    expectCapped(capped, whole, 50);
    expect(capped.findings.filter((f) => f.ruleId === 'GOP-CODE-001').every((f) => f.severity === 'info')).toBe(true);
  });

  it('the cap finding takes a severity setting like any other non-fatal rule: off hides it, the numbers stay', () => {
    const off = checkGop(xml, { maxFindings: 10, severity: { [CAP]: 'off' } });
    expect(off.findings).toHaveLength(10);
    expect(off.findings).toEqual(full.findings.slice(0, 10));
    expect(off.counts).toEqual(full.counts);
    expect(off.omitted).toEqual(minus(full.counts, bySeverity(off.findings)));
  });

  it('left out findings are counted, not rendered: a rule renders its texts only for those kept', () => {
    const rule = rulesById.get('GOP-FORMAT-005')!;
    const original = rule.messages;
    let rendered = 0;
    rule.messages = counting(original, () => rendered++);
    try {
      const capped = checkGop(xml, { maxFindings: 10 });
      const kept = capped.findings.filter((f) => f.ruleId === 'GOP-FORMAT-005').length;
      expect(rendered).toBe(2 * kept); // en and da of each kept finding, none of the 2,490 others
      rendered = 0;
      checkGop(xml, ALL);
      expect(rendered).toBe(2 * full.findings.filter((f) => f.ruleId === 'GOP-FORMAT-005').length);
    } finally {
      rule.messages = original;
    }
  });

  it("the reader's findings past the cap are not rendered either, in checkGop and parseGop", () => {
    const many = noisy(0, 5_000); // 5,000 unknown elements: GOP-STRUCT-003, reported by the reader's binder
    const rule = rulesById.get('GOP-STRUCT-003')!;
    const original = rule.messages;
    let rendered = 0;
    rule.messages = counting(original, () => rendered++);
    const unknown = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'GOP-STRUCT-003').length;
    try {
      const capped = checkGop(many, { maxFindings: 10 });
      expect(capped.counts.warning).toBeGreaterThanOrEqual(5_000);
      expect(unknown(capped.findings)).toBe(10);
      expect(rendered).toBe(2 * 10); // en and da of each kept finding, none of the 4,990 others
      rendered = 0;
      const parsed = parseGop(many, { maxFindings: 10 });
      expect(parsed.findings.at(-1)!.ruleId).toBe(CAP);
      expect(rendered).toBe(2 * unknown(parsed.findings));
      rendered = 0;
      const whole = checkGop(many, ALL);
      expect(unknown(whole.findings)).toBe(5_000);
      expect(rendered).toBe(2 * 5_000);
    } finally {
      rule.messages = original;
    }
  });

  it('redaction applies to the findings kept', () => {
    const capped = checkGop(xml, { maxFindings: 20, redact: true });
    expect(capped.redacted).toBe(true);
    expect(capped.findings.at(-1)!.ruleId).toBe(CAP);
    expect(capped.findings.slice(0, -1)).toEqual(checkGop(xml, { redact: true, ...ALL }).findings.slice(0, 20));
  });
});

describe('valid is decided on every finding, those left out too', () => {
  it('an error past the cap makes the message invalid', () => {
    // warnings first (unknown elements in the envelope), one error at the end (a discharge date that does not exist)
    const xml = noisy(0, 30).replace('<Date>2019-03-05</Date>\n      </ExpectedEnd>', '<Date>2019-02-30</Date>\n      </ExpectedEnd>');
    const full = checkGop(xml, ALL);
    expect(full.findings.at(-1)!.severity).toBe('error');
    const capped = checkGop(xml, { maxFindings: 5 });
    expect(capped.findings.slice(0, -1).every((f) => f.severity === 'warning')).toBe(true);
    expect(capped.valid).toBe(false);
    expect(capped.counts.error).toBe(1);
    expect(capped.omitted!.error).toBe(1);
    expectCapped(capped, full, 5);
  });

  it('a message with only warnings stays valid however many: the cap finding is info', () => {
    const capped = checkGop(noisy(0, 40), { maxFindings: 3 });
    expect(capped.valid).toBe(true);
    expect(capped.counts).toEqual({ fatal: 0, error: 0, warning: 40, info: 1 });
  });

  it('under the cap: no cap finding, no omitted', () => {
    const r = checkGop(noisy(3, 2));
    expect(r.findings).toHaveLength(8);
    expect(r.findings.some((f) => f.ruleId === CAP)).toBe(false);
    expect(r.omitted).toBeUndefined();
    expect(r.counts).toEqual(bySeverity(r.findings));
    expect(checkGop(MIN).findings).toEqual([]);
  });
});

describe('validateGop and parseGop', () => {
  const parsed = parseGop(noisy(600));
  if (!parsed.ok) throw new Error('the noisy message does not read');
  const message: GopMessage = parsed.message;

  it('validateGop caps the same way, with or without a source', () => {
    for (const source of [parsed.source, undefined]) {
      const full = checkGop(message, { source, ...ALL });
      expect(full.findings).toHaveLength(1200);
      expect(inOrder(full.findings)).toBe(true);
      expectCapped(checkGop(message, { source, maxFindings: 77 }), full, 77);
    }
  });

  it('validateGop: without a source (no lines) the order is layer, then as produced', () => {
    const full = checkGop(message, ALL);
    expect(full.findings.every((f) => f.line === undefined)).toBe(true);
    const layers = full.findings.map((f) => LAYER[rulesById.get(f.ruleId)!.layer]);
    expect(layers).toEqual([...layers].sort((a, b) => a - b));
  });

  it('validateGop: the structure findings of an object built in code are capped too', () => {
    const built = {
      ...message,
      rehabilitationPlan: {
        ...message.rehabilitationPlan,
        ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra${i}`, 'x'])),
      },
    };
    const full = checkGop(built as never, ALL);
    expect(full.findings.filter((f) => f.ruleId === 'GOP-STRUCT-003')).toHaveLength(300);
    expectCapped(checkGop(built as never, { maxFindings: 100 }), full, 100);
  });

  it('parseGop lists the first maxFindings in document order, as checkGop does, and one GOP-INPUT-008', () => {
    const xml = noisy(0, 2_000);
    const whole = parseGop(xml, ALL);
    expect(whole.findings).toHaveLength(2_000);
    const capped = parseGop(xml, { maxFindings: 100 });
    expect(capped.ok).toBe(true);
    expect(capped.findings).toHaveLength(101);
    expect(capped.findings.slice(0, 100)).toEqual(whole.findings.slice(0, 100));
    expect(capped.findings[100]).toMatchObject({ ruleId: CAP, severity: 'info' });
    expect(capped.findings[100]!.message).toContain('1900 more are left out (1900 warnings)');
    expect(parseGop(xml).findings).toHaveLength(1001); // the default
    // checkGop still sees them all
    expect(checkGop(xml, { maxFindings: 100 }).counts.warning).toBe(2_000);
  });
});

/** 1-based line and column of the first `needle` in `text`. */
function at(text: string, needle: string): [number, number] {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return [before.length, before.at(-1)!.length + 1];
}

describe('document order', () => {
  it('by line, then column, then layer; findings without a line first', () => {
    // line 6: a bad time (GOP-FORMAT-002); line 22: a bad EAN (GOP-FORMAT-004); an unknown element (GOP-STRUCT-003) on line 22 after it
    const xml = MIN.replace('<mm100:Time>10:02</mm100:Time>', '<mm100:Time>24:15</mm100:Time>')
      .replace(
        '<mm100:EANIdentifier>5790002724510</mm100:EANIdentifier>',
        '<mm100:EANIdentifier>5790002724511</mm100:EANIdentifier><Kaffe/>',
      )
      .replace(
        '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>',
        '<TypeOfRehabilitationPlan>avanceret</TypeOfRehabilitationPlan>',
      );
    const r = checkGop(xml);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['GOP-FORMAT-002', ...at(xml, '<mm100:Time>24:15')],
      ['GOP-FORMAT-004', ...at(xml, '<mm100:EANIdentifier>5790002724511')],
      ['GOP-STRUCT-003', ...at(xml, '<Kaffe/>')],
      ['GOP-LAW-001', ...at(xml, '<TypeOfRehabilitationPlan>')],
    ]);
    expect(at(xml, '<Kaffe/>')[0]).toBe(at(xml, '<mm100:EANIdentifier>5790002724511')[0]); // one line, two columns
    // on the same line and column the layer decides: an unknown attribute (structure) and a bad time (format) of one element
    const same = MIN.replace('<mm100:Time>10:02</mm100:Time>', '<mm100:Time zone="x">24:15</mm100:Time>');
    const time = at(same, '<mm100:Time zone');
    expect(checkGop(same).findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['GOP-STRUCT-003', ...time],
      ['GOP-FORMAT-002', ...time],
    ]);
    // and a message built in code (no lines): layer by layer
    const parsed = parseGop(xml);
    expect(checkGop(parsed.ok ? parsed.message : parsed.partial!).findings.map((f) => f.ruleId)).toEqual([
      'GOP-FORMAT-002',
      'GOP-FORMAT-004',
      'GOP-LAW-001',
    ]);
  });
});
