import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, parseGop, type Facts, type GopMessage } from '../src/index';
import { computeFacts, FactsSchema, interpretDeadline } from '../src/facts/index';
import { GUARANTEE_DAYS, inForce, inForceFrom, LEGAL_CALENDAR, legalChange, REFERENCES } from '../src/standard/index';
import { FIXTURES_DIR, haveSamples, SAMPLE, tinyMessage, GP_COPY_XML } from './helpers';

// Every expected date below is computed by hand; the comment beside it shows how.
// Plans are valid/minimal.xml (discharge 2019-03-05, level almen, no deadline) with a few fields changed.

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');

/** Sets the text of the element reached by looking for each tag in turn, each after the previous one. */
function setText(xml: string, tags: readonly string[], value: string): string {
  let pos = -1;
  for (const tag of tags) {
    const re = new RegExp(`<${tag}[\\s/>]`, 'g');
    re.lastIndex = pos + 1;
    const m = re.exec(xml);
    if (!m) throw new Error(`test setup: no <${tag}>`);
    pos = m.index;
  }
  const open = xml.indexOf('>', pos);
  return xml.slice(0, open + 1) + value + xml.slice(xml.indexOf('<', open));
}

/** Inserts whole lines before the (unique) line holding `anchor`. */
function before(xml: string, anchor: string, ...lines: string[]): string {
  const at = xml.indexOf(anchor);
  if (at < 0 || xml.indexOf(anchor, at + 1) >= 0) throw new Error(`test setup: "${anchor}" is not unique`);
  const lineStart = xml.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(xml.slice(lineStart))![0];
  return xml.slice(0, lineStart) + lines.map((l) => `${indent}${l}\n`).join('') + xml.slice(lineStart);
}

interface PlanSpec {
  discharge?: string;
  level?: 'almen' | 'specialiseret' | 'rehabilitering';
  deadline?: string;
}

/** A lawful plan: admitted, authorised, sent and discharged on `discharge`, with the level and deadline given. */
function plan({ discharge = '2019-03-05', level = 'almen', deadline }: PlanSpec = {}): string {
  let xml = MIN;
  for (const tags of [
    ['ExpectedEnd', 'Date'],
    ['Start', 'Date'],
    ['Authorisation', 'mm100:Date'],
    ['mm100:Sent', 'mm100:Date'],
  ])
    xml = setText(xml, tags, discharge);
  xml = setText(xml, ['TypeOfRehabilitationPlan'], level);
  if (level === 'rehabilitering')
    xml = before(
      xml,
      '<RehabilitationNeedAndPotential>',
      '<AbilityAtDischargeExtended>Samlet funktionsevne og behov beskrevet.</AbilityAtDischargeExtended>',
    );
  if (deadline !== undefined) xml = before(xml, '<CurrentHospitalContact>', `<RehabilitationDeadline>${deadline}</RehabilitationDeadline>`);
  return xml;
}

type FactOptions = { referenceDate?: string | Date; timeZone?: string };

function messageOf(xml: string) {
  const parsed = parseGop(xml);
  const message = parsed.ok ? parsed.message : parsed.partial;
  if (!message) throw new Error(`test setup: the message does not read: ${parsed.findings.map((f) => f.message).join('; ')}`);
  return message;
}

/** The facts, computed directly by computeFacts and through checkGop: both must agree and fit FactsSchema. */
function factsOf(xml: string, options: FactOptions = {}): Facts {
  const direct = computeFacts(messageOf(xml), options);
  expect(checkGop(xml, options).facts).toEqual(direct);
  expect(FactsSchema.safeParse(direct).success).toBe(true);
  return direct;
}

const ruleIds = (xml: string) => checkGop(xml).findings.map((f) => f.ruleId);

// ---------------------------------------------------------------------------------------------

