// The report formats on hand-made reports: escaping, limits and structure that real messages rarely reach.
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkGop, reportJsonSchema, rules, type Finding, type Report } from '../src/index';
import { createFormatter, FORMATS, formatResults, type FileResult } from '../src/format/index';
import { ANNOTATIONS_PER_TYPE, githubFormatter } from '../src/format/github';
import { FIXTURES_DIR, junitParser, sarifValidator, withDeadline } from './helpers';

const SCHEMA_FILE = new URL('../schemas/report.schema.json', import.meta.url);

const RULE = (i: number) => rules[i % rules.length]!.id;
const ALL_VALID = (results: FileResult[]) => results.filter((r) => r.report.valid).length;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'GOP-LAW-005',
    severity: 'warning',
    messageId: 'absent',
    data: {},
    message: 'A message.',
    messageDa: 'En besked.',
    path: '/Emessage/RehabilitationPlan',
    line: 3,
    column: 5,
    reference: 'BEK § 2 stk. 4',
    ...over,
  };
}

function report(findings: Finding[]): Report {
  const counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { valid: counts.fatal + counts.error === 0, findings, counts, rulesetVersion: 'test' };
}

/** Findings of one severity, numbered, spread over files of `perFile`. */
function many(severity: Finding['severity'], n: number, perFile = 4, prefix = severity): FileResult[] {
  const results: FileResult[] = [];
  for (let i = 0; i < n; i += perFile) {
    const findings = Array.from({ length: Math.min(perFile, n - i) }, (_, j) =>
      finding({ severity, ruleId: RULE(i + j), message: `${prefix} ${i + j + 1}`, line: i + j + 1, column: 1 }),
    );
    results.push({ file: `${prefix}-${i / perFile}.xml`, report: report(findings) });
  }
  return results;
}

describe('schemas/report.schema.json', () => {
  it('is up to date with the zod schemas (if not: run `npm run schemas`)', () => {
    const expected = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    const actual = readFileSync(SCHEMA_FILE, 'utf8');
    expect(actual === expected, 'schemas/report.schema.json is stale: run `npm run schemas` and commit the result').toBe(true);
  });
});

