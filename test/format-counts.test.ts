// Issue 23: counts worded with the right singular and plural, files apart from findings; the same files give the same
// output on any day unless a reference date is given; SARIF locations under a URI base, never '../'; renderGopHtml's
// options checked as its siblings' are.
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, renderGopHtml } from '../src/index';
import { createFormatter, formatResults, type FileResult, type Summary } from '../src/format/index';
import { countOf, problemsOf } from '../src/findings/severity-words';
import { FIXTURES_DIR, junitParser, sarifValidator } from './helpers';

const tally = (over: Partial<Summary>): Summary => ({
  files: 0,
  valid: 0,
  invalid: 0,
  errors: 0,
  warnings: 0,
  infos: 0,
  unreadable: 0,
  ...over,
});
const endOf = (name: 'text' | 'github', summary: Summary, language?: 'da' | 'en') =>
  createFormatter(name, { language }).end(summary).trim().split('\n');

describe('counts: the singular for 1, the plural for 0 and 2, files apart from findings', () => {
  it('the severity helpers, in both languages', () => {
    expect([0, 1, 2].map((n) => countOf('en', 'error', n))).toEqual(['0 errors', '1 error', '2 errors']);
    expect([0, 1, 2].map((n) => countOf('en', 'warning', n))).toEqual(['0 warnings', '1 warning', '2 warnings']);
    expect([0, 1, 2].map((n) => countOf('da', 'error', n))).toEqual(['0 fejl', '1 fejl', '2 fejl']);
    expect([0, 1, 2].map((n) => countOf('da', 'warning', n))).toEqual(['0 advarsler', '1 advarsel', '2 advarsler']);
    expect(problemsOf('en', 0, 0)).toBe('0 problems (0 errors, 0 warnings)');
    expect(problemsOf('en', 1, 0)).toBe('1 problem (1 error, 0 warnings)');
    expect(problemsOf('en', 0, 1)).toBe('1 problem (0 errors, 1 warning)');
    expect(problemsOf('en', 1, 1)).toBe('2 problems (1 error, 1 warning)');
    expect(problemsOf('en', 52, 42)).toBe('94 problems (52 errors, 42 warnings)');
    expect(problemsOf('da', 0, 0)).toBe('0 problemer (0 fejl, 0 advarsler)');
    expect(problemsOf('da', 1, 0)).toBe('1 problem (1 fejl, 0 advarsler)');
    expect(problemsOf('da', 0, 1)).toBe('1 problem (0 fejl, 1 advarsel)');
    expect(problemsOf('da', 2, 2)).toBe('4 problemer (2 fejl, 2 advarsler)');
  });

  it.each(['text', 'github'] as const)('%s: a line for the files and one for the problems, in English', (name) => {
    expect(endOf(name, tally({}))).toEqual(['0 files: 0 valid, 0 invalid', '0 problems (0 errors, 0 warnings)']);
    expect(endOf(name, tally({ files: 1, valid: 1, warnings: 1 }))).toEqual([
      '1 file: 1 valid, 0 invalid',
      '1 problem (0 errors, 1 warning)',
    ]);
    expect(endOf(name, tally({ files: 1, invalid: 1, errors: 1 }))).toEqual([
      '1 file: 0 valid, 1 invalid',
      '1 problem (1 error, 0 warnings)',
    ]);
    expect(endOf(name, tally({ files: 2, valid: 2, warnings: 2 }))).toEqual([
      '2 files: 2 valid, 0 invalid',
      '2 problems (0 errors, 2 warnings)',
    ]);
    expect(endOf(name, tally({ files: 60, valid: 19, invalid: 41, errors: 52, warnings: 42, unreadable: 1 }))).toEqual([
      '60 files: 19 valid, 41 invalid, 1 unreadable',
      '94 problems (52 errors, 42 warnings)',
    ]);
    expect(endOf(name, tally({ files: 2, invalid: 2, errors: 2, unreadable: 2 }))[0]).toBe('2 files: 0 valid, 2 invalid, 2 unreadable');
  });

  it.each(['text', 'github'] as const)('%s: the same in Danish, adjectives agreeing with the number', (name) => {
    expect(endOf(name, tally({}), 'da')).toEqual(['0 filer: 0 gyldige, 0 ugyldige', '0 problemer (0 fejl, 0 advarsler)']);
    expect(endOf(name, tally({ files: 1, valid: 1, warnings: 1 }), 'da')).toEqual([
      '1 fil: 1 gyldig, 0 ugyldige',
      '1 problem (0 fejl, 1 advarsel)',
    ]);
    expect(endOf(name, tally({ files: 1, invalid: 1, errors: 1 }), 'da')).toEqual([
      '1 fil: 0 gyldige, 1 ugyldig',
      '1 problem (1 fejl, 0 advarsler)',
    ]);
    expect(endOf(name, tally({ files: 2, valid: 1, invalid: 1, errors: 2, warnings: 2, unreadable: 1 }), 'da')).toEqual([
      '2 filer: 1 gyldig, 1 ugyldig, 1 ulæselig',
      '4 problemer (2 fejl, 2 advarsler)',
    ]);
    expect(endOf(name, tally({ files: 2, valid: 2, unreadable: 2 }), 'da')[0]).toBe('2 filer: 2 gyldige, 0 ugyldige, 2 ulæselige');
  });

  it('github: past the annotation cap, one notice with the files, the problems and what did not fit, each counted right', () => {
    const finding = (severity: 'error' | 'warning', i: number) => ({
      ruleId: 'GOP-LAW-005',
      severity,
      messageId: 'absent',
      data: {},
      message: `m${i}`,
      messageDa: `b${i}`,
      path: '/x',
    });
    const results = (errors: number, warnings: number): FileResult[] => [
      {
        file: 'plan.xml',
        report: {
          valid: errors === 0,
          findings: [
            ...Array.from({ length: errors }, (_, i) => finding('error', i)),
            ...Array.from({ length: warnings }, (_, i) => finding('warning', i)),
          ],
          counts: { fatal: 0, error: errors, warning: warnings, info: 0 },
          rulesetVersion: 'test',
        },
      },
    ];
    const notice = (errors: number, warnings: number, language: 'da' | 'en') =>
      formatResults('github', results(errors, warnings), { language })
        .split('\n')
        .find((l) => l.startsWith('::notice title=medcom-gop::'));
    expect(notice(11, 12, 'en')).toBe(
      "::notice title=medcom-gop::1 file: 0 valid, 1 invalid. 23 problems (11 errors, 12 warnings). 1 error, 2 warnings did not fit in GitHub's 10 annotations per type and are in the log above.",
    );
    expect(notice(12, 11, 'da')).toBe(
      '::notice title=medcom-gop::1 fil: 0 gyldige, 1 ugyldig. 23 problemer (12 fejl, 11 advarsler). 2 fejl, 1 advarsel var ikke plads til i GitHubs 10 annoteringer pr. type og står i loggen ovenfor.',
    );
    expect(notice(10, 10, 'en')).toBeUndefined();
  });
});

