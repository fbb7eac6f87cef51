import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGop, buildGopBytes, checkGop, formattedText, GopBuildError, parseGop, type GopMessage } from '../src/index';
import { wrapInVans } from '../src/write/index';
import { FIXTURES_DIR, haveSamples, sampleBytes } from './helpers';

interface ManifestEntry {
  file: string;
  expectRules: string[];
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const read = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const minimal = () => {
  const result = parseGop(read('valid/minimal.xml'));
  if (!result.ok) throw new Error('minimal.xml does not read');
  return result.message;
};
const modelOf = (input: string | Uint8Array) => {
  const result = parseGop(input);
  return result.ok ? result.message : result.partial;
};

describe('round trip: parse → build → parse gives the same model', () => {
  // Every fixture that reads as a complete message, except the one with an empty mandatory element: the builder refuses that.
  const readable = manifest.filter((m) => {
    const result = parseGop(read(m.file));
    return result.ok && !result.findings.some((f) => f.ruleId === 'GOP-STRUCT-004');
  });

  it('covers every fixture that reads as a complete message', () => {
    expect(readable.length).toBeGreaterThanOrEqual(25);
  });

  // Elements kept aside are written back verbatim; under other prefixes they gain a namespace declaration.
  const comparable = (model: unknown, prefixed: boolean) =>
    prefixed ? JSON.parse(JSON.stringify(model), (key, value) => (key === 'xml' ? '(verbatim)' : value)) : model;

  it.each(readable)('$file', ({ file }) => {
    const original = modelOf(read(file));
    for (const options of [{}, { pretty: true }, { prefixes: { m104: 'ns1', m100: 'ns2' } }, { prefixes: { m104: 'gop', m100: '' } }]) {
      const prefixed = 'prefixes' in options;
      expect(comparable(modelOf(buildGop(original as GopMessage, options)), prefixed)).toEqual(comparable(original, prefixed));
    }
    expect(modelOf(buildGopBytes(original as GopMessage, { encoding: 'ISO-8859-1' }))).toEqual(original);
  });

  it.skipIf(!haveSamples)('the public sample', () => {
    const original = modelOf(sampleBytes());
    const rebuilt = buildGop(original as GopMessage, { pretty: true });
    expect(modelOf(rebuilt)).toEqual(original);
    // namespaces as the standard uses them
    expect(rebuilt).toContain('<m100:CivilRegistrationNumber>2512484916</m100:CivilRegistrationNumber>');
    expect(rebuilt).toMatch(/<Authorisation>\s*<m100:Date>2015-03-04<\/m100:Date>/);
    expect(rebuilt).toMatch(/<ExpectedEnd>\s*<Date>2014-12-20<\/Date>/);
    expect(rebuilt).toContain('<m100:PatientHealthSummary>');
    expect(rebuilt).toContain('<m100:Bold>8a. Kroppens funktioner og anatomi</m100:Bold><m100:Break/>');
    expect(rebuilt).toContain('Arne Agertoft &amp; Hanne Petersen');
  });

  it('keeps unknown and repeated elements (extraElements) through the round trip', () => {
    for (const file of ['invalid/GOP-STRUCT-002--two-levels.xml', 'invalid/GOP-STRUCT-003--unknown-element-kaffe.xml']) {
      const original = modelOf(read(file))!;
      expect(original.extraElements?.length).toBeGreaterThan(0);
      expect(modelOf(buildGop(original as GopMessage))).toEqual(original);
    }
  });
});

describe('what the builder writes', () => {
  it('writes elements in the standard order whatever the object key order', () => {
    const message = minimal();
    const plan = message.rehabilitationPlan;
    const shuffled = { ...message, rehabilitationPlan: Object.fromEntries(Object.entries(plan).reverse()) } as GopMessage;
    const xml = buildGop(shuffled);
    expect(xml.indexOf('<Letter>')).toBeLessThan(xml.indexOf('<Sender>'));
    expect(xml.indexOf('<Patient>')).toBeLessThan(xml.indexOf('<TypeOfRehabilitationPlan>'));
    expect(xml).toBe(buildGop(message));
  });

  it('escapes text and keeps carriage returns, æøå and leading zeros', () => {
    const message = minimal();
    message.rehabilitationPlan.patient.personSurnameName = 'Bøgh & Søn <A/S> "Ærø"';
    message.rehabilitationPlan.patient.occupation = 'linje 1\r\nlinje 2';
    message.rehabilitationPlan.patient.civilRegistrationNumber = '0101701234';
    const xml = buildGop(message);
    expect(xml).toContain('Bøgh &amp; Søn &lt;A/S&gt; "Ærø"');
    const again = modelOf(xml)!;
    expect(again.rehabilitationPlan?.patient?.personSurnameName).toBe('Bøgh & Søn <A/S> "Ærø"');
    expect(again.rehabilitationPlan?.patient?.occupation).toBe('linje 1\r\nlinje 2');
    expect(again.rehabilitationPlan?.patient?.civilRegistrationNumber).toBe('0101701234');
  });

  it('writes ISO-8859-1 bytes, with characters outside it as references', () => {
    const message = minimal();
    message.rehabilitationPlan.patient.personSurnameName = 'Østergård–Łukasiewicz €';
    const bytes = buildGopBytes(message, { encoding: 'ISO-8859-1' });
    expect(Buffer.from(bytes).subarray(0, 45).toString('latin1')).toContain('encoding="ISO-8859-1"');
    expect(bytes.includes(0xd8)).toBe(true); // Ø as one byte
    expect(Buffer.from(bytes).toString('latin1')).toContain('&#8211;');
    expect(modelOf(bytes)?.rehabilitationPlan?.patient?.personSurnameName).toBe('Østergård–Łukasiewicz €');
  });

  it('writes formatted text from its rich content; formattedText makes it from plain text', () => {
    const message = minimal();
    message.rehabilitationPlan.abilityAtDischargeSummary = formattedText('Går med rollator.\nTrapper: med hjælp.');
    const xml = buildGop(message);
    expect(xml).toContain('<AbilityAtDischargeSummary>Går med rollator.<m100:Break/>Trapper: med hjælp.</AbilityAtDischargeSummary>');
    expect(modelOf(xml)?.rehabilitationPlan?.abilityAtDischargeSummary).toEqual(message.rehabilitationPlan.abilityAtDischargeSummary);
  });
});

describe('the builder refuses an invalid plan (GopBuildError)', () => {
  it('lists a missing mandatory element by its XML path', () => {
    const message = minimal() as unknown as { rehabilitationPlan: { patient: Record<string, unknown> } };
    delete message.rehabilitationPlan.patient.civilRegistrationNumber;
    try {
      buildGop(message as unknown as GopMessage);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GopBuildError);
      expect((error as GopBuildError).issues.map((i) => i.path)).toEqual(['/Emessage/RehabilitationPlan/Patient/CivilRegistrationNumber']);
    }
  });

  it('refuses an empty mandatory element (the fixture for GOP-STRUCT-004)', () => {
    const result = parseGop(read('invalid/GOP-STRUCT-004--empty-patient-surname.xml'));
    if (!result.ok) throw new Error('not ok');
    expect(() => buildGop(result.message)).toThrow(
      /\/Emessage\/RehabilitationPlan\/Patient\/PersonSurnameName: The mandatory element PersonSurnameName is present but empty/,
    );
  });

  it('refuses a misspelt property, text that disagrees with its content, and a bad prefix', () => {
    const misspelt = {
      ...minimal(),
      rehabilitationPlan: { ...minimal().rehabilitationPlan, rehabilitationDeadlne: 'inden for 7 dage' },
    } as unknown as GopMessage;
    expect(() => buildGop(misspelt)).toThrow(/"rehabilitationDeadlne" is not part of the G-GOP model/);
    const mismatch = minimal();
    mismatch.rehabilitationPlan.abilityAtDischargeSummary = { text: 'Går med rollator', content: [] };
    expect(() => buildGop(mismatch)).toThrow(/text and content disagree/);
    expect(() => buildGop(minimal(), { prefixes: { m100: 'xmlns' } })).toThrow(GopBuildError);
    expect(() => buildGop(minimal(), { prefixes: { m100: '1bad' } })).toThrow(GopBuildError);
    expect(buildGop(minimal(), { prefixes: { m100: 'fælles' } })).toContain('<fælles:Envelope>');
  });

  it('refuses characters XML cannot carry', () => {
    const message = minimal();
    message.rehabilitationPlan.patient.personGivenName = 'Åse\u0007';
    expect(() => buildGop(message)).toThrow(/U\+0007/);
  });

  it('with strict, also refuses a plan with error findings', () => {
    const message = minimal();
    message.rehabilitationPlan.patient.civilRegistrationNumber = '3102851234';
    expect(() => buildGop(message)).not.toThrow();
    expect(() => buildGop(message, { strict: true })).toThrow(/GOP-FORMAT-003/);
  });
});

