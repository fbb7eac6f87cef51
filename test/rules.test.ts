// Behaviour across rules: the baseline, positions, order, the fixtures, severity settings, objects, robustness and the
// public sample. Each rule's own cases (where it fires, where it stays silent) are in test/rules/<module>.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGop, parseGop, ReportSchema, rules, rulesById, type Finding, type Report, type Severity } from '../src/index';
import { FIXTURES_DIR, haveSamples, SAMPLE, tinyMessage } from './helpers';
import { at, authorisedOn, MIN, P, sentOn, setText, withConsent, withDeadline } from './rules/plan';

const located = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, line: f.line, column: f.column });
const byKey = (a: { ruleId: string; path: string; line?: number }, b: typeof a) =>
  `${a.ruleId} ${a.path} ${a.line}`.localeCompare(`${b.ruleId} ${b.path} ${b.line}`);
const ids = (report: Report) => report.findings.map((f) => f.ruleId);

describe('across rules: where and in which order', () => {
  it('the baseline, valid/minimal.xml, has no finding at all', () => {
    const report = checkGop(MIN);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('a message without the content the law asks for (tinyMessage) gets each law finding at RehabilitationPlan', () => {
    const xml = tinyMessage();
    const report = checkGop(xml);
    const plan = at(xml, 'RehabilitationPlan');
    expect(report.findings.map(located).sort(byKey)).toEqual(
      [
        { ruleId: 'GOP-LAW-002', severity: 'error', path: `${P}/AbilityAtDischargeSummary`, ...plan },
        { ruleId: 'GOP-LAW-003', severity: 'error', path: `${P}/RehabilitationNeedAndPotential`, ...plan },
        { ruleId: 'GOP-LAW-005', severity: 'warning', path: `${P}/ContactCounty`, ...plan },
        { ruleId: 'GOP-LAW-005', severity: 'warning', path: `${P}/ContactMunicipality`, ...plan },
        { ruleId: 'GOP-LAW-007', severity: 'warning', path: `${P}/GPCCReceiver`, ...plan },
        { ruleId: 'GOP-LAW-011', severity: 'warning', path: `${P}/CurrentHospitalContact/ExpectedEnd`, ...plan },
      ].sort(byKey),
    );
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ fatal: 0, error: 2, warning: 4, info: 0 });
  });

  it('findings come in document order (line, then column), whatever their layer', () => {
    let xml = sentOn('2019-03-06', authorisedOn('2019-03-06')); // GOP-LAW-010 at Authorisation, line 15
    xml = withDeadline('når patienten er klar', xml); // GOP-LAW-008 further down
    xml = setText(xml, ['Sender', 'mm100:EANIdentifier'], '5790002724511'); // GOP-FORMAT-004, line 22
    xml = setText(xml, ['mm100:Sent', 'mm100:Time'], '24:15'); // GOP-FORMAT-002, line 6
    expect(ids(checkGop(xml))).toEqual(['GOP-FORMAT-002', 'GOP-LAW-010', 'GOP-FORMAT-004', 'GOP-LAW-008']);
  });

  it('lines and columns are the same with CRLF line ends and with a byte order mark, as text or bytes', () => {
    const xml = setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const where = at(xml, 'Sender', 'mm100:EANIdentifier');
    for (const variant of [xml.replace(/\n/g, '\r\n'), `\uFEFF${xml}`]) {
      for (const input of [variant, new TextEncoder().encode(variant)]) {
        expect(checkGop(input).findings.map(located)).toEqual([
          { ruleId: 'GOP-FORMAT-004', severity: 'error', path: `${P}/Sender/EANIdentifier`, ...where },
        ]);
      }
    }
  });

  // Was a bug (fixed): src/xml/position.ts (LineIndex) counts only "\n" as a line end. XML 1.0 §2.11 makes a lone CR a line
  // break too, so in a file with CR line ends every finding is reported on line 1 (here 1:742 instead of 22:7).
  it('fixed: a lone CR (old Mac line ends) counts as a line break, as XML 1.0 §2.11 says', () => {
    const xml = setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const where = at(xml, 'Sender', 'mm100:EANIdentifier');
    expect(checkGop(xml.replace(/\n/g, '\r')).findings.map(located)).toEqual([
      { ruleId: 'GOP-FORMAT-004', severity: 'error', path: `${P}/Sender/EANIdentifier`, ...where },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

interface ManifestEntry {
  file: string;
  valid: boolean;
  level?: string;
  dischargeDate?: string;
  expectRules: string[];
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const fixture = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const SERIOUS: ReadonlySet<Severity> = new Set(['fatal', 'error']);

describe('fixtures through checkGop', () => {
  it('the manifest lists every fixture on disk, and every invalid fixture is named for a rule of the catalogue', () => {
    const onDisk = ['valid', 'invalid'].flatMap((dir) =>
      readdirSync(`${FIXTURES_DIR}${dir}`)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => `${dir}/${f}`),
    );
    expect(manifest.map((m) => m.file).sort()).toEqual(onDisk.sort());
    for (const file of onDisk.filter((f) => f.startsWith('invalid/'))) {
      const id = /^invalid\/(GOP-[A-Z]+-\d{3})--/.exec(file)?.[1];
      expect(id && rulesById.has(id), file).toBe(true);
      expect(manifest.find((m) => m.file === file)!.expectRules).toContain(id);
    }
  });

  it.each(manifest)('$file: valid $valid, fires $expectRules', ({ file, valid, level, dischargeDate, expectRules }) => {
    const report = checkGop(fixture(file));
    expect(report.valid).toBe(valid);
    for (const id of expectRules) expect(ids(report)).toContain(id);
    expect(report.facts?.level).toBe(level);
    expect(report.facts?.dischargeDate).toBe(dischargeDate);
  });

  it.each(manifest.filter((m) => m.file.startsWith('invalid/')))('$file: no other error or fatal rule fires', ({ file }) => {
    const named = /^invalid\/(GOP-[A-Z]+-\d{3})--/.exec(file)![1]!;
    const others = checkGop(fixture(file)).findings.filter((f) => f.ruleId !== named && SERIOUS.has(f.severity));
    expect(others).toEqual([]);
  });

  it.each(manifest.filter((m) => m.file.startsWith('valid/')))('$file: no finding at all, so every rule stays silent', ({ file }) => {
    const report = checkGop(fixture(file));
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ fatal: 0, error: 0, warning: 0, info: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('severity options', () => {
  const noContacts = fixture('invalid/GOP-LAW-005--no-contacts.xml');

  it("'off' removes a rule's findings, and valid and counts are computed on what is left", () => {
    const plain = checkGop(noContacts);
    expect(plain.findings.map((f) => f.ruleId)).toEqual(['GOP-LAW-005', 'GOP-LAW-005']);
    expect(plain.counts).toEqual({ fatal: 0, error: 0, warning: 2, info: 0 });

    const asError = checkGop(noContacts, { severity: { 'GOP-LAW-005': 'error' } });
    expect(asError.valid).toBe(false);
    expect(asError.counts).toEqual({ fatal: 0, error: 2, warning: 0, info: 0 });

    const off = checkGop(noContacts, { severity: { 'GOP-LAW-005': 'off' } });
    expect(off.findings).toEqual([]);
    expect(off.counts).toEqual({ fatal: 0, error: 0, warning: 0, info: 0 });
    expect(off.valid).toBe(true);

    // an error switched off makes the plan valid again
    const consent = checkGop(withConsent('nej'), { severity: { 'GOP-LAW-006': 'off' } });
    expect(consent.findings).toEqual([]);
    expect(consent.valid).toBe(true);
  });

  it("'error' makes a warning an error, and the plan invalid", () => {
    const file = fixture('invalid/GOP-FORMAT-005--patient-postcode-52600.xml');
    expect(checkGop(file).valid).toBe(true);
    const report = checkGop(file, { severity: { 'GOP-FORMAT-005': 'error' } });
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GOP-FORMAT-005', 'error']]);
    expect(report.counts).toEqual({ fatal: 0, error: 1, warning: 0, info: 0 });
    expect(report.valid).toBe(false);
  });

  it("'warning' and 'info' make an error harmless; other rules keep their severity", () => {
    const xml = setText(withConsent('nej'), ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const report = checkGop(xml, { severity: { 'GOP-LAW-006': 'info' } });
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['GOP-FORMAT-004', 'error'],
      ['GOP-LAW-006', 'info'],
    ]);
    expect(report.counts).toEqual({ fatal: 0, error: 1, warning: 0, info: 1 });
    expect(report.valid).toBe(false);
  });

  it('a fatal rule cannot be switched off or lowered: the setting is refused (GopOptionsError)', () => {
    const doctype = fixture('invalid/GOP-INPUT-002--billion-laughs.xml');
    for (const setting of ['off', 'warning', 'info', 'error'] as const) {
      expect(() => checkGop(doctype, { severity: { 'GOP-INPUT-002': setting } })).toThrow(
        /severity\.GOP-INPUT-002: GOP-INPUT-002 is fatal/,
      );
    }
    const report = checkGop(doctype);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GOP-INPUT-002', 'fatal']]);
    expect(report.valid).toBe(false);
  });

  // Was a bug (fixed): src/report/validate.ts (checkGop/applySeverity): GOP-INPUT-006 is an error, not a fatal, so it can be
  // switched off; when the VANSEnvelope's Data is not base64 nothing inside was read or checked, yet the report
  // then says valid: true, with no findings and no facts.
  it('fixed: switching GOP-INPUT-006 off does not make an unreadable VANS payload valid', () => {
    const report = checkGop(fixture('invalid/GOP-INPUT-006--vans-bad-base64.xml'), { severity: { 'GOP-INPUT-006': 'off' } });
    expect(report.valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('checkGop on a message object', () => {
  const parsed = parseGop(MIN);
  if (!parsed.ok) throw new Error('minimal.xml does not read');

  it('reports paths but no line or column', () => {
    const message = structuredClone(parsed.message);
    message.rehabilitationPlan.consentInformed = 'nej';
    delete message.rehabilitationPlan.contactCounty;
    message.rehabilitationPlan.sender.eanIdentifier = '5790002724511';
    const report = checkGop(message);
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['GOP-FORMAT-004', `${P}/Sender/EANIdentifier`],
      ['GOP-LAW-005', `${P}/ContactCounty`],
      ['GOP-LAW-006', `${P}/Receiver`],
    ]);
    for (const finding of report.findings) {
      expect(finding).not.toHaveProperty('line');
      expect(finding).not.toHaveProperty('column');
    }
    expect(report.valid).toBe(false);
    expect(report.facts?.consent).toBe('nej');
  });

  it('the unedited object is as clean as the file, and the facts are the same as checkGop', () => {
    const report = checkGop(parsed.message, { referenceDate: '2019-03-06' });
    expect(report.findings).toEqual([]);
    expect(report.facts).toEqual(checkGop(MIN, { referenceDate: '2019-03-06' }).facts);
  });

  it('a message built in code, with most of it missing, is validated without throwing', () => {
    const report = checkGop({ rehabilitationPlan: { typeOfRehabilitationPlan: 'rehabilitering', consentInformed: 'nej' } });
    expect(ids(report)).toEqual(
      expect.arrayContaining(['GOP-LAW-002', 'GOP-LAW-003', 'GOP-LAW-004', 'GOP-LAW-005', 'GOP-LAW-007', 'GOP-LAW-011']),
    );
    expect(report.findings.every((f) => f.line === undefined)).toBe(true);
    expect(checkGop({}).valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** What every report must satisfy, whatever the input. */
function expectConsistent(report: Report) {
  const tally = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) tally[finding.severity]++;
  expect(report.counts).toEqual(tally);
  expect(report.valid).toBe(tally.fatal === 0 && tally.error === 0);
  expect(ReportSchema.safeParse(report).success).toBe(true);
  for (const finding of report.findings) expect(rulesById.has(finding.ruleId), finding.ruleId).toBe(true);
}

describe('checkGop never throws', () => {
  it('on input of the wrong type', () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      Number.NaN,
      {},
      [],
      true,
      '',
      ' ',
      '<',
      new Uint8Array(0),
      new Uint8Array([0xff, 0xfe, 0x00]),
      Symbol('x'),
      () => 1,
      new Date(0),
    ];
    for (const input of odd) {
      let report: Report | undefined;
      expect(() => (report = checkGop(input as never))).not.toThrow();
      expectConsistent(report!);
      expect(report!.valid).toBe(false);
    }
  });

  it('on random bytes (500 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const report = checkGop(bytes);
        expectConsistent(report);
      }),
      { numRuns: 500 },
    );
  });

  it('on random text, alone and spliced into minimal.xml (500 runs each)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => expectConsistent(checkGop(text))),
      { numRuns: 500 },
    );
    const texts = [...MIN.matchAll(/>([^<>]+)</g)].filter((m) => m[1]!.trim()).map((m) => ({ start: m.index! + 1, length: m[1]!.length }));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.string({ maxLength: 40 }), (k, value) => {
        const { start, length } = texts[k]!;
        const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const report = checkGop(MIN.slice(0, start) + escaped + MIN.slice(start + length), { referenceDate: '2019-03-10' });
        expectConsistent(report);
        // a rule that crashed is reported as "validation failed unexpectedly": none may
        expect(report.findings.filter((f) => /unexpectedly/.test(f.message))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('with any severity settings: counts, valid, and fatal findings kept (500 runs)', () => {
    const inputs = [
      MIN,
      tinyMessage(),
      fixture('invalid/GOP-INPUT-002--billion-laughs.xml'),
      fixture('invalid/GOP-LAW-006--consent-nej.xml'),
    ];
    // fatal rules take no setting (GopOptionsError, test/options.test.ts)
    const settings = fc.dictionary(
      fc.constantFrom(...rules.filter((r) => r.severity !== 'fatal').map((r) => r.id)),
      fc.constantFrom('off' as const, 'error' as const, 'warning' as const, 'info' as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...inputs), settings, (input, severity) => {
        const report = checkGop(input, { severity });
        expectConsistent(report);
        const plain = checkGop(input);
        expect(report.counts.fatal).toBe(plain.counts.fatal);
        for (const finding of report.findings) {
          const setting = severity[finding.ruleId];
          if (finding.severity !== 'fatal' && setting) expect(finding.severity).toBe(setting);
          expect(setting === 'off' && finding.severity !== 'fatal').toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!haveSamples)('the public example message (../shared/samples)', () => {
  if (!haveSamples) console.warn(`public sample rule tests skipped: ${SAMPLE} is absent`);
  const xml = haveSamples ? readFileSync(SAMPLE, 'utf8') : '';
  const report = haveSamples ? checkGop(readFileSync(SAMPLE)) : (undefined as never);
  const hasLaw013 = rulesById.has('GOP-LAW-013');

  it('gives exactly its true defects', () => {
    const expected = [
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-LAW-010',
      'GOP-LAW-008',
      ...(hasLaw013 ? ['GOP-LAW-013'] : []),
    ];
    expect(ids(report).sort()).toEqual(expected.sort());
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ fatal: 0, error: 5, warning: expected.length - 5, info: 0 });
  });

  it('flags the five bad location numbers, where they are', () => {
    const ean = report.findings.filter((f) => f.ruleId === 'GOP-FORMAT-004');
    const rows: [string, string, string[], RegExp][] = [
      // 5,7,9,0,0,0,2,0,1,2,2,7 weighted 1,3,...: 67, so the check digit is 3 for all three 579000201227x
      ['5790002012274', `${P}/GPCCReceiver/CCReceiver/EANIdentifier`, ['GPCCReceiver', 'mm100:EANIdentifier'], /should be 3/],
      [
        '5790002012276',
        `${P}/CCReceiver[1]/EANIdentifier`,
        ['GPCCReceiver', 'CCReceiver', 'CCReceiver', 'mm100:EANIdentifier'],
        /should be 3/,
      ],
      ['5790002012272', `${P}/HospitalAmbulatoryControl/Location/EANIdentifier`, ['Location', 'mm100:EANIdentifier'], /should be 3/],
      ['57001231231', `${P}/ContactCounty/EANIdentifier`, ['ContactCounty', 'mm100:EANIdentifier'], /not a 13-digit/],
      ['5790002012276', `${P}/FinalResult/ResultReceiver[1]/EANIdentifier`, ['ResultReceiver', 'mm100:EANIdentifier'], /should be 3/],
    ];
    expect(ean).toHaveLength(rows.length);
    for (const [value, path, tags, why] of rows) {
      const finding = ean.find((f) => f.path === path);
      expect(finding, path).toBeDefined();
      expect(finding!.message).toContain(`"${value}"`);
      expect(finding!.message).toMatch(why);
      expect({ line: finding!.line, column: finding!.column }).toEqual(at(xml.replace(/^\uFEFF/, ''), ...tags));
    }
  });

  it('flags the late authorisation, the "Fri tekst" deadline and (GOP-LAW-013) the sending before authorisation', () => {
    const find = (id: string) => report.findings.find((f) => f.ruleId === id)!;
    const text = xml.replace(/^\uFEFF/, '');
    expect(find('GOP-LAW-010').message).toMatch(/2015-03-04.*2014-12-20/);
    expect(find('GOP-LAW-010')).toMatchObject({ path: `${P}/Letter/Authorisation`, ...at(text, 'Authorisation') });
    expect(find('GOP-LAW-008').message).toContain('Fri tekst');
    expect(find('GOP-LAW-008')).toMatchObject({ path: `${P}/RehabilitationDeadline`, ...at(text, 'RehabilitationDeadline') });
    if (hasLaw013) {
      expect(find('GOP-LAW-013').message).toMatch(/2009-09-04.*2015-03-04/);
      expect(find('GOP-LAW-013')).toMatchObject({ path: '/Emessage/Envelope/Sent', ...at(text, 'Envelope', 'Sent') });
    }
  });

  it('has the facts of the dummy patient', () => {
    const facts = report.facts!;
    expect(facts).toMatchObject({
      level: 'specialiseret',
      provider: 'hospital',
      dischargeDate: '2014-12-20',
      admissionDate: '2014-12-13',
      authorisedAt: '2015-03-04T09:26',
      sentAt: '2009-09-04T10:43',
      consent: 'ja',
    });
    expect(facts.mustStartBy).toBeUndefined();
    expect(facts.guaranteedStartBy).toBeUndefined();
    expect(facts.guarantee.applies).toBe(false); // specialiseret, and discharged before 2018-07-01
    expect(facts.deadline.kind).toBe('unreadable');
    // 251248-4916: 7th digit 4 and year 48 (over 36) → 1948
    expect(facts.patient.birthDate).toBe('1948-12-25');
  });
});