describe('github', () => {
  it('escapes % in the message and also : and , in properties, as @actions/core does; CR and LF are shown as \\r \\n', () => {
    const out = githubFormatter().file({
      file: 'dir,1/a:b%c\nd.xml',
      report: report([finding({ ruleId: 'X:1,2%', severity: 'error', message: '100% sure, see: line 1\r\nline 2' })]),
    });
    expect(out).toBe('::error file=dir%2C1/a%3Ab%25c\\nd.xml,line=3,col=5,title=X%3A1%2C2%25::100%25 sure, see: line 1\\r\\nline 2\n');
  });

  it('maps fatal and error to ::error, warning to ::warning, info to ::notice; no line/col without a line; Danish on request', () => {
    const r = report([
      finding({ severity: 'fatal', ruleId: 'GOP-INPUT-001' }),
      finding({ severity: 'error', ruleId: 'GOP-LAW-003' }),
      finding({ severity: 'warning', line: undefined, column: undefined }),
      finding({ severity: 'info', ruleId: 'GOP-LAW-012', message: 'Info.', messageDa: 'Oplysning.' }),
    ]);
    expect(githubFormatter({ language: 'da' }).file({ file: 'plan.xml', report: r }).split('\n')).toEqual([
      '::error file=plan.xml,line=3,col=5,title=GOP-INPUT-001::En besked.',
      '::error file=plan.xml,line=3,col=5,title=GOP-LAW-003::En besked.',
      '::warning file=plan.xml,title=GOP-LAW-005::En besked.',
      '::notice file=plan.xml,line=3,col=5,title=GOP-LAW-012::Oplysning.',
      '',
    ]);
  });

  it('shows at most 10 annotations per type, prints the rest as plain lines and says in one notice how many did not fit', () => {
    expect(ANNOTATIONS_PER_TYPE).toBe(10);
    const results = [...many('error', 13), ...many('fatal', 12), ...many('warning', 12), ...many('info', 3)];
    const out = formatResults('github', results);
    const lines = out.trimEnd().split('\n');
    const starting = (prefix: string) => lines.filter((l) => l.startsWith(prefix));
    expect(starting('::error file=')).toHaveLength(10);
    expect(starting('::warning file=')).toHaveLength(10);
    expect(starting('::notice file=')).toHaveLength(3);
    // The first ten errors are annotations (errors before fatals, as given), the rest plain lines.
    expect(starting('::error file=').map((l) => l.split('::').at(-1))).toEqual(Array.from({ length: 10 }, (_, i) => `error ${i + 1}`));
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain).toHaveLength(15 + 2);
    expect(plain).toContain(`error-3.xml:13:1  error  ${RULE(12)}  error 13`);
    expect(plain).toContain(`fatal-2.xml:12:1  fatal  ${RULE(11)}  fatal 12`);
    expect(plain).toContain(`warning-2.xml:12:1  warning  ${RULE(11)}  warning 12`);
    expect(starting('::notice title=medcom-gop::')).toEqual([
      `::notice title=medcom-gop::${results.length} files: 4 valid, 7 invalid. 37 problems (25 errors, 12 warnings). 15 errors, 2 warnings did not fit in GitHub's 10 annotations per type and are in the log above.`,
    ]);
    expect(ALL_VALID(results)).toBe(4);
    expect(lines).toHaveLength(10 + 10 + 3 + 17 + 1);
  });

  it('ends with plain tally lines, the files apart from the problems, when everything fits', () => {
    const out = formatResults('github', many('warning', 2));
    expect(out.trimEnd().split('\n').slice(-2)).toEqual(['1 file: 1 valid, 0 invalid', '2 problems (0 errors, 2 warnings)']);
  });

  // Was a bug (fixed): past the 10 annotations, findings are printed as plain lines without any escaping, so a newline in a message
  // starts a new line that GitHub reads as a workflow command. Messages quote values from the message (GOP-FORMAT-005
  // quotes an e-mail address; `<EmailAddressIdentifier>x&#10;::warning title=x::injected</EmailAddressIdentifier>` gets
  // there), so a hostile G-GOP can inject commands (::add-mask::, ::stop-commands::, fake annotations) into CI logs.
  // Expected: every line starting with "::" is one the formatter meant (annotation or summary); one line per finding.
  it('cannot be made to emit workflow commands by a message past the annotation limit', () => {
    const results = many('error', 10);
    results.push({
      file: 'hostile.xml',
      report: report([
        finding({ severity: 'error', ruleId: 'GOP-FORMAT-005', message: '"x\n::warning title=x::injected" is not an e-mail address.' }),
      ]),
    });
    const lines = formatResults('github', results).trimEnd().split('\n');
    for (const line of lines.filter((l) => l.startsWith('::')))
      expect(line).toMatch(/^::(error|warning|notice) file=|^::notice title=medcom-gop::/);
    expect(lines).toHaveLength(10 + 1 + 1);
  });

  // Was a bug (fixed): when info findings fill the 10 notices, the summary is an 11th ::notice, which GitHub does not show as an
  // annotation either — so the one line that says what did not fit is lost exactly when it is needed.
  // Expected: never more than 10 ::notice lines (e.g. keep a slot for the summary, or summarise with a plain line).
  it('keeps the summary within the 10 notices when info findings overflow', () => {
    const lines = formatResults('github', many('info', 12)).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBeLessThanOrEqual(10);
    expect(lines.some((l) => l.includes('did not fit'))).toBe(true);
  });
});

