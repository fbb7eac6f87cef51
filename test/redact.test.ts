// `gop validate --redact`: no personal value from the messages may reach any output format.
// The personal values are extracted from the XML itself (not through the library), so the test does not share the
// library's idea of what is personal.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGop, formattedText, parseGop, renderGopHtml } from '../src/index';
import { FORMATS } from '../src/format/index';
import { createRedactor, redactParseResult } from '../src/report/redact';
import { haveSamples, runGop, SAMPLE, wrapInVansForTest, type CliRun } from './helpers';
import { decodeEntities, pageText, readAs } from './redaction';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const VALID_DIR = join(ROOT, 'fixtures', 'valid');
const MINIMAL = join(VALID_DIR, 'minimal.xml');

type Run = CliRun;
const gop = (args: string[]) => runGop(args);

// ---- personal values, straight from the XML ----

function textOf(bytes: Buffer): string {
  const latin1 = /encoding=["'](ISO-8859-1|latin1|windows-1252)["']/i.test(bytes.subarray(0, 200).toString('latin1'));
  return new TextDecoder(latin1 ? 'latin1' : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Text of every element with this local name (any prefix). */
const elements = (xml: string, local: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>`, 'g'))].map((m) => m[1]!);

interface Personal {
  cprs: string[];
  names: string[];
  gpNames: string[];
  others: string[];
}

/** CPR numbers, names, street addresses, phone numbers, e-mail addresses and GP practice names of one file (VANS unwrapped). */
function personalValuesOf(bytes: Buffer): Personal {
  const xml = textOf(bytes);
  const result: Personal = { cprs: [], names: [], gpNames: [], others: [] };
  for (const data of elements(xml, 'Data')) {
    const inner = personalValuesOf(Buffer.from(data.replace(/\s+/g, ''), 'base64'));
    for (const key of Object.keys(result) as (keyof Personal)[]) result[key].push(...inner[key]);
  }
  const values = (local: string) =>
    elements(xml, local)
      .map((v) => decodeEntities(v).trim())
      .filter((v) => v.length > 1);
  result.cprs.push(...values('CivilRegistrationNumber').filter((v) => /^\d{10}$/.test(v)));
  result.names.push(...values('PersonGivenName'), ...values('PersonSurnameName'));
  result.others.push(...values('StreetName'), ...values('TelephoneSubscriberIdentifier'), ...values('EmailAddressIdentifier'));
  // The GP practice (often named after the doctor): every CCReceiver under GPCCReceiver, and copies to a ydernummer.
  for (const gp of elements(xml, 'GPCCReceiver'))
    for (const party of elements(gp, 'CCReceiver'))
      result.gpNames.push(...elements(party, 'OrganisationName').map((v) => decodeEntities(v).trim()));
  for (const party of [
    ...elements(xml.replace(/<(?:[\w.-]+:)?GPCCReceiver>[\s\S]*?<\/(?:[\w.-]+:)?GPCCReceiver>/g, ''), 'CCReceiver'),
    ...elements(xml, 'ResultReceiver'),
  ]) {
    if (elements(party, 'IdentifierCode').some((c) => c.trim() === 'ydernummer'))
      result.gpNames.push(...elements(party, 'OrganisationName').map((v) => decodeEntities(v).trim()));
  }
  for (const key of Object.keys(result) as (keyof Personal)[]) result[key] = [...new Set(result[key].filter(Boolean))];
  return result;
}

const all = (p: Personal) => [...p.cprs, ...p.names, ...p.gpNames, ...p.others];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value as it may be written in any format: as is, XML-escaped, JSON-escaped. */
const spellings = (v: string) => [
  ...new Set([
    v,
    v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    JSON.stringify(v).slice(1, -1),
  ]),
];
/** Whole values only ("Lund" is not in "Lundbeck"). */
const appearsIn = (out: string, value: string) =>
  spellings(value).some((s) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, 'u').test(out));

// ---- a message whose findings quote personal values, so that every format has something to mask ----

const BAD_PHONE = '48 29 31';
const BAD_EMAIL = 'kirsten.hoejgaard(at)post.dk';
const STREET = 'Rosenvænget 7, 2. tv.';

let TMP: string;
let CONTACT: string;
let GP_BY_LOCATION: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsup" (npm test builds it first)`);
  TMP = mkdtempSync(join(tmpdir(), 'gop-redact-'));
  const minimal = readFileSync(MINIMAL, 'utf8');
  CONTACT = join(TMP, 'contact.xml');
  writeFileSync(
    CONTACT,
    minimal.replace(
      '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
      `<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>
      <mm100:StreetName>${STREET}</mm100:StreetName>
      <TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>${BAD_PHONE}</mm100:TelephoneSubscriberIdentifier><TelephoneSubscriberCode>mobil</TelephoneSubscriberCode></TelephoneSubscriber>
      <EmailAddressIdentifier>${BAD_EMAIL}</EmailAddressIdentifier>`,
    ),
  );
  GP_BY_LOCATION = join(TMP, 'gp-lokationsnummer.xml');
  writeFileSync(
    GP_BY_LOCATION,
    minimal.replace(
      /<GPCCReceiver>[\s\S]*?<\/GPCCReceiver>/,
      `<GPCCReceiver>
      <CCReceiver>
        <mm100:EANIdentifier>5790002015748</mm100:EANIdentifier>
        <IdentifierCode>lokationsnummer</IdentifierCode>
        <mm100:OrganisationName>Lægerne Bendtsen &amp; Krogh</mm100:OrganisationName>
      </CCReceiver>
    </GPCCReceiver>`,
    ),
  );
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** Every format over `inputs`, with and without --redact, run in parallel. */
async function outputs(inputs: string[]): Promise<Record<string, { redacted: Run; plain: Run }>> {
  const runs = await Promise.all(
    FORMATS.flatMap((format) =>
      [true, false].map((redact) => gop(['validate', '--exit-zero', '--format', format, ...(redact ? ['--redact'] : []), ...inputs])),
    ),
  );
  return Object.fromEntries(FORMATS.map((format, i) => [format, { redacted: runs[2 * i]!, plain: runs[2 * i + 1]! }]));
}

describe('--redact', () => {
  it('extracts what it looks for (a sanity check of the test itself)', () => {
    const minimal = personalValuesOf(readFileSync(MINIMAL));
    expect(minimal).toEqual({ cprs: ['0512471830'], names: ['Kirsten', 'Højgaard'], gpNames: [], others: ['48 29 31 40', '72 32 25 50'] });
    const vans = personalValuesOf(readFileSync(join(VALID_DIR, 'almen-vans-wrapped.xml')));
    expect(vans.cprs).toHaveLength(1);
    const contact = personalValuesOf(readFileSync(CONTACT));
    expect(contact.others).toEqual(expect.arrayContaining([STREET, BAD_PHONE, BAD_EMAIL]));
  });

  it('masks every CPR number, name, address, phone number, e-mail address and GP practice of fixtures/valid in every format', async () => {
    const files = [
      'almen-hoftefraktur.xml',
      'almen-knaealloplastik-latin1.xml',
      'almen-vans-wrapped.xml',
      'minimal.xml',
      'rehabilitering-apopleksi.xml',
      'specialiseret-haandskade.xml',
      'specialiseret-with-ambulatory-control.xml',
    ];
    const personal = files.map((f) => personalValuesOf(readFileSync(join(VALID_DIR, f))));
    const contact = personalValuesOf(readFileSync(CONTACT));
    const values = [...new Set([...personal.flatMap(all), ...all(contact)])];
    const cprs = [...personal, contact].flatMap((p) => p.cprs);
    expect(cprs.length).toBeGreaterThanOrEqual(files.length);
    expect(values.length).toBeGreaterThan(50);

    const byFormat = await outputs([VALID_DIR, CONTACT]);
    for (const format of FORMATS) {
      const { redacted, plain } = byFormat[format]!;
      expect(redacted.status, `${format}: ${redacted.stderr}`).toBe(0);
      expect(
        values.filter((v) => appearsIn(redacted.stdout, v)),
        `${format} --redact leaks`,
      ).toEqual([]);
      // Without --redact they are there: the findings of contact.xml quote the phone number and the e-mail address.
      expect(
        [BAD_PHONE, BAD_EMAIL].filter((v) => appearsIn(plain.stdout, v)),
        `${format} without --redact`,
      ).toEqual([BAD_PHONE, BAD_EMAIL]);
      // ... and masked with --redact (by construction, src/report/mask.ts: the leaks are checked above)
      expect(redacted.stdout).toContain('is not an e-mail address');
    }
    // json carries the facts: every CPR, patient name and GP practice without --redact, the CPR as DDMMYY-XXXX with it.
    const json = byFormat.json!;
    for (const cpr of cprs) {
      expect(json.plain.stdout).toContain(`"${cpr}"`);
      expect(json.redacted.stdout).toContain(`"${cpr.slice(0, 6)}-XXXX"`);
    }
    const gpNames = personal.flatMap((p) => p.gpNames);
    expect(gpNames.length).toBeGreaterThan(0);
    for (const name of gpNames) expect(appearsIn(json.plain.stdout, name), name).toBe(true);
    const reports = JSON.parse(json.plain.stdout) as { facts?: { patient: { givenName?: string; surname?: string } } }[];
    for (const r of reports)
      for (const name of [r.facts?.patient.givenName, r.facts?.patient.surname]) if (name) expect(values).toContain(name);
  });

  it.skipIf(!haveSamples)('masks every personal value of the public sample in every format', async () => {
    const personal = personalValuesOf(readFileSync(SAMPLE));
    const values = all(personal);
    expect(personal.cprs).toEqual(['2512484916']);
    expect(personal.gpNames.length).toBeGreaterThan(0);
    expect(values.length).toBeGreaterThan(30);
    const byFormat = await outputs([SAMPLE]);
    for (const format of FORMATS) {
      const { redacted } = byFormat[format]!;
      expect(redacted.status, `${format}: ${redacted.stderr}`).toBe(0);
      expect(
        values.filter((v) => appearsIn(redacted.stdout, v)),
        `${format} --redact leaks`,
      ).toEqual([]);
    }
    const json = byFormat.json!;
    expect(json.redacted.stdout).toContain('"251248-XXXX"');
    // Without --redact the facts show them.
    expect([...personal.cprs, ...personal.gpNames].filter((v) => !appearsIn(json.plain.stdout, v))).toEqual([]);
  });

  // Was a bug (fixed): the GP practice's name is only masked when its IdentifierCode is "ydernummer" (src/report/redact.ts
  // gpParties, redactFacts). A GP under GPCCReceiver identified by lokationsnummer (EAN) or with no IdentifierCode
  // keeps its name in facts.receivers.gp.name under --redact ("Lægerne Bendtsen & Krogh" is printed).
  // Expected: every GPCCReceiver/CCReceiver name masked, whatever identifies it.
  it('masks the GP practice under GPCCReceiver whatever its IdentifierCode', async () => {
    const [name] = personalValuesOf(readFileSync(GP_BY_LOCATION)).gpNames;
    expect(name).toBe('Lægerne Bendtsen & Krogh');
    const run = await gop(['validate', '--redact', '--format', 'json', GP_BY_LOCATION]);
    expect(run.status).toBe(0);
    expect(appearsIn(run.stdout, name!)).toBe(false);
  });
});

// ---- issue 12: what redaction missed, one case each (src/report/redact.ts, src/values/quote.ts) ----

const KIRSTEN = { cpr: '0512471830', given: 'Kirsten', surname: 'Højgaard', phone: '40506070' };
/** Leaks of Kirsten's values (and `others`) in a text, in any spelling: digits with any separators, names in any case. */
function kirstenLeaks(out: string, others: string[] = []): string[] {
  const digits = (d: string) => new RegExp(`(?<!\\d)${[...d].join(String.raw`(?:[\s.\-–⏎]|\\[nrt]|\\u2028)*`)}(?!\\d)`);
  const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}`, 'iu');
  const checks: [string, RegExp][] = [
    ['cpr', digits(KIRSTEN.cpr)],
    ['phone', digits(KIRSTEN.phone)],
    ['given', word(KIRSTEN.given)],
    ['surname', word(KIRSTEN.surname)],
    // "Høj…": the surname cut short before it was masked
    ['half surname', word(KIRSTEN.surname.slice(0, 3))],
    ...others.map((o): [string, RegExp] => [o, /^\d[\d\s-]+$/.test(o) ? digits(o.replace(/\D/g, '')) : word(o)]),
  ];
  return checks.filter(([, re]) => re.test(out)).map(([what, re]) => `${what}: ${out.match(re)![0]}`);
}

/** minimal.xml with Kirsten's phone, and `edit` applied. */
function kirstenXml(edit: (xml: string) => string = (x) => x): string {
  const minimal = readFileSync(MINIMAL, 'utf8').replace(
    '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
    `<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>
      <TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>${KIRSTEN.phone}</mm100:TelephoneSubscriberIdentifier></TelephoneSubscriber>`,
  );
  return edit(minimal);
}
const modelOf = (xml: string) => {
  const parsed = parseGop(xml);
  if (!parsed.ok) throw new Error(parsed.findings[0]?.message);
  return parsed.message;
};
const withDeadline = (text: string) => (xml: string) =>
  xml.replace('<CurrentHospitalContact>', `<RehabilitationDeadline>${text}</RehabilitationDeadline>\n    <CurrentHospitalContact>`);
const strayInPatient = (text: string) => (xml: string) => xml.replace('<Patient>', `<Patient>${text}`);

// Findings and facts are masked by construction (src/report/mask.ts): every value from the message a placeholder. The
// value masking (src/report/redact.ts) is what `gop parse --redact` and `gop view --redact` show of the plan's own
// texts; both are checked here, the report for leaks, the model for what exactly is masked.
describe('redact: every value in every spelling (issue 12)', () => {
  const check = (xml: string) => checkGop(xml, { redact: true, referenceDate: '2019-03-06' });
  const plain = (xml: string) => checkGop(xml, { referenceDate: '2019-03-06' });
  const model = (xml: string) => (redactParseResult(parseGop(xml)) as Json).message;
  /** The texts kept aside (stray text, attributes, unknown elements), redacted, in order. */
  const keptTexts = (xml: string): string[] => (model(xml).extraElements as { xml: string }[]).map((e) => e.xml.trim());

  it('redacts facts.deadlineText, facts.deadline (explanation, clauses), the finding about the deadline and the deadline itself', () => {
    const xml = kirstenXml(
      withDeadline('Senest 14 dage efter udskrivelse; ring til Kirsten Højgaard på 40 50 60 70 eller kirsten.h@post.dk'),
    );
    const before = plain(xml);
    expect(before.facts!.deadlineText).toContain('Kirsten Højgaard');
    const report = check(xml);
    expect(report.facts!.deadline.kind).toBe(before.facts!.deadline.kind); // redaction changes texts, not the reading
    expect(kirstenLeaks(JSON.stringify(report), ['kirsten.h@post.dk'])).toEqual([]);
    expect(model(xml).rehabilitationPlan.rehabilitationDeadline).toBe(
      'Senest 14 dage efter udskrivelse; ring til *** *** på *** eller ***',
    );
    // a deadline that reads: its clauses' words are redacted too
    const readableXml = kirstenXml(withDeadline('Senest 14 dage efter udskrivelse pga. Kirstens ferie'));
    const readable = check(readableXml);
    expect(readable.facts!.deadline.kind).toBe('relative');
    expect(kirstenLeaks(JSON.stringify(readable.facts))).toEqual([]);
    expect(model(readableXml).rehabilitationPlan.rehabilitationDeadline).toBe('Senest 14 dage efter udskrivelse pga. *** ferie');
  });

  it('masks a phone number in any spacing, with or without +45 / 0045', () => {
    for (const written of ['40 50 60 70', '4050 6070', '40-50-60-70', '40.50.60.70', '+45 40 50 60 70', '+4540506070', '0045 40506070']) {
      const xml = kirstenXml(strayInPatient(`tlf. ${written}`));
      expect(kirstenLeaks(JSON.stringify(check(xml))), written).toEqual([]);
      expect(keptTexts(xml), written).toEqual(['tlf. ***']);
    }
  });

  it('masks the CPR number with or without its hyphen, keeping the birth date, also when the field itself has the hyphen', () => {
    for (const written of ['0512471830', '051247-1830', '051247 1830', '05 12 47 18 30']) {
      const xml = kirstenXml(strayInPatient(`cpr ${written}`));
      expect(kirstenLeaks(JSON.stringify(check(xml))), written).toEqual([]);
      expect(keptTexts(xml), written).toEqual(['cpr 051247-XXXX']);
    }
    const hyphenatedXml = kirstenXml((x) => x.replace('>0512471830<', '>051247-1830<'));
    const hyphenated = check(hyphenatedXml);
    expect(hyphenated.facts!.patient.cpr).toBe('051247-XXXX');
    expect(kirstenLeaks(JSON.stringify(hyphenated))).toEqual([]);
    expect(model(hyphenatedXml).rehabilitationPlan.patient.civilRegistrationNumber).toBe('051247-XXXX');
  });

  it("masks CPR numbers that are not the patient's: a relative's in free text, one in a bad Date, an unknown attribute or stray text", () => {
    const relative = '1203851234';
    const xml = kirstenXml((x) =>
      strayInPatient('datter 120385-1234')(withDeadline(`Senest 14 dage; pårørende har cpr ${relative}`)(x))
        .replace('<Start>\n        <Date>2019-02-26</Date>', `<Start>\n        <Date>${relative}</Date>`)
        .replace('<TypeOfRehabilitationPlan>', '<TypeOfRehabilitationPlan note="cpr 120385 1234 tlf 22 33 44 55">'),
    );
    const before = JSON.stringify(plain(xml));
    expect(before).toContain(`\\"${relative}\\" is not a date`);
    expect(kirstenLeaks(JSON.stringify(check(xml)), ['1203851234', '22334455'])).toEqual([]);
    const plan = model(xml);
    expect(kirstenLeaks(JSON.stringify(plan), ['1203851234', '22334455'])).toEqual([]);
    expect(plan.rehabilitationPlan.currentHospitalContact.start.date).toBe('120385-XXXX');
    expect(plan.rehabilitationPlan.rehabilitationDeadline).toBe('Senest 14 dage; pårørende har cpr 120385-XXXX');
    expect(keptTexts(xml)).toEqual(['datter 120385-XXXX', 'cpr 120385-XXXX tlf ***']);
  });

  it('masks values broken by a line break or U+2028, and names in any case', () => {
    const xml = kirstenXml((x) =>
      withDeadline('Senest 14 dage; ring til KIRSTEN\u2028højgaard, 40 50\u2028 60 70')(
        strayInPatient('ring 40 50\n60 70, cpr 051247\n1830, kirsten\nHØJGAARD')(x),
      )
        .replace(
          '<mm100:PersonSurnameName>Højgaard</mm100:PersonSurnameName>',
          '<mm100:PersonSurnameName>Højgaard</mm100:PersonSurnameName>\n      <mm100:StreetName>Rosenvænget 7, 2. tv.</mm100:StreetName>',
        )
        .replace('<RehabilitationPlan>', '<RehabilitationPlan>bor på Rosenvænget\n7,\u2028 2. tv.'),
    );
    expect(kirstenLeaks(JSON.stringify(check(xml)), ['Rosenvænget'])).toEqual([]);
    const plan = model(xml);
    expect(kirstenLeaks(JSON.stringify(plan), ['Rosenvænget'])).toEqual([]);
    expect(keptTexts(xml)).toEqual(['ring ***, cpr 051247-XXXX, ***\n***', 'bor på ***']);
    expect(plan.rehabilitationPlan.rehabilitationDeadline).toBe('Senest 14 dage; ring til ***\u2028***, ***');
  });

  it('masks before it cuts: no half name ("Høj…") is left where a quote is cut short', () => {
    // Stray text is quoted to 40 characters, the deadline to 60: here both cuts fall inside "Højgaard".
    const stray = `${'Besked: ring til Kirsten '.padEnd(37, '.')}Højgaard nu`;
    const deadline = `${'Senest 14 dage efter udskrivelsen; ring til'.padEnd(45, '.')} Kirsten Højgaard`;
    const xml = kirstenXml((x) => withDeadline(deadline)(strayInPatient(stray)(x)));
    const unredacted = JSON.stringify(plain(xml));
    // the cuts really fall inside the name
    expect(unredacted).toContain('Kirsten Høj...\\"');
    expect(unredacted).toContain('............Høj\\"');
    expect(kirstenLeaks(JSON.stringify(check(xml)))).toEqual([]);
    expect(keptTexts(xml)).toEqual(['Besked: ring til *** ............*** nu']);
  });

  it('masks e-mail addresses and Danish phone numbers of anyone, but not dates, EANs, times or identifiers', () => {
    const text =
      'mail til a.b@c-d.dk, tlf 22 33 44 55; 2019-03-05, 05.03.2019, 20190305, EAN 5790002015748, kl. 20.00-22.00, uge 13, GOP-LAW-005, 40011720190305';
    const xml = kirstenXml(withDeadline(text));
    expect(model(xml).rehabilitationPlan.rehabilitationDeadline).toBe(
      'mail til ***, tlf ***; 2019-03-05, 05.03.2019, 20190305, EAN 5790002015748, kl. 20.00-22.00, uge 13, GOP-LAW-005, 40011720190305',
    );
    // the report still has its dates, lines and rule ids
    const report = check(xml);
    expect(report.facts!.dischargeDate).toBe('2019-03-05');
    expect(report.findings.every((f) => f.line === undefined || f.line > 0)).toBe(true);
  });

  it('says that a report is redacted ("redacted": true), and not otherwise', () => {
    const xml = kirstenXml();
    expect(check(xml).redacted).toBe(true);
    expect('redacted' in plain(xml)).toBe(false);
    expect(checkGop('not xml', { redact: true }).redacted).toBe(true);
    expect(checkGop(modelOf(xml), { redact: true }).redacted).toBe(true);
  });

  it('redacts the envelope facts of a VANS-wrapped message', () => {
    const inner = Buffer.from(kirstenXml());
    const wrapped = wrapInVansForTest(inner).replace(
      '<EnvelopeIdentifier>ENV-0001</EnvelopeIdentifier>',
      '<EnvelopeIdentifier>Kirsten Højgaard 0512471830</EnvelopeIdentifier>',
    );
    const report = check(wrapped);
    expect(plain(wrapped).envelope?.envelopeIdentifier).toBe('Kirsten Højgaard 0512471830');
    expect(report.envelope?.envelopeIdentifier).toBe('*** *** 051247-XXXX');
  });

  it('stays linear in the number of values: 20,000 relatives, each phone number quoted in one free text, are all masked', () => {
    // Before: every text was searched for every personal value (8,000 values 4.4 s, 40,000 298 s); this would run into
    // the test timeout. The automaton is built once per message, each text read once.
    const message = modelOf(kirstenXml());
    const count = 20_000;
    const phone = (i: number) => String(20_000_000 + i * 7).replace(/(..)(?=.)/g, '$1 ');
    message.rehabilitationPlan.relatives = {
      relative: Array.from({ length: count }, (_, i) => ({
        relationCode: 'datter',
        personGivenName: `Navn${i}`,
        personSurnameName: 'Ølgaard',
        telephoneSubscriber: [{ telephoneSubscriberIdentifier: `${phone(i)} x` }],
      })),
    };
    message.rehabilitationPlan.practicalInformation = formattedText(
      Array.from({ length: count }, (_, i) => `Navn${i} Ølgaard: ${phone(i)} x`).join('\n'),
    );
    const out = redactParseResult({ ok: true, message, findings: [] } as never) as unknown as { message: typeof message };
    const lines = out.message.rehabilitationPlan.practicalInformation!.text.split('\n');
    expect(lines).toHaveLength(count);
    expect(lines.every((line) => line === '*** ***: *** x')).toBe(true);
    expect(
      out.message.rehabilitationPlan.relatives!.relative.every((r) => r.telephoneSubscriber![0]!.telephoneSubscriberIdentifier === '***'),
    ).toBe(true);
  });
});

describe('gop parse --redact, gop build --strict --redact', () => {
  it('gop parse --redact prints the model, findings and envelope masked, and says "redacted": true', async () => {
    const file = join(TMP, 'parse-redact.xml');
    writeFileSync(
      file,
      kirstenXml((x) =>
        withDeadline('Senest 14 dage; ring til Kirsten på 40 50 60 70')(strayInPatient('datter 120385-1234')(x)).replace(
          '<AbilityAtDischargeSummary>Går',
          '<AbilityAtDischargeSummary>Kirsten Højgaard (tlf. 40 50<Break/>60 70) og Kir<Bold>sten</Bold> går',
        ),
      ),
    );
    const [plainRun, redacted] = await Promise.all([gop(['parse', file]), gop(['parse', '--redact', file])]);
    expect(plainRun.status).toBe(0);
    expect(redacted.status).toBe(0);
    expect(kirstenLeaks(plainRun.stdout)).not.toEqual([]);
    expect(kirstenLeaks(redacted.stdout, ['1203851234'])).toEqual([]);
    const result = JSON.parse(redacted.stdout);
    expect(result.redacted).toBe(true);
    expect(result.message.rehabilitationPlan.patient).toMatchObject({
      civilRegistrationNumber: '051247-XXXX',
      personGivenName: '***',
      personSurnameName: '***',
    });
    // rich content is masked as the text it makes: across a Break and a Bold
    const summary = result.message.rehabilitationPlan.abilityAtDischargeSummary;
    expect(summary.text).toMatch(/^\*\*\* \*\*\* \(tlf\. \*\*\*\) og \*\*\* går/);
    expect(summary.content.slice(0, 4)).toEqual([
      { type: 'text', value: '*** *** (tlf. ***' },
      { type: 'break' },
      { type: 'text', value: ') og ***' },
      { type: 'bold', content: [{ type: 'text', value: '' }] },
    ]);
    // dates, codes and structure stay
    expect(result.message.rehabilitationPlan.currentHospitalContact.expectedEnd.date).toBe('2019-03-05');
    expect(result.message.rehabilitationPlan.typeOfRehabilitationPlan).toBe('almen');
    expect(result.message.extraElements[0]).toMatchObject({ reason: 'text', xml: expect.stringMatching(/^datter 120385-XXXX\s*$/) });
  });

  it("gop build --strict --redact lists the validator's errors masked, before they are cut", async () => {
    const model = modelOf(kirstenXml());
    model.rehabilitationPlan.currentHospitalContact!.start.date = '0512471830';
    model.rehabilitationPlan.patient.emailAddressIdentifier = 'Kirsten Højgaard';
    const file = join(TMP, 'build-redact.json');
    writeFileSync(file, JSON.stringify(model));
    const [plainRun, redacted, notStrict] = await Promise.all([
      gop(['build', '--strict', file]),
      gop(['build', '--strict', '--redact', file]),
      gop(['build', '--redact', file]),
    ]);
    expect(plainRun.status).toBe(1);
    expect(plainRun.stderr).toContain('"0512471830" is not a date');
    expect(redacted.status).toBe(1);
    expect(redacted.stderr).toMatch(/"[^"\n]*" is not a date/);
    expect(kirstenLeaks(redacted.stderr)).toEqual([]);
    // --redact masks messages only, never the XML written
    expect(notStrict.status).toBe(0);
    expect(notStrict.stdout).toMatch(/CivilRegistrationNumber>0512471830</);
  });
});

// ---- issue 22: spellings and places the value masking missed (src/report/redact.ts, src/values/personal-text.ts) ----

// biome-ignore lint/suspicious/noExplicitAny: the JSON gop parse --redact prints; each test reads its own fields
type Json = Record<string, any>;
/** `gop parse --redact` of a message: the model, the envelope and the findings, masked. */
const parsedRedacted = (xml: string): Json => redactParseResult(parseGop(xml)) as Json;
/** minimal.xml (Kirsten, with her phone 40506070) with `text` before AbilityAtDischargeSummary's own. */
const withSummary = (text: string, edit: (xml: string) => string = (x) => x) =>
  kirstenXml((x) => edit(x).replace('<AbilityAtDischargeSummary>Går', `<AbilityAtDischargeSummary>${text} || Går`));
/** The summary as `gop parse --redact` shows it, up to the marker. */
const summaryOf = (xml: string): string => {
  const text = parsedRedacted(xml).message.rehabilitationPlan.abilityAtDischargeSummary.text as string;
  return text.slice(0, text.indexOf(' || Går'));
};
/** Every value in `values` that an output shows, read as a person reads it (the invisible characters dropped or as spaces). */
const shown = (output: string, values: string[]) => {
  const reads = [readAs(output, ''), readAs(output, ' ')];
  return values.filter((value) => {
    const pattern = /^\+?[\d\s]+$/.test(value)
      ? new RegExp(`(?<!\\d)${[...value.replace(/\D/g, '')].join(String.raw`(?:[\s.\-/_⏎]|\\[nrt])*`)}(?!\\d)`)
      : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'iu');
    return reads.some((read) => pattern.test(read));
  });
};

describe('redact: every spelling, every person, every place (issue 22)', () => {
  it('masks the CPR number written with any dash, slash, underscore, space or invisible character, or in fullwidth digits', () => {
    const spellings = [
      '051247\u20111830', // non-breaking hyphen: keeps a CPR number on one line
      '051247\u20101830',
      '051247\u20121830',
      '051247\u20141830',
      '051247\u20151830',
      '051247\u22121830',
      '051247/1830',
      '051247_1830',
      '051247\u202F1830',
      '０５１２４７１８３０',
      '０５１２４７－１８３０',
      '0512\u00AD471830',
      '05\u200B12\u200B47\u200B18\u200B30',
      '051247\u20601830',
      '05124\uFEFF71830',
      '051247\u00AD-1830',
    ];
    for (const written of spellings) expect(summaryOf(withSummary(`cpr ${written}`)), JSON.stringify(written)).toBe('cpr 051247-XXXX');
    // and a CPR number no field of the message holds, by its shape
    for (const written of ['120385\u20111234', '120385/1234', '１２０３８５１２３４', '120385_1234'])
      expect(summaryOf(withSummary(`datter ${written}`)), JSON.stringify(written)).toBe('datter 120385-XXXX');
  });

  it('masks the phone number written with any dash, slash, underscore, space or invisible character, or in fullwidth digits', () => {
    const spellings = [
      '40\u201150\u201160\u201170',
      '40\u201050\u201060\u201070',
      '4050\u22126070',
      '40\u201450\u201460\u201470',
      '40/50/60/70',
      '40_50_60_70',
      '４０５０６０７０',
      '４０ ５０ ６０ ７０',
      '+45\u201140506070',
      '＋４５ ４０５０６０７０',
      '40\u00AD50\u00AD60\u00AD70',
      '4050\u200B6070',
      '40\u206050\u206060\u206070',
      '4\uFEFF0506070',
    ];
    for (const written of spellings) expect(summaryOf(withSummary(`tlf. ${written}`)), JSON.stringify(written)).toBe('tlf. ***');
    // a number nobody in the message has, by its shape, in the same spellings
    for (const written of ['22\u201133\u201144\u201155', '22/33/44/55', '２２３３４４５５', '2233\u00AD4455'])
      expect(summaryOf(withSummary(`ring ${written}`)), JSON.stringify(written)).toBe('ring ***');
    // and no date, year range or EAN taken for one
    expect(summaryOf(withSummary('05/03/2019, 2019/2020, 2019-2020, 5790002015748'))).toBe(
      '05/03/2019, 2019/2020, 2019-2020, 5790002015748',
    );
  });

  it('masks names split by soft hyphens or zero-width characters, or in fullwidth letters — the mask covers them all', () => {
    const cases: [string, string][] = [
      ['Kir\u00ADsten Høj\u00ADgaard', '*** ***'],
      ['Kir\u200Bsten', '***'],
      ['Kir\u200Csten', '***'],
      ['Kirs\u200Dten', '***'],
      ['Kirs\u2060ten', '***'],
      ['\uFEFFKirsten', '\uFEFF***'],
      ['ＫＩＲＳＴＥＮ ＨØＪＧＡＡＲＤ', '*** ***'],
      ['Ｋｉｒｓｔｅｎｓ datter', '*** datter'],
      ['Kirsten\u200BHøjgaard', '***\u200B***'],
      ['Kirsten\u00A0Højgaard', '***\u00A0***'],
      ['HØJ\u00ADGAARD\u2011KIRSTEN', '***-***'.replace('-', '\u2011')],
    ];
    for (const [written, masked] of cases) expect(summaryOf(withSummary(written)), JSON.stringify(written)).toBe(masked);
  });

  it('masks e-mail addresses whose local part has & ! quotes or any other sign RFC 5322 allows, whole', () => {
    const addresses = [
      'kirsten&hans@post.dk',
      'k!rsten@post.dk',
      '"kirsten højgaard"@post.dk',
      '"a\\"b"@post.dk',
      "o'hara+gop@post.dk",
      'a/b=c?d^e`f{g}h|i~j#k$l*m%n@post.dk',
    ];
    for (const address of addresses)
      expect(summaryOf(withSummary(`skriv til ${address.replace(/&/g, '&amp;')}, tak`)), address).toBe('skriv til ***, tak');
    // the patient's own, with &, also where it is written in kept-aside XML (as &amp;)
    const xml = withSummary('skriv til kirsten&amp;hans@gmail.com', (x) =>
      x
        .replace(
          '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
          (m) => `${m}\n      <EmailAddressIdentifier>kirsten&amp;hans@gmail.com</EmailAddressIdentifier>`,
        )
        .replace(
          '</RehabilitationPlan>',
          `<Note><Mail>kirsten&amp;hans@gmail.com</Mail><Cc mail='o&apos;hara@post.dk'/></Note></RehabilitationPlan>`,
        ),
    );
    const result = parsedRedacted(xml);
    expect(shown(JSON.stringify(result), ['kirsten', 'hans'])).toEqual([]);
    // the XML stays XML: an attribute's quotes are no part of the address
    expect(result.message.extraElements[0].xml).toBe(`<Note><Mail>***</Mail><Cc mail='***'/></Note>`);
  });

  it('masks a street written without its number: the StreetName value alone, whatever follows', () => {
    const xml = withSummary('bor på Rosenvænget, datteren på Gl. Kongevej nr. 3 og ROSEN\u00ADVÆNGET', (x) =>
      x
        .replace(
          '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
          (m) => `${m}\n      <mm100:StreetName>Rosenvænget 7, 2. tv.</mm100:StreetName>`,
        )
        .replace(
          '<TypeOfRehabilitationPlan>',
          `<Relatives><Relative><mm100:RelationCode>datter</mm100:RelationCode><mm100:PersonSurnameName>Højgaard</mm100:PersonSurnameName>
          <mm100:PersonGivenName>Lise</mm100:PersonGivenName><mm100:StreetName>Gl. Kongevej 12</mm100:StreetName></Relative></Relatives>
          <TypeOfRehabilitationPlan>`,
        ),
    );
    expect(summaryOf(xml)).toBe('bor på ***, datteren på *** nr. 3 og ***');
  });

  it('masks every value of every person anywhere in the message: a repeated element, a second Patient, kept-aside XML, the GP', () => {
    const secondPatient = `<Patient>
      <mm100:CivilRegistrationNumber>6103851234</mm100:CivilRegistrationNumber>
      <mm100:PersonSurnameName>Ravnsborg</mm100:PersonSurnameName>
      <mm100:PersonGivenName>Bodil</mm100:PersonGivenName>
      <mm100:StreetName>Ågade 12</mm100:StreetName>
      <TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>+46 8 123 45 67</mm100:TelephoneSubscriberIdentifier></TelephoneSubscriber>
      <EmailAddressIdentifier>bodil@ravnsborg.se</EmailAddressIdentifier>
    </Patient>`;
    const xml = withSummary(
      'Marianne, Bodil Ravnsborg (6103851234, +46 8 123 45 67, Ågade), Sørine Vestergård-Lund, Lægehuset Strandvejen og Jens Krogh',
      (x) =>
        x
          .replace(
            '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
            (m) => `${m}<mm100:PersonGivenName>Marianne</mm100:PersonGivenName>`,
          )
          .replace('</Patient>', `</Patient>\n    ${secondPatient}`)
          .replace(
            '</GPCCReceiver>',
            `</GPCCReceiver><GPCCReceiver><CCReceiver><mm100:EANIdentifier>5790000000005</mm100:EANIdentifier>
            <mm100:OrganisationName>Lægehuset Strandvejen</mm100:OrganisationName></CCReceiver></GPCCReceiver>`,
          )
          .replace(
            '</RehabilitationPlan>',
            `<Kontaktperson xmlns:k="urn:x"><k:Rolle>nabo</k:Rolle><mm100:PersonGivenName>Sørine</mm100:PersonGivenName>
            <mm100:PersonSurnameName>Vestergård&#45;Lund</mm100:PersonSurnameName></Kontaktperson></RehabilitationPlan>`,
          )
          .replace(
            '<IdentifierCode>sygehusafdelingsnummer</IdentifierCode>',
            `<IdentifierCode>sygehusafdelingsnummer</IdentifierCode>
            <SignedBy><mm100:PersonGivenName>Jens</mm100:PersonGivenName><mm100:PersonSurnameName>Krogh</mm100:PersonSurnameName></SignedBy>`,
          ),
    );
    const names = [
      'Marianne',
      'Bodil',
      'Ravnsborg',
      'Ågade',
      '6103851234',
      '46 8 123 45 67',
      'Sørine',
      'Vestergård',
      'Lund',
      'Strandvejen',
      'Jens',
      'Krogh',
    ];
    // without redaction they are there, kept aside or not
    expect(shown(JSON.stringify(parseGop(xml)), names)).toEqual(names);
    expect(summaryOf(xml)).toBe('***, *** *** (610385-XXXX, ***, ***), *** ***, *** og *** ***');
    const result = parsedRedacted(xml);
    expect(shown(JSON.stringify(result), names)).toEqual([]);
    // a kept-aside record's own fields are structure: where, why, what element
    const kept = result.message.extraElements as Json[];
    expect(kept.map((e) => [e.reason, e.name, e.path])).toEqual([
      ['repeated', 'PersonGivenName', '/Emessage/RehabilitationPlan/Patient'],
      ['repeated', 'GPCCReceiver', '/Emessage/RehabilitationPlan'],
      ['repeated', 'Patient', '/Emessage/RehabilitationPlan'],
      ['unknown', 'Kontaktperson', '/Emessage/RehabilitationPlan'],
    ]);
    expect(kept[0]!.xml).toBe('<mm100:PersonGivenName>***</mm100:PersonGivenName>');
    expect(kept[2]!.xml).toContain('<mm100:CivilRegistrationNumber>610385-XXXX</mm100:CivilRegistrationNumber>');
    // the page a person reads
    const html = renderGopHtml(xml, { redact: true, referenceDate: '2019-03-06' });
    expect(shown(pageText(html), names)).toEqual([]);
    expect(shown(pageText(renderGopHtml(xml, { referenceDate: '2019-03-06' })), names)).toEqual(names);
  });

  it("masks the VANS envelope's Document/Name, and a model property named like structure (name, type, path)", () => {
    const wrapped = wrapInVansForTest(Buffer.from(kirstenXml())).replace('<Name>GGOP</Name>', '<Name>GGOP Kirsten H\u00ADøjgaard</Name>');
    expect(parseGop(wrapped).envelope?.document?.name).toBe('GGOP Kirsten H\u00ADøjgaard');
    expect(parsedRedacted(wrapped).envelope.document.name).toBe('GGOP *** ***');
    expect(checkGop(wrapped, { redact: true }).envelope?.document?.name).toBe('GGOP *** ***');
    // a partial model built in code may carry any property: only a kept-aside record's own fields are structure
    const partial = {
      rehabilitationPlan: {
        patient: { personGivenName: 'Kirsten', personSurnameName: 'Højgaard', name: 'Kirsten Højgaard', type: 'Højgaard' },
        reference: [{ refDescription: 'Kirsten', path: 'til Kirsten', reason: 'Kirstens ønske', namespace: 'Kirsten' }],
      },
      extraElements: [
        { path: '/Emessage/RehabilitationPlan', reason: 'unknown', namespace: 'urn:x', name: 'Note', xml: '<Note>Kirsten</Note>' },
      ],
    };
    const out = redactParseResult({ ok: false, findings: [], partial } as never) as Json;
    expect(out.partial.rehabilitationPlan).toEqual({
      patient: { personGivenName: '***', personSurnameName: '***', name: '*** ***', type: '***' },
      reference: [{ refDescription: '***', path: 'til ***', reason: '*** ønske', namespace: '***' }],
    });
    expect(out.partial.extraElements).toEqual([
      { path: '/Emessage/RehabilitationPlan', reason: 'unknown', namespace: 'urn:x', name: 'Note', xml: '<Note>***</Note>' },
    ]);
  });

  it('maps every span back to the characters as written, whatever normalisation made of them', () => {
    const redactor = createRedactor({
      rehabilitationPlan: { patient: { personGivenName: 'Kirsten', civilRegistrationNumber: '0512471830' } },
    });
    // ligatures and compatibility characters before the value change the length; the marks of quoted values stay
    const text = '\uFB01\uFB02 ㎏ Ｋｉｒ\u00ADｓｔｅｎ ½ \uE001\uE120０５１２４７‑１８３０\uE002 ǅ Kirsten';
    expect(redactor.text(text)).toBe('\uFB01\uFB02 ㎏ *** ½ \uE001\uE120051247-XXXX\uE002 ǅ ***');
    expect(redactor.spans('x Kir\u00ADsten')).toEqual([{ start: 2, end: 10, mask: '***' }]);
  });

  it('stays linear on texts made to be slow: invisible characters, separators, @ and quotes by the hundred thousand', () => {
    const redactor = createRedactor({
      rehabilitationPlan: { patient: { personGivenName: 'Kirsten', civilRegistrationNumber: '0512471830' } },
    });
    const texts = [
      '\u00AD'.repeat(200_000),
      '1\u2011'.repeat(100_000),
      'a@'.repeat(100_000),
      '"@'.repeat(100_000),
      `${'a'.repeat(100_000)}@${'b.'.repeat(100_000)}`,
      'Kir\u200B'.repeat(100_000),
      '０'.repeat(200_000),
    ];
    for (const text of texts) expect(redactor.text(text).length).toBeGreaterThan(0);
  });
});
