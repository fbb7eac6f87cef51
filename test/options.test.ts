// Options of parseGop, checkGop and buildGop: one zod schema each; what cannot be used throws
// GopOptionsError listing every problem, null or undefined is the default, and the report still matches its schema.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  buildGop,
  checkGop,
  CheckOptionsSchema,
  GopOptionsError,
  parseGop,
  ParseOptionsSchema,
  rules,
  type CheckOptions,
  type GopMessage,
  type Report,
  type SeveritySetting,
} from '../src/index';
import { ValidateOptionsSchema } from '../src/report/options';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const ROOT = new URL('..', import.meta.url).pathname;
const parsed = parseGop(MIN);
if (!parsed.ok) throw new Error('minimal.xml does not read');
const MESSAGE: GopMessage = parsed.message;

/** The error a call throws (failing the test when it throws none or another). */
function optionsError(call: () => unknown): GopOptionsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(GopOptionsError);
    return error as GopOptionsError;
  }
  throw new Error('expected a GopOptionsError, but nothing was thrown');
}
const paths = (error: GopOptionsError) => error.issues.map((i) => i.path);

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));
const validateReports = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
function expectSchemaValid(report: Report) {
  expect(validateReports([{ file: 'x.xml', ...report }]), JSON.stringify(validateReports.errors?.slice(0, 3))).toBe(true);
}