describe('junit', () => {
  const parser = junitParser();

  it('escapes markup and shows the characters XML cannot hold as escapes, in names, attributes and bodies', () => {
    const file = `a&b <c> "d" 'e'.xml`;
    const message = 'Value "<x>&amp;]]>" \u0001with\u000B control\uFFFE characters';
    const out = formatResults('junit', [{ file, report: report([finding({ severity: 'error', message })]) }]);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = parser.parse(out);
    const testcase = doc.testsuites.testsuite[0].testcase[0];
    expect(testcase['@_name']).toBe(file);
    const failure = testcase.failure[0];
    const clean = 'Value "<x>&amp;]]>" \\x01with\\x0B control\\uFFFE characters';
    expect(failure['@_message']).toBe(`GOP-LAW-005: ${clean}`);
    expect(failure['#text']).toContain(`${file}:3:5 error GOP-LAW-005 ${clean}`);
  });

  it('has one testcase per file, one failure per fatal or error, warnings and infos in system-out, unique names', () => {
    const r = report([
      finding({ severity: 'fatal', ruleId: 'GOP-INPUT-001', message: 'Fatal.' }),
      finding({ severity: 'error', ruleId: 'GOP-LAW-003', message: 'Error.' }),
      finding({ severity: 'warning', message: 'Warning.' }),
      finding({ severity: 'info', ruleId: 'GOP-LAW-012', message: 'Info.' }),
    ]);
    const clean = report([]);
    const out = formatResults('junit', [
      { file: 'a.xml', report: r },
      { file: 'a.xml', report: r },
      { file: 'b.xml', report: clean },
      { file: 'a.xml', report: clean },
    ]);
    expect(XMLValidator.validate(out)).toBe(true);
    const suites = parser.parse(out).testsuites.testsuite;
    const cases = suites.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases.map((c: { '@_name': string }) => c['@_name'])).toEqual(['a.xml', 'a.xml (2)', 'b.xml', 'a.xml (3)']);
    expect(cases[0].failure.map((f: { '@_type': string }) => f['@_type'])).toEqual(['GOP-INPUT-001', 'GOP-LAW-003']);
    expect(cases[0]['system-out']).toContain('warning GOP-LAW-005 Warning.');
    expect(cases[0]['system-out']).toContain('info GOP-LAW-012 Info.');
    expect(cases[2].failure).toBeUndefined();
    expect(suites.map((s: { '@_failures': string }) => s['@_failures'])).toEqual(['1', '1', '0', '0']);
  });
});

describe('sarif', () => {
  it('encodes file names as URIs, gives a region only with a line, points ruleIndex at the rule, and validates', () => {
    const r = report([
      finding({ severity: 'fatal', ruleId: 'GOP-INPUT-001', line: 7, column: 9 }),
      finding({ severity: 'info', ruleId: 'GOP-LAW-012', line: undefined, column: undefined, message: 'Info.', messageDa: 'Oplysning.' }),
    ]);
    const out = formatResults(
      'sarif',
      [
        { file: 'my dir/plan #1?.xml', report: r },
        { file: 'dir\\win.xml', report: report([]) },
      ],
      { language: 'da', toolVersion: '9.9.9' },
    );
    const sarif = JSON.parse(out);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.version).toBe('9.9.9');
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual(rules.map((x) => x.id));
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(2);
    expect(results[0].level).toBe('error');
    expect(results[1].level).toBe('note');
    expect(results.map((x: { ruleIndex: number }) => driver.rules[x.ruleIndex].id)).toEqual(['GOP-INPUT-001', 'GOP-LAW-012']);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'my%20dir/plan%20%231%3F.xml', uriBaseId: 'SRCROOT' },
      region: { startLine: 7, startColumn: 9 },
    });
    expect(results[1].locations[0].physicalLocation.region).toBeUndefined();
    expect(results[1].message.text).toBe('Oplysning.');
  });

  it('is valid with no results', () => {
    const sarif = JSON.parse(formatResults('sarif', []));
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarifValidator()(sarif)).toBe(true);
  });
});

describe('json', () => {
  it('is an array of the reports with their file, streamed element by element', () => {
    expect(formatResults('json', [])).toBe('[]\n');
    const a = report([finding()]);
    const b = report([]);
    const out = formatResults('json', [
      { file: 'a.xml', report: a },
      { file: 'b.xml', report: b },
    ]);
    expect(JSON.parse(out)).toEqual([
      { file: 'a.xml', ...a },
      { file: 'b.xml', ...b },
    ]);
    expect(out.split('\n')).toHaveLength(5); // one line per report
  });
});