describe('wrapInVans', () => {
  it('wraps a built message so that parseGop unwraps the same model and the envelope facts', () => {
    const message = minimal();
    const bytes = buildGopBytes(message, { encoding: 'ISO-8859-1' });
    const envelope = wrapInVans(bytes, {
      // the envelope addressed as the plan is (GOP-INPUT-006 otherwise)
      sender: { id: message.rehabilitationPlan.sender.eanIdentifier! },
      receiver: { id: message.rehabilitationPlan.receiver.eanIdentifier!, endPointType: 'EAN' },
      envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950e',
      messageIdentifier: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      sentDateTime: '2019-03-05T10:15:00',
    });
    const result = parseGop(envelope);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message).toEqual(message);
    expect(result.findings).toEqual([]);
    expect(result.envelope).toMatchObject({
      envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950e',
      document: { name: 'MCM:GGOP', version: 'GGOP100', sizeInBytes: String(bytes.length) },
    });
    expect(checkGop(envelope).valid).toBe(true);
  });
});

describe('gop build', () => {
  it('turns gop parse output back into the same message, and refuses a broken model with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-build-'));
    try {
      const cli = (args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
      const parsed = cli(['parse', `${FIXTURES_DIR}valid/rehabilitering-apopleksi.xml`]);
      writeFileSync(join(dir, 'plan.json'), parsed.stdout);
      const built = cli(['build', '--pretty', join(dir, 'plan.json')]);
      expect(built.status).toBe(0);
      expect(modelOf(built.stdout)).toEqual(modelOf(read('valid/rehabilitering-apopleksi.xml')));
      const broken = JSON.parse(parsed.stdout).message;
      delete broken.rehabilitationPlan.letter;
      writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
      const refused = cli(['build', join(dir, 'broken.json')]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('/Emessage/RehabilitationPlan/Letter');
      expect(cli(['build', join(dir, 'missing.json')]).status).toBe(2);
      // --encoding ISO-8859-1 writes Latin-1 bytes, as declared (not the text re-encoded as UTF-8)
      const latin1 = spawnSync(process.execPath, ['dist/cli.js', 'build', '--encoding', 'ISO-8859-1', join(dir, 'plan.json')]);
      expect(latin1.status).toBe(0);
      expect(latin1.stdout.includes(Buffer.from('Ã'))).toBe(false);
      expect(modelOf(new Uint8Array(latin1.stdout))).toEqual(modelOf(read('valid/rehabilitering-apopleksi.xml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