describe('GopOptionsError', () => {
  it('is an Error named GopOptionsError whose issues list every problem, and whose message lists them all', () => {
    const error = optionsError(() =>
      checkGop(MIN, {
        refrenceDate: '2019-03-10',
        referenceDate: '2019-02-30',
        timeZone: 'Mars/Olympus_Mons',
        severity: { 'GOP-LAW-05': 'warning', 'GOP-INPUT-001': 'off', 'GOP-LAW-005': 'fatal', 'GOP-FORMAT-005': 'warn' },
        language: 'de',
        redact: 'yes',
        maxBytes: -1,
        maxDepth: Number.NaN,
      } as never),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GopOptionsError');
    expect(paths(error).sort()).toEqual([
      'language',
      'maxBytes',
      'maxDepth',
      'redact',
      'referenceDate',
      'refrenceDate',
      'severity.GOP-FORMAT-005',
      'severity.GOP-INPUT-001',
      'severity.GOP-LAW-005',
      'severity.GOP-LAW-05',
      'timeZone',
    ]);
    for (const issue of error.issues) {
      expect(typeof issue.message).toBe('string');
      expect(error.message).toContain(`${issue.path}: ${issue.message}`);
    }
    expect(error.message.startsWith('invalid options for checkGop:\n')).toBe(true);
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    expect(byPath.refrenceDate).toContain('did you mean referenceDate?');
    expect(byPath['severity.GOP-LAW-05']).toContain('did you mean GOP-LAW-005?');
    expect(byPath['severity.GOP-INPUT-001']).toContain('is fatal');
    expect(byPath['severity.GOP-LAW-005']).toMatch(/"fatal" is no severity setting: use off, info, warning or error/);
    expect(byPath['severity.GOP-FORMAT-005']).toContain('"warn"');
    expect(byPath.timeZone).toContain('"Mars/Olympus_Mons"');
  });

  it('names the value only by its kind where it is not text (a CPR number given as an option stays out of logs)', () => {
    const error = optionsError(() => checkGop(MIN, { redact: 1234567890 } as never));
    expect(error.message).not.toContain('1234567890');
    expect(error.issues).toEqual([{ path: 'redact', message: 'must be true or false, not a number' }]);
  });
});

describe('each function checks its own options', () => {
  it('parseGop: its limits only; an option of another function is named as such', () => {
    expect(optionsError(() => parseGop(MIN, { referenceDate: '2019-03-10' } as never)).issues).toEqual([
      { path: 'referenceDate', message: expect.stringContaining('it is an option of checkGop') },
    ]);
    expect(optionsError(() => parseGop(MIN, { maxBytes: 0 })).message.startsWith('invalid options for parseGop:')).toBe(true);
  });

  it('checkGop of a message object: source, for its lines; anything else there is refused', () => {
    const error = optionsError(() => checkGop(MESSAGE, { maxBytes: 10, source: 42 } as never));
    expect(error.message.startsWith('invalid options for checkGop:')).toBe(true);
    expect(paths(error)).toEqual(['source']);
    expect(checkGop(parsed.message, { source: parsed.source, referenceDate: '2019-03-10' }).valid).toBe(true);
  });

  it('checkGop: every ParseOptions and ValidateOptions key, source, and none other', () => {
    const all: Required<CheckOptions> = {
      maxBytes: 1_000_000,
      maxDepth: 40,
      maxAttributes: 10,
      maxElements: 5_000,
      maxFindings: 50,
      referenceDate: '2019-03-10',
      timeZone: 'UTC',
      severity: { 'GOP-LAW-005': 'off' },
      language: 'da',
      redact: false,
      standard: { name: 'Ishøj', start: { within: 10, unit: 'workingDays', from: 'discharge' } },
      source: parsed.source,
    };
    // maxFindings is in both: parseGop caps its own findings too
    expect(Object.keys(all).sort()).toEqual(
      [...new Set([...Object.keys(ParseOptionsSchema.shape), ...Object.keys(ValidateOptionsSchema.shape), 'source'])].sort(),
    );
    expect(Object.keys(CheckOptionsSchema.shape).sort()).toEqual(Object.keys(all).sort());
    expect(checkGop(MIN, all).valid).toBe(true);
    expect(paths(optionsError(() => checkGop(MIN, { ...all, pretty: true } as never)))).toEqual(['pretty']);
  });

  it('buildGop and buildGopBytes: pretty, prefixes, encoding, strict', () => {
    expect(() => buildGop(MESSAGE, { pretty: true, prefixes: { m100: 'x' }, encoding: 'ISO-8859-1', strict: false })).not.toThrow();
    const error = optionsError(() =>
      buildGop(MESSAGE, { encoding: 'latin1', pretty: 'yes', prefixes: { m99: 'a', m104: 3 }, strcit: true } as never),
    );
    expect(error.message.startsWith('invalid options for buildGop:')).toBe(true);
    expect(paths(error).sort()).toEqual(['encoding', 'prefixes.m104', 'prefixes.m99', 'pretty', 'strcit']);
    expect(error.issues.find((i) => i.path === 'strcit')!.message).toContain('did you mean strict?');
    expect(() => buildGop(MESSAGE, null as never)).not.toThrow();
  });

  it('options that are no object at all', () => {
    for (const options of [5, 'strict', true, [], () => 1]) {
      for (const call of [
        () => parseGop(MIN, options as never),
        () => checkGop(MIN, options as never),
        () => checkGop(MESSAGE, options as never),
        () => buildGop(MESSAGE, options as never),
      ]) {
        const error = optionsError(call);
        expect(error.issues).toHaveLength(1);
        expect(error.issues[0]!.path).toBe('');
        expect(error.message).toContain('(options): options must be an object');
      }
    }
  });
});

describe('maxFindings', () => {
  it('takes a positive whole number, for parseGop and checkGop; null or undefined is the default, 1,000', () => {
    for (const maxFindings of [1, 7, 1000, 2 ** 40]) {
      expect(() => checkGop(MIN, { maxFindings })).not.toThrow();
      expect(() => checkGop(MESSAGE, { maxFindings })).not.toThrow();
      expect(() => parseGop(MIN, { maxFindings })).not.toThrow();
    }
    expect(CheckOptionsSchema.parse({}).maxFindings).toBe(1000);
    expect(CheckOptionsSchema.parse({ maxFindings: null }).maxFindings).toBe(1000);
    expect(CheckOptionsSchema.parse({ maxFindings: undefined }).maxFindings).toBe(1000);
    expect(ParseOptionsSchema.parse({}).maxFindings).toBe(1000);
  });

  it('cannot be switched off: 0, Infinity, -1, 1.5, NaN, "100", true are refused by each function, naming the option', () => {
    for (const maxFindings of [0, Number.POSITIVE_INFINITY, -1, 1.5, Number.NaN, '100', true, {}]) {
      for (const call of [
        () => checkGop(MIN, { maxFindings } as never),
        () => checkGop(MESSAGE, { maxFindings } as never),
        () => parseGop(MIN, { maxFindings } as never),
      ]) {
        expect(optionsError(call).issues).toEqual([
          { path: 'maxFindings', message: 'must be a positive whole number; null or undefined for the default, 1000' },
        ]);
      }
    }
  });

  it('given to buildGop, is named as an option of the functions that take it', () => {
    expect(optionsError(() => buildGop(MESSAGE, { maxFindings: 5 } as never)).issues[0]!.message).toContain(
      'it is an option of parseGop and checkGop',
    );
    // the others keep their owners
    expect(optionsError(() => buildGop(MESSAGE, { maxBytes: 5 } as never)).issues[0]!.message).toContain(
      'it is an option of parseGop and checkGop',
    );
    expect(optionsError(() => parseGop(MIN, { source: parsed.source } as never)).issues[0]!.message).toContain(
      'it is an option of checkGop;',
    );
  });
});

describe('null or undefined means the default', () => {
  const plain = checkGop(MIN);

  it('for the options argument and for each option', () => {
    expect(checkGop(MIN, undefined)).toEqual(plain);
    expect(checkGop(MIN, null)).toEqual(plain);
    expect(checkGop(MIN, {})).toEqual(plain);
    const allNull = Object.fromEntries(Object.keys(CheckOptionsSchema.shape).map((key) => [key, null])) as CheckOptions;
    const allUndefined = Object.fromEntries(Object.keys(CheckOptionsSchema.shape).map((key) => [key, undefined])) as CheckOptions;
    expect(checkGop(MIN, allNull)).toEqual(plain);
    expect(checkGop(MIN, allUndefined)).toEqual(plain);
    expect(parseGop(MIN, null).ok).toBe(true);
    expect(checkGop(MESSAGE, null).valid).toBe(true);
    // a severity entry of null changes nothing
    expect(checkGop(MIN, { severity: { 'GOP-LAW-005': null as never } })).toEqual(plain);
  });

  it('only own properties are options: inherited ones are not read', () => {
    const inherited = Object.create({ maxBytes: -1, refrenceDate: 'x' }) as CheckOptions;
    expect(checkGop(MIN, inherited)).toEqual(plain);
  });

  it('DEFAULT_PARSE_OPTIONS (written out, not parsed at import) are what the schema makes of no options', async () => {
    const { checkParseOptions, DEFAULT_PARSE_OPTIONS } = await import('../src/options/index');
    expect(DEFAULT_PARSE_OPTIONS).toStrictEqual(ParseOptionsSchema.parse({}));
    expect(DEFAULT_PARSE_OPTIONS).toStrictEqual(checkParseOptions(undefined));
    expect(Object.isFrozen(DEFAULT_PARSE_OPTIONS)).toBe(true);
  });
});

describe('severity settings', () => {
  const fatalRules = rules.filter((r) => r.severity === 'fatal');

  it('every fatal rule refuses every setting; every other rule takes off, info, warning and error', () => {
    expect(fatalRules.map((r) => r.id)).toEqual([
      'GOP-INPUT-001',
      'GOP-INPUT-002',
      'GOP-INPUT-003',
      'GOP-INPUT-004',
      'GOP-INPUT-005',
      'GOP-INPUT-007',
      'GOP-INPUT-009',
    ]);
    for (const rule of fatalRules) {
      for (const setting of ['off', 'info', 'warning', 'error'] as const) {
        expect(optionsError(() => checkGop(MIN, { severity: { [rule.id]: setting } })).issues).toEqual([
          {
            path: `severity.${rule.id}`,
            message: `${rule.id} is fatal (the document cannot be read as a G-GOP), so its severity cannot be changed`,
          },
        ]);
      }
    }
    const others: Record<string, SeveritySetting> = Object.fromEntries(
      rules.filter((r) => r.severity !== 'fatal').map((r, i) => [r.id, (['off', 'info', 'warning', 'error'] as const)[i % 4]!]),
    );
    expect(() => checkGop(MIN, { severity: others })).not.toThrow();
    expect(() => checkGop(MESSAGE, { severity: others })).not.toThrow();
  });

  it("'fatal' is no setting, for an input rule (GOP-INPUT-006) or any other", () => {
    for (const id of ['GOP-INPUT-006', 'GOP-STRUCT-001', 'GOP-LAW-006']) {
      expect(optionsError(() => checkGop(MIN, { severity: { [id]: 'fatal' as never } })).issues[0]!.message).toContain(
        '"fatal" is no severity setting',
      );
    }
  });

  it('unknown ids, wrong values and a map that is no object are refused', () => {
    expect(
      paths(optionsError(() => checkGop(MIN, { severity: { 'GOP-LAW-099': 'off', 'gop-law-005': 'off', constructor: 'off' } as never }))),
    ).toEqual(['severity.GOP-LAW-099', 'severity.gop-law-005', 'severity.constructor']);
    expect(optionsError(() => checkGop(MIN, { severity: { 'gop-law-005': 'off' } })).issues[0]!.message).toContain(
      'did you mean GOP-LAW-005?',
    );
    for (const value of [1, true, 'ERROR', 'Off', {}, null]) {
      if (value === null) continue; // null is "no change"
      expect(paths(optionsError(() => checkGop(MIN, { severity: { 'GOP-LAW-005': value as never } })))).toEqual(['severity.GOP-LAW-005']);
    }
    for (const map of ['off', 5, ['GOP-LAW-005']]) {
      expect(optionsError(() => checkGop(MIN, { severity: map as never })).issues).toEqual([
        { path: 'severity', message: expect.stringContaining('must be an object of rule id') },
      ]);
    }
  });
});

describe('referenceDate and timeZone', () => {
  it.each([
    ['2019-03-10'],
    ['2020-02-29'],
    ['2019-03-13T23:30:00Z'],
    ['2019-03-13T23:30Z'],
    ['2019-03-13T23:30:00.123+01:00'],
    ['2019-03-14T00:30'], // wall-clock time in timeZone
    ['2019-03-14T00:30:15'],
  ])('accepts %s', (referenceDate) => {
    expect(() => checkGop(MIN, { referenceDate })).not.toThrow();
  });

  it('accepts a valid Date', () => {
    expect(checkGop(MIN, { referenceDate: new Date('2019-03-13T23:30:00Z') }).valid).toBe(true);
  });

  it.each([
    ['2019-02-30', 'no such day'],
    ['2019-13-01', 'no such month'],
    ['2019-3-10', 'not zero-padded'],
    ['i morgen', 'words'],
    ['March 10, 2019', 'what new Date() would read, but no ISO date'],
    ['2019-03-10T24:30', 'no such hour'],
    ['2019-03-10T10:00:00+25:00', 'no such offset'],
    ['', 'empty'],
    [20190310, 'a number'],
    [new Date('not a date'), 'an invalid Date'],
    [{}, 'an object'],
  ] as [unknown, string][])('refuses %s (%s)', (referenceDate) => {
    expect(optionsError(() => checkGop(MIN, { referenceDate: referenceDate as never })).issues).toEqual([
      { path: 'referenceDate', message: expect.stringContaining('must be a date (YYYY-MM-DD') },
    ]);
    expect(paths(optionsError(() => checkGop(MESSAGE, { referenceDate: referenceDate as never })))).toEqual(['referenceDate']);
  });

  it('a time zone Intl knows is accepted; another, or no text, is refused', () => {
    for (const timeZone of ['Europe/Copenhagen', 'UTC', 'America/New_York', 'Etc/GMT-1']) {
      expect(() => checkGop(MIN, { referenceDate: '2019-03-10T12:00:00Z', timeZone })).not.toThrow();
    }
    for (const timeZone of ['Not/AZone', 'Europe/Kobenhavn', '', 'CET+1', 42, {}]) {
      expect(optionsError(() => checkGop(MIN, { timeZone: timeZone as never })).issues).toEqual([
        { path: 'timeZone', message: expect.stringContaining('must be an IANA time zone') },
      ]);
    }
  });
});

describe('the options check on the common path', () => {
  it('an options object checked once is not checked again, but a change to it is seen', () => {
    const plan = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`); // must start by 2019-03-14
    const options: CheckOptions = { referenceDate: '2019-03-10', severity: { 'GOP-LAW-005': 'off' } };
    const first = checkGop(plan, options);
    expect(first.facts?.daysUntilMustStart).toBe(4);
    expect(checkGop(plan, options)).toEqual(first);
    options.referenceDate = '2019-03-11';
    expect(checkGop(plan, options).facts?.daysUntilMustStart).toBe(3);
    options.severity!['GOP-INPUT-001'] = 'off'; // one level down, too
    expect(paths(optionsError(() => checkGop(MIN, options)))).toEqual(['severity.GOP-INPUT-001']);
    delete options.severity!['GOP-INPUT-001'];
    expect(() => checkGop(MIN, options)).not.toThrow();
  });

  it('a frozen options object is fine', () => {
    const options = Object.freeze({ referenceDate: '2019-03-10', severity: Object.freeze({ 'GOP-LAW-005': 'off' as const }) });
    expect(checkGop(MIN, options).valid).toBe(true);
    expect(checkGop(MIN, options).valid).toBe(true);
  });

  it('a getter that throws is reported as options that cannot be read', () => {
    const options = {
      get referenceDate(): string {
        throw new Error('boom');
      },
    };
    expect(optionsError(() => checkGop(MIN, options)).issues).toEqual([{ path: '', message: 'the options cannot be read (boom)' }]);
  });
});

describe('the report validates against schemas/report.schema.json, whatever the options', () => {
  it('for every kind of option, on valid, invalid and unreadable input', () => {
    const inputs = [
      MIN,
      readFileSync(`${FIXTURES_DIR}invalid/GOP-LAW-006--consent-nej.xml`, 'utf8'),
      '<not-xml',
      new Uint8Array([0xff, 0xfe]),
    ];
    const optionSets: CheckOptions[] = [
      {},
      { referenceDate: '2019-03-10' },
      { referenceDate: new Date(Date.UTC(2019, 2, 10)), timeZone: 'UTC' },
      { severity: { 'GOP-LAW-006': 'info', 'GOP-INPUT-006': 'off', 'GOP-STRUCT-003': 'error' } },
      { language: 'da', redact: true },
      { maxBytes: 100 },
      { maxDepth: 3 },
      { maxElements: 10, maxAttributes: 1 },
      { maxFindings: 1 },
      { referenceDate: null, timeZone: null, severity: null, language: null, redact: null, maxBytes: null },
    ];
    for (const input of inputs) for (const options of optionSets) expectSchemaValid(checkGop(input, options));
    expectSchemaValid(checkGop(MESSAGE, { referenceDate: '2019-03-10', redact: true }));
    expectSchemaValid(checkGop(null as never));
  });
});

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli.js')))('gop validate: an option checkGop refuses is a usage error', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('--rule on a fatal rule: exit 2, one clear line, no stack trace', () => {
    const run = cli(['validate', '--rule', 'GOP-INPUT-001=off', `${FIXTURES_DIR}valid/minimal.xml`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('gop: --rule GOP-INPUT-001: GOP-INPUT-001 is fatal');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});

describe('the options cache follows nested values', () => {
  it('sees a quality standard changed in place in the same options object', () => {
    const plan = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`);
    const options = { standard: { name: 'Kvalitetsstandard', start: { within: 10, unit: 'days' as const, from: 'discharge' as const } } };
    const first = checkGop(plan, options).facts?.standard?.startBy;
    options.standard.start.within = 3;
    const second = checkGop(plan, options).facts?.standard?.startBy;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});