describe('text', () => {
  it('prints one line per finding, colours only when asked, and the summary in the language asked', () => {
    const r = report([finding({ severity: 'error', ruleId: 'GOP-LAW-003' }), finding({ line: undefined, column: undefined })]);
    const plain = formatResults('text', [{ file: 'plan.xml', report: r }]);
    expect(plain).not.toContain('\x1b');
    expect(plain.split('\n')).toEqual([
      'plan.xml:3:5  error    GOP-LAW-003  A message.',
      'plan.xml  warning  GOP-LAW-005  A message.',
      'plan.xml: invalid',
      '',
      '1 file: 0 valid, 1 invalid',
      '2 problems (1 error, 1 warning)',
      '',
    ]);
    expect(formatResults('text', [{ file: 'plan.xml', report: r }], { color: true })).toContain('\x1b[');
    const da = formatResults('text', [{ file: 'plan.xml', report: r }], { language: 'da' });
    // Danish severity words, in a column wide enough for 'oplysning'
    expect(da).toContain('plan.xml:3:5  fejl       GOP-LAW-003  En besked.');
    expect(da).toContain('plan.xml  advarsel   GOP-LAW-005  En besked.');
    expect(da).toContain('plan.xml: ugyldig');
    expect(da).toContain('1 fil: 0 gyldige, 1 ugyldig\n2 problemer (1 fejl, 1 advarsel)\n');
  });

  it("says the key facts as a case worker would: level and provider, the plan's deadline, the guarantee", () => {
    const fixture = (name: string) => checkGop(readFileSync(`${FIXTURES_DIR}valid/${name}`));
    const line = (name: string, language?: 'da' | 'en') =>
      formatResults('text', [{ file: name, report: fixture(name) }], { language }).split('\n')[0];
    // "senest 14.03.2019", discharged 7 March 2019: + 7 = 14 March
    expect(line('almen-hoftefraktur.xml', 'da')).toBe(
      'almen-hoftefraktur.xml: gyldig — niveau almen, varetages af kommunen, udskrevet 2019-03-07, ' +
        'opstart senest 2019-03-14 (planens frist), tilbud om opstart senest 2019-03-14 (genoptræningsgarantien, sundhedsloven § 140 stk. 4)',
    );
    expect(line('almen-hoftefraktur.xml')).toBe(
      'almen-hoftefraktur.xml: valid — level almen, provided by the municipality, discharged 2019-03-07, ' +
        'must start by 2019-03-14, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))',
    );
    expect(line('specialiseret-haandskade.xml', 'da')).toBe(
      'specialiseret-haandskade.xml: gyldig — niveau specialiseret, varetages af sygehuset, udskrevet 2019-05-12, ' +
        'opstart senest 2019-05-20 (planens frist), genoptræningsgarantien gælder ikke',
    );
    expect(line('specialiseret-haandskade.xml')).toContain(
      'provided by the hospital, discharged 2019-05-12, must start by 2019-05-20, no rehabilitation guarantee',
    );
    expect(line('almen-vans-wrapped.xml', 'da')).toContain('ingen frist i planen, tilbud om opstart senest 2019-01-29');
  });

  it('streams: begin, file, end give the same as formatResults', () => {
    const results = [...many('warning', 3), ...many('error', 2)];
    const formatter = createFormatter('text');
    const summary = { files: results.length, valid: 1, invalid: 1, errors: 2, warnings: 3, infos: 0, unreadable: 0 };
    expect(formatter.begin() + results.map((r) => formatter.file(r)).join('') + formatter.end(summary)).toBe(
      formatResults('text', results),
    );
  });
});

describe('a finding with a line and no column', () => {
  const r = report([
    finding({ severity: 'error', line: 4, column: undefined }),
    finding({ severity: 'warning', line: 4, column: undefined }),
  ]);
  const results = [{ file: 'plan.xml', report: r }];

  it('is file:line in text, github plain lines and junit; no col in a github annotation; no startColumn in sarif', () => {
    for (const name of ['text', 'github', 'junit', 'sarif', 'json'] as const)
      expect(formatResults(name, results), name).not.toContain('undefined');
    expect(formatResults('text', results)).toContain('plan.xml:4  error    GOP-LAW-005  A message.\n');
    expect(formatResults('github', results)).toContain('::error file=plan.xml,line=4,title=GOP-LAW-005::A message.\n');
    const junit = junitParser().parse(formatResults('junit', results)).testsuites.testsuite[0].testcase[0];
    expect(junit.failure[0]['#text']).toContain('plan.xml:4 error GOP-LAW-005 A message.');
    expect(junit['system-out']).toBe('plan.xml:4 warning GOP-LAW-005 A message.');
    const sarif = JSON.parse(formatResults('sarif', results));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 4 });
    expect(sarifValidator()(sarif)).toBe(true);
  });

  it('past the ten annotations, a github plain line is file:line too', () => {
    const lines = formatResults('github', [...many('error', 10), ...results]).split('\n');
    expect(lines).toContain('plan.xml:4  error  GOP-LAW-005  A message.');
  });
});

