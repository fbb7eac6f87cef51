// `gop validate --redact`: no personal value from the messages may reach any output format.
// The personal values are extracted from the XML itself (not through the library), so the test does not share the
// library's idea of what is personal.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../src/index';
import { haveSamples, runGop, SAMPLE, type CliRun } from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const VALID_DIR = join(ROOT, 'fixtures', 'valid');
const MINIMAL = join(VALID_DIR, 'minimal.xml');

type Run = CliRun;
const gop = (args: string[]) => runGop(args);

// ---- personal values, straight from the XML ----

const decodeEntities = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function textOf(bytes: Buffer): string {
  const latin1 = /encoding=["'](ISO-8859-1|latin1|windows-1252)["']/i.test(bytes.subarray(0, 200).toString('latin1'));
  return new TextDecoder(latin1 ? 'latin1' : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Text of every element with this local name (any prefix). */
const elements = (xml: string, local: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>`, 'g'))].map((m) => m[1]!);

interface Personal { cprs: string[]; names: string[]; gpNames: string[]; others: string[] }

/** CPR numbers, names, street addresses, phone numbers, e-mail addresses and GP practice names of one file (VANS unwrapped). */
function personalValuesOf(bytes: Buffer): Personal {
  const xml = textOf(bytes);
  const result: Personal = { cprs: [], names: [], gpNames: [], others: [] };
  for (const data of elements(xml, 'Data')) {
    const inner = personalValuesOf(Buffer.from(data.replace(/\s+/g, ''), 'base64'));
    for (const key of Object.keys(result) as (keyof Personal)[]) result[key].push(...inner[key]);
  }
  const values = (local: string) => elements(xml, local).map((v) => decodeEntities(v).trim()).filter((v) => v.length > 1);
  result.cprs.push(...values('CivilRegistrationNumber').filter((v) => /^\d{10}$/.test(v)));
  result.names.push(...values('PersonGivenName'), ...values('PersonSurnameName'));
  result.others.push(...values('StreetName'), ...values('TelephoneSubscriberIdentifier'), ...values('EmailAddressIdentifier'));
  // The GP practice (often named after the doctor): every CCReceiver under GPCCReceiver, and copies to a ydernummer.
  for (const gp of elements(xml, 'GPCCReceiver')) for (const party of elements(gp, 'CCReceiver')) result.gpNames.push(...elements(party, 'OrganisationName').map((v) => decodeEntities(v).trim()));
  for (const party of [...elements(xml.replace(/<(?:[\w.-]+:)?GPCCReceiver>[\s\S]*?<\/(?:[\w.-]+:)?GPCCReceiver>/g, ''), 'CCReceiver'), ...elements(xml, 'ResultReceiver')]) {
    if (elements(party, 'IdentifierCode').some((c) => c.trim() === 'ydernummer')) result.gpNames.push(...elements(party, 'OrganisationName').map((v) => decodeEntities(v).trim()));
  }
  for (const key of Object.keys(result) as (keyof Personal)[]) result[key] = [...new Set(result[key].filter(Boolean))];
  return result;
}

const all = (p: Personal) => [...p.cprs, ...p.names, ...p.gpNames, ...p.others];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value as it may be written in any format: as is, XML-escaped, JSON-escaped. */
const spellings = (v: string) => [...new Set([v, v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'), JSON.stringify(v).slice(1, -1)])];
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
  writeFileSync(CONTACT, minimal.replace('<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>', `<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>
      <mm100:StreetName>${STREET}</mm100:StreetName>
      <TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>${BAD_PHONE}</mm100:TelephoneSubscriberIdentifier><TelephoneSubscriberCode>mobil</TelephoneSubscriberCode></TelephoneSubscriber>
      <EmailAddressIdentifier>${BAD_EMAIL}</EmailAddressIdentifier>`));
  GP_BY_LOCATION = join(TMP, 'gp-lokationsnummer.xml');
  writeFileSync(GP_BY_LOCATION, minimal.replace(/<GPCCReceiver>[\s\S]*?<\/GPCCReceiver>/, `<GPCCReceiver>
      <CCReceiver>
        <mm100:EANIdentifier>5790002015748</mm100:EANIdentifier>
        <IdentifierCode>lokationsnummer</IdentifierCode>
        <mm100:OrganisationName>Lægerne Bendtsen &amp; Krogh</mm100:OrganisationName>
      </CCReceiver>
    </GPCCReceiver>`));
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** Every format over `inputs`, with and without --redact, run in parallel. */
async function outputs(inputs: string[]): Promise<Record<string, { redacted: Run; plain: Run }>> {
  const runs = await Promise.all(FORMATS.flatMap((format) => [true, false].map((redact) => gop(['validate', '--exit-zero', '--format', format, ...(redact ? ['--redact'] : []), ...inputs]))));
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
    const files = ['almen-hoftefraktur.xml', 'almen-knaealloplastik-latin1.xml', 'almen-vans-wrapped.xml', 'minimal.xml', 'rehabilitering-apopleksi.xml', 'specialiseret-haandskade.xml', 'specialiseret-with-ambulatory-control.xml'];
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
      expect(values.filter((v) => appearsIn(redacted.stdout, v)), `${format} --redact leaks`).toEqual([]);
      // Without --redact they are there: the findings of contact.xml quote the phone number and the e-mail address.
      expect([BAD_PHONE, BAD_EMAIL].filter((v) => appearsIn(plain.stdout, v)), `${format} without --redact`).toEqual([BAD_PHONE, BAD_EMAIL]);
      expect(redacted.stdout).toMatch(/\*\*\*(\\?"|&quot;) is not an e-mail address/); // ... and masked with --redact
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
    for (const r of reports) for (const name of [r.facts?.patient.givenName, r.facts?.patient.surname]) if (name) expect(values).toContain(name);
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
      expect(values.filter((v) => appearsIn(redacted.stdout, v)), `${format} --redact leaks`).toEqual([]);
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