describe('the same files give the same output on any day, unless a reference date is given', () => {
  // almen-hoftefraktur.xml: must start by 2019-03-14; a finding added so that SARIF has a result to carry the properties
  const plan = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`);
  const on = (referenceDate: string): FileResult[] => [{ file: 'plan.xml', report: checkGop(plan, { referenceDate }) }];
  const withResult = (results: FileResult[]): FileResult[] =>
    results.map((r) => ({
      ...r,
      report: {
        ...r.report,
        findings: [{ ruleId: 'GOP-LAW-005', severity: 'warning', messageId: 'absent', data: {}, message: 'm', messageDa: 'b', path: '/x' }],
      },
    }));
  const DAYS = /referenceDate|daysUntil|daysLeft|reference date|referencedato|days left|dage til|2019-03-1[02]"/;

  it.each(['text', 'json', 'junit', 'sarif'] as const)('%s: referenceDateGiven false — no date, no days, the same on two days', (name) => {
    for (const language of ['en', 'da'] as const) {
      const options = { language, referenceDateGiven: false };
      const one = formatResults(name, withResult(on('2019-03-10')), options);
      const other = formatResults(name, withResult(on('2019-03-12')), options);
      expect(one, `${name} ${language}`).toBe(other);
      expect(one).not.toMatch(DAYS);
      expect(one).not.toMatch(/2019-03-1[02]/);
      // the start dates themselves stay: they are the same on any day
      expect(one).toContain('2019-03-14');
    }
  });

  it.each(['text', 'json', 'junit', 'sarif'] as const)(
    '%s: referenceDateGiven true (or a library caller that gave one) — the days counted',
    (name) => {
      const given = formatResults(name, withResult(on('2019-03-10')), { referenceDateGiven: true });
      expect(given).toContain('2019-03-10');
      expect(given).not.toBe(formatResults(name, withResult(on('2019-03-12')), { referenceDateGiven: true }));
      // The library never reads the clock: without the option, a date in the report was given by its caller.
      expect(formatResults(name, withResult(on('2019-03-10')))).toBe(given);
      // Given but absent from the report: nothing to count from.
      const none = [{ file: 'plan.xml', report: checkGop(plan) }];
      expect(formatResults(name, withResult(none), { referenceDateGiven: true })).toBe(formatResults(name, withResult(none)));
    },
  );

  it('json: referenceDate and facts.daysUntilMustStart dropped, nothing else', () => {
    const report = checkGop(plan, { referenceDate: '2019-03-10' });
    const [shown] = JSON.parse(formatResults('json', [{ file: 'plan.xml', report }], { referenceDateGiven: false }));
    const { referenceDate: _date, ...rest } = report;
    const { daysUntilMustStart: _days, ...facts } = report.facts!;
    expect(shown).toEqual({ file: 'plan.xml', ...rest, facts });
  });

  it('sarif: the days left as numbers only, never as text', () => {
    const sarif = JSON.parse(formatResults('sarif', withResult(on('2019-03-10')), { referenceDateGiven: true }));
    expect(sarifValidator()(sarif)).toBe(true);
    const properties = sarif.runs[0].results[0].properties;
    expect(properties).toMatchObject({ referenceDate: '2019-03-10', daysUntilMustStart: 4, daysUntilGuaranteedStart: 4 });
    for (const [key, value] of Object.entries(properties)) if (/days/i.test(key)) expect(typeof value, key).toBe('number');
    expect(sarif.runs[0].properties).toEqual({ referenceDate: '2019-03-10' });
    expect(
      JSON.parse(formatResults('sarif', withResult(on('2019-03-10')), { referenceDateGiven: false })).runs[0].properties,
    ).toBeUndefined();
  });

  it('junit: without the date, the start dates as properties and a line of system-out, and a valid document', () => {
    const out = formatResults('junit', on('2019-03-10'), { referenceDateGiven: false });
    expect(XMLValidator.validate(out)).toBe(true);
    const testcase = junitParser().parse(out).testsuites.testsuite[0].testcase[0];
    expect(testcase.properties.property.map((p: { '@_name': string }) => p['@_name'])).toEqual([
      'deadlineKind',
      'mustStartBy',
      'guaranteedStartBy',
      'startBy',
      'startByBecause',
    ]);
    expect(testcase['system-out']).toBe(
      'must start by 2019-03-14, start to be offered by 2019-03-14 (rehabilitation guarantee, Health Act s. 140(4))\n' +
        "binding start date: 2019-03-14 (because of the plan's deadline)",
    );
  });
});

describe('sarif: every location under a URI base, never "../"', () => {
  const r = {
    valid: true,
    findings: [
      { ruleId: 'GOP-LAW-005', severity: 'warning' as const, messageId: 'absent', data: {}, message: 'm', messageDa: 'b', path: '/x' },
    ],
    counts: { fatal: 0, error: 0, warning: 1, info: 0 },
    rulesetVersion: 'test',
  };
  const FILES = ['plan.xml', './a/b.xml', 'a/../c.xml', '../up.xml', '../../x/y.xml', '/srv/plans/p.xml', 'C:\\plans\\w.xml', 'a:b.xml'];
  const sarifOf = (files: string[], options = {}) => {
    const sarif = JSON.parse(
      formatResults(
        'sarif',
        files.map((file) => ({ file, report: r })),
        options,
      ),
    );
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    return sarif;
  };
  const locations = (sarif: { runs: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] }) =>
    sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);

  it('with the base folder: relative to SRCROOT inside it, an absolute file:// URI outside it', () => {
    const sarif = sarifOf(FILES, { baseDirectory: '/work/project' });
    expect(sarif.runs[0].originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/project/' } });
    expect(locations(sarif)).toEqual([
      { uri: 'plan.xml', uriBaseId: 'SRCROOT' },
      { uri: 'a/b.xml', uriBaseId: 'SRCROOT' },
      { uri: 'c.xml', uriBaseId: 'SRCROOT' },
      { uri: 'file:///work/up.xml' },
      { uri: 'file:///x/y.xml' },
      { uri: 'file:///srv/plans/p.xml' },
      { uri: 'file:///C:/plans/w.xml' },
      { uri: 'a%3Ab.xml', uriBaseId: 'SRCROOT' },
    ]);
    expect(locations(sarifOf(['/work/project/in/p.xml'], { baseDirectory: '/work/project/' }))).toEqual([
      { uri: 'in/p.xml', uriBaseId: 'SRCROOT' },
    ]);
    expect(sarifOf(['p.xml'], { baseDirectory: 'C:\\work' }).runs[0].originalUriBaseIds.SRCROOT).toEqual({ uri: 'file:///C:/work/' });
  });

  it('without it: relative to SRCROOT, or to UPn (n folders above it) for a name that climbs out', () => {
    const sarif = sarifOf(FILES);
    const out = JSON.stringify(sarif);
    expect(out).not.toContain('../');
    expect(locations(sarif).slice(0, 5)).toEqual([
      { uri: 'plan.xml', uriBaseId: 'SRCROOT' },
      { uri: 'a/b.xml', uriBaseId: 'SRCROOT' },
      { uri: 'c.xml', uriBaseId: 'SRCROOT' },
      { uri: 'up.xml', uriBaseId: 'UP1' },
      { uri: 'x/y.xml', uriBaseId: 'UP2' },
    ]);
    expect(Object.keys(sarif.runs[0].originalUriBaseIds)).toEqual(['SRCROOT', 'UP1', 'UP2']);
  });

  it('never "../" in any URI, with or without the base folder, and every relative URI has its base', () => {
    for (const options of [{}, { baseDirectory: '/work/project' }, { baseDirectory: '/' }]) {
      const sarif = sarifOf([...FILES, '../../../../../../deep.xml'], options);
      for (const location of locations(sarif) as { uri: string; uriBaseId?: string }[]) {
        expect(location.uri).not.toMatch(/(^|\/)\.\.(\/|$)/);
        if (!location.uri.startsWith('file:')) expect(location.uriBaseId).toBeDefined();
        expect(location.uriBaseId === undefined || location.uriBaseId in sarif.runs[0].originalUriBaseIds).toBe(true);
      }
    }
  });

  it('under redaction, the placeholder relative to REDACTED', () => {
    const sarif = sarifOf(['Nancy/../secret.xml'], { redact: true });
    expect(locations(sarif)).toEqual([{ uri: 'redacted/file-1', uriBaseId: 'REDACTED' }]);
    expect(sarif.runs[0].originalUriBaseIds.REDACTED).toBeDefined();
  });
});

describe("renderGopHtml's options, checked as checkGop's are", () => {
  const plan = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`);
  const issuesOf = (options: unknown) => {
    try {
      renderGopHtml(plan, options as never);
    } catch (error) {
      expect(error).toBeInstanceOf(GopOptionsError);
      expect((error as Error).message).toMatch(/^invalid options for renderGopHtml:/);
      return (error as GopOptionsError).issues;
    }
    throw new Error('no GopOptionsError');
  };

  it('an unknown key, with did-you-mean', () => {
    expect(issuesOf({ lng: 'en' })).toEqual([{ path: 'lng', message: expect.stringMatching(/^unknown option \(did you mean lang\?\)/) }]);
    expect(issuesOf({ refrenceDate: '2019-03-10' })[0]!.message).toContain('did you mean referenceDate?');
    expect(issuesOf({ colour: true })[0]!.message).toMatch(
      /^unknown option; known are lang, redact, referenceDate, timeZone, findings, check$/,
    );
  });

  it('a language other than da or en names lang', () => {
    expect(issuesOf({ lang: 'de' })).toEqual([{ path: 'lang', message: 'must be "da" or "en", not "de"' }]);
    expect(issuesOf({ lang: 5 })).toEqual([{ path: 'lang', message: 'must be "da" or "en", not a number' }]);
  });

  it("a bad referenceDate or timeZone is renderGopHtml's, not checkGop's", () => {
    expect(issuesOf({ referenceDate: '2019-02-30' }).map((i) => i.path)).toEqual(['referenceDate']);
    expect(issuesOf({ referenceDate: new Date(Number.NaN) }).map((i) => i.path)).toEqual(['referenceDate']);
    expect(issuesOf({ timeZone: 'Mars/Olympus' }).map((i) => i.path)).toEqual(['timeZone']);
    expect(issuesOf({ redact: 'yes', findings: 1 }).map((i) => i.path)).toEqual(['redact', 'findings']);
    expect(issuesOf({ check: [] })).toEqual([{ path: 'check', message: 'must be the options of checkGop (an object), not an array' }]);
  });

  it('good options and null or undefined ones still give the page', () => {
    const page = renderGopHtml(plan, {
      lang: 'en',
      redact: null as never,
      referenceDate: undefined,
      timeZone: 'UTC',
      findings: false,
      check: {},
    });
    expect(page).toContain('lang="en"');
    expect(renderGopHtml(plan, { lang: undefined })).toBe(renderGopHtml(plan));
  });
});