describe('guaranteedStartBy (Sundhedsloven § 140 stk. 4: discharge + 7 calendar days, from 1 July 2018, almen and rehabilitering)', () => {
  // The discharge day is day 0: a start offered on discharge + 7 keeps the guarantee, so guaranteedStartBy is that day.
  const rows: [name: string, spec: PlanSpec, expected: Partial<Facts>][] = [
    ['discharged 2018-06-30, the day before the rule', { discharge: '2018-06-30' }, { guaranteedStartBy: undefined }],
    ['discharged 2018-07-01, the first day of the rule', { discharge: '2018-07-01' }, { guaranteedStartBy: '2018-07-08' }], // 1 + 7
    [
      'level specialiseret (at the hospital): no guarantee',
      { level: 'specialiseret' },
      { guaranteedStartBy: undefined, provider: 'hospital' },
    ],
    [
      'level rehabilitering (in the municipality)',
      { level: 'rehabilitering' },
      { guaranteedStartBy: '2019-03-12', provider: 'municipality' },
    ], // 5 + 7
    ['level almen', { level: 'almen' }, { guaranteedStartBy: '2019-03-12', provider: 'municipality' }],
    ['across the year end', { discharge: '2018-12-28' }, { guaranteedStartBy: '2019-01-04' }], // 29, 30, 31, 1, 2, 3, 4
    ["discharged on New Year's Eve", { discharge: '2019-12-31' }, { guaranteedStartBy: '2020-01-07' }], // 1, 2, 3, 4, 5, 6, 7
    ['discharged on 25 December', { discharge: '2019-12-25' }, { guaranteedStartBy: '2020-01-01' }], // 26 … 31, 1
    ['across a leap day', { discharge: '2020-02-25' }, { guaranteedStartBy: '2020-03-03' }], // 26, 27, 28, 29, 1, 2, 3
    ['across the end of a common February', { discharge: '2019-02-25' }, { guaranteedStartBy: '2019-03-04' }], // 26, 27, 28, 1, 2, 3, 4
    // a later start the plan asks for: the 7 days run from there, and it is no latest deadline
    [
      '"tidligst 14 dage efter udskrivelse"',
      { deadline: 'tidligst 14 dage efter udskrivelse' },
      { earliestStart: '2019-03-19', guaranteedStartBy: '2019-03-26', mustStartBy: undefined },
    ], // 5 + 14 = 19; 19 + 7 = 26
    [
      '"ikke før 2 uger efter udskrivelse"',
      { deadline: 'ikke før 2 uger efter udskrivelse' },
      { earliestStart: '2019-03-19', guaranteedStartBy: '2019-03-26', mustStartBy: undefined },
    ],
    [
      '"tidligst 01.04.2019"',
      { deadline: 'tidligst 01.04.2019' },
      { earliestStart: '2019-04-01', guaranteedStartBy: '2019-04-08', mustStartBy: undefined },
    ], // 1 April + 7
    [
      '"tidligst 01.03.2019", before the discharge: the 7 days run from discharge',
      { deadline: 'tidligst 01.03.2019' },
      { earliestStart: '2019-03-01', guaranteedStartBy: '2019-03-12' },
    ],
    [
      '"tidligst 05.03.2019", the discharge day itself: from discharge',
      { deadline: 'tidligst 05.03.2019' },
      { earliestStart: '2019-03-05', guaranteedStartBy: '2019-03-12' },
    ],
    [
      '"tidligst 27.12.2019" across the year end',
      { discharge: '2019-12-20', deadline: 'tidligst 27.12.2019' },
      { earliestStart: '2019-12-27', guaranteedStartBy: '2020-01-03' },
    ], // 28, 29, 30, 31, 1, 2, 3
    [
      '"tidligst 01.04.2019" at level specialiseret: still no guarantee',
      { level: 'specialiseret', deadline: 'tidligst 01.04.2019' },
      { earliestStart: '2019-04-01', guaranteedStartBy: undefined },
    ],
    [
      'a later start and a deadline: both dates',
      { deadline: 'tidligst 01.04.2019 og senest 15.04.2019' },
      { earliestStart: '2019-04-01', mustStartBy: '2019-04-15', guaranteedStartBy: '2019-04-08' },
    ],
  ];

  it.each(rows)('%s', (_name, spec, expected) => {
    const xml = plan(spec);
    const facts = factsOf(xml);
    for (const [key, value] of Object.entries(expected)) expect(facts[key as keyof Facts], key).toEqual(value);
    expect(facts.guarantee.applies).toBe(facts.guaranteedStartBy !== undefined);
    if (facts.guaranteedStartBy) {
      expect(facts.guarantee.explanation.da).toContain(`senest ${facts.guaranteedStartBy}`);
      expect(facts.guarantee.explanation.en).toContain(`by ${facts.guaranteedStartBy}`);
    }
    expect(ruleIds(xml)).toEqual([]); // each of these plans is lawful as it stands
  });

  it('guarantee says what the 7 days run from, and why there is no date', () => {
    expect(factsOf(plan()).guarantee).toEqual({
      applies: true,
      from: 'discharge',
      explanation: {
        da: 'Kommunen skal tilbyde opstart senest 2019-03-12, 7 dage efter udskrivelsen 2019-03-05 (genoptræningsgarantien, sundhedsloven § 140, stk. 4); ellers kan borgeren vælge en privat leverandør.',
        en: 'The municipality must offer a start by 2019-03-12, 7 days after discharge on 2019-03-05 (the rehabilitation guarantee, Health Act s. 140(4)); otherwise the citizen may choose a private provider.',
      },
    });
    const later = factsOf(plan({ deadline: 'tidligst 01.04.2019' })).guarantee;
    expect(later).toMatchObject({ applies: true, from: 'laterStart' });
    expect(later.explanation.da).toContain('tidligst 2019-04-01');
    expect(later.explanation.en).toContain('no earlier than 2019-04-01');
    const notAfter = factsOf(plan({ deadline: 'tidligst 01.03.2019' })).guarantee;
    expect(notAfter).toMatchObject({ applies: true, from: 'discharge' });
    expect(notAfter.explanation.en).toMatch(
      /must offer a start by 2019-03-12, .* The earliest start the plan asks for, 2019-03-01, is not after discharge\.$/,
    );
    expect(notAfter.explanation.da).toMatch(/Planens tidligste opstart, 2019-03-01, ligger ikke efter udskrivelsen\.$/);

    const before = factsOf(plan({ discharge: '2018-06-30' })).guarantee;
    expect(before).not.toHaveProperty('from');
    expect(before).toMatchObject({ applies: false });
    expect(before.explanation.da).toContain('udskrevet 2018-06-30, før genoptræningsgarantien');
    expect(before.explanation.en).toContain('came into force on 1 July 2018');
    const hospital = factsOf(plan({ level: 'specialiseret' })).guarantee;
    expect(hospital).toMatchObject({ applies: false });
    expect(hospital.explanation.en).toMatch(/takes place at the hospital/);
    expect(hospital.explanation.da).toMatch(/foregår på sygehuset/);
  });

  it('a later start whose date cannot be read: no guaranteedStartBy, and the facts say why', () => {
    const xml = plan({ deadline: 'tidligst når såret er helet' });
    const facts = factsOf(xml);
    expect(facts).not.toHaveProperty('guaranteedStartBy');
    expect(facts).not.toHaveProperty('earliestStart');
    expect(facts.guarantee).toMatchObject({ applies: true, ifNoLaterStart: '2019-03-12' });
    expect(facts.guarantee).not.toHaveProperty('from');
    expect(facts.guarantee.explanation.en).toMatch(/could not be read and seems to make the start depend on something later/);
    expect(facts.guarantee.explanation.en).toMatch(
      /only if the plan asks for no later start: then the latest start to offer is 2019-03-12/,
    );
    expect(facts.guarantee.explanation.da).toMatch(/kan ikke læses sikkert og ser ud til/);
    expect(ruleIds(xml)).toEqual(['GOP-LAW-008']); // and the reader says the deadline cannot be read
  });

  it.each([
    ['an unreadable text without any later-start word', 'senest 12/3 eller 19/3'],
    ['a condition on the start', 'efter kontrol i ambulatoriet'],
    ['an approximation', 'ca. 2 uger efter udskr.'],
    ['a window written as a range of days', 'i perioden 11.-22. marts'],
  ])('%s: no guaranteedStartBy, only the date if no later start is asked', (_name, deadline) => {
    const facts = factsOf(plan({ deadline }));
    expect(facts.deadline.kind).toBe('unreadable');
    expect(facts).not.toHaveProperty('guaranteedStartBy');
    expect(facts.guarantee.applies).toBe(true);
    expect(facts.guarantee.ifNoLaterStart).toBe('2019-03-12');
    expect(facts.guarantee.explanation.en).toMatch(/read the text/);
    expect(facts.guarantee.explanation.da).toMatch(/læs teksten/);
  });

  it.each([
    ['a later start asked for, without a date', 'tidligst 14 dage efter udskrivelsen', undefined],
    ['a named start', 'Opstart 25.03.2019', '2019-04-01'],
    ['a named week', 'opstart uge 12', '2019-03-25'],
    ['no deadline', 'Ingen frist', '2019-03-12'],
    ['as soon as possible after discharge', 'i forlængelse af udskrivelsen', '2019-03-12'],
  ])('%s: the guarantee date only where the reading is certain', (_name, deadline, expected) => {
    const facts = factsOf(plan({ deadline }));
    expect(facts.guaranteedStartBy).toBe(expected ?? '2019-03-26'); // 14 days after discharge, + 7
    expect(facts.guarantee).not.toHaveProperty('ifNoLaterStart');
  });

  it('a later start as a period, with an invalid discharge date: no date, the invalid date named', () => {
    const xml = setText(plan({ deadline: 'tidligst 14 dage efter udskrivelse' }), ['ExpectedEnd', 'Date'], '2019-02-30');
    const facts = factsOf(xml);
    expect(facts).not.toHaveProperty('guaranteedStartBy');
    expect(facts).not.toHaveProperty('earliestStart');
    // the authorisation date (2019-03-05) says the guarantee applies; the date cannot be computed
    expect(facts.guarantee).toEqual({
      applies: true,
      explanation: {
        da: 'Genoptræningsgarantien (sundhedsloven § 140, stk. 4) gælder (planen er godkendt 2019-03-05), men udskrivelsesdatoen "2019-02-30" er ikke en gyldig dato, så den seneste dato for tilbud om opstart kan ikke beregnes.',
        en: 'The rehabilitation guarantee (Health Act s. 140(4)) applies (the plan was authorised on 2019-03-05), but the discharge date "2019-02-30" is not a valid date, so the latest start to offer cannot be computed.',
      },
    });
  });

  it('a later start leaves no latest deadline: kind none, with the later start in the explanation', () => {
    const facts = factsOf(plan({ deadline: 'tidligst 14 dage efter udskrivelse' }));
    expect(facts.deadline.kind).toBe('none');
    expect(facts.deadline.date).toBeUndefined();
    expect(facts.deadline.explanation.en).toContain('2019-03-19');
    expect(facts.deadline.explanation.da).toMatch(/19\. marts 2019|2019-03-19/);
    expect(facts.deadlineText).toBe('tidligst 14 dage efter udskrivelse');
  });

  it('no valid discharge date, no guaranteedStartBy', () => {
    const facts = factsOf(setText(plan(), ['ExpectedEnd', 'Date'], '2019-02-30'));
    expect(facts.dischargeDate).toBeUndefined();
    expect(facts.guaranteedStartBy).toBeUndefined();
    expect(facts.guarantee.explanation.en).toContain('"2019-02-30" is not a valid date');
    // without the discharge and the authorisation date, it cannot be told whether the guarantee applies
    const none = computeFacts({ rehabilitationPlan: { typeOfRehabilitationPlan: 'almen' } });
    expect(none.guarantee.applies).toBe(false);
    expect(none.guarantee.explanation.en).toBe(
      'The discharge date is missing, and the plan has no valid authorisation date, so it cannot be told whether the rehabilitation guarantee (Health Act s. 140(4)) applies.',
    );
    expect(none.guarantee.explanation.da).toBe(
      'Udskrivelsesdatoen mangler, og planen har ingen gyldig godkendelsesdato, så det kan ikke afgøres, om genoptræningsgarantien (sundhedsloven § 140, stk. 4) gælder.',
    );
  });

  it('no valid level: the guarantee cannot be told', () => {
    const facts = factsOf(setText(MIN, ['TypeOfRehabilitationPlan'], 'avanceret'));
    expect(facts).not.toHaveProperty('guaranteedStartBy');
    expect(facts.guarantee.applies).toBe(false);
    expect(facts.guarantee.explanation.en).toMatch(/no valid specialisation level/);
  });

  // Was a bug (fixed): src/facts/facts.ts (earliestStartOf): when the later start is a period and the discharge date is missing or
  // invalid, earliestStartOf gives up and the whole text goes to interpretDeadline, which does not know "tidligst":
  // the deadline becomes kind 'unreadable' and GOP-LAW-008 says it "cannot be read as a date, a period after discharge
  // or a known phrase". "inden for 14 dage" in the same message is read fine (kind relative, no date). Failing case:
  // ExpectedEnd/Date 2019-02-30 and RehabilitationDeadline "tidligst 14 dage efter udskrivelse".
  it('fixed: "tidligst 14 dage efter udskrivelse" stays readable when the discharge date is invalid', () => {
    const xml = setText(plan({ deadline: 'tidligst 14 dage efter udskrivelse' }), ['ExpectedEnd', 'Date'], '2019-02-30');
    expect(ruleIds(xml)).toEqual(['GOP-FORMAT-001']); // the bad date, and nothing about the deadline
    expect(factsOf(xml).deadline.kind).not.toBe('unreadable');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the legal calendar at its edges', () => {
  it('has the three dates of rules.md, each with a reference, and inForce counts the first day', () => {
    expect(LEGAL_CALENDAR.map((c) => [c.key, c.from, c.decidedBy])).toEqual([
      ['order2015', '2015-01-01', 'authorisation'],
      ['guarantee', '2018-07-01', 'discharge'],
      ['regionRehabilitering', '2027-01-01', 'discharge'],
    ]);
    for (const change of LEGAL_CALENDAR) expect(REFERENCES[change.reference].label, change.key).toBeTruthy();
    expect(REFERENCES[legalChange('guarantee').reference].label).toBe('Sundhedsloven § 140 stk. 4');
    expect(GUARANTEE_DAYS).toBe(7);
    expect(inForceFrom('regionRehabilitering')).toBe('2027-01-01');
    expect([
      inForce('order2015', '2014-12-31'),
      inForce('order2015', '2015-01-01'),
      inForce('order2015', '2014-12-31T23:59'),
      inForce('order2015', '2015-01-01T00:00'),
    ]).toEqual([false, true, false, true]);
    expect([inForce('guarantee', '2018-06-30'), inForce('guarantee', '2018-07-01')]).toEqual([false, true]);
    expect([inForce('regionRehabilitering', '2026-12-31'), inForce('regionRehabilitering', '2027-01-01')]).toEqual([false, true]);
  });

  it('provider for rehabilitering: the municipality discharged 2026-12-31, the region from 2027-01-01', () => {
    const last = factsOf(plan({ level: 'rehabilitering', discharge: '2026-12-31' }));
    expect(last).toMatchObject({ provider: 'municipality', guaranteedStartBy: '2027-01-07' }); // across the year end: 1 … 7 January
    expect(last.guarantee.explanation.da).toMatch(/^Kommunen skal tilbyde opstart senest 2027-01-07/);
    const first = factsOf(plan({ level: 'rehabilitering', discharge: '2027-01-01' }));
    expect(first).toMatchObject({ provider: 'region', guaranteedStartBy: '2027-01-08' });
    expect(first.guarantee.explanation.da).toMatch(/^Regionen skal tilbyde opstart senest 2027-01-08/);
    expect(first.guarantee.explanation.en).toMatch(/^The region must offer a start by 2027-01-08/);
    for (const discharge of ['2026-12-31', '2027-01-01'])
      expect(ruleIds(plan({ level: 'rehabilitering', discharge })), discharge).toEqual([]);
  });

  it('the 2027 change moves only rehabilitering: almen stays with the municipality, specialiseret with the hospital', () => {
    expect(factsOf(plan({ level: 'almen', discharge: '2027-01-01' })).provider).toBe('municipality');
    expect(factsOf(plan({ level: 'specialiseret', discharge: '2027-01-01' })).provider).toBe('hospital');
    expect(factsOf(plan({ level: 'specialiseret', discharge: '2027-01-01' }))).not.toHaveProperty('guaranteedStartBy');
  });

  it('provider for rehabilitering without a valid discharge date: the authorisation date decides; without either, none', () => {
    const withAuthorisation = (date: string) =>
      setText(
        setText(plan({ level: 'rehabilitering', discharge: date }), ['ExpectedEnd', 'Date'], '2027-02-30'),
        ['Start', 'Date'],
        '2026-12-01',
      );
    expect(factsOf(withAuthorisation('2026-12-31')).provider).toBe('municipality');
    expect(factsOf(withAuthorisation('2027-01-01')).provider).toBe('region');
    expect(computeFacts({ rehabilitationPlan: { typeOfRehabilitationPlan: 'rehabilitering' } })).not.toHaveProperty('provider');
    // almen and specialiseret need no date
    expect(computeFacts({ rehabilitationPlan: { typeOfRehabilitationPlan: 'almen' } }).provider).toBe('municipality');
    expect(computeFacts({ rehabilitationPlan: { typeOfRehabilitationPlan: 'specialiseret' } }).provider).toBe('hospital');
  });

  it('the guarantee by the discharge date, not the authorisation date: authorised 2018-06-30, discharged 2018-07-01', () => {
    const xml = setText(
      setText(plan({ discharge: '2018-07-01' }), ['Authorisation', 'mm100:Date'], '2018-06-30'),
      ['Start', 'Date'],
      '2018-06-25',
    );
    expect(factsOf(xml)).toMatchObject({ guaranteedStartBy: '2018-07-08', guarantee: { applies: true, from: 'discharge' } });
    // authorised (late) on 2018-07-01 for a discharge on 2018-06-30: still before the rule
    const late = setText(
      setText(plan({ discharge: '2018-06-30' }), ['Authorisation', 'mm100:Date'], '2018-07-01'),
      ['mm100:Sent', 'mm100:Date'],
      '2018-07-01',
    );
    expect(factsOf(late)).not.toHaveProperty('guaranteedStartBy');
    expect(factsOf(late).guarantee.applies).toBe(false);
  });

  it('the old regime by the authorisation date: 2014-12-31 old (GOP-LAW-012), 2015-01-01 the 2015 rules (GOP-LAW-001)', () => {
    const old = setText(plan({ discharge: '2014-12-31' }), ['TypeOfRehabilitationPlan'], 'avanceret');
    expect(ruleIds(old)).toEqual(['GOP-LAW-012']);
    const first = setText(plan({ discharge: '2015-01-01' }), ['TypeOfRehabilitationPlan'], 'avanceret');
    expect(ruleIds(first)).toEqual(['GOP-LAW-001']);
    // an authorisation at 23:59 on 31 December is still the old regime
    expect(ruleIds(setText(setText(old, ['Authorisation', 'mm100:Time'], '23:59'), ['mm100:Sent', 'mm100:Time'], '23:59'))).toEqual([
      'GOP-LAW-012',
    ]);
    // and neither has a guarantee (discharged before 2018-07-01)
    expect(factsOf(old)).not.toHaveProperty('guaranteedStartBy');
    expect(factsOf(first)).not.toHaveProperty('guaranteedStartBy');
  });
});

// ---------------------------------------------------------------------------------------------

describe("mustStartBy: the plan's own deadline", () => {
  const rows: [text: string | undefined, discharge: string, kind: Facts['deadline']['kind'], mustStartBy: string | undefined][] = [
    ['senest 14.03.2019', '2019-03-05', 'absolute', '2019-03-14'],
    ['Senest d. 14. marts 2019', '2019-03-05', 'absolute', '2019-03-14'],
    ['inden for 7 dage', '2019-03-05', 'relative', '2019-03-12'], // 5 + 7
    ['senest 2 uger efter udskrivelsen', '2019-03-05', 'relative', '2019-03-19'], // 5 + 14
    ['1 måned', '2019-01-31', 'relative', '2019-02-28'], // no 31 February: the last day of the month
    // Sun 12 May 2019 → Mon 13 (1), Tue 14 (2), Wed 15 (3), Thu 16 (4), Fri 17 store bededag (Easter 21 April + 26: a
    // holiday), Sat 18, Sun 19, Mon 20 (5)
    ['5 hverdage', '2019-05-12', 'relative', '2019-05-20'],
    ['hurtigst muligt', '2019-03-05', 'asap', undefined],
    ['ingen', '2019-03-05', 'none', undefined],
    [undefined, '2019-03-05', 'none', undefined],
  ];

  it.each(rows)('%j, discharged %s → %s, %s', (text, discharge, kind, mustStartBy) => {
    const xml = plan({ discharge, deadline: text });
    const facts = factsOf(xml);
    expect(facts.deadline.kind).toBe(kind);
    expect(facts.mustStartBy).toBe(mustStartBy);
    expect(facts.deadlineText).toBe(text);
    expect(facts.earliestStart).toBeUndefined();
    if (kind === 'absolute' || kind === 'relative') expect(facts.deadline.date).toBe(mustStartBy);
    expect(ruleIds(xml)).toEqual([]);
  });

  it('"hurtigst muligt" carries no date: no deadline date and no mustStartBy, but the guarantee still runs from discharge', () => {
    const facts = factsOf(plan({ deadline: 'hurtigst muligt' }));
    expect(facts.deadline.kind).toBe('asap');
    expect(facts.deadline).not.toHaveProperty('date');
    expect(facts.mustStartBy).toBeUndefined();
    expect(facts.guaranteedStartBy).toBe('2019-03-12'); // 5 + 7
  });

  it('no RehabilitationDeadline element: kind none, no text, no date', () => {
    const facts = factsOf(MIN);
    expect(facts.deadline.kind).toBe('none');
    expect(facts).not.toHaveProperty('deadlineText');
    expect(facts).not.toHaveProperty('mustStartBy');
  });

  it('an invalid discharge date (2019-02-30): no dischargeDate, and a relative deadline has no date', () => {
    const xml = setText(plan({ deadline: 'inden for 7 dage' }), ['ExpectedEnd', 'Date'], '2019-02-30');
    const facts = factsOf(xml);
    expect(facts.dischargeDate).toBeUndefined();
    expect(facts.deadline.kind).toBe('relative');
    expect(facts.deadline.date).toBeUndefined();
    expect(facts.mustStartBy).toBeUndefined();
    expect(ruleIds(xml)).toEqual(['GOP-FORMAT-001']);
  });

  // Was a bug (fixed): src/facts/facts.ts (computeFacts) passes interpretDeadline the already-validated discharge date, so an invalid
  // one arrives as undefined and the explanation says "the discharge date is missing", although the plan has one,
  // "2019-02-30". interpretDeadline can say so ("the discharge date "2019-02-30" is not a valid date") if given the text.
  it('fixed: the explanation says the discharge date is invalid, not that it is missing', () => {
    const facts = factsOf(setText(plan({ deadline: 'inden for 7 dage' }), ['ExpectedEnd', 'Date'], '2019-02-30'));
    expect(facts.deadline.explanation.en).toContain('2019-02-30');
    expect(facts.deadline.explanation.en).not.toContain('missing');
  });

  it('an absolute deadline needs no discharge date', () => {
    const facts = factsOf(setText(plan({ deadline: 'senest 14.03.2019' }), ['ExpectedEnd', 'Date'], '2019-02-30'));
    expect(facts.mustStartBy).toBe('2019-03-14');
  });

  it('the fixtures: deadline, mustStartBy and guaranteedStartBy', () => {
    const file = (name: string) => readFileSync(`${FIXTURES_DIR}valid/${name}`);
    const rows: [file: string, kind: string, mustStartBy: string | undefined, guaranteedStartBy: string | undefined][] = [
      ['almen-hoftefraktur.xml', 'absolute', '2019-03-14', '2019-03-14'], // "senest 14.03.2019"; discharged 7 March + 7
      ['specialiseret-haandskade.xml', 'relative', '2019-05-20', undefined], // "5 hverdage" from Sun 12 May, see above
      ['rehabilitering-apopleksi.xml', 'relative', '2019-10-25', '2019-10-25'], // "inden for 7 dage" from 18 October
      ['almen-knaealloplastik-latin1.xml', 'asap', undefined, '2019-12-04'], // 27 Nov + 7: 28, 29, 30, 1, 2, 3, 4
      ['almen-vans-wrapped.xml', 'none', undefined, '2019-01-29'], // "ingen"; 22 January + 7
      ['minimal.xml', 'none', undefined, '2019-03-12'],
      ['specialiseret-with-ambulatory-control.xml', 'absolute', '2019-09-12', undefined], // "Senest 12.09.2019"
    ];
    for (const [name, kind, mustStartBy, guaranteedStartBy] of rows) {
      const facts = checkGop(file(name)).facts!;
      expect(facts.deadline.kind, name).toBe(kind);
      expect(facts.mustStartBy, name).toBe(mustStartBy);
      expect(facts.guaranteedStartBy, name).toBe(guaranteedStartBy);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('daysUntilMustStart', () => {
  const xml = plan({ deadline: 'senest 14.03.2019' });

  it.each([
    ['2019-03-10', 4],
    ['2019-03-14', 0],
    ['2019-03-15', -1],
    ['2019-03-20', -6], // passed: negative
    ['2019-02-28', 14], // 28 Feb → 14 March in a common year: 14 days
    ['2018-03-14', 365],
  ] as const)('reference date %s → %d', (referenceDate, days) => {
    expect(factsOf(xml, { referenceDate }).daysUntilMustStart).toBe(days);
  });

  it('is absent without a reference date, with an invalid one, and without a mustStartBy', () => {
    expect(factsOf(xml)).not.toHaveProperty('daysUntilMustStart');
    // computeFacts leaves an invalid reference date out; checkGop refuses it as an option (GopOptionsError)
    for (const referenceDate of ['2019-02-30', 'i morgen']) {
      expect(computeFacts(messageOf(xml), { referenceDate })).not.toHaveProperty('daysUntilMustStart');
      expect(() => checkGop(xml, { referenceDate })).toThrow(GopOptionsError);
    }
    expect(factsOf(plan({ deadline: 'hurtigst muligt' }), { referenceDate: '2019-03-10' })).not.toHaveProperty('daysUntilMustStart');
    expect(factsOf(MIN, { referenceDate: '2019-03-10' })).not.toHaveProperty('daysUntilMustStart');
  });

  it('an instant is a date in Copenhagen by default, or in the time zone given', () => {
    // 2019-03-13T23:30Z is 00:30 on 14 March in Copenhagen (CET, UTC+1; summer time starts 31 March)
    const instant = new Date('2019-03-13T23:30:00Z');
    expect(factsOf(xml, { referenceDate: instant }).daysUntilMustStart).toBe(0);
    expect(factsOf(xml, { referenceDate: '2019-03-13T23:30:00Z' }).daysUntilMustStart).toBe(0);
    expect(factsOf(xml, { referenceDate: instant, timeZone: 'UTC' }).daysUntilMustStart).toBe(1);
    expect(computeFacts(messageOf(xml), { referenceDate: instant, timeZone: 'Not/AZone' })).not.toHaveProperty('daysUntilMustStart');
    expect(() => checkGop(xml, { referenceDate: instant, timeZone: 'Not/AZone' })).toThrow(/timeZone/);
  });

  it('the reference date changes nothing else', () => {
    const { daysUntilMustStart, ...rest } = factsOf(xml, { referenceDate: '2019-03-10' });
    expect(daysUntilMustStart).toBe(4);
    expect(rest).toEqual(factsOf(xml));
  });
});

// ---------------------------------------------------------------------------------------------

/** Runs `fn` with the process time zone set to `zone`, and puts the old one back. */
function inTimeZone<T>(zone: string, fn: () => T): T {
  const original = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}

describe('the process time zone changes no fact', () => {
  // Deadlines that cross a DST change: Los Angeles springs forward on 10 March 2019, Auckland falls back on 7 April
  // and springs forward on 29 September 2019, Copenhagen springs forward on 31 March 2019.
  const cases: [name: string, xml: string, options: FactOptions, expected: Partial<Facts>][] = [
    [
      'inden for 7 dage from 5 March',
      plan({ deadline: 'inden for 7 dage' }),
      { referenceDate: '2019-03-10' },
      { mustStartBy: '2019-03-12', guaranteedStartBy: '2019-03-12', daysUntilMustStart: 2 },
    ],
    [
      '2 uger from 25 March',
      plan({ discharge: '2019-03-25', deadline: '2 uger' }),
      { referenceDate: '2019-03-30' },
      { mustStartBy: '2019-04-08', guaranteedStartBy: '2019-04-01', daysUntilMustStart: 9 },
    ], // 25 + 14 = 39 − 31 = 8 April
    [
      '1 måned from 15 September',
      plan({ discharge: '2019-09-15', deadline: '1 måned' }),
      {},
      { mustStartBy: '2019-10-15', guaranteedStartBy: '2019-09-22' },
    ],
    [
      '5 hverdage from 12 May',
      plan({ discharge: '2019-05-12', level: 'specialiseret', deadline: '5 hverdage' }),
      {},
      { mustStartBy: '2019-05-20', guaranteedStartBy: undefined },
    ],
    [
      'senest 31.03.2019',
      plan({ deadline: 'senest 31.03.2019' }),
      { referenceDate: '2019-03-05' },
      { mustStartBy: '2019-03-31', daysUntilMustStart: 26 },
    ],
    [
      'tidligst 14 dage efter udskrivelse',
      plan({ deadline: 'tidligst 14 dage efter udskrivelse' }),
      {},
      { earliestStart: '2019-03-19', guaranteedStartBy: '2019-03-26' },
    ],
  ];

  it('Pacific/Auckland and America/Los_Angeles give the same facts, and the right ones', () => {
    // the zones really differ (NZDT is UTC+13, PST UTC−8 on 1 January)
    expect(inTimeZone('Pacific/Auckland', () => new Date(2019, 0, 1).getTimezoneOffset())).toBe(-780);
    expect(inTimeZone('America/Los_Angeles', () => new Date(2019, 0, 1).getTimezoneOffset())).toBe(480);
    for (const [name, xml, options, expected] of cases) {
      const auckland = inTimeZone('Pacific/Auckland', () => factsOf(xml, options));
      const losAngeles = inTimeZone('America/Los_Angeles', () => factsOf(xml, options));
      expect(auckland, name).toEqual(losAngeles);
      for (const [key, value] of Object.entries(expected)) expect(auckland[key as keyof Facts], `${name}: ${key}`).toEqual(value);
    }
  });

  // Was a bug (fixed): src/facts/deadline.ts (calendarDate/addPeriod) and src/facts/holidays.ts compute on local noon with date-fns,
  // so they depend on the process time zone. Pacific/Apia skipped 30 December 2011 (UTC−10 → UTC+14): there
  // "senest 30.12.2011" is read as 2011-12-31 and "inden for 1 dag" from 29 December gives 2011-12-31. (src/values/date.ts
  // addDaysIso already works on UTC for exactly this reason.)
  it('fixed: a zone that skipped a day (Pacific/Apia, 30 December 2011) does not move a deadline', () => {
    const absolute = plan({ discharge: '2011-12-20', deadline: 'senest 30.12.2011' });
    const relative = plan({ discharge: '2011-12-29', deadline: 'inden for 1 dag' });
    expect(inTimeZone('Pacific/Apia', () => computeFacts(messageOf(absolute)).mustStartBy)).toBe('2011-12-30');
    expect(inTimeZone('Pacific/Apia', () => computeFacts(messageOf(relative)).mustStartBy)).toBe('2011-12-30');
  });

  // Was a bug (fixed): src/facts/facts.ts (localDate): a reference date-time without an offset ("2019-03-14T00:30") goes to
  // new Date(), which reads it in the process time zone, not in `timeZone` (Europe/Copenhagen): daysUntilMustStart
  // for mustStartBy 2019-03-14 is 1 in Pacific/Auckland and 0 in America/Los_Angeles.
  it('fixed: a reference date-time without an offset gives the same days in every process time zone', () => {
    const xml = plan({ deadline: 'senest 14.03.2019' });
    const days = (zone: string) =>
      inTimeZone(zone, () => computeFacts(messageOf(xml), { referenceDate: '2019-03-14T00:30' }).daysUntilMustStart);
    expect(days('Pacific/Auckland')).toBe(days('America/Los_Angeles'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('the other facts', () => {
  const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

  it('level, labels, provider, dates, authorisedAt and sentAt (YYYY-MM-DDThh:mm) of minimal.xml', () => {
    const facts = factsOf(MIN);
    expect(facts).toMatchObject({
      level: 'almen',
      levelLabel: { da: 'almen genoptræning', en: 'general rehabilitation' },
      provider: 'municipality',
      admissionDate: '2019-02-26',
      dischargeDate: '2019-03-05',
      authorisedAt: '2019-03-05T09:58',
      sentAt: '2019-03-05T10:02',
      consent: 'ja',
    });
    expect(facts.authorisedAt).toMatch(STAMP);
    expect(facts.sentAt).toMatch(STAMP);
  });

  it('authorisedAt and sentAt have the same form in every valid fixture', () => {
    for (const name of [
      'almen-hoftefraktur.xml',
      'specialiseret-haandskade.xml',
      'rehabilitering-apopleksi.xml',
      'almen-knaealloplastik-latin1.xml',
      'almen-vans-wrapped.xml',
      'specialiseret-with-ambulatory-control.xml',
    ]) {
      const facts = checkGop(readFileSync(`${FIXTURES_DIR}valid/${name}`)).facts!;
      expect(facts.authorisedAt, name).toMatch(STAMP);
      expect(facts.sentAt, name).toMatch(STAMP);
    }
  });

  it('levels: label and provider', () => {
    expect(factsOf(plan({ level: 'specialiseret' }))).toMatchObject({
      levelLabel: { da: 'genoptræning på specialiseret niveau' },
      provider: 'hospital',
    });
    expect(factsOf(plan({ level: 'rehabilitering' }))).toMatchObject({
      levelLabel: { da: 'rehabilitering på specialiseret niveau' },
      provider: 'municipality',
    });
    const unknown = factsOf(setText(MIN, ['TypeOfRehabilitationPlan'], 'avanceret'));
    expect(unknown).not.toHaveProperty('level');
    expect(unknown).not.toHaveProperty('provider');
    expect(unknown).not.toHaveProperty('guaranteedStartBy'); // no level, no § 140 stk. 4 date
  });

  it('receivers of minimal.xml: the municipality, and the GP opted out', () => {
    expect(factsOf(MIN).receivers).toEqual({
      municipality: { ean: '5790001399191', identifier: '219', identifierCode: 'kommunenummer' },
      gpDeselected: true,
      copies: [],
    });
  });

  it('receivers: the GP copy and the other copies, named by organisation or else department', () => {
    // the GP (5790002012273: check digit 3, computed by hand) instead of the opt-out, then two other copies
    let xml = MIN.replace('<Deselected/>', GP_COPY_XML);
    xml = before(
      xml,
      '<Patient>',
      '<CCReceiver>',
      '  <mm100:EANIdentifier>5790001354145</mm100:EANIdentifier>',
      '  <mm100:OrganisationName>Arne Agertoft &amp; Hanne Petersen</mm100:OrganisationName>',
      '</CCReceiver>',
      '<CCReceiver>',
      '  <mm100:DepartmentName>Genoptræningscenter Nord</mm100:DepartmentName>',
      '</CCReceiver>',
    );
    expect(ruleIds(xml)).toEqual([]);
    expect(factsOf(xml).receivers).toEqual({
      municipality: { ean: '5790001399191', identifier: '219', identifierCode: 'kommunenummer' },
      gp: { ean: '5790002012273', identifier: '024015', identifierCode: 'ydernummer', name: 'Lægerne i Vestergade' },
      gpDeselected: false,
      copies: [{ ean: '5790001354145', name: 'Arne Agertoft & Hanne Petersen' }, { name: 'Genoptræningscenter Nord' }],
    });
  });

  it('receivers of tinyMessage: the receiver by EAN only, no GPCCReceiver', () => {
    expect(factsOf(tinyMessage()).receivers).toEqual({ municipality: { ean: '5790000121441' }, gpDeselected: false, copies: [] });
  });

  it('the patient: CPR, names, and the birth date from minimal.xml (051247-1830: 7th digit 1 → 1947)', () => {
    expect(factsOf(MIN).patient).toEqual({ cpr: '0512471830', birthDate: '1947-12-05', givenName: 'Kirsten', surname: 'Højgaard' });
  });

  // The CPR office's century table, by the 7th digit: 0–3 → 1900s; 4 and 9 → 2000–2036 for years 00–36, else 1937–1999;
  // 5–8 → 2000–2057 for years 00–57, else 1858–1899.
  const CENTURY: [cpr: string, birthDate: string | undefined][] = [
    ['0101003000', '1900-01-01'],
    ['3112993999', '1999-12-31'],
    ['0101204000', '2020-01-01'],
    ['0101364000', '2036-01-01'],
    ['0101374000', '1937-01-01'],
    ['0101059000', '2005-01-01'],
    ['0101379000', '1937-01-01'],
    ['0101105000', '2010-01-01'],
    ['0101575000', '2057-01-01'],
    ['0101585000', '1858-01-01'],
    ['0101998000', '1899-01-01'],
    ['2902968000', '1896-02-29'], // 1896 is a leap year
    ['2902004000', '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['2902003000', undefined], // 1900 is not
    ['3102851234', undefined], // 31 February
    ['010170123', undefined], // 9 digits
    ['01017012345', undefined], // 11 digits
    ['01017O1234', undefined], // a letter O
  ];

  it.each(CENTURY)('CPR %s → birth date %s', (cpr, birthDate) => {
    const message = structuredClone(messageOf(MIN)) as GopMessage;
    message.rehabilitationPlan.patient.civilRegistrationNumber = cpr;
    const patient = computeFacts(message).patient;
    expect(patient.cpr).toBe(cpr);
    expect(patient.birthDate).toBe(birthDate);
  });

  it('a message object built in code gives facts without throwing', () => {
    const facts = computeFacts({
      rehabilitationPlan: {
        typeOfRehabilitationPlan: 'rehabilitering',
        currentHospitalContact: { expectedEnd: { date: '2019-03-05' } },
        rehabilitationDeadline: 'inden for 7 dage',
      },
    });
    expect(facts).toMatchObject({
      level: 'rehabilitering',
      dischargeDate: '2019-03-05',
      mustStartBy: '2019-03-12',
      guaranteedStartBy: '2019-03-12',
    });
    expect(facts.receivers).toEqual({ gpDeselected: false, copies: [] });
    expect(FactsSchema.safeParse(computeFacts({})).success).toBe(true);
  });

  it.skipIf(!haveSamples)('the public example: receivers and patient', () => {
    const facts = checkGop(readFileSync(SAMPLE)).facts!;
    expect(facts.receivers).toEqual({
      municipality: { ean: '5790000121441', identifier: '461', identifierCode: 'kommunenummer', name: 'Odense kommune' },
      gp: { ean: '5790002012274', identifier: '024015', identifierCode: 'ydernummer', name: 'Arta Masoumi' },
      gpDeselected: false,
      copies: [{ ean: '5790002012276', identifier: '037974', identifierCode: 'ydernummer', name: 'Arne Agertoft & Hanne Petersen' }],
    });
    // 251248-4916: 7th digit 4, year 48 (over 36) → 1948
    expect(facts.patient).toEqual({ cpr: '2512484916', birthDate: '1948-12-25', givenName: 'Nancy', surname: 'Ann Berggren' });
    expect(facts.authorisedAt).toBe('2015-03-04T09:26');
    expect(facts.sentAt).toBe('2009-09-04T10:43');
  });
});

describe('facts.deadline is the reading interpretDeadline gives', () => {
  it.each([
    'tidligst 02.04.2019',
    'senest 10 dage efter udskrivelsen',
    'mellem 11.03 og 18.03.2019',
    'hurtigst muligt',
    'ca. 14 dage',
    'senest fredag',
  ])('%s', (text) => {
    const xml = plan({ deadline: text });
    const result = parseGop(xml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rp = result.message.rehabilitationPlan;
    expect(rp.rehabilitationDeadline).toBe(text);
    const facts = checkGop(xml).facts!;
    expect(facts.deadline).toEqual(
      interpretDeadline(text, { dischargeDate: rp.currentHospitalContact?.expectedEnd?.date, planDate: rp.letter.authorisation?.date }),
    );
    expect(facts.earliestStart).toBe(facts.deadline.earliestStart);
  });
});