describe('the reference date and the days left', () => {
  // almen-hoftefraktur.xml: discharged 2019-03-07, must start by 2019-03-14, guarantee 2019-03-14
  const plan = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`);
  const on = (referenceDate: string) => [{ file: 'plan.xml', report: checkGop(plan, { referenceDate }) }];
  const days = (until: string, from: string) => Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);

  it('are in the report: referenceDate as the calendar date used, facts.daysUntilMustStart counted from it', () => {
    const r = checkGop(plan, { referenceDate: '2019-03-10T23:30:00Z' }); // 00:30 on the 11th in Copenhagen
    expect(r.referenceDate).toBe('2019-03-11');
    expect(r.facts!.daysUntilMustStart).toBe(days(r.facts!.mustStartBy!, '2019-03-11'));
    expect(checkGop(plan).referenceDate).toBeUndefined();
  });

  it('text: at the end of the facts line, in the language asked; nothing without a reference date', () => {
    const line = (referenceDate: string, language?: 'da' | 'en') => formatResults('text', on(referenceDate), { language }).split('\n')[0]!;
    expect(line('2019-03-10')).toMatch(
      /, reference date 2019-03-10: 4 days left until the plan's deadline, 4 days left until the guarantee date$/,
    );
    expect(line('2019-03-13', 'da')).toMatch(/, referencedato 2019-03-13: 1 dag til planens frist, 1 dag til garantidatoen$/);
    expect(line('2019-03-14')).toMatch(/: the plan's deadline is today, the guarantee date is today$/);
    expect(line('2019-03-16', 'da')).toMatch(/: planens frist var for 2 dage siden, garantidatoen var for 2 dage siden$/);
    const without = formatResults('text', [{ file: 'plan.xml', report: checkGop(plan) }]);
    expect(without).not.toMatch(/reference date|days left/);
  });

  it('junit: testcase properties with the numbers, and a line of system-out', () => {
    const testcase = junitParser().parse(formatResults('junit', on('2019-03-12'), { language: 'da' })).testsuites.testsuite[0].testcase[0];
    const props = Object.fromEntries(
      testcase.properties.property.map((p: { '@_name': string; '@_value': string }) => [p['@_name'], p['@_value']]),
    );
    expect(props).toEqual({
      referenceDate: '2019-03-12',
      deadlineKind: 'absolute',
      mustStartBy: '2019-03-14',
      daysUntilMustStart: '2',
      guaranteedStartBy: '2019-03-14',
      daysUntilGuaranteedStart: '2',
      startBy: '2019-03-14',
      startByBecause: 'deadline',
    });
    expect(testcase['system-out']).toBe(
      'opstart senest 2019-03-14 (planens frist), tilbud om opstart senest 2019-03-14 (genoptræningsgarantien, sundhedsloven § 140 stk. 4)\n' +
        'bindende dato for opstart: 2019-03-14 (på grund af planens frist)\n' +
        'referencedato 2019-03-12: 2 dage til planens frist, 2 dage til garantidatoen',
    );
    // Without a reference date: the start dates only, the same on any day.
    const undated = junitParser().parse(formatResults('junit', [{ file: 'plan.xml', report: checkGop(plan) }])).testsuites.testsuite[0]
      .testcase[0];
    expect(undated.properties.property.map((p: { '@_name': string }) => p['@_name'])).toEqual([
      'deadlineKind',
      'mustStartBy',
      'guaranteedStartBy',
      'startBy',
      'startByBecause',
    ]);
    expect(undated['system-out']).not.toMatch(/reference date|days left/);
  });

  it('sarif: result properties of each file, and run.properties.referenceDate when the files agree', () => {
    const r = checkGop(plan, { referenceDate: '2019-03-20', severity: { 'GOP-LAW-005': 'warning' } });
    const withFinding = { ...r, findings: [finding()] }; // a plan with a finding, so that it has a result to carry them
    const sarif = JSON.parse(formatResults('sarif', [{ file: 'plan.xml', report: withFinding }]));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].properties).toEqual({ referenceDate: '2019-03-20' });
    expect(sarif.runs[0].results[0].properties).toMatchObject({
      referenceDate: '2019-03-20',
      mustStartBy: '2019-03-14',
      daysUntilMustStart: -6,
      guaranteedStartBy: '2019-03-14',
      daysUntilGuaranteedStart: -6,
      deadlineKind: 'absolute',
      startDates: 'must start by 2019-03-14, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))',
      startDatesDa:
        'opstart senest 2019-03-14 (planens frist), tilbud om opstart senest 2019-03-14 (genoptræningsgarantien, sundhedsloven § 140 stk. 4)',
    });
    // The days left as numbers only: no text that changes with the date beside them.
    expect(sarif.runs[0].results[0].properties).not.toHaveProperty('daysLeft');
    expect(sarif.runs[0].results[0].properties).not.toHaveProperty('daysLeftDa');
    const other = { ...withFinding, referenceDate: '2019-03-21' };
    expect(
      JSON.parse(
        formatResults('sarif', [
          { file: 'a.xml', report: withFinding },
          { file: 'b.xml', report: other },
        ]),
      ).runs[0].properties,
    ).toBeUndefined();
  });
});

describe('the deadline as read: "could not be read" is never "no deadline" (issue 21)', () => {
  // almen-hoftefraktur.xml with other deadlines: discharged 2019-03-07, so the guarantee counted from discharge is 2019-03-14
  const REFERENCE_DATE = '2019-03-10';
  const UNREADABLE = ['efter kontrol i ambulatoriet', 'ca. 14 dage'];
  const checked = (deadline: string | null, authorised?: string) =>
    checkGop(withDeadline(deadline, { authorised }), { referenceDate: REFERENCE_DATE });
  /** The key facts line of the text format (the line that starts with the file name and a colon). */
  const summary = (report: Report, language: 'da' | 'en') =>
    formatResults('text', [{ file: 'plan.xml', report }], { language })
      .split('\n')
      .find((l) => l.startsWith('plan.xml: '))!;
  const NO_DEADLINE = /no deadline|ingen frist/;
  const CERTAIN_GUARANTEE = /start to be offered by|tilbud om opstart senest/;
  const junitCase = (report: Report, language: 'da' | 'en') =>
    junitParser().parse(formatResults('junit', [{ file: 'plan.xml', report }], { language })).testsuites.testsuite[0].testcase[0];
  const junitProps = (testcase: { properties: { property: { '@_name': string; '@_value': string }[] } }) =>
    Object.fromEntries(testcase.properties.property.map((p) => [p['@_name'], p['@_value']]));

  it('text: an unreadable deadline "could not be read: read the text", the guarantee date not certain', () => {
    for (const deadline of UNREADABLE) {
      const report = checked(deadline);
      expect(report.facts!.deadline.kind, deadline).toBe('unreadable');
      const en = summary(report, 'en');
      const da = summary(report, 'da');
      expect(en, deadline).toContain(
        'discharged 2019-03-07, deadline could not be read: read the text, ' +
          'guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
      );
      expect(da, deadline).toContain(
        'udskrevet 2019-03-07, fristen kan ikke læses: læs teksten, ' +
          'garantidatoen er ikke sikker (2019-03-14 kun hvis planen ikke beder om en senere opstart)',
      );
      for (const line of [en, da]) {
        expect(line, deadline).not.toMatch(NO_DEADLINE);
        expect(line, deadline).not.toMatch(CERTAIN_GUARANTEE);
        expect(line, deadline).not.toContain('must start by -');
      }
    }
  });

  it('text: "no deadline" only where the plan has none; as soon as possible and an earliest start only are said so', () => {
    for (const deadline of [null, '', 'ingen']) {
      const report = checked(deadline);
      expect(summary(report, 'en'), String(deadline)).toContain(
        'no deadline in the plan, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))',
      );
      expect(summary(report, 'da'), String(deadline)).toContain('ingen frist i planen, tilbud om opstart senest 2019-03-14');
      expect(summary(report, 'en')).not.toContain('could not be read');
    }
    const asap = checked('hurtigst muligt');
    expect(summary(asap, 'en')).toContain('discharged 2019-03-07, as soon as possible, start to be offered by 2019-03-14');
    expect(summary(asap, 'da')).toContain('udskrevet 2019-03-07, opstart hurtigst muligt, tilbud om opstart senest 2019-03-14');
    const earliest = checked('tidligst 19.03.2019');
    expect(summary(earliest, 'en')).toContain('no latest start, earliest start 2019-03-19, start to be offered by 2019-03-26');
    expect(summary(earliest, 'da')).toContain('ingen seneste frist, opstart tidligst 2019-03-19, tilbud om opstart senest 2019-03-26');
    for (const report of [asap, earliest]) expect(summary(report, 'en') + summary(report, 'da')).not.toMatch(NO_DEADLINE);
  });

  it('text: a later start without a date says to read the text, and gives no guarantee date as certain', () => {
    // An invalid authorisation date: "næste uge" counts from it, so the later start has no date.
    const report = checked('tidligst i næste uge', '2019-02-30');
    expect(report.facts!.deadline).toMatchObject({ kind: 'none', asksLaterStart: true });
    expect(summary(report, 'en')).toContain(
      'no latest start, a later start is asked for but its date could not be read: read the text, ' +
        'guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
    );
    expect(summary(report, 'da')).toContain(
      'ingen seneste frist, planen beder om en senere opstart, men datoen kan ikke læses: læs teksten, ' +
        'garantidatoen er ikke sikker (2019-03-14 kun hvis planen ikke beder om en senere opstart)',
    );
    expect(summary(report, 'en') + summary(report, 'da')).not.toMatch(NO_DEADLINE);
    // with a latest start date: that date, and the guarantee still not certain
    const both = checked('tidligst mandag, senest 30.03.2019', '2019-02-30');
    expect(summary(both, 'en')).toContain(
      'must start by 2019-03-30, guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
    );
  });

  it('junit: deadlineKind beside mustStartBy, guaranteeIfNoLaterStart, and system-out in the words of the text summary', () => {
    const unreadable = junitCase(checked(UNREADABLE[0]!), 'en');
    expect(junitProps(unreadable)).toEqual({
      referenceDate: REFERENCE_DATE,
      deadlineKind: 'unreadable',
      guaranteeIfNoLaterStart: '2019-03-14',
    });
    expect(unreadable['system-out']).toContain(
      'deadline could not be read: read the text, guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
    );
    expect(unreadable['system-out']).not.toMatch(NO_DEADLINE);
    expect(junitCase(checked(UNREADABLE[1]!), 'da')['system-out']).toContain('fristen kan ikke læses: læs teksten');

    const none = junitCase(checked(null), 'en');
    expect(junitProps(none)).toEqual({
      referenceDate: REFERENCE_DATE,
      deadlineKind: 'none',
      guaranteedStartBy: '2019-03-14',
      daysUntilGuaranteedStart: '4',
      startBy: '2019-03-14',
      startByBecause: 'guarantee',
    });
    expect(none['system-out']).toBe(
      'no deadline in the plan, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))\n' +
        'binding start date: 2019-03-14 (because of the rehabilitation guarantee)\n' +
        'reference date 2019-03-10: 4 days left until the guarantee date',
    );
    expect(junitProps(junitCase(checked('hurtigst muligt'), 'en')).deadlineKind).toBe('asap');
  });

  it('sarif: deadlineKind, guaranteeIfNoLaterStart and the start dates in words in the properties of each result', () => {
    const sarifOf = (report: Report) => JSON.parse(formatResults('sarif', [{ file: 'plan.xml', report }]));
    const unreadable = sarifOf(checked(UNREADABLE[1]!));
    expect(sarifValidator()(unreadable)).toBe(true);
    const result = unreadable.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'GOP-LAW-008');
    expect(result.properties).toMatchObject({
      deadlineKind: 'unreadable',
      guaranteeIfNoLaterStart: '2019-03-14',
      startDates:
        'deadline could not be read: read the text, guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
      startDatesDa:
        'fristen kan ikke læses: læs teksten, garantidatoen er ikke sikker (2019-03-14 kun hvis planen ikke beder om en senere opstart)',
    });
    expect(result.properties).not.toHaveProperty('mustStartBy');
    expect(result.properties).not.toHaveProperty('guaranteedStartBy');
    expect(JSON.stringify(result.properties)).not.toMatch(NO_DEADLINE);
    // a plan without a deadline, given a finding so that it has a result to carry them
    const none = sarifOf({ ...checked(null), findings: [finding()] });
    expect(none.runs[0].results[0].properties).toMatchObject({
      deadlineKind: 'none',
      guaranteedStartBy: '2019-03-14',
      startDates: 'no deadline in the plan, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))',
    });
  });

  it('json: facts.deadline.kind tells unreadable from none; an uncertain guarantee is ifNoLaterStart, never guaranteedStartBy', () => {
    const [unreadable, none] = JSON.parse(
      formatResults('json', [
        { file: 'unreadable.xml', report: checked(UNREADABLE[0]!) },
        { file: 'none.xml', report: checked(null) },
      ]),
    );
    expect(unreadable.facts.deadline.kind).toBe('unreadable');
    expect(unreadable.facts).not.toHaveProperty('mustStartBy');
    expect(unreadable.facts).not.toHaveProperty('guaranteedStartBy');
    expect(unreadable.facts.guarantee).toMatchObject({ applies: true, ifNoLaterStart: '2019-03-14' });
    expect(unreadable.facts.guarantee).not.toHaveProperty('from');
    expect(none.facts.deadline.kind).toBe('none');
    expect(none.facts.guaranteedStartBy).toBe('2019-03-14');
  });

  it('github: no facts line, so nothing says "no deadline"; an unreadable deadline is a GOP-LAW-008 annotation', () => {
    const out = formatResults('github', [{ file: 'plan.xml', report: checked(UNREADABLE[0]!) }]);
    expect(out).toMatch(/^::warning file=plan\.xml,line=\d+,col=\d+,title=GOP-LAW-008::The start deadline cannot be interpreted: /m);
    expect(out).not.toMatch(NO_DEADLINE);
    expect(formatResults('github', [{ file: 'plan.xml', report: checked(null) }], { language: 'da' })).not.toMatch(/GOP-LAW-008/);
  });
});

describe('a redacted report is shown under its placeholder (issue 22)', () => {
  const NAME = 'Nancy Berggren/GGOP_2512484916_Nancy_Berggren.xml';
  const redacted = (findings: Finding[]): Report => ({ ...report(findings), redacted: true });
  const results: FileResult[] = [
    { file: NAME, report: redacted([finding({ severity: 'error', ruleId: 'GOP-LAW-003' })]) },
    { file: `${NAME}.bak.xml`, report: redacted([finding()]) },
    { file: 'kept.xml', report: report([finding()]) },
  ];

  it('in every format the same "file N" (SARIF: redacted/file-N), and the parsed documents are valid', () => {
    const out = Object.fromEntries(FORMATS.map((name) => [name, formatResults(name, results)]));
    for (const [name, text] of Object.entries(out)) {
      expect(text.includes('Berggren') || text.includes('2512484916'), name).toBe(false);
      expect(text, name).toContain('kept.xml'); // a report that is not redacted keeps its name
    }
    expect((JSON.parse(out.json!) as { file: string }[]).map((r) => r.file)).toEqual(['file 1', 'file 2', 'kept.xml']);
    expect(XMLValidator.validate(out.junit!)).toBe(true);
    const suites = junitParser().parse(out.junit!).testsuites.testsuite as { '@_name': string; testcase: { '@_name': string }[] }[];
    expect(suites.map((s) => [s['@_name'], s.testcase[0]!['@_name']])).toEqual([
      ['file 1', 'file 1'],
      ['file 2', 'file 2'],
      ['kept.xml', 'kept.xml'],
    ]);
    const sarif = JSON.parse(out.sarif!);
    expect(sarifValidator()(sarif)).toBe(true);
    expect(
      sarif.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(['redacted/file-1', 'redacted/file-2', 'kept.xml']);
    expect(out.github!.match(/file=[^,]+/g)).toEqual(['file=file 1', 'file=file 2', 'file=kept.xml']);
    expect(out.text!).toMatch(/^file 1:3:5 {2}error/m);
  });

  it('the redact option masks reports that are not redacted; Danish says "fil N"; a given position is kept', () => {
    const plainResult = { file: NAME, report: report([finding()]) };
    expect(formatResults('text', [plainResult])).toContain(NAME);
    expect(formatResults('text', [plainResult], { redact: true, language: 'da' })).toMatch(/^fil 1:3:5 /);
    expect(JSON.parse(formatResults('json', [{ ...plainResult, position: 4 }], { redact: true }))[0].file).toBe('file 4');
  });
});
